import type { Mention } from './references.js';
import type { ParsedSymbol } from './symbols.js';
import type { Finding } from './types.js';

type Span = (start: number, end: number) => [number, number];

/** What is wrong with a symbol's codes alone: a malformed National Assembly code, an unknown type code, an impossible year. */
export function codeProblems(p: ParsedSymbol): Array<Omit<Finding, 'start' | 'end'>> {
  const out: Array<Omit<Finding, 'start' | 'end'>> = [];
  for (const code of p.codes) {
    if (QH_FAMILY.test(code) && !QH_EXACT.test(code)) {
      const fixed = code.replace(/^(UBTVQH|QH)[A-Z]*(\d+)$/, '$1$2');
      out.push({
        code: 'UNKNOWN_CODE',
        severity: 'warning',
        message: `unknown issuer code ${code} in ${p.symbol}${fixed !== code ? `; probably ${fixed}` : ''}`,
      });
    }
  }
  if ((p.system === 'party' || p.system === 'legal') && p.type === null) {
    out.push({
      code: 'UNKNOWN_CODE',
      severity: 'warning',
      message: `unknown type code ${p.codes[0]} in ${p.symbol}`,
    });
  }
  if (p.numberYear !== null && (p.numberYear < 1945 || p.numberYear > 2100)) {
    out.push({
      code: 'MALFORMED_SYMBOL',
      severity: 'error',
      message: `impossible year ${p.numberYear} in ${p.symbol}`,
    });
  }
  return out;
}

const QH_FAMILY = /^(?:UBTVQH|QH)/;
const QH_EXACT = /^(?:UBTVQH|QH)\d{1,2}$/;
const EQUIVALENT_TYPES = new Set(['QyĐ:QĐi', 'QĐi:QyĐ']);

/** Findings on one document alone (the graph-wide ones belong to the audit). */
export function findingsOf(
  mentions: Mention[],
  span: Span,
  typeWordOf: (m: Mention) => string | null,
): Finding[] {
  const out: Finding[] = [];
  const at = (m: Mention) => span(m.start, m.end);
  for (const m of mentions) {
    const [start, end] = at(m);
    const p = m.parsed;
    if (p?.numberYear != null && m.dateYear != null && p.numberYear !== m.dateYear) {
      out.push({
        code: 'NUMBER_YEAR_MISMATCH',
        severity: 'error',
        message: `${m.symbol} carries the year ${p.numberYear} but is dated ${m.issuedOn ?? m.dateYear}`,
        start,
        end,
      });
    }
    if (p && !m.symbolInferred) {
      for (const problem of codeProblems(p)) out.push({ ...problem, start, end });
      const word = typeWordOf(m);
      if (word && p.type && word !== p.type && !EQUIVALENT_TYPES.has(`${word}:${p.type}`) && word !== 'CV') {
        out.push({
          code: 'TYPE_MISMATCH',
          severity: 'warning',
          message: `${m.symbol} is cited as ${word} but its code says ${p.type}`,
          start,
          end,
        });
      }
    }
    if (m.dateYear !== null && m.issuedOn === null && m.number !== null) {
      out.push({
        code: 'INVALID_DATE',
        severity: 'error',
        message: `the date of ${m.symbol ?? m.number} is not a real date`,
        start,
        end,
      });
    }
  }
  // One symbol, two dates, where the numbering rules make it one document: a year in the number,
  // or the same year (numbers restart each year at most).
  const bySymbol = new Map<string, Mention[]>();
  for (const m of mentions) {
    if (!m.symbol || !m.issuedOn || m.symbolInferred) continue;
    bySymbol.set(m.symbol, [...(bySymbol.get(m.symbol) ?? []), m]);
  }
  for (const [symbol, list] of bySymbol) {
    const first = list[0] as Mention;
    for (const m of list.slice(1)) {
      if (m.issuedOn === first.issuedOn) continue;
      const sameDoc = first.parsed?.numberYear != null || m.dateYear === first.dateYear;
      if (!sameDoc) continue;
      const [start, end] = at(m);
      out.push({
        code: 'DATE_CONFLICT',
        severity: 'warning',
        message: `${symbol} is dated ${m.issuedOn} here and ${first.issuedOn} earlier in the same document`,
        start,
        end,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
