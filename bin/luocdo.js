#!/usr/bin/env node
// The published entry point: the compiled CLI (built by `npm ci` through the prepare script).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { constants } from 'node:os';
import { HEAP_SET, loadHeapFlag } from '../dist/src/cli/heap.js';

/**
 * `luocdo load` runs again in a Node whose heap is `LUOCDO_LOAD_HEAP_MB` (see src/cli/heap.ts); the
 * signals a person sends go to it, and its exit status is this one's.
 */
async function again(flag) {
  const child = spawn(process.execPath, [...process.execArgv, flag, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [HEAP_SET]: '1' },
  });
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => child.kill(s));
  try {
    const [code, signal] = await once(child, 'exit');
    // A signal's death said as a shell says it: 130 for Ctrl-C, 137 for the kernel's out-of-memory kill.
    return code ?? 128 + (constants.signals[signal] ?? 15);
  } catch (e) {
    process.stderr.write(`error: could not run luocdo load again with a larger heap: ${e.message}\n`);
    return 1;
  }
}

const flag = loadHeapFlag(process.argv);
if (flag) process.exitCode = await again(flag);
else {
  const { main } = await import('../dist/src/cli/main.js');
  const code = await main(process.argv);
  process.exitCode = code;
  // The command is done: a socket a hung database server never answers (see closeDrivers) must not keep the
  // process alive. The timer does not itself hold the process; one with nothing left open exits before it.
  globalThis.setTimeout(() => process.exit(code), 1_000).unref();
}
