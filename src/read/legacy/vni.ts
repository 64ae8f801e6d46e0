import { cp1252Byte, cp1252Char } from './cp1252.js';
import { LETTER_INFO, compose, type Tone } from './letters.js';

/**
 * VNI Windows (VNI Software's fonts `VNI-Times`, `VNI-Helve`…, the keyboard layout of the same name):
 * a vowel is its ASCII base letter followed by one cp1252 byte that draws the marks over or under it;
 * ơ ư đ and the toned i, and ỵ, are single bytes. The lower-case bytes are the upper-case ones + 0x20,
 * and an upper-case letter takes the upper-case mark byte. Tables from VNI Software's published
 * VNI-Windows layout (the same one every Vietnamese converter of the 1990s–2000s ships).
 */

/** Mark byte (lower-case form) → [shape the base takes, tone]; shape '' keeps the base. */
export const VNI_MARKS: ReadonlyMap<number, readonly [shape: '' | 'circumflex' | 'breve', tone: Tone]> =
  new Map([
    [0xf9, ['', 1]],
    [0xf8, ['', 2]],
    [0xfb, ['', 3]],
    [0xf5, ['', 4]],
    [0xef, ['', 5]],
    [0xe2, ['circumflex', 0]],
    [0xe1, ['circumflex', 1]],
    [0xe0, ['circumflex', 2]],
    [0xe5, ['circumflex', 3]],
    [0xe3, ['circumflex', 4]],
    [0xe4, ['circumflex', 5]],
    [0xea, ['breve', 0]],
    [0xe9, ['breve', 1]],
    [0xe8, ['breve', 2]],
    [0xfa, ['breve', 3]],
    [0xfc, ['breve', 4]],
    [0xeb, ['breve', 5]],
  ]);

/** Single bytes (lower-case form) that are whole letters. */
export const VNI_SINGLES: ReadonlyMap<number, string> = new Map([
  [0xf1, 'đ'],
  [0xf4, 'ơ'],
  [0xf6, 'ư'],
  [0xed, 'í'],
  [0xec, 'ì'],
  [0xe6, 'ỉ'],
  [0xf3, 'ĩ'],
  [0xf2, 'ị'],
  [0xee, 'ỵ'],
]);

/** Which shapes each base byte (lower case) can take: ô/ö are the VNI bytes of ơ/ư, which take tones only. */
const SHAPES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  a: { '': 'a', circumflex: 'â', breve: 'ă' },
  e: { '': 'e', circumflex: 'ê' },
  o: { '': 'o', circumflex: 'ô' },
  u: { '': 'u' },
  y: { '': 'y' },
  '\u00f4': { '': 'ơ' },
  '\u00f6': { '': 'ư' },
};

const lowerByte = (b: number) => ((b >= 0x41 && b <= 0x5a) || (b >= 0xc0 && b <= 0xde) ? b + 0x20 : b);
const isUpperByte = (b: number) => lowerByte(b) !== b;

/** The letter a base byte and a mark byte make together, or undefined when they do not combine. */
function combine(base: number, mark: number | undefined): string | undefined {
  if (mark === undefined) return undefined;
  const m = VNI_MARKS.get(lowerByte(mark));
  const shapes = SHAPES[String.fromCharCode(lowerByte(base))];
  const shaped = m && shapes?.[m[0]];
  if (!m || shaped === undefined) return undefined;
  const letter = compose(shaped, m[1]);
  return isUpperByte(base) ? letter.toUpperCase() : letter;
}

/** VNI bytes to NFC text; bytes that make no Vietnamese letter are read as cp1252. */
export function decodeVni(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    const pair = combine(b, bytes[i + 1]);
    if (pair !== undefined) {
      out += pair;
      i++;
      continue;
    }
    const single = b >= 0x80 ? VNI_SINGLES.get(lowerByte(b)) : undefined;
    if (single !== undefined) out += isUpperByte(b) ? single.toUpperCase() : single;
    else out += b < 0x80 ? String.fromCharCode(b) : cp1252Char(b);
  }
  return out.normalize('NFC');
}

const SINGLE_OF: ReadonlyMap<string, number> = new Map([...VNI_SINGLES].map(([b, c]) => [c, b]));
const MARK_OF: ReadonlyMap<string, number> = new Map([...VNI_MARKS].map(([b, [s, t]]) => [`${s}/${t}`, b]));
const SHAPE_OF: Readonly<Record<string, readonly [base: string, shape: string]>> = {
  â: ['a', 'circumflex'],
  ă: ['a', 'breve'],
  ê: ['e', 'circumflex'],
  ô: ['o', 'circumflex'],
  ơ: ['\u00f4', ''],
  ư: ['\u00f6', ''],
};

/** A character's cp1252 byte where VNI gives that byte no meaning (0x80–0xBF: quotes, dashes, §…). */
function cp1252Free(ch: string): number[] | undefined {
  const b = cp1252Byte(ch);
  return b !== undefined && b < 0xc0 ? [b] : undefined;
}

/** The VNI bytes of one character, or undefined when VNI has none. */
export function vniBytes(ch: string): number[] | undefined {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code < 0x80) return [code];
  const lower = ch.toLowerCase();
  const upper = lower !== ch;
  // Every lower-case VNI byte is its upper-case one + 0x20.
  const caseOf = (b: number) => (upper ? b - 0x20 : b);
  const single = SINGLE_OF.get(lower);
  if (single !== undefined) return [caseOf(single)];
  const info = LETTER_INFO.get(ch);
  if (!info) return cp1252Free(ch);
  const [base, shape] = SHAPE_OF[info.base] ?? [info.base, ''];
  const baseByte = base.charCodeAt(0);
  if (shape === '' && info.tone === 0) return [caseOf(baseByte)];
  const mark = MARK_OF.get(`${shape}/${info.tone}`);
  if (mark === undefined) return undefined;
  return [caseOf(baseByte), caseOf(mark)];
}

/** Text to VNI bytes, for fixtures and round trips; a character VNI cannot hold becomes `?`. */
export function encodeVni(text: string): Uint8Array {
  return Uint8Array.from([...text.normalize('NFC')].flatMap((ch) => vniBytes(ch) ?? [0x3f]));
}
