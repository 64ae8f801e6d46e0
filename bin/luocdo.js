#!/usr/bin/env node
// The published entry point: the compiled CLI (built by `npm ci` through the prepare script).
import { main } from '../dist/src/cli/main.js';

const code = await main(process.argv);
process.exitCode = code;
// The command is done: a socket a hung database server never answers (see closeDrivers) must not keep the
// process alive. The timer does not itself hold the process; one with nothing left open exits before it.
globalThis.setTimeout(() => process.exit(code), 1_000).unref();
