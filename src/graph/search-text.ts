/**
 * The folded text of the full-text index in one pass (issue 15): `fold` then every character outside
 * `[a-z0-9/-]` a space, runs of spaces one, trimmed. Folding is a mapping of each character on its own
 * (canonical decomposition, marks dropped, đ → d, lower case; the one rule that looks at neighbours, the
 * final sigma, gives a character outside [a-z] either way), so it is made once per character and
 * remembered: a report is a few dozen distinct letters repeated, and the text itself is never normalised
 * whole. test/unit/search-text.test.ts holds it to the definition by `fold`.
 */

/** ASCII: the byte written, or 0 for a space. */
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c).toLowerCase();
  ASCII[c] = /[a-z0-9/-]/.test(ch) ? ch.charCodeAt(0) : 0;
}

/** One character (a code point, or a lone surrogate) folded, each character it gives outside the set a space. */
function foldChar(ch: string): string {
  return ch
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9/-]/g, ' ');
}

/** Characters already folded: the BMP by code unit, the rest by code point. */
const bmp = new Array<string | undefined>(0x10000);
const astral = new Map<number, string>();

function astralOf(s: string, i: number, cp: number): string {
  let f = astral.get(cp);
  if (f === undefined) {
    // Bounded, so text in many scripts cannot grow it for ever.
    if (astral.size > 10_000) astral.clear();
    astral.set(cp, (f = foldChar(s.slice(i, i + 2))));
  }
  return f;
}

const SPACE = 0x20;

/** Folded, stop-word-free text for the full-text index: diacritics and đ folded here, not by the analyzer. */
export function searchText(s: string): string {
  let out = Buffer.allocUnsafe(s.length + 16);
  let n = 0;
  // A space is written only before the next kept character: runs of spaces are one, and none leads or trails.
  let pending = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      const b = ASCII[c] as number;
      if (b === 0) pending = n > 0;
      else {
        if (pending) out[n++] = SPACE;
        pending = false;
        out[n++] = b;
      }
      continue;
    }
    const next = s.charCodeAt(i + 1);
    const pair = c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    const f = pair
      ? astralOf(s, i, (c - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000)
      : (bmp[c] ??= foldChar(s.charAt(i)));
    if (pair) i++;
    // Room for this character's letters, each with a space before it, and one byte for each left.
    const need = n + 2 * f.length + (s.length - i) + 2;
    if (need > out.length) out = Buffer.concat([out.subarray(0, n)], need * 2);
    for (let k = 0; k < f.length; k++) {
      const b = f.charCodeAt(k);
      if (b === SPACE) pending = n > 0;
      else {
        if (pending) out[n++] = SPACE;
        pending = false;
        out[n++] = b;
      }
    }
  }
  return out.toString('latin1', 0, n);
}
