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

/** Non-ASCII characters already folded, by code point. */
const folded = new Map<number, string>();

function foldedOf(cp: number, ch: string): string {
  let f = folded.get(cp);
  if (f === undefined) {
    f = foldChar(ch);
    // Bounded, so text in many scripts cannot grow it for ever.
    if (folded.size > 20_000) folded.clear();
    folded.set(cp, f);
  }
  return f;
}

const SPACE = 0x20;

/** Folded, stop-word-free text for the full-text index: diacritics and đ folded here, not by the analyzer. */
export function searchText(s: string): string {
  let out = Buffer.allocUnsafe(s.length + 16);
  let n = 0;
  let pending = false;
  const put = (b: number) => {
    if (b === SPACE) {
      pending = n > 0;
      return;
    }
    if (n + 2 > out.length) {
      const grown = Buffer.allocUnsafe(out.length * 2);
      out.copy(grown, 0, 0, n);
      out = grown;
    }
    if (pending) out[n++] = SPACE;
    pending = false;
    out[n++] = b;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      put(ASCII[c] || SPACE);
      continue;
    }
    let cp = c;
    let ch: string;
    const next = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      cp = (c - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
      ch = s.slice(i, i + 2);
      i++;
    } else ch = s[i] as string;
    const f = foldedOf(cp, ch);
    for (let k = 0; k < f.length; k++) put(f.charCodeAt(k));
  }
  return out.toString('latin1', 0, n);
}
