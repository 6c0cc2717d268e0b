// `commerce-variants mock`: not built yet.
export async function run(_args: string[]): Promise<number> {
  console.error('commerce-variants mock: not implemented yet');
  return 2;
}
