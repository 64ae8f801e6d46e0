import { InvalidArgumentError } from 'commander';
import type { Plain } from '../store/values.js';

export type Io = { out: (s: string) => void; err: (s: string) => void };

export const stdio: Io = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
};

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** A plain text table for a terminal; cells are one line each. */
export function table(rows: Record<string, Plain>[]): string {
  if (rows.length === 0) return '(no rows)';
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: Plain | undefined): string =>
    v === undefined || v === null ? '' : typeof v === 'string' ? v.replace(/\s+/g, ' ') : JSON.stringify(v);
  const widths = cols.map((c) => Math.min(60, Math.max(c.length, ...rows.map((r) => cell(r[c]).length))));
  const fmt = (vals: string[]) =>
    vals
      .map((v, i) => v.slice(0, widths[i]).padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    fmt(cols),
    fmt(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => fmt(cols.map((c) => cell(r[c])))),
  ].join('\n');
}

/** A commander option parser for a whole number in [min, max]: a clear error instead of NaN. */
export const intOption =
  (min: number, max: number) =>
  (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}, got "${v}"`);
    return n;
  };
