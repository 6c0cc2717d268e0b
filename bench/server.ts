// The benchmark's server: one fixed variation for every request, on a loopback port it prints.
// It runs in its own process so that serving does not share the client's event loop.
import { createServer } from 'node:http';

const body = JSON.stringify({
  id: 422488528,
  combinationNumber: 2,
  options: [{ name: 'Size', value: 'L' }],
  sku: 'TSHIRT-L',
  price: 19.99,
  quantity: 10,
  inStock: true,
});

const server = createServer((_, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as { port: number }).port}\n`);
});
process.on('disconnect', () => process.exit(0));
