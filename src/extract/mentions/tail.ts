import { fold, issuerCode, ISSUER_START, ISSUER_START_ANY_CASE, TYPE_WORDS, typeCode } from '../codes.js';
import { alternation, collapse, matchAt, WORD_END, WORD_START } from '../patterns.js';
import {
  ABBREVIATED_TYPES,
  ALIAS_PHRASES,
  ISSUER_END,
  SUBJECT_END_UNITS,
  UNIT_NAMES,
  words,
} from '../tables/words.js';
import type { Issuer } from '../types.js';
import { shortKey, type Mention } from './types.js';

/** What stands after a mention: `của <issuer>`, `về <subject>`, an alias in brackets. */

const OF_ISSUER = /\s*,?\s*của\s+/u;
const SIGNS_END = '[,;.:(“”"\\]]|\\s\\s*-\\s|\\n\\s*\\n\\s*(?=[IVX]+\\.|\\d+\\.|-)';
const ISSUER_STOP = new RegExp(`\\s+(?:${alternation(words(ISSUER_END))})${WORD_END}|${SIGNS_END}`, 'u');
const KNOWN_UNIT = new RegExp(
  `(?:Bộ|Sở|Phòng)(?:\\s+trưởng\\s+Bộ)?\\s+(?:${alternation(words(UNIT_NAMES))})${WORD_END}`,
  'iu',
);

/** Where an issuer phrase ends: the first stop that is not inside a unit's official name. */
function issuerStop(window: string): number {
  let from = 0;
  for (;;) {
    const rest = window.slice(from);
    const stop = ISSUER_STOP.exec(rest);
    const unit = KNOWN_UNIT.exec(rest);
    if (unit && (!stop || unit.index <= stop.index)) from += unit.index + unit[0].length;
    else return stop ? from + stop.index : window.length;
  }
}
const SUBJECT_LEAD = /\s*,?\s*(?:về\s+việc|về|V\/v|v\/v)\s+/u;
const SUBJECT_END = new RegExp(
  `;|\\.(?=\\s|$)|,\\s*(?=(?:${alternation(words(SUBJECT_END_UNITS))})\\s)|,?\\s+(?=(?:đã\\s+)?(?:được|bị)\\s+(?:sửa\\s+đổi|bãi\\s+bỏ|thay\\s+thế|hủy\\s+bỏ|huỷ\\s+bỏ)|hết\\s+hiệu\\s+lực)|,?\\s+và\\s+(?=(?:sửa\\s+đổi|bãi\\s+bỏ|thay\\s+thế|hủy\\s+bỏ|huỷ\\s+bỏ)\\s)|\\((?:sau đây|viết tắt|gọi tắt)|\\n\\s*\\n\\s*(?=[IVX]+\\.\\s|\\d+\\.\\s)|\\s*\\n\\s*\\n\\s*(?=(?:Thực\\s+hiện|Căn\\s+cứ|Triển\\s+khai|Kính\\s+gửi|Nơi\\s+nhận|Theo\\s+đề\\s+nghị|Xét\\s+đề\\s+nghị)\\s)|(?<=[”"])\\s*\\n\\s*\\n\\s*(?=\\p{Lu})`,
  'u',
);
const ALIAS = new RegExp(`\\s*\\((?:${alternation(words(ALIAS_PHRASES))})\\s*:?\\s*([^()]{1,80})\\)`, 'u');
const TYPE_WORD_IN_ALIAS = new RegExp(
  `${WORD_START}(?:${alternation(TYPE_WORDS.map(([w]) => w))})${WORD_END}`,
  'iu',
);
const TYPE_BY_FOLDED = new Map(TYPE_WORDS.map(([w, t]) => [fold(w), t]));
// `(sau đây gọi tắt là NĐ 62)`: an alias may be written with the abbreviation, in capitals as always.
const ABBREVIATION_IN_ALIAS = new RegExp(
  `${WORD_START}(?:${alternation(words(ABBREVIATED_TYPES))})${WORD_END}`,
  'u',
);

/** The phrase after `lead` at `at`, up to `stop` within `reach` characters, as written, and where it starts. */
function phraseAfter(
  text: string,
  at: number,
  lead: RegExp,
  stop: (window: string) => number,
  reach: number,
) {
  const l = matchAt(lead, text, at);
  if (!l) return undefined;
  const from = at + l[0].length;
  const window = text.slice(from, from + reach);
  return { raw: window.slice(0, stop(window)), from };
}

const subjectStop = (window: string) => SUBJECT_END.exec(window)?.index ?? window.length;

/** `của Ban Thường vụ Tỉnh ủy về …` → the issuer phrase, up to the first word that ends it (12 words at most). */
export function readIssuer(text: string, at: number): { issuer: Issuer; end: number } | undefined {
  const p = phraseAfter(text, at, OF_ISSUER, issuerStop, 160);
  if (!p) return undefined;
  const twelve = /^\s*(?:\S+\s+){0,11}\S+/u.exec(p.raw)?.[0] ?? '';
  const clean = collapse(twelve);
  if (!clean) return undefined;
  if (ISSUER_START.test(clean))
    return { issuer: { text: clean, code: issuerCode(clean)?.code ?? null }, end: p.from + twelve.length };
  if (!caseless(text, at) || !ISSUER_START_ANY_CASE.test(clean)) return undefined;
  // Written without capitals: the unit's first letter is given back, as its name opens (`Bộ y tế`).
  const shown = clean.charAt(0).toUpperCase() + clean.slice(1);
  return { issuer: { text: shown, code: issuerCode(shown)?.code ?? null }, end: p.from + twelve.length };
}

/**
 * Text with no capital letter around a point (a register's export, a lower-cased title): its unit names
 * cannot be told from topics by their capitals, so an issuer word in any case opens an issuer phrase.
 */
function caseless(text: string, at: number): boolean {
  // A symbol's codes are capitals however the rest is written (`15/2019/QĐ-UBND`): words with a digit do not count.
  const around = text.slice(Math.max(0, at - 200), at + 200).replace(/\S*\d\S*/gu, ' ');
  return !/\p{Lu}/u.test(around);
}

/** `về việc …` / `V/v …` → what the document is about, up to the end of its clause. */
export function readSubject(text: string, at: number): { subject: string; end: number } | undefined {
  const p = phraseAfter(text, at, SUBJECT_LEAD, subjectStop, 400);
  const clean = p && collapse(p.raw);
  return p && clean ? { subject: clean, end: p.from + p.raw.trimEnd().length } : undefined;
}

/** Issuer, then subject, after a mention: sets them on it and returns where its clause ends. */
export function readTail(text: string, m: Mention): number {
  let tail = m.end;
  const iss = readIssuer(text, tail);
  if (iss) {
    m.issuer = iss.issuer;
    tail = iss.end;
  }
  const sub = readSubject(text, tail);
  if (sub) {
    m.subject = sub.subject;
    tail = sub.end;
  }
  m.tailEnd = tail;
  return tail;
}

/** The key a short form is looked up by: `Nghị định số 85` → `NĐ:85`, `Luật Đất đai` → `name:luat dat dai`. */
export function aliasKey(aliasText: string): string | undefined {
  const word = TYPE_WORD_IN_ALIAS.exec(aliasText);
  const abbr = word ? null : ABBREVIATION_IN_ALIAS.exec(aliasText);
  const tw = word ?? abbr;
  if (!tw) return undefined;
  const type = word ? TYPE_BY_FOLDED.get(fold(tw[0])) : typeCode(tw[0])?.type;
  if (!type) return undefined;
  const rest = aliasText.slice(tw.index + tw[0].length);
  const num = /^\s*(?:số\s*)?(\d{1,5})(?!\d)/u.exec(rest);
  if (num) return shortKey(type, num[1] as string);
  const name = collapse(aliasText.slice(tw.index));
  return /^\p{Lu}/u.test(name) && name.split(' ').length >= 2 ? `name:${fold(name)}` : undefined;
}

/** `(sau đây gọi tắt là Nghị định số 85)` right after a mention's clause: its key and span. */
export function readAlias(text: string, at: number): { key: string; start: number; end: number } | undefined {
  const m = matchAt(ALIAS, text, at);
  if (!m) return undefined;
  const key = aliasKey(m[1] as string);
  return key ? { key, start: at, end: at + m[0].length } : undefined;
}
