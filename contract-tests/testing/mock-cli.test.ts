// `commerce-variants mock <api>`: serves the bundled spec until a signal, and leaves nothing running.
import { createServer } from 'node:net';
import { once } from 'node:events';
import { describe, expect, test, vi } from 'vitest';
import { projectRoot, readApis } from '../../scripts/apis.js';
import { exampleRequest } from '../../scripts/example-request.js';
import { run } from '../../src/cli/mock.js';
import { freePort } from '../../src/testing/ports.js';
import { cliArgs, firstLine, startCli, startCommand } from './cli.js';
import { prismProcesses, processesForPort } from './processes.js';

const signals = ['SIGTERM', 'SIGINT'] as const;
/** Each API's create path, for a refused request. */
const createPaths: Record<string, string> = {
  ecwid: '/products/692730761/combinations',
  bigcommerce: '/catalog/products/192/variants',
};

describe.each(readApis().map((api, index) => ({ api: api.name, signal: signals[index % signals.length]! })))(
  'mock $api, stopped with $signal',
  ({ api, signal }) => {
    test('prints its URL, answers as the spec says, logs why it refuses a request, and stops Prism with it', async () => {
      const port = await freePort();
      const cli = startCli(['mock', api, '--port', String(port)], port);
      const url = `http://127.0.0.1:${port}`;
      expect(await firstLine(cli)).toBe(`${api} mock: ${url}`);
      expect(prismProcesses(port)).toHaveLength(1);

      const request = exampleRequest(api, url);
      const response = await fetch(request.url, { headers: request.headers });
      expect(response.status).toBe(200);
      expect(response.headers.get('sl-violations')).toBeNull();
      expect(await response.json()).toBeTruthy();

      // A create with a misspelt field: the answer's body is the canned example, and only the log
      // on stderr (and the sl-violations header) says why it was refused.
      const refused = await fetch(`${url}${createPaths[api]}`, {
        method: 'POST',
        headers: { ...request.headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ quantiy: 3 }),
      });
      expect(await refused.text()).not.toContain('quantiy');
      const messages = (JSON.parse(refused.headers.get('sl-violations') ?? '[]') as { message: string }[]).map((v) => v.message);
      const typo = messages.find((message) => message.includes("'quantiy'"));
      expect(typo).toBeDefined();
      await expect.poll(() => cli.stderr(), { timeout: 5_000 }).toContain(typo);

      cli.child.kill(signal);
      expect(await cli.exited).toBe(0);
      expect(prismProcesses(port)).toEqual([]);
      await expect(fetch(url)).rejects.toThrow();
      // Prism's start-up takes most of it: seconds, not the milliseconds its answers take.
    }, 30_000);
  },
);

test('Prism ends with the command even when the command is killed outright', async () => {
  const port = await freePort();
  const cli = startCli(['mock', 'ecwid', '--port', String(port)], port);
  await firstLine(cli);
  const [prism] = prismProcesses(port);
  expect(prism).toBeDefined();
  cli.child.kill('SIGKILL');
  await cli.exited;
  // Prism sees its stdin close and exits on its own; give it a moment.
  for (let tries = 0; tries < 50 && prismProcesses(port).length > 0; tries++) await new Promise((r) => setTimeout(r, 100));
  expect(prismProcesses(port)).toEqual([]);
});

test('run by npm, it stops when npm\'s shell around it is gone', async () => {
  // npx and npm run start a command under `sh -c` and pass a signal only to that shell, which ends
  // without passing it on. Here the shell is killed the way npm would signal it.
  const port = await freePort();
  const command = [process.execPath, ...cliArgs(['mock', 'ecwid', '--port', String(port)])].map((arg) => `'${arg}'`).join(' ');
  const shell = startCommand('sh', ['-c', command], projectRoot, port, { ...process.env, npm_command: 'exec' });
  await firstLine(shell);
  shell.child.kill('SIGTERM');
  await shell.exited;
  expect(processesForPort(port)).toEqual([]);
});

/**
 * `commerce-variants mock <args>` in this process, what it printed on each stream and its exit code.
 * A child process would prove nothing more for what ends before Prism starts: the tests above and
 * below run the command for real, where signals and exit codes depend on being a process.
 */
async function mockInProcess(args: string[]) {
  const printed = { stdout: '', stderr: '' };
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void (printed.stdout += `${line}\n`));
  const error = vi.spyOn(console, 'error').mockImplementation((line: string) => void (printed.stderr += `${line}\n`));
  try {
    return { code: await run(args), ...printed };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('it refuses to start with one line and exit code 2', () => {
  const cases = [
    ['an unknown api', ['shopify'], "commerce-variants mock: unknown api 'shopify': choose one of ecwid, bigcommerce"],
    ['no api', [], 'commerce-variants mock: expected one api, got 0 (see --help)'],
    ['a port out of range', ['ecwid', '--port', '70000'], 'commerce-variants mock: --port 70000 is not a port number (1-65535)'],
    ['a port that is not a number', ['ecwid', '--port=http'], 'commerce-variants mock: --port http is not a port number (1-65535)'],
    ['an unknown option', ['ecwid', '--host', '0.0.0.0'], "commerce-variants mock: unknown option '--host' (see --help)"],
  ] as const;

  test.each(cases)('%s', async (_, args, line) => {
    const outcome = await mockInProcess([...args]);
    expect(outcome).toEqual({ code: 2, stderr: `${line}\n`, stdout: '' });
  });

  test('a port already in use', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const { port } = taken.address() as { port: number };
    try {
      const outcome = await mockInProcess(['bigcommerce', '--port', String(port)]);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toBe(`commerce-variants mock: port ${port} on 127.0.0.1 is already in use: pick another with --port N\n`);
      expect(prismProcesses(port)).toEqual([]);
    } finally {
      taken.close();
    }
  });
});

test.each([
  ['--help', ['--help'], 0, 'stdout'],
  ['no command', [], 2, 'stderr'],
  ['an unknown command', ['serve'], 2, 'stderr'],
] as const)('commerce-variants with %s prints the usage', async (_, args, code, stream) => {
  const cli = startCli([...args]);
  expect(await cli.exited).toBe(code);
  expect(cli[stream]()).toMatch(/^(unknown command 'serve'\n)?usage: commerce-variants <command> \[options\]\n {2}mock +serve /);
});
