// A client facing a fresh fault server, for the client reliability tests. Every server a test starts
// is closed after it.
import { afterEach } from 'vitest';
import { type Fault, type FaultServer, startFaultServer } from './fault-server.js';

/** `clientFacing(faults, options)`: a server that answers with `faults`, and a client made for its URL. */
export function facingFaults<Client, Options>(makeClient: (baseUrl: string, options?: Options) => Client) {
  const started: FaultServer[] = [];
  afterEach(() => Promise.all(started.splice(0).map((server) => server.close())));
  return async (faults: Fault[], options?: Options) => {
    const server = await startFaultServer(faults);
    started.push(server);
    return { client: makeClient(server.url, options), server };
  };
}
