import { dateAt } from '../dates.js';
import { matchAt } from '../patterns.js';
import { parseSymbol } from '../symbols.js';
import type { DocType } from '../types.js';
import type { NameMention, NumberMention, SymbolMention } from './types.js';

/** A mention of a symbol from `start` to the symbol's end, with the date written right after it. */
export function symbolMention(
  text: string,
  start: number,
  wordType: DocType | null,
  raw: string,
  symEnd: number,
  name: string | null = null,
): SymbolMention {
  const parsed = parseSymbol(raw);
  const date = dateAt(text, symEnd);
  const yearOnly = date ? undefined : yearAt(text, symEnd);
  const end = date?.end ?? yearOnly?.end ?? symEnd;
  return {
    kind: 'symbol',
    start,
    end,
    type: parsed.type ?? wordType ?? parsed.impliedType ?? 'CV',
    wordType,
    number: parsed.number,
    symbol: parsed.symbol,
    parsed,
    name,
    completedBy: null,
    issuedOn: date?.iso ?? null,
    dateYear: date?.year ?? null,
    year: parsed.numberYear ?? date?.year ?? yearOnly?.year ?? null,
    issuer: null,
    subject: null,
    tailEnd: end,
  };
}

const YEAR_AFTER = /\s+năm\s+((?:19[4-9]|20\d)\d)(?![\d/])/u;

/** `Quyết định số 12/QĐ-UBND năm 2021`: a year where a date would stand. */
function yearAt(text: string, at: number): { iso: null; year: number; end: number } | undefined {
  const y = matchAt(YEAR_AFTER, text, at);
  return y ? { iso: null, year: Number(y[1]), end: at + y[0].length } : undefined;
}

/** A mention of a number without codes (`Chỉ thị số 22`, `Nghị định 04/2015`), with its date if written. */
export function numberMention(
  text: string,
  start: number,
  type: DocType,
  number: string,
  numEnd: number,
  numberYear: number | null,
): NumberMention {
  const date = dateAt(text, numEnd);
  const yearOnly = date ? undefined : yearAt(text, numEnd);
  const end = date?.end ?? yearOnly?.end ?? numEnd;
  return {
    kind: 'number',
    start,
    end,
    type,
    wordType: type,
    number: String(Number(number)).padStart(number.length, '0'),
    symbol: null,
    parsed: null,
    name: null,
    completedBy: null,
    issuedOn: date?.iso ?? null,
    dateYear: date?.year ?? null,
    year: numberYear ?? date?.year ?? yearOnly?.year ?? null,
    issuer: null,
    subject: null,
    tailEnd: end,
  };
}

export function nameMention(
  start: number,
  end: number,
  type: DocType,
  name: string,
  date: { iso: string | null; year: number } | null,
): NameMention {
  return {
    kind: 'name',
    start,
    end,
    type,
    wordType: type,
    number: null,
    symbol: null,
    parsed: null,
    name,
    completedBy: null,
    issuedOn: date?.iso ?? null,
    dateYear: date?.year ?? null,
    year: date?.year ?? null,
    issuer: null,
    subject: null,
    tailEnd: end,
  };
}
