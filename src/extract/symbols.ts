import { GAP, WORD_END } from './patterns.js';
import { KNOWN_TYPE_CODES, typeCode } from './codes.js';
import type { DocType } from './types.js';

/**
 * Numbers and symbols in the four numbering systems of DESIGN §1. White space (line breaks included) may
 * stand around every separator, because PDF extraction breaks symbols there (`22-⏎⏎CT/TU`, `17/KH -⏎UBND`).
 */
// `QH 11` with a space is how some laws print their term (`Luật số: 79/2006/QH 11`).
const CODE = '(?:(?:UBTVQH|QH)[ ]?\\d{1,2}|[A-ZĐ][A-ZĐa-zđ]*\\d*)(?![\\p{L}\\p{N}])';
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
/**
 * Older forms, read only right after a type word: `63/CP`, `131/TTg` (one code, no type), `84 TC/CĐKT`
 * (a space for the hyphen), and a number with its year and no code (`NĐ 04/2015`, number-only).
 */
export const OLD_SYMBOL_SOURCE = `(?:${NUM}${SEP('/')}${CODE}|${NUM}[ ]${CODE}${SEP('/')}${CODE}(?:${SEP('-')}${CODE})*|${NUM}-(?:HĐBT|HĐCP|HĐNN\\d*|CP|TTg|LCT|SL)${WORD_END})`;
export const NUMBER_YEAR_SOURCE = `${NUM}/(?:19[4-9]\\d|20\\d\\d)(?![\\d/\\-]|[.,]\\d)`;
/** A symbol, read at a position with `matchAt`. */
export const SYMBOL_AT = new RegExp(SYMBOL_SOURCE, 'u');
/** After a type word a symbol may be typed in lower case (`chỉ thị số 35-ct/tw`); canonical form upper-cases it. */
export const SYMBOL_AT_ANY_CASE = new RegExp(SYMBOL_SOURCE, 'iu');
export const OLD_SYMBOL_AT = new RegExp(`${OLD_SYMBOL_SOURCE}(?![/\\-]\\s*\\p{L})`, 'u');
export const NUMBER_YEAR_AT = new RegExp(NUMBER_YEAR_SOURCE, 'u');
/** A symbol anywhere, for mentions without a type word (`theo 16/CT-TTg`). */
export const SYMBOL_ANYWHERE = new RegExp(`(?<![\\p{L}\\p{N}/\\-])${SYMBOL_SOURCE}`, 'gu');

export type ParsedSymbol = {
  symbol: string;
  number: string;
  /** The year carried in the number (`04/2015/NĐ-CP`), if any. */
  numberYear: number | null;
  /** The type the codes say, if they name one (a Công văn has none: `1444/UBND-NV`). */
  type: DocType | null;
  /**
   * The type to assume when no type word says it: a National Assembly number (`80/2015/QH13`) is most often
   * a Luật, a Standing Committee one (`724/2009/UBTVQH12`) a Nghị quyết; codes and resolutions share them.
   */
  impliedType: DocType | null;
  system: 'party' | 'state' | 'legal';
  codes: string[];
  /** The issuer codes (after the type code). */
  issuerCodes: string[];
};

/** Issuer codes whose canonical spelling is not all capitals. */
const ISSUER_SPELLING = new Map([['TTG', 'TTg']]);
const issuerCase = (c: string) => ISSUER_SPELLING.get(c.toUpperCase()) ?? c.toUpperCase();

const parsedCache = new Map<string, ParsedSymbol>();

/**
 * Canonical form: no white space, type codes spelled as the table says, other codes upper-cased. One
 * report parses each of its symbols several times (its mention, its identity, its issuer): the answers
 * are remembered (bounded), and frozen, since every caller shares them.
 */
export function parseSymbol(raw: string): ParsedSymbol {
  let parsed = parsedCache.get(raw);
  if (parsed === undefined) {
    if (parsedCache.size > 20_000) parsedCache.clear();
    const fresh = parseFresh(raw);
    Object.freeze(fresh.codes);
    Object.freeze(fresh.issuerCodes);
    parsed = Object.freeze(fresh);
    parsedCache.set(raw, parsed);
  }
  return parsed;
}

function parseFresh(raw: string): ParsedSymbol {
  // `84 TC/CĐKT`: the old form with a space where the hyphen now stands.
  const compact = raw
    .trim()
    .replace(/^(\d+)\s+(?=\p{Lu})/u, '$1-')
    .replace(/\s+/g, '');
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
      impliedType: tc?.type ?? null,
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
  const type: DocType | null = tc?.type ?? null;
  const assembly = !tc && /^(?:UBTVQH|QH)\d+$/i.test(first);
  const impliedType: DocType | null = type ?? (assembly ? (/^QH/i.test(first) ? 'L' : 'NQ') : null);
  const symbol = `${number}/${numberYear !== null ? `${numberYear}/` : ''}${canon.join('-')}`;
  return {
    symbol,
    number,
    numberYear,
    type,
    impliedType,
    system: numberYear !== null ? 'legal' : 'state',
    codes: canon,
    issuerCodes: tc ? canon.slice(1) : canon,
  };
}
