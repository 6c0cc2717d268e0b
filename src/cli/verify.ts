// `commerce-variants verify`: not built yet.
export async function run(_args: string[]): Promise<number> {
  console.error('commerce-variants verify: not implemented yet');
  return 2;
}
