import { LETTER_INFO, compose, type Tone } from './letters.js';

/**
 * VIQR, "Vietnamese Quoted-Readable" (RFC 1456, 1993): plain ASCII where each mark follows its letter —
 * shapes `(` breve, `^` circumflex, `+` horn (`*` accepted as a variant), then the tone `'` sắc,
 * `` ` `` huyền, `?` hỏi, `~` ngã, `.` nặng; `dd`/`DD` is đ/Đ; a backslash makes the next mark
 * character literal (`Ha\.`). Decoding follows the RFC strictly; the encoder escapes every literal mark
 * that could be misread, so encode then decode is exact.
 */
export const VIQR_SHAPES: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map([
  ['(', { a: 'ă' }],
  ['^', { a: 'â', e: 'ê', o: 'ô' }],
  ['+', { o: 'ơ', u: 'ư' }],
  ['*', { o: 'ơ', u: 'ư' }],
]);
export const VIQR_TONES: ReadonlyMap<string, Tone> = new Map([
  ["'", 1],
  ['`', 2],
  ['?', 3],
  ['~', 4],
  ['.', 5],
]);

const VOWEL = /^[aeiouyAEIOUY]$/;
const MARK_CHARS = new Set([...VIQR_SHAPES.keys(), ...VIQR_TONES.keys()]);

/** One vowel with its marks, starting at `i`: [letter, characters read]. */
function readVowel(s: string, i: number, toneAllowed: (mark: string) => boolean): [string, number] {
  const v = s[i] ?? '';
  const lower = v.toLowerCase();
  let base = lower;
  let n = 1;
  const shaped = VIQR_SHAPES.get(s[i + 1] ?? '')?.[lower];
  if (shaped) {
    base = shaped;
    n++;
  }
  const mark = s[i + n] ?? '';
  const tone = toneAllowed(mark) ? (VIQR_TONES.get(mark) ?? 0) : 0;
  if (tone) n++;
  const letter = compose(base, tone);
  return [v === lower ? letter : letter.toUpperCase(), n];
}

/**
 * VIQR to NFC text. `loose`, for text found in the wild, where writers seldom escaped a full stop or a
 * question mark after a vowel: a `.` or `?` after the word already has its tone is punctuation
 * (`No^.i.` is `Nội.`). Strict (the default) is the RFC, and what `encodeViqr` writes.
 */
export function decodeViqr(s: string, loose = false): string {
  let out = '';
  let toned = false;
  const toneAllowed = (mark: string) => !(loose && toned && (mark === '.' || mark === '?'));
  for (let i = 0; i < s.length;) {
    const c = s[i] ?? '';
    const next = s[i + 1] ?? '';
    if (c === '\\' && (MARK_CHARS.has(next) || /[dD\\]/.test(next))) {
      out += next;
      i += 2;
    } else if ((c === 'd' || c === 'D') && (next === 'd' || next === 'D')) {
      out += c === 'd' ? 'đ' : 'Đ';
      i += 2;
    } else if (VOWEL.test(c)) {
      const [letter, n] = readVowel(s, i, toneAllowed);
      toned ||= (LETTER_INFO.get(letter)?.tone ?? 0) > 0;
      out += letter;
      i += n;
    } else {
      if (!/[A-Za-z]/.test(c)) toned = false;
      out += c;
      i++;
    }
  }
  return out.normalize('NFC');
}

const SHAPE_KEY: Readonly<Record<string, string>> = { ă: 'a(', â: 'a^', ê: 'e^', ô: 'o^', ơ: 'o+', ư: 'u+' };
const TONE_KEY = ['', "'", '`', '?', '~', '.'];

/** Text to VIQR, escaping literal marks after a vowel, a literal `d` before d/đ, and backslashes. */
export function encodeViqr(text: string): string {
  const chars = [...text.normalize('NFC')];
  let out = '';
  chars.forEach((ch, k) => {
    const prev = chars[k - 1] ?? '';
    const next = chars[k + 1] ?? '';
    const info = LETTER_INFO.get(ch);
    if (ch === 'đ' || ch === 'Đ') out += ch === 'đ' ? 'dd' : 'DD';
    else if (info) {
      const key = SHAPE_KEY[info.base] ?? info.base;
      out += (info.upper ? key.toUpperCase() : key) + TONE_KEY[info.tone];
    } else if (ch === '\\') out += '\\\\';
    else if (MARK_CHARS.has(ch) && LETTER_INFO.has(prev)) out += `\\${ch}`;
    else if ((ch === 'd' || ch === 'D') && /[dDđĐ]/.test(next)) out += `\\${ch}`;
    else out += ch;
  });
  return out;
}
