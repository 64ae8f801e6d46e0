import { InvalidArgumentError } from 'commander';
import { isLuocdoError } from '../errors.js';
import type { Plain } from '../store/values.js';

export type Io = { out: (s: string) => void; err: (s: string) => void };

export const stdio: Io = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
};

/**
 * Text from outside (a file name, a message quoting one) made safe to print: control characters (C0, DEL,
 * C1) and the bidirectional overrides are written as escapes. A newline in a file name printed a forged
 * `error FILE_READ:` line, an escape sequence cleared the terminal (issue 12). JSON output needs none of
 * this: JSON escapes control characters itself.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const named = ({ '\n': '\\n', '\r': '\\r', '\t': '\\t' } as Record<string, string>)[c];
    if (named) return named;
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

/** An error as the one line (and hint) `formatError` gives, its message and hint made printable. */
export function errorLine(e: unknown, code?: string): string {
  if (isLuocdoError(e))
    return `error ${e.code}: ${printable(e.message)}${e.hint ? `\n  hint: ${printable(e.hint)}` : ''}`;
  return `error${code ? ` ${code}` : ''}: ${printable(e instanceof Error ? e.message : String(e))}`;
}

/**
 * Per-page OCR progress for a terminal (`OCR  scan.pdf  trang 3/12`): a scanned file takes seconds a page.
 * Only when stderr is a TTY, so tests and pipes stay clean.
 */
export function ocrProgress(io: Io): ((path: string, done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (path, done, total) => io.err(ocrPageLine(path, done, total));
}

export const ocrPageLine = (path: string, done: number, total: number): string =>
  `OCR  ${printable(path.split('/').pop() ?? path)}  trang ${done}/${total}`;

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** A plain text table for a terminal; cells are one line each. */
export function table(rows: Record<string, Plain>[]): string {
  if (rows.length === 0) return '(no rows)';
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: Plain | undefined): string =>
    v === undefined || v === null
      ? ''
      : typeof v === 'string'
        ? printable(v.replace(/\s+/g, ' '))
        : JSON.stringify(v);
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
