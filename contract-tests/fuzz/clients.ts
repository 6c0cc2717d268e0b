// The project's clients as the fuzz tests send through them: the contract suite's own (pointed at
// its Prism mocks, retries off so every answer is checked as it came), with their types erased.
import { bigCommerceClient } from '../bigcommerce/client.js';
import { ecwidClient } from '../ecwid/client.js';
import type { UntypedClient } from './requests.js';

const clients: Record<string, () => object> = {
  ecwid: () => ecwidClient(),
  bigcommerce: () => bigCommerceClient(),
};

export function fuzzClient(api: string): UntypedClient {
  const client = clients[api];
  if (!client) throw new Error(`no client for the ${api} API in contract-tests/fuzz/clients.ts`);
  return client() as UntypedClient;
}
