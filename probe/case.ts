import type { ProbeContext } from './context.js';

/** What one case found: held (the defence worked) or not, in one line a person can check. */
export type Verdict = {
  held: boolean;
  detail: string;
  /** Peak resident memory of the process under test, when the case measures it. */
  rssMb?: number;
  /** The bound that peak must stay under. */
  boundMb?: number;
};

export type ProbeArea = 'api' | 'input' | 'store' | 'crash';

/** One abuse, bad-input, crash or concurrency case, run against real processes on loopback. */
export type ProbeCase = {
  id: string;
  area: ProbeArea;
  /** What it tries, for the report and the README. */
  tries: string;
  /** An upper bound on the case's wall time; a case still running then has failed (a hang is a defect). */
  limitMs: number;
  run(ctx: ProbeContext): Promise<Verdict>;
};

export const held = (detail: string, extra: Partial<Verdict> = {}): Verdict => ({
  held: true,
  detail,
  ...extra,
});
export const failed = (detail: string, extra: Partial<Verdict> = {}): Verdict => ({
  held: false,
  detail,
  ...extra,
});

/** A memory verdict: held only when `ok` and the peak stayed under the bound. */
export function withinMemory(ok: boolean, detail: string, rssMb: number, boundMb: number): Verdict {
  const fits = rssMb <= boundMb;
  const what = `${detail}; peak RSS ${rssMb} MB (bound ${boundMb} MB)`;
  return { held: ok && fits, detail: what, rssMb, boundMb };
}
