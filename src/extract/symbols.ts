import { GAP } from './dates.js';
import { KNOWN_TYPE_CODES, typeCode } from './codes.js';
import type { DocType } from './types.js';

/**
 * Numbers and symbols in the four numbering systems of DESIGN §1. White space (line breaks included) may
 * stand around every separator, because PDF extraction breaks symbols there (`22-⏎⏎CT/TU`, `17/KH -⏎UBND`).
 */
const CODE = '[A-ZĐ][A-ZĐa-zđ]*\\d*(?![\\p{L}\\p{N}])';
/** The type position also takes a known type code written in lower case (`16/ct-TTg`). */
const anyCase = (code: string) =>
  [...code]
    .map((ch) => (ch.toLowerCase() === ch.toUpperCase() ? ch : `[${ch.toUpperCase()}${ch.toLowerCase()}]`))
    .join('');
const TYPE_CODE_ANY_CASE = `(?:${[...KNOWN_TYPE_CODES]
  .sort((a, b) => b.length - a.length)
  .map(anyCase)
  .join('|')})(?![\\p{L}\\p{N}])`;
const FIRST = `(?:${CODE}|${TYPE_CODE_ANY_CASE})`;
const NUM = '\\d{1,5}(?![\\d,.]\\d)';
const SEP = (c: string) => `${GAP}${c}${GAP}`;

/** `22-CT/TU`, `217-QĐ/TW`, `106-KH/ĐU`, `08-QĐi/TW`: number-TYPE/ISSUER[-UNIT]. */
const PARTY = `${NUM}${SEP('-')}${FIRST}(?:${SEP('/')}${CODE})(?:${SEP('-')}${CODE})*`;
/** `70/KH-UBND`, `1444/UBND-NV`, `04/2015/NĐ-CP`, `80/2015/QH13`: number[/year]/CODE[-CODE]… */
const STATE_YEAR = `${NUM}${SEP('/')}\\d{4}${SEP('/')}${FIRST}(?:${SEP('-')}${CODE})*`;
const STATE = `${NUM}${SEP('/')}${FIRST}(?:${SEP('-')}${CODE})+`;

export const SYMBOL_SOURCE = `(?:${STATE_YEAR}|${PARTY}|${STATE})`;
/** Sticky: a symbol exactly where lastIndex stands. */
export const SYMBOL_AT = new RegExp(SYMBOL_SOURCE, 'uy');
/** A symbol anywhere, for mentions without a type word (`theo 16/CT-TTg`). */
export const SYMBOL_ANYWHERE = new RegExp(`(?<![\\p{L}\\p{N}/\\-])${SYMBOL_SOURCE}`, 'gu');

export type ParsedSymbol = {
  symbol: string;
  number: string;
  /** The year carried in the number (`04/2015/NĐ-CP`), if any. */
  numberYear: number | null;
  /** The type the codes say, if they name one (a Công văn has none: `1444/UBND-NV`). */
  type: DocType | null;
  system: 'party' | 'state' | 'legal';
  codes: string[];
  /** The issuer codes (after the type code). */
  issuerCodes: string[];
};

/** Issuer codes whose canonical spelling is not all capitals. */
const ISSUER_SPELLING = new Map([['TTG', 'TTg']]);
const issuerCase = (c: string) => ISSUER_SPELLING.get(c.toUpperCase()) ?? c.toUpperCase();

/** Canonical form: no white space, type codes spelled as the table says, other codes upper-cased. */
export function parseSymbol(raw: string): ParsedSymbol {
  const compact = raw.replace(/\s+/g, '');
  const number = /^\d+/.exec(compact)?.[0] ?? '';
  const rest = compact.slice(number.length);
  if (rest.startsWith('-')) {
    const [typePart = '', ...issuerParts] = rest
      .slice(1)
      .split(/([/-])/)
      .filter((_, i) => i % 2 === 0);
    const seps = rest.slice(1).match(/[/-]/g) ?? [];
    const tc = typeCode(typePart);
    const typeCanon = tc ? tc.code : typePart.toUpperCase();
    const issuers = issuerParts.map(issuerCase);
    let symbol = `${number}-${typeCanon}`;
    issuers.forEach((c, i) => (symbol += `${seps[i] ?? '-'}${c}`));
    return {
      symbol,
      number,
      numberYear: null,
      type: tc?.type ?? null,
      system: 'party',
      codes: [typeCanon, ...issuers],
      issuerCodes: issuers,
    };
  }
  const parts = rest.slice(1).split('/');
  let numberYear: number | null = null;
  if (parts.length > 1 && /^\d{4}$/.test(parts[0] ?? '')) numberYear = Number(parts.shift());
  const codes = parts.join('/').split('-');
  const first = codes[0] ?? '';
  const tc = typeCode(first);
  const canon = codes.map((c, i) => (i === 0 && tc ? tc.code : issuerCase(c)));
  let type: DocType | null = tc?.type ?? null;
  if (!tc && numberYear !== null && /^QH\d+$/i.test(first)) type = 'L'; // 80/2015/QH13: a Luật
  const symbol = `${number}/${numberYear !== null ? `${numberYear}/` : ''}${canon.join('-')}`;
  return {
    symbol,
    number,
    numberYear,
    type,
    system: numberYear !== null ? 'legal' : 'state',
    codes: canon,
    issuerCodes: tc || type === 'L' ? canon.slice(tc ? 1 : 0) : canon,
  };
}
