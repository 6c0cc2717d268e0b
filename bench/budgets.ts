// The runtime's budgets (issue 12): what `npm run bench` holds the client to.
export const budgets = {
  /** Median per-round time of the client over bare openapi-fetch. */
  ratio: 1.03,
  /** The clients plus openapi-fetch, minified and gzipped: 8 kB. */
  bytes: 8000,
};

/** What is over budget, one line each; empty when both hold. */
export function overBudget(ratio: number, bytes: number): string[] {
  return [
    ...(ratio > budgets.ratio ? [`ratio ${ratio.toFixed(3)} is over the budget of ${budgets.ratio}`] : []),
    ...(bytes > budgets.bytes ? [`size ${bytes} bytes is over the budget of ${budgets.bytes}`] : []),
  ];
}
