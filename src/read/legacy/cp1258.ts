import { CP1252_HIGH } from './cp1252.js';

/**
 * Windows-1258, Microsoft's Vietnamese code page (Microsoft "cp1258.txt"; the WHATWG Encoding Standard's
 * index-windows-1258): cp1252 with the Vietnamese letters ă Ă ơ Ơ ư Ư đ Đ and the dong sign in place of
 * some Western letters, and five combining tone marks; a toned letter is its base (often precomposed,
 * e.g. â) followed by a tone byte, so the output needs NFC. Listed here are the bytes that differ from
 * cp1252; Node's own decoder (ICU) agrees byte for byte, which the tests check.
 */
export const CP1258_DIFFERENCES: ReadonlyMap<number, string | undefined> = new Map([
  [0x8a, undefined],
  [0x8e, undefined],
  [0x9a, undefined],
  [0x9e, undefined],
  [0xc3, 'Ă'],
  [0xcc, '\u0300'],
  [0xd0, 'Đ'],
  [0xd2, '\u0309'],
  [0xd5, 'Ơ'],
  [0xdd, 'Ư'],
  [0xde, '\u0303'],
  [0xe3, 'ă'],
  [0xec, '\u0301'],
  [0xf0, 'đ'],
  [0xf2, '\u0323'],
  [0xf5, 'ơ'],
  [0xfd, 'ư'],
  [0xfe, '\u20ab'],
]);

function buildTable(): ReadonlyMap<number, string> {
  const m = new Map<number, string>();
  for (let b = 0x80; b <= 0xff; b++) {
    const c = CP1258_DIFFERENCES.has(b)
      ? CP1258_DIFFERENCES.get(b)
      : (CP1252_HIGH.get(b) ?? String.fromCharCode(b));
    m.set(b, c ?? String.fromCharCode(b));
  }
  return m;
}

/** Byte → Unicode for 0x80–0xFF. */
export const CP1258_TO_UNICODE: ReadonlyMap<number, string> = buildTable();

const FROM_UNICODE: ReadonlyMap<string, number> = new Map([...CP1258_TO_UNICODE].map(([b, c]) => [c, b]));
const TONE_BYTES = new Set([0xcc, 0xd2, 0xde, 0xec, 0xf2]);

export function decodeCp1258(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : (CP1258_TO_UNICODE.get(b) ?? '');
  return out.normalize('NFC');
}

/** The bytes of one character: itself when the code page has it, else its toneless letter + a tone byte. */
function cp1258Bytes(ch: string): number[] {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return [code];
  const direct = FROM_UNICODE.get(ch);
  if (direct !== undefined && !TONE_BYTES.has(direct)) return [direct];
  // Canonical order may put the tone before the shape mark (ậ is a + dot below + circumflex).
  const d = [...ch.normalize('NFD')];
  const at = d.findIndex((c) => TONE_BYTES.has(FROM_UNICODE.get(c) ?? 0));
  const toneByte = FROM_UNICODE.get(d[at] ?? '');
  if (at < 0 || toneByte === undefined) return [0x3f];
  const rest = d
    .filter((_, k) => k !== at)
    .join('')
    .normalize('NFC');
  const restBytes = [...rest].flatMap(cp1258Bytes);
  return [...restBytes, toneByte];
}

/** Text to cp1258 bytes, for fixtures; a character the code page cannot hold becomes `?`. */
export function encodeCp1258(text: string): Uint8Array {
  return Uint8Array.from([...text.normalize('NFC')].flatMap(cp1258Bytes));
}
