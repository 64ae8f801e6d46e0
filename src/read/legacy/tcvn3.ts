import { cp1252Byte, cp1252Char } from './cp1252.js';
import { LETTER_INFO, compose, type Tone } from './letters.js';

/**
 * TCVN3 ("ABC", the fonts `.VnTime`, `.VnArial`…): the VN3 form of TCVN 5712:1993, "Vietnamese 8-bit
 * standard coded character set for information interchange". VN3 keeps ASCII and adds 75 characters:
 * the 67 lower-case Vietnamese letters, the 7 upper-case letters without a tone (Ă Â Ê Ô Ơ Ư Đ) and
 * the no-break space. Within each vowel the standard orders the tones huyền, hỏi, ngã, sắc, nặng.
 * Upper-case toned letters have no code: they are typed at the lower-case code points in a capital
 * font (`.VnTimeH`), see `decodeTcvn3` `capitals`. The VN1/VN2 capitals that sit in 0x80–0x9F and
 * 0x01–0x17 are not part of VN3; in a VN3 font those bytes are the cp1252 punctuation Windows puts
 * there (curly quotes, dashes), which is how office files use them.
 */
const VN3_ROWS: readonly (readonly [number, string, readonly (number | undefined)[]])[] = [
  // [code of the toneless letter, the letter, codes of its huyền hỏi ngã sắc nặng forms]
  [0xa8, 'ă', [0xbb, 0xbc, 0xbd, 0xbe, 0xc6]],
  [0xa9, 'â', [0xc7, 0xc8, 0xc9, 0xca, 0xcb]],
  [0xaa, 'ê', [0xd2, 0xd3, 0xd4, 0xd5, 0xd6]],
  [0xab, 'ô', [0xe5, 0xe6, 0xe7, 0xe8, 0xe9]],
  [0xac, 'ơ', [0xea, 0xeb, 0xec, 0xed, 0xee]],
  [0xad, 'ư', [0xf5, 0xf6, 0xf7, 0xf8, 0xf9]], // 0xAD: cp1252's soft hyphen, must never be dropped
  [0x61, 'a', [0xb5, 0xb6, 0xb7, 0xb8, 0xb9]],
  [0x65, 'e', [0xcc, 0xce, 0xcf, 0xd0, 0xd1]],
  [0x69, 'i', [0xd7, 0xd8, 0xdc, 0xdd, 0xde]],
  [0x6f, 'o', [0xdf, 0xe1, 0xe2, 0xe3, 0xe4]],
  [0x75, 'u', [0xef, 0xf1, 0xf2, 0xf3, 0xf4]],
  [0x79, 'y', [0xfa, 0xfb, 0xfc, 0xfd, 0xfe]],
];
/** VN3's order of tones in a row, in `Tone` numbers: huyền, hỏi, ngã, sắc, nặng. */
const VN3_TONE_ORDER: readonly Tone[] = [2, 3, 4, 1, 5];

function buildTable(): ReadonlyMap<number, string> {
  const m = new Map<number, string>([
    [0xa0, '\u00a0'],
    [0xa1, 'Ă'],
    [0xa2, 'Â'],
    [0xa3, 'Ê'],
    [0xa4, 'Ô'],
    [0xa5, 'Ơ'],
    [0xa6, 'Ư'],
    [0xa7, 'Đ'],
    [0xae, 'đ'],
  ]);
  for (const [own, base, codes] of VN3_ROWS) {
    if (own >= 0x80) m.set(own, base);
    codes.forEach((code, k) => {
      if (code !== undefined) m.set(code, compose(base, VN3_TONE_ORDER[k] ?? 0));
    });
  }
  return m;
}

/** Byte → Unicode for every VN3 code above ASCII. */
export const TCVN3_TO_UNICODE: ReadonlyMap<number, string> = buildTable();

const FROM_UNICODE: ReadonlyMap<string, number> = new Map([...TCVN3_TO_UNICODE].map(([b, c]) => [c, b]));

/**
 * TCVN3 bytes to NFC text. `capitals`: the bytes were typed in a capital font (`.VnTimeH`), which
 * draws every letter upper case.
 */
export function decodeTcvn3(bytes: Uint8Array, capitals = false): string {
  let out = '';
  for (const b of bytes)
    out += b < 0x80 ? String.fromCharCode(b) : (TCVN3_TO_UNICODE.get(b) ?? cp1252Char(b));
  out = out.normalize('NFC');
  return capitals ? out.toUpperCase() : out;
}

/**
 * The VN3 byte of one character: upper-case toned letters at their lower-case code (as typed in
 * `.VnTimeH`), other characters at their cp1252 byte where VN3 leaves that byte free (curly quotes,
 * dashes), as a Windows font would draw them.
 */
export function tcvn3Byte(ch: string): number | undefined {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code < 0x80) return code;
  const direct = FROM_UNICODE.get(ch);
  if (direct !== undefined) return direct;
  const info = LETTER_INFO.get(ch);
  if (info?.upper) return FROM_UNICODE.get(compose(info.base, info.tone));
  const b = cp1252Byte(ch);
  return b !== undefined && !TCVN3_TO_UNICODE.has(b) ? b : undefined;
}

/** Text to TCVN3 bytes; a character VN3 cannot hold becomes `?`. Upper-case toned letters lose their case. */
export function encodeTcvn3(text: string): Uint8Array {
  return Uint8Array.from([...text.normalize('NFC')].map((ch) => tcvn3Byte(ch) ?? 0x3f));
}

/** A run of TCVN3 bytes and the font it needs: upper-case toned letters go in a capital-font run. */
export type Tcvn3Run = { font: '.VnTime' | '.VnTimeH'; bytes: Uint8Array };

const needsCapitalFont = (ch: string) => (LETTER_INFO.get(ch)?.upper ?? false) && !FROM_UNICODE.has(ch);

/** Text to font runs, as a `.VnTime` typist writes it: exact for every Vietnamese text (see `decodeByFont`). */
export function encodeTcvn3Runs(text: string): Tcvn3Run[] {
  const runs: { font: Tcvn3Run['font']; chars: string[] }[] = [];
  for (const ch of text.normalize('NFC')) {
    const font = needsCapitalFont(ch) ? '.VnTimeH' : '.VnTime';
    const last = runs.at(-1);
    if (last?.font === font) last.chars.push(ch);
    else runs.push({ font, chars: [ch] });
  }
  return runs.map((r) => ({ font: r.font, bytes: encodeTcvn3(r.chars.join('')) }));
}
