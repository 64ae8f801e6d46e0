/**
 * The regex builders every rule shares. Rules never keep a global regex between calls: they read a match
 * at a position through `matchAt`, which uses a sticky clone of the pattern, so no rule can move another's
 * `lastIndex`.
 */

/** White space that PDF extraction may put anywhere, including up to three line breaks. */
export const GAP = '[ \\t]*(?:\\n[ \\t]*){0,3}';

/** No letter or digit on that side: a whole word. */
export const WORD_START = '(?<![\\p{L}\\p{N}])';
export const WORD_END = '(?![\\p{L}\\p{N}])';

export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `quy định` → `quy\s+định`: a phrase of words, any white space between them. */
export const phrase = (words: string, space = '\\s+'): string =>
  words.trim().split(/\s+/).map(escapeRe).join(space);

/** Phrases as one alternation, longest first so that `thông tư liên tịch` wins over `thông tư`. */
export const alternation = (phrases: readonly string[], space = '\\s+'): string =>
  [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => phrase(p, space))
    .join('|');

const sticky = new WeakMap<RegExp, RegExp>();

/** The match of `re` starting exactly at `at`, or null; `re`'s own state is never touched. */
export function matchAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  let s = sticky.get(re);
  if (!s) {
    s = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'y');
    sticky.set(re, s);
  }
  s.lastIndex = at;
  return s.exec(text);
}

const global = new WeakMap<RegExp, RegExp>();

/**
 * Every match of `re` from `from` on, without touching `re`'s state. The global clone is shared, so a
 * caller finishes (or abandons) one iteration before starting another over the same pattern.
 */
export function* matchesFrom(re: RegExp, text: string, from = 0): Generator<RegExpExecArray> {
  let g = global.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'g');
    global.set(re, g);
  }
  g.lastIndex = from;
  for (let m = g.exec(text); m; m = g.exec(text)) {
    yield m;
    if (m[0].length === 0) g.lastIndex++;
  }
}

/** Calls `fn` with each match's index and length: `matchesFrom` without a generator, for the hot loops. */
export function eachMatch(re: RegExp, text: string, fn: (index: number, length: number) => void): void {
  let g = global.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'g');
    global.set(re, g);
  }
  g.lastIndex = 0;
  for (let m = g.exec(text); m; m = g.exec(text)) {
    fn(m.index, m[0].length);
    if (m[0].length === 0) g.lastIndex++;
  }
}

export const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
