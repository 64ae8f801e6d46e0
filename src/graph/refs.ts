import { LuocdoError } from '../errors.js';
import { KNOWN_TYPE_CODES, TYPE_WORDS, typeCode as typeCodeAsWritten } from '../extract/codes.js';
import { extractDocument, fold, parseSymbol, type DocType, type Issuer } from '../extract/index.js';
import { numberingScope } from './identity.js';
import { resolveOrg } from './organizations.js';

/**
 * A document reference as a person types it, parsed for a look-up (pure: the store runs the query).
 * `symbols` lists the symbol as written first, then the same with its separators swapped (`22/CT-TU` is
 * how a hurried hand writes `22-CT/TU`); `issuedOn`, `year` and `issuer` decide between candidates.
 */
export type RefQuery =
  | { kind: 'key'; key: string }
  | ({ kind: 'symbol'; symbols: string[] } & Narrowing)
  | ({ kind: 'number'; type: DocType; number: string } & Narrowing);

export type Narrowing = { issuedOn: string | null; year: number | null; issuer: Issuer | null };

/** A type code as typed, with or without its diacritics and case: `NĐ`, `nd`, `QĐ`, `qd`. */
function typeCode(code: string): ReturnType<typeof typeCodeAsWritten> {
  const exact = typeCodeAsWritten(code);
  if (exact) return exact;
  const folded = KNOWN_TYPE_CODES.filter((c) => fold(c) === fold(code));
  return folded.length === 1 ? typeCodeAsWritten(folded[0] as string) : undefined;
}

const FOLDED_TYPE_WORDS = TYPE_WORDS.map(([w, t]) => [fold(w), t] as const).sort(
  (a, b) => b[0].length - a[0].length,
);

/** `22-CT/TU` ↔ `22/CT-TU`, `70/KH-UBND` ↔ `70-KH/UBND`: the other numbering's separators, if it has a type code. */
export function swappedSymbol(symbol: string): string | null {
  const party = /^(\d+)-([^/-]+)\/(.+)$/u.exec(symbol);
  const state = /^(\d+)\/([^/-]+)-(.+)$/u.exec(symbol);
  const m = party ?? state;
  if (!m || !typeCode(m[2] as string)) return null;
  return party ? `${m[1]}/${m[2]}-${m[3]}` : `${m[1]}-${m[2]}/${m[3]}`;
}

const symbolQuery = (symbol: string, n: Narrowing): RefQuery => {
  const swapped = swappedSymbol(symbol);
  return { kind: 'symbol', symbols: swapped ? [symbol, swapped] : [symbol], ...n };
};

/** `ngày 03/4/2017`, `năm 2017` and `của …` in a typed reference that the extractor did not read. */
function narrowingOf(raw: string): Narrowing {
  const d = /ngày\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/iu.exec(raw);
  const issuedOn = d
    ? `${d[3]}-${(d[2] as string).padStart(2, '0')}-${(d[1] as string).padStart(2, '0')}`
    : null;
  const y = /(?:năm|nam)\s+(\d{4})/iu.exec(raw);
  const of = /(?:của|cua)\s+(.+)$/iu.exec(raw);
  return {
    issuedOn,
    year: issuedOn ? Number(issuedOn.slice(0, 4)) : y ? Number(y[1]) : null,
    issuer: of ? { text: (of[1] as string).trim(), code: null } : null,
  };
}

/** The short forms staff type: `KH 70`, `KH số 70`, `CT 22`, `NĐ 04/2015`, `70/KH`, `22-CT`. */
function shortForm(raw: string, n: Narrowing): RefQuery | null {
  const codeFirst =
    /(?:^|\s)([\p{L}]{1,5})\.?\s*(?:số|so)?\s*:?\s*(\d{1,5})(?:\s*\/\s*(\d{4}))?(?![\d/-])/u.exec(raw);
  const numberFirst = /(?:^|\s)(\d{1,5})\s*[/-]\s*([\p{L}]{1,5})(?![\p{L}\d/-])/u.exec(raw);
  const m = codeFirst && typeCode(codeFirst[1] as string) ? codeFirst : null;
  if (m) {
    const type = typeCode(m[1] as string)?.type as DocType;
    return { kind: 'number', type, number: m[2] as string, ...n, year: m[3] ? Number(m[3]) : n.year };
  }
  const tc = numberFirst ? typeCode(numberFirst[2] as string) : undefined;
  if (numberFirst && tc) return { kind: 'number', type: tc.type, number: numberFirst[1] as string, ...n };
  return null;
}

/**
 * Any way people write a document's number: `22-CT/TU`, `chi thi so 22 - ct/tu`, `22/CT-TU`,
 * `Kết luận số 114-KL/TW ngày 14 tháng 7 năm 2015 của Ban Bí thư`, `chi thi 22`, `KH số 70`, `70/KH`,
 * `NĐ 04/2015`, or a graph key.
 */
export function parseRef(ref: string): RefQuery {
  const raw = ref.trim();
  if (!raw || raw.length > 500)
    throw new LuocdoError('BAD_INPUT', 'a document reference is 1 to 500 characters');
  if (raw.includes('|') || /^(text|name|num):/.test(raw)) return { kind: 'key', key: raw };
  const found = extractDocument(raw).references.find((r) => r.symbol);
  const n = narrowingOf(raw);
  if (found?.symbol)
    return symbolQuery(found.symbol, {
      issuedOn: found.issuedOn ?? n.issuedOn,
      year: found.year ?? n.year,
      issuer: found.issuer ?? n.issuer,
    });
  // Without diacritics the type words are not recognised; the symbol alone still is.
  const sym =
    /(\d{1,5})\s*([-/])\s*(?:(\d{4})\s*\/\s*)?([a-zđ]+)\s*([-/])\s*([a-zđ0-9]+(?:\s*-\s*[a-zđ0-9]+)*)/iu.exec(
      raw,
    );
  if (sym) return symbolQuery(parseSymbol(sym[0].replace(/\s+/g, '')).symbol, n);
  const f = fold(raw);
  for (const [word, type] of FOLDED_TYPE_WORDS) {
    const m = new RegExp(
      `(?:^|\\s)${word}(?:\\s+so)?\\s*:?\\s*(\\d{1,5})(?:\\s*/\\s*(\\d{4}))?(?![\\d/])`,
    ).exec(f);
    if (m) return { kind: 'number', type, number: m[1] as string, ...n, year: m[2] ? Number(m[2]) : n.year };
  }
  const short = shortForm(raw, n);
  if (short) return short;
  throw new LuocdoError(
    'BAD_INPUT',
    `'${raw}' names no document: give a number such as 22-CT/TU, "Chỉ thị số 22" or "KH 70"`,
  );
}

/** The ways a number is written in symbols: `4`, `04`. */
export const numberForms = (n: string): string[] =>
  [...new Set([n, String(Number(n)), String(Number(n)).padStart(2, '0')])].filter((x) => x !== 'NaN');

export type Candidate = {
  key: string;
  symbol: string | null;
  year: number | null;
  issuedOn: string | null;
  /** Keys of the units the graph says issued it. */
  issuers: string[];
};

/** The year a document belongs to: in its number (`04/2015/NĐ-CP`), its year, or its date. */
export function yearOf(d: Pick<Candidate, 'symbol' | 'year' | 'issuedOn'>): number | null {
  const inNumber = d.symbol ? parseSymbol(d.symbol).numberYear : null;
  return inNumber ?? d.year ?? (d.issuedOn ? Number(d.issuedOn.slice(0, 4)) : null);
}

const EMPTY_CONTEXT = { level: null, province: null, district: null, commune: null };

/**
 * The candidates a reference still fits once what it gives decides: the symbol exactly as written over the
 * swapped one; a date over the documents of another date (an undated one stays only when no document has
 * that date); a year likewise; an issuer the text names over the others, when the graph says who issued them.
 */
export function narrow<T extends Candidate>(q: RefQuery, cands: readonly T[]): T[] {
  if (q.kind === 'key') return [...cands];
  let c = [...cands];
  if (q.kind === 'symbol') {
    const exact = c.filter((d) => d.symbol === q.symbols[0]);
    if (exact.length > 0) c = exact;
  }
  if (q.issuedOn) {
    const same = c.filter((d) => d.issuedOn === q.issuedOn);
    const y = Number(q.issuedOn.slice(0, 4));
    c = same.length > 0 ? same : c.filter((d) => !d.issuedOn && (yearOf(d) === null || yearOf(d) === y));
  } else if (q.year) {
    const same = c.filter((d) => yearOf(d) === q.year);
    c = same.length > 0 ? same : c.filter((d) => yearOf(d) === null);
  }
  if (q.issuer && c.length > 1) {
    const org = resolveOrg(q.issuer.text, q.issuer.code, EMPTY_CONTEXT);
    if (org) {
      const by = c.filter(
        (d) =>
          d.issuers.includes(org.key) ||
          (d.symbol !== null && d.key.includes(`|${numberingScope(d.symbol, org).scope}`)),
      );
      if (by.length > 0) c = by;
    }
  }
  return c;
}

/** What would tell the candidates apart, for the message that lists them. */
export function whatDecides(cands: readonly Candidate[]): string {
  const years = new Set(cands.map((d) => yearOf(d) ?? '?'));
  const issuers = new Set(cands.map((d) => d.key.split('|')[1] ?? d.key));
  if (years.size > 1 && issuers.size > 1) return 'add the date and the issuer';
  if (issuers.size > 1) return 'add the issuer (của …)';
  return 'add the date (ngày …)';
}
