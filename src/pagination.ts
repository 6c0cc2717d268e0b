// BigCommerce's paging rule, one for every walk over a product's variants (the client's
// listAllVariants and verify): page N must say it is page N, and the walk ends where
// meta.pagination says the last page is.

/** A page number as a page reports it; a number sent as a digit string still counts (verify reports the string itself). */
export const pageNumber = (value: unknown): number | undefined =>
  typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;

/** What comes after page `asked`, by its `meta.pagination`. */
export type PageStep =
  /** `next`: ask for page `asked + 1`; otherwise this was the last page, or the page does not say where it is. */
  | { next: boolean }
  /** The store answered page `asked` with another page: following it would loop or repeat variants. */
  | { next: false; answeredAs: number };

export function pageStep(asked: number, pagination: { current_page?: unknown; total_pages?: unknown } | undefined): PageStep {
  const current = pageNumber(pagination?.current_page);
  const total = pageNumber(pagination?.total_pages);
  if (current !== undefined && current !== asked) return { next: false, answeredAs: current };
  return { next: current !== undefined && total !== undefined && current < total };
}
