import type { Mention } from './mentions/types.js';
import type { ParsedSymbol } from './symbols.js';
import type { DocType, Finding, FindingCode, Severity } from './types.js';

type Span = (start: number, end: number) => [number, number];
type Problem = Omit<Finding, 'start' | 'end'>;

const problem = (
  code: FindingCode,
  severity: Severity,
  message: string,
  params: Problem['params'],
): Problem => ({
  code,
  severity,
  message,
  params,
});

const QH_FAMILY = /^(?:UBTVQH|QH)/;
const QH_EXACT = /^(?:UBTVQH|QH)\d{1,2}$/;
/** Codes that are an issuer's whole numbering, with no type code by rule: the National Assembly's and its Standing Committee's, and the historic ones. */
const TYPELESS_ISSUERS = /^(?:UBTVQH\d{1,2}|QH\d{1,2}|SL|LCT|CP|TTg|HĐBT|HĐNN\d*)$/;
/** A type word and a code that name the same kind of document. */
const EQUIVALENT_TYPES = new Set(['QyĐ:QĐi', 'QĐi:QyĐ']);
/** What a National Assembly number may be: a law, a code, a resolution, the constitution. */
const ASSEMBLY_TYPES = new Set<DocType>(['L', 'BL', 'NQ', 'HP', 'PL']);

/** What is wrong with a symbol's codes alone: a malformed National Assembly code, an unknown type code, an impossible year. */
export function codeProblems(p: ParsedSymbol): Problem[] {
  const out: Problem[] = [];
  for (const code of p.codes) {
    if (QH_FAMILY.test(code) && !QH_EXACT.test(code)) {
      const fixed = code.replace(/^(UBTVQH|QH)[A-Z]*(\d+)$/, '$1$2');
      out.push(
        problem(
          'UNKNOWN_CODE',
          'warning',
          `unknown issuer code ${code} in ${p.symbol}${fixed !== code ? `; probably ${fixed}` : ''}`,
          {
            symbol: p.symbol,
            code,
            ...(fixed !== code ? { probably: fixed } : {}),
          },
        ),
      );
    }
  }
  const first = p.codes[0] ?? '';
  if ((p.system === 'party' || p.system === 'legal') && p.type === null && !TYPELESS_ISSUERS.test(first)) {
    out.push(
      problem('UNKNOWN_CODE', 'warning', `unknown type code ${first} in ${p.symbol}`, {
        symbol: p.symbol,
        code: first,
      }),
    );
  }
  if (p.numberYear !== null && (p.numberYear < 1945 || p.numberYear > 2100)) {
    out.push(
      problem('MALFORMED_SYMBOL', 'error', `impossible year ${p.numberYear} in ${p.symbol}`, {
        symbol: p.symbol,
        numberYear: p.numberYear,
      }),
    );
  }
  return out;
}

function typeMismatch(m: Mention, p: ParsedSymbol): Problem | undefined {
  const word = m.wordType;
  if (!word || word === 'CV' || EQUIVALENT_TYPES.has(`${word}:${p.type}`)) return undefined;
  if (p.type ? word === p.type : p.impliedType === null || ASSEMBLY_TYPES.has(word)) return undefined;
  const says = p.type ?? p.impliedType;
  return problem('TYPE_MISMATCH', 'warning', `${p.symbol} is cited as ${word} but its code says ${says}`, {
    symbol: p.symbol,
    cited: word,
    code: says ?? '',
  });
}

function mentionProblems(m: Mention): Problem[] {
  const out: Problem[] = [];
  const p = m.parsed;
  if (p?.numberYear != null && m.dateYear != null && p.numberYear !== m.dateYear) {
    const date = m.issuedOn ?? String(m.dateYear);
    out.push(
      problem(
        'NUMBER_YEAR_MISMATCH',
        'error',
        `${m.symbol} carries the year ${p.numberYear} but is dated ${date}`,
        {
          symbol: m.symbol ?? '',
          numberYear: p.numberYear,
          date,
        },
      ),
    );
  }
  if (p && m.completedBy === null) {
    for (const x of codeProblems(p)) out.push(x);
    const mismatch = typeMismatch(m, p);
    if (mismatch) out.push(mismatch);
  }
  if (m.dateYear !== null && m.issuedOn === null && m.number !== null) {
    const what = m.symbol ?? m.number;
    out.push(problem('INVALID_DATE', 'error', `the date of ${what} is not a real date`, { symbol: what }));
  }
  return out;
}

/** One symbol, two dates, where the numbering rules make it one document (a year in the number, or the same year). */
function dateConflicts(mentions: Mention[], at: (m: Mention) => [number, number]): Finding[] {
  const out: Finding[] = [];
  const bySymbol = new Map<string, Mention[]>();
  for (const m of mentions) {
    if (!m.symbol || !m.issuedOn || m.completedBy !== null) continue;
    const list = bySymbol.get(m.symbol);
    if (list) list.push(m);
    else bySymbol.set(m.symbol, [m]);
  }
  for (const [symbol, list] of bySymbol) {
    const first = list[0] as Mention;
    for (const m of list.slice(1)) {
      if (m.issuedOn === first.issuedOn) continue;
      if (first.parsed?.numberYear == null && m.dateYear !== first.dateYear) continue;
      const [start, end] = at(m);
      const message = `${symbol} is dated ${m.issuedOn} here and ${first.issuedOn} earlier in the same document`;
      out.push({
        ...problem('DATE_CONFLICT', 'warning', message, {
          symbol,
          date: m.issuedOn ?? '',
          earlier: first.issuedOn ?? '',
        }),
        start,
        end,
      });
    }
  }
  return out;
}

/** Findings on one document alone (the graph-wide ones belong to the audit). */
export function findingsOf(mentions: Mention[], span: Span): Finding[] {
  const at = (m: Mention) => span(m.start, m.end);
  const out: Finding[] = [];
  for (const m of mentions) {
    const [start, end] = at(m);
    for (const p of mentionProblems(m)) out.push({ ...p, start, end });
  }
  for (const x of dateConflicts(mentions, at)) out.push(x);
  return out.sort((a, b) => a.start - b.start);
}
