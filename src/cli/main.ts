#!/usr/bin/env node
// The `commerce-variants` executable: the command (commands.ts) as this process, its result the exit code.
import { main } from './commands.js';

process.exitCode = await main(process.argv.slice(2));
