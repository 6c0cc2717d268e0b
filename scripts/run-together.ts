// `npm test`: runs the named package.json scripts at the same time and fails if any of them fails.
// The checks read the project and write nothing another reads, so side by side they are the same
// checks as one after another, in the time of the longest instead of the sum. The last one (the
// contract suite) prints as it runs and has the CPU first: the others run niced, in the time it
// spends waiting (on a loaded machine, Prism's start-up starved behind them). Each other step prints
// its whole output when it ends, under its name. Every step runs to its end, so one run shows every
// failure; a closing line gives each step's outcome and time.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { projectRoot } from './apis.js';

const { scripts } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const names = process.argv.slice(2);
const unknown = names.filter((name) => !(name in scripts));
if (names.length === 0 || unknown.length > 0) {
  console.error(`run-together: ${names.length === 0 ? 'name the scripts to run' : `no script named ${unknown.join(', ')}`}`);
  process.exit(2);
}

// What `npm run` gives a script: the project's own commands first on PATH.
const env = { ...process.env, PATH: [join(projectRoot, 'node_modules', '.bin'), process.env.PATH].join(delimiter) };

interface Outcome {
  name: string;
  code: number | null;
  seconds: number;
}

function runStep(name: string, live: boolean): Promise<Outcome> {
  const started = performance.now();
  const shell = ['sh', '-c', scripts[name]!];
  const [command, ...args] = live ? shell : ['nice', '-n', '10', ...shell];
  const child = spawn(command!, args, {
    cwd: projectRoot,
    env,
    stdio: ['ignore', live ? 'inherit' : 'pipe', live ? 'inherit' : 'pipe'],
  });
  // stdout and stderr in the order they were written, so an error sits next to what led to it.
  const output: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (!live) process.stdout.write(`\n> ${name}: ${scripts[name]}\n${Buffer.concat(output).toString()}`);
      resolve({ name, code, seconds });
    });
  });
}

const outcomes = await Promise.all(names.map((name, index) => runStep(name, index === names.length - 1)));
const failed = outcomes.filter(({ code }) => code !== 0);
console.log(`\n${outcomes.map(({ name, code, seconds }) => `${name} ${code === 0 ? 'ok' : 'FAILED'} ${seconds.toFixed(1)} s`).join(', ')}`);
if (failed.length > 0) {
  console.error(`failed: ${failed.map(({ name }) => name).join(', ')}`);
  process.exitCode = 1;
}
