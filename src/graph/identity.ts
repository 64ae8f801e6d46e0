import { fold, parseSymbol, type ExtractedReference } from '../extract/index.js';
import { codeFamily, isCentralCode, type Org } from './organizations.js';
import { slug } from './places.js';

/**
 * The canonical identity of a document (DESIGN §1): its symbol, the body whose numbering it belongs to,
 * and the span in which that numbering restarts. A year in the number fixes the year; otherwise the
 * year of its date does (state numbers restart each year, Party numbers each term, so within a year one
 * symbol of one body is one document). Unknown parts stay `?` and the key is marked ambiguous; an unknown
 * body carries the highest place its citing text names (`TU@?son-tay`), so that it is not confused with
 * another place's. `prefix` is the key up to its year (`22-CT/TU|TU@quang-ngai|`) when the year is a part
 * of the key: the documents of one numbering; `resolved` says the body is known.
 */
export type Identity = {
  key: string;
  ambiguous: boolean;
  prefix: string | null;
  year: string | null;
  resolved: boolean;
};

export function numberingScope(
  symbol: string,
  org: Org | null,
  hint = '',
): { scope: string; resolved: boolean } {
  const parsed = parseSymbol(symbol);
  const code = parsed.issuerCodes[0] ?? parsed.codes[parsed.codes.length - 1] ?? '';
  const fam = codeFamily(code);
  if (isCentralCode(fam)) return { scope: fam, resolved: true };
  if (org && org.level !== 'trung ương')
    return { scope: `${fam}@${org.key.replace(/^org:[^:]+:/, '')}`, resolved: true };
  if (org) return { scope: `${fam}@${org.key}`, resolved: true };
  return { scope: `${fam}@?${hint}`, resolved: false };
}

export function documentIdentity(
  ref: Pick<ExtractedReference, 'symbol' | 'name' | 'number' | 'type' | 'issuedOn' | 'year'>,
  org: Org | null,
  province: string | null,
  hint = '',
): Identity {
  if (ref.symbol) {
    const parsed = parseSymbol(ref.symbol);
    const { scope, resolved } = numberingScope(ref.symbol, org, hint);
    if (parsed.numberYear !== null)
      return { key: `${ref.symbol}|${scope}`, ambiguous: !resolved, prefix: null, year: null, resolved };
    const year = ref.issuedOn ? ref.issuedOn.slice(0, 4) : ref.year !== null ? String(ref.year) : '?';
    return {
      key: `${ref.symbol}|${scope}|${year}`,
      ambiguous: !resolved || year === '?',
      prefix: `${ref.symbol}|${scope}|`,
      year,
      resolved,
    };
  }
  if (ref.name) {
    const local = /\b(tinh|huyen|xa)\b/.test(fold(ref.name)) && province ? `|${slug(province)}` : '';
    return {
      key: `name:${fold(ref.name)}|${ref.year ?? ''}${local}`,
      ambiguous: false,
      prefix: null,
      year: null,
      resolved: true,
    };
  }
  // A number with no symbol (`Nghị định số 34`): kept as written, never given a symbol it does not show.
  return {
    key: `num:${ref.type}:${ref.number ?? '?'}|${org?.key ?? '?'}|${ref.issuedOn ?? '?'}`,
    ambiguous: true,
    prefix: null,
    year: null,
    resolved: false,
  };
}

/**
 * How alike two extractions of one report must be (Jaccard of their reference keys) to be taken for one
 * report. The only place this number is written: the ingest probe gets it as a query parameter.
 */
export const NEAR_DUPLICATE = 0.8;

/** What a document key leaves open, in words for the audit: the issuer's place, the year, the symbol. */
export function missingOf(key: string): string[] {
  if (key.startsWith('num:')) return ['its symbol (only the type and number are written)'];
  const [, scope = '', year] = key.split('|');
  const out: string[] = [];
  const open = /^([^@]+)@\?(.*)$/.exec(scope);
  if (open) {
    const where = open[2] ? ` (the text places ${open[2]} in no province or district the graph knows)` : '';
    out.push(
      open[1] === 'TU'
        ? `which province's Tỉnh ủy issued it${where}`
        : open[1] === 'HU'
          ? `which district's Huyện ủy issued it${where}`
          : `which ${open[1]} issued it${where}`,
    );
  }
  if (year === '?') out.push('its date or year');
  return out;
}

/** Jaccard similarity of two sets of reference keys: how near-identical two extractions of a report are. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  const A = new Set(a);
  const B = new Set(b);
  if (A.size === 0 && B.size === 0) return 0;
  let inter = 0;
  for (const x of A) if (B.has(x)) inter++;
  return inter / (A.size + B.size - inter);
}

/**
 * Two sources are one report when the same unit wrote them with the same title and nearly the same
 * references — and they do not carry two different numbers of their own: two numbered reports are two
 * documents by the numbering rules, however alike their text (a unit's quarterly reports often are).
 * `numberedKey` is the key a report has from its own number, null when it has none.
 */
export function sameReport(
  a: { numberedKey: string | null; title: string | null; refKeys: readonly string[] },
  b: { numberedKey: string | null; title: string | null; refKeys: readonly string[] },
): boolean {
  if (a.numberedKey !== null && b.numberedKey !== null && a.numberedKey !== b.numberedKey) return false;
  if (a.title && b.title && fold(a.title) !== fold(b.title)) return false;
  return a.refKeys.length >= 3 && similarity(a.refKeys, b.refKeys) >= NEAR_DUPLICATE;
}
