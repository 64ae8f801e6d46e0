/** Dates as Vietnamese documents write them: `ngày 03/4/2017`, `ngày 14 tháng 7 năm 2015`, `28/ 02/ 2023`. */

import { GAP, matchAt } from './patterns.js';

export { GAP };

const NUMERIC = `(\\d{1,2})${GAP}[/.\\-]${GAP}(\\d{1,2})${GAP}[/.\\-]${GAP}(\\d{4})(?!\\d)`;
const WORDS = `(\\d{1,2})${GAP}tháng${GAP}(\\d{1,2})${GAP}năm${GAP}(\\d{4})(?!\\d)`;

/** `ngày` and a date, read where a mention ends (`, ban hành ngày …` too). */
export const DATE_AFTER = new RegExp(
  `(?:,?${GAP})?(?:ban hành${GAP})?ngày${GAP}(?:${NUMERIC}|${WORDS})`,
  'iu',
);

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days in a month, as `Date.UTC(year, month, 0)` counts them (years 0–99 are 1900–1999 there), without
 * making a Date for every date read (issue 15; test/unit/extract-dates-days.test.ts checks every year).
 */
export function daysIn(year: number, month: number): number {
  const y = year >= 0 && year <= 99 ? 1900 + year : year;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number);
}

/** An ISO date when day, month and year make a real date; else null. */
export function isoDate(d: string, m: string, y: string): string | null {
  const day = Number(d);
  const month = Number(m);
  const year = Number(y);
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > daysIn(year, month)) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type DateMatch = { iso: string | null; year: number; start: number; end: number };

/** Reads a `ngày …` date starting exactly at `at`. */
export function dateAt(text: string, at: number): DateMatch | undefined {
  const m = matchAt(DATE_AFTER, text, at);
  if (!m) return undefined;
  const [d, mo, y] = m[1] !== undefined ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
  const lead = /^(?:,?\s*)?(?:ban hành\s*)?/iu.exec(m[0])?.[0].length ?? 0;
  return {
    iso: isoDate(d as string, mo as string, y as string),
    year: Number(y),
    start: m.index + lead,
    end: m.index + m[0].length,
  };
}
