// What each vendor's contract suite supplies to the shared, table-driven tests.
import type { Middleware } from 'openapi-fetch';

export interface CallResult {
  response: Response;
  data?: unknown;
  error?: unknown;
}

interface UsesMiddleware {
  use(...middleware: Middleware[]): void;
}

interface VendorCases<Client extends UsesMiddleware, OperationId extends string> {
  /** The project's client for this vendor, pointed at a mock. */
  client(baseUrl: string): Client;
  /**
   * Every status the vendor documents, per operation, written from the vendor's material (not read
   * from our spec): the coverage guard compares the two, so a status added to or missing from the
   * spec turns the suite red.
   */
  documentedStatuses: Record<OperationId, readonly number[]>;
  /** One valid request per operation, as a user would write it. */
  validCalls: Record<OperationId, (client: Client) => Promise<CallResult>>;
}

/** The same cases with the client type erased, so the shared tests can loop over vendors. */
export interface ContractCases {
  documentedStatuses: Record<string, readonly number[]>;
  /** Makes the operation's valid call through a fresh client that also runs `middleware`. */
  call(baseUrl: string, operationId: string, ...middleware: Middleware[]): Promise<CallResult>;
}

/** Keys are checked against the generated `operations`, so a renamed operation fails to compile. */
export function defineVendorCases<Client extends UsesMiddleware, Operations>(
  cases: VendorCases<Client, keyof Operations & string>,
): ContractCases {
  const validCalls: Record<string, (client: Client) => Promise<CallResult>> = cases.validCalls;
  return {
    documentedStatuses: cases.documentedStatuses,
    call(baseUrl, operationId, ...middleware) {
      const validCall = validCalls[operationId];
      if (!validCall) throw new Error(`no valid call written for ${operationId}`);
      const client = cases.client(baseUrl);
      client.use(...middleware);
      return validCall(client);
    },
  };
}
