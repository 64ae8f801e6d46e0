import type { ProbeCase, Verdict } from './case.js';
import type { ProbeContext } from './context.js';

export type Outcome = Verdict & { ms: number };

/** Runs one case under its time limit; a throw or a hang is a failure with what it said. */
export async function runCase(c: ProbeCase, ctx: ProbeContext): Promise<Outcome> {
  const t0 = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<Verdict>((resolve) => {
    timer = setTimeout(
      () => resolve({ held: false, detail: `still running after ${c.limitMs / 1000} s` }),
      c.limitMs,
    );
  });
  try {
    const v = await Promise.race([
      c.run(ctx).catch((e: unknown) => ({ held: false, detail: `threw: ${(e as Error).message}` })),
      limit,
    ]);
    return { ...v, ms: Date.now() - t0 };
  } finally {
    clearTimeout(timer);
  }
}

/** One line of the report: held or FAILED, the case, its time, what it saw. */
export const verdictLine = (v: Outcome, c: ProbeCase): string =>
  `${v.held ? 'held  ' : 'FAILED'}  ${c.id.padEnd(36)} ${(v.ms / 1000).toFixed(1).padStart(5)} s  ${v.detail}`;
