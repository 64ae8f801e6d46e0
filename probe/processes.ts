import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/paths.js';

export type Run = {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory (VmHWM) of the CLI process, last read before it ended. */
  peakRssMb: number;
  timedOut: boolean;
};

/** VmHWM of a live process in MB, 0 once it is gone: the kernel's own high-water mark, not a sample. */
export function peakRssMb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

export type RunOptions = { env: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number; input?: string };

export type Running = { child: ChildProcessWithoutNullStreams; done: Promise<Run> };

/** Starts the built CLI as a user would; `done` settles when it ends or is killed at the time limit. */
export function startCli(args: string[], opts: RunOptions): Running {
  const t0 = Date.now();
  const child = spawn(process.execPath, [join(projectRoot(), 'bin', 'luocdo.js'), ...args], {
    env: opts.env,
    cwd: opts.cwd ?? projectRoot(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let peak = 0;
  let timedOut = false;
  child.stdout.on('data', (b: Buffer) => (stdout = (stdout + b.toString()).slice(-200_000)));
  child.stderr.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-200_000)));
  const sampler = setInterval(() => (peak = Math.max(peak, peakRssMb(child.pid))), 20);
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, opts.timeoutMs ?? 120_000);
  child.stdin.end(opts.input ?? '');
  const done = new Promise<Run>((resolve) => {
    child.on('close', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - t0, peakRssMb: peak, timedOut });
    });
  });
  return { child, done };
}

export const runCli = (args: string[], opts: RunOptions): Promise<Run> => startCli(args, opts).done;

/** Every process's command line now (to check that no secret is ever on one). */
export function allCommandLines(): string[] {
  const out: string[] = [];
  const pids = readdirSync('/proc').filter((n) => /^\d+$/.test(n));
  for (const pid of pids) {
    try {
      out.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '));
    } catch {
      // the process ended between the listing and the read
    }
  }
  return out;
}
