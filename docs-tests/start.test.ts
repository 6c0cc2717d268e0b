// `npm start` as a developer runs it: on ports chosen through the environment, it serves the docs
// index and one mock per API whose printed curl line works as pasted; Ctrl-C (SIGINT to the whole
// foreground process group, as a terminal sends it) and SIGTERM (to npm alone, as a supervisor
// sends it) leave no process behind; a taken port stops it before it builds anything.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { projectRoot, readApis } from '../scripts/apis.js';
import { isPortFree } from '../scripts/ports.js';
import { freePort } from '../src/testing/ports.js';
import { docsPort, mockPortVariable } from '../scripts/sandbox-config.js';
import { descendants, processesMentioning, stillRunning } from './support/processes.js';

const readyLine = 'Ctrl-C stops everything.';

interface Sandbox {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const launched: Sandbox[] = [];

afterEach(async () => {
  // A failed test must not leave a sandbox holding ports for the next one.
  for (const { child } of launched.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  }
});

async function portsFromEnv(): Promise<Record<string, string>> {
  const env: Record<string, string> = { [docsPort.variable]: String(await freePort()) };
  for (const api of readApis()) env[mockPortVariable(api.name)] = String(await freePort());
  return env;
}

function launch(env: Record<string, string>): Sandbox {
  // Its own process group, so the test can send Ctrl-C to the group as a terminal would.
  const child = spawn('npm', ['start'], { cwd: projectRoot, env: { ...process.env, ...env }, detached: true });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }) as Awaited<Sandbox['exited']>);
  const sandbox = { child, output: () => output, exited };
  launched.push(sandbox);
  return sandbox;
}

async function waitForReady(sandbox: Sandbox): Promise<string> {
  const deadline = Date.now() + 150_000;
  while (!sandbox.output().includes(readyLine)) {
    if (sandbox.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`npm start did not become ready:\n${sandbox.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return sandbox.output();
}

/** The curl line's headers and URL, read the way a shell would read the quoted words. */
function parseCurl(line: string): { url: string; headers: Record<string, string> } {
  const words = [...line.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  const url = words.pop()!;
  return { url, headers: Object.fromEntries(words.map((h) => [h.slice(0, h.indexOf(':')), h.slice(h.indexOf(':') + 1).trim()])) };
}

test.each(['SIGINT', 'SIGTERM'] as const)(
  'serves the docs and a mock per API on the chosen ports; %s stops everything',
  async (signal) => {
    const env = await portsFromEnv();
    const sandbox = launch(env);
    const output = await waitForReady(sandbox);

    const docsUrl = `http://127.0.0.1:${env[docsPort.variable]}/`;
    expect(output).toContain(`docs: ${docsUrl}`);
    const index = await fetch(docsUrl);
    expect(index.status).toBe(200);
    const html = await index.text();
    for (const api of readApis()) {
      expect(html).toContain(`href="${api.name}.html"`);
      expect((await fetch(`${docsUrl}${api.name}.html`)).status).toBe(200);

      const mockUrl = `http://127.0.0.1:${env[mockPortVariable(api.name)]}`;
      const lines = output.split('\n');
      const at = lines.findIndex((line) => line.trim() === `${api.name} mock: ${mockUrl}`);
      expect(at, `"${api.name} mock: ${mockUrl}" line`).toBeGreaterThan(-1);
      const curl = lines[at + 1]!.trim();
      expect(curl).toMatch(/^curl /);
      const { url, headers } = parseCurl(curl);
      expect(url.startsWith(mockUrl)).toBe(true);
      const answer = await fetch(url, { headers });
      expect(answer.status, `${curl} answered ${answer.status}`).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/json/);
    }

    const tree = await descendants(sandbox.child.pid!);
    expect(tree.filter((p) => p.command.includes('prism-cli'))).toHaveLength(readApis().length);

    if (signal === 'SIGINT') process.kill(-sandbox.child.pid!, 'SIGINT');
    else sandbox.child.kill('SIGTERM');
    const { code, signal: endedBy } = await sandbox.exited;
    // start.ts exits 0 after a clean stop; on Ctrl-C, tsx and npm may report it the shell's way
    // (130 = 128 + SIGINT) or end by the signal themselves. Anything else is a failure.
    const cleanEnds = signal === 'SIGINT' ? [0, 130] : [0];
    expect((code !== null && cleanEnds.includes(code)) || endedBy === signal, `exit ${code} / ${endedBy}`).toBe(true);
    expect(await stillRunning(tree.map((p) => p.pid))).toEqual([]);
    for (const port of Object.values(env)) expect(await isPortFree(Number(port)), `port ${port} released`).toBe(true);
  },
  180_000,
);

test('a taken port: one line naming the variable to set, a non-zero exit, nothing left running', async () => {
  const env = await portsFromEnv();
  const variable = mockPortVariable(readApis()[0]!.name);
  const blocker = createServer().listen(Number(env[variable]), '127.0.0.1');
  await once(blocker, 'listening');
  try {
    const sandbox = launch(env);
    const { code } = await sandbox.exited;
    expect(code).not.toBe(0);
    const message = `port ${env[variable]} (${readApis()[0]!.name} mock) is already in use: set ${variable} to a free port`;
    expect(sandbox.output().split('\n')).toContain(message);
    // It stopped before building or starting anything.
    expect(sandbox.output()).not.toContain('redocly');
    expect(await processesMentioning(Object.values(env).map((port) => `--port ${port}`))).toEqual([]);
    for (const [name, port] of Object.entries(env)) {
      if (name !== variable) expect(await isPortFree(Number(port)), `port ${port} free`).toBe(true);
    }
  } finally {
    blocker.close();
  }
});
