// What the clients know about each operation at run time, from the generated tables.

/** The operationId, and the spec's x-safe-to-retry: repeating the request cannot change the outcome. */
export type OperationInfo = readonly [operationId: string, safeToRetry: boolean];

/** Keyed by schema path, then method, e.g. `['/products/{productId}/combinations'].GET`. */
export type OperationTable = Record<string, Partial<Record<string, OperationInfo>>>;

export function findOperation(table: OperationTable, method: string, schemaPath: string): OperationInfo {
  // An operation missing from the table (a hand-written path) is treated as unsafe to repeat.
  return table[schemaPath]?.[method] ?? [`${method} ${schemaPath}`, false];
}
