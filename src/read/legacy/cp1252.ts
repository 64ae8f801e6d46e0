/**
 * Windows-1252, the "Western" code page that 8-bit Vietnamese fonts (.VnTime, VNI-Times) were
 * installed under: Windows and Word turn each byte typed in such a font into the cp1252 character of
 * that byte, so a legacy-font text reaches us as cp1252 look-alikes (`ChØ thÞ sè`). This module maps
 * those characters back to their bytes, and repairs UTF-8 that was read once as cp1252.
 */

/**
 * Bytes 0x80–0x9F of cp1252 (Microsoft's published table "cp1252.txt", the WHATWG Encoding Standard's
 * index-windows-1252); 0xA0–0xFF are the Latin-1 code points of the same number. The five bytes the
 * code page leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) come through as the C1 control of that number,
 * as the WHATWG decoder and Word both do.
 */
export const CP1252_HIGH: ReadonlyMap<number, string> = new Map([
  [0x80, '\u20ac'],
  [0x82, '\u201a'],
  [0x83, '\u0192'],
  [0x84, '\u201e'],
  [0x85, '\u2026'],
  [0x86, '\u2020'],
  [0x87, '\u2021'],
  [0x88, '\u02c6'],
  [0x89, '\u2030'],
  [0x8a, '\u0160'],
  [0x8b, '\u2039'],
  [0x8c, '\u0152'],
  [0x8e, '\u017d'],
  [0x91, '\u2018'],
  [0x92, '\u2019'],
  [0x93, '\u201c'],
  [0x94, '\u201d'],
  [0x95, '\u2022'],
  [0x96, '\u2013'],
  [0x97, '\u2014'],
  [0x98, '\u02dc'],
  [0x99, '\u2122'],
  [0x9a, '\u0161'],
  [0x9b, '\u203a'],
  [0x9c, '\u0153'],
  [0x9e, '\u017e'],
  [0x9f, '\u0178'],
]);

/** One byte as cp1252 shows it. */
export function cp1252Char(byte: number): string {
  return CP1252_HIGH.get(byte) ?? String.fromCharCode(byte);
}

const TO_BYTE: ReadonlyMap<string, number> = new Map([...CP1252_HIGH].map(([b, c]) => [c, b]));

/** The byte a character stands for when it came from a cp1252 font, or undefined when none does. */
export function cp1252Byte(ch: string): number | undefined {
  const code = ch.charCodeAt(0);
  if (ch.length !== 1) return undefined;
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  // C1 controls: the undefined bytes, and what some readers give for every 0x80–0x9F byte.
  if (code <= 0x9f) return code;
  return TO_BYTE.get(ch);
}

/**
 * Splits text into runs a byte-oriented decoder can take (each character has a cp1252 byte) and runs
 * it cannot (true Unicode, e.g. `ế`), decoding the first kind and keeping the second: one paragraph of
 * a converted document can hold both.
 */
export function decodeCp1252Runs(text: string, decode: (bytes: Uint8Array) => string): string {
  let out = '';
  let run: number[] = [];
  const flush = () => {
    if (run.length) out += decode(Uint8Array.from(run));
    run = [];
  };
  for (const ch of text) {
    const b = cp1252Byte(ch);
    if (b === undefined) {
      flush();
      out += ch;
    } else run.push(b);
  }
  flush();
  return out;
}

/** Length of a well-formed UTF-8 sequence starting at `i` (2–4 bytes), or 0. */
function utf8SequenceLength(b: Uint8Array, i: number): number {
  const lead = b[i] ?? 0;
  const n =
    lead >= 0xc2 && lead <= 0xdf
      ? 2
      : lead >= 0xe0 && lead <= 0xef
        ? 3
        : lead >= 0xf0 && lead <= 0xf4
          ? 4
          : 0;
  if (n === 0 || i + n > b.length) return 0;
  for (let k = 1; k < n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return 0;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(i, i + n));
    return n;
  } catch {
    return 0; // overlong or surrogate forms
  }
}

/**
 * Repairs UTF-8 that was read as cp1252 (`Chá»‰ thá»‹` → `Chỉ thị`): inside each run of non-ASCII
 * characters, every well-formed UTF-8 sequence of their bytes is decoded; anything else is kept.
 */
export function repairMojibake(text: string): string {
  return text.replace(/[^\u0000-\u007f]+/g, (run) => {
    const bytes: number[] = [];
    for (const ch of run) {
      const b = cp1252Byte(ch);
      if (b === undefined) return run;
      bytes.push(b);
    }
    const b = Uint8Array.from(bytes);
    let out = '';
    for (let i = 0; i < b.length;) {
      const n = utf8SequenceLength(b, i);
      if (n) out += new TextDecoder('utf-8').decode(b.subarray(i, i + n));
      else out += cp1252Char(b[i] ?? 0);
      i += n || 1;
    }
    return out;
  });
}

/** The other way, for fixtures: text written as UTF-8 and shown as cp1252. */
export function makeMojibake(text: string): string {
  return [...new TextEncoder().encode(text)].map(cp1252Char).join('');
}
