// `npm start`: the local sandbox. Lints, regenerates and builds the docs, then serves the docs site
// and one Prism mock per API in redocly.yaml on 127.0.0.1 until Ctrl-C or SIGTERM, which stop
// everything it started.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { launchMock } from '../src/testing/mock.js';
import { projectRoot, readApis } from './apis.js';
import { exampleRequest, toCurl } from './example-request.js';
import { type PortChoice, PortError, assertPortsFree, choosePort } from './ports.js';
import { defaultMockPort, docsPort, mockPortVariable } from './sandbox-config.js';
import { serveDirectory } from './static-server.js';

interface Stoppable {
  stop(): Promise<void>;
}

/** Servers being started or running; shutdown waits for the ones still starting, then stops all. */
const servers: Promise<Stoppable>[] = [];
let buildStep: ChildProcess | undefined;
let shuttingDown = false;

async function shutdown(exitCode: number): Promise<never> {
  shuttingDown = true;
  // Build steps run in their own process group, so npm, tsx and redocly all go at once.
  if (buildStep?.pid && buildStep.exitCode === null) process.kill(-buildStep.pid, 'SIGTERM');
  const started = await Promise.allSettled(servers);
  await Promise.allSettled(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
  process.exit(exitCode);
}

/** Runs `npm run <script>`; false when it failed (it has printed why). */
async function runScript(script: string): Promise<boolean> {
  buildStep = spawn('npm', ['run', script], { cwd: projectRoot, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  const [code] = (await once(buildStep, 'exit')) as [number | null];
  return code === 0;
}

function choosePorts(): { docs: PortChoice; mocks: { name: string; port: PortChoice }[] } {
  return {
    docs: choosePort('docs', docsPort.variable, docsPort.default),
    mocks: readApis().map(({ name }) => ({
      name,
      port: choosePort(`${name} mock`, mockPortVariable(name), defaultMockPort(name)),
    })),
  };
}

async function main(): Promise<void> {
  const ports = choosePorts();
  // Checked before the build so a clash costs a second, not a full build.
  await assertPortsFree([ports.docs, ...ports.mocks.map((m) => m.port)]);
  for (const script of ['lint', 'generate', 'docs']) {
    const succeeded = await runScript(script);
    if (shuttingDown) return;
    if (!succeeded) {
      console.error(`npm run ${script} failed; fix it and run npm start again`);
      return shutdown(1);
    }
  }
  // Checked again: something may have taken a port while the build ran.
  await assertPortsFree([ports.docs, ...ports.mocks.map((m) => m.port)]);

  const docs = serveDirectory(join(projectRoot, 'dist', 'docs'), ports.docs.port);
  const mocks = ports.mocks.map(({ name, port }) => launchMock(name, { port: port.port }));
  servers.push(docs, ...mocks);
  const [docsServer, ...mockServers] = await Promise.all([docs, ...mocks]);
  if (shuttingDown) return;

  const lines = ['', 'Sandbox running:', `  docs: ${docsServer!.url}/`];
  ports.mocks.forEach(({ name }, index) => {
    const url = mockServers[index]!.url;
    lines.push(`  ${name} mock: ${url}`, `    ${toCurl(exampleRequest(name, url))}`);
  });
  lines.push('Ctrl-C stops everything.');
  console.log(lines.join('\n'));
}

process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

main().catch((error: unknown) => {
  if (shuttingDown) return;
  // A PortError's message is the whole story; anything else is a bug and keeps its stack.
  console.error(error instanceof PortError ? error.message : error);
  void shutdown(1);
});
