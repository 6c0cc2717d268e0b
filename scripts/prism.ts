// Starts `prism mock` on a bundled spec and waits until it listens. Shared by the contract suite's
// global setup (free ports) and by `npm start` (fixed ports, so URLs and curl lines stay the same).
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from './apis.js';

export interface RunningMock {
  url: string;
  stop(): Promise<void>;
}

export interface PrismOptions {
  /** Listen on this port; without it, on a free one. */
  port?: number;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export async function startPrism(apiName: string, options: PrismOptions = {}): Promise<RunningMock> {
  const listenPort = options.port ?? (await freePort());
  const spec = join(projectRoot, 'generated', `${apiName}.openapi.json`);
  const child = spawn(
    join(projectRoot, 'node_modules', '.bin', 'prism'),
    ['mock', spec, '--host', '127.0.0.1', '--port', String(listenPort)],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await waitUntilListening(child, apiName);
  return {
    url: `http://127.0.0.1:${listenPort}`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

function waitUntilListening(child: ChildProcess, apiName: string): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) {
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Prism for ${apiName} exited with ${code}:\n${output}`)));
    child.once('error', reject);
  });
}
