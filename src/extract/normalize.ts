/**
 * Normalization with an offset map: the clean text that the rules read, and for each of its characters
 * the range of original characters it came from, so that every reference points at the text as given.
 */
export type Normalized = {
  text: string;
  /** Maps a span [start, end) of the clean text to the span of the original text. */
  toOriginal(start: number, end: number): [number, number];
};

/** Letters that broken PDF fonts put in place of Vietnamese ones, and spaces that are spaces. */
const REPLACE: Record<string, string> = {
  '\u01A3': 'ư', // ƣ (LATIN SMALL LETTER OI), the classic broken-font ư
  '\u01A2': 'Ư',
  '\u00D0': 'Đ', // Ð (ETH) for Đ
  '\u0189': 'Đ', // Ɖ (AFRICAN D) for Đ
  '\u00A0': ' ',
  '\u2007': ' ',
  '\u202F': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2009': ' ',
  '\t': ' ',
};
/** Characters that carry nothing: zero-width spaces and joiners, the BOM, soft hyphens, carriage returns. */
const DROP = new Set(['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\r']);

/** A place that needs work: a replaced or dropped character, or a letter followed by combining marks. */
const WORK =
  /[\u01A2\u01A3\u00D0\u0189\u00A0\u2007\u202F\u2002\u2003\u2009\t\u200B-\u200D\u2060\uFEFF\u00AD\r]|[^\u0300-\u036f]?[\u0300-\u036f]+/g;

/**
 * The map is a list of segments: a copied run maps one to one; a changed piece maps every clean
 * character it produced to the whole original piece. Most text is copied, so the list stays short.
 */
type Segment = { clean: number; orig: number; cleanLen: number; origLen: number; copy: boolean };

export function normalize(original: string): Normalized {
  WORK.lastIndex = 0;
  if (!WORK.test(original)) return { text: original, toOriginal: (s, e) => [s, e] };
  const parts: string[] = [];
  const segs: Segment[] = [];
  let clean = 0;
  let at = 0;
  WORK.lastIndex = 0;
  for (let m = WORK.exec(original); m; m = WORK.exec(original)) {
    const piece = m[0];
    if (m.index > at) {
      const len = m.index - at;
      parts.push(original.slice(at, m.index));
      segs.push({ clean, orig: at, cleanLen: len, origLen: len, copy: true });
      clean += len;
    }
    let out: string;
    if (piece.length === 1 && DROP.has(piece)) out = '';
    else if (piece.length === 1) out = REPLACE[piece] ?? piece;
    else out = ((REPLACE[piece[0] as string] ?? (piece[0] as string)) + piece.slice(1)).normalize('NFC');
    if (out) parts.push(out);
    segs.push({ clean, orig: m.index, cleanLen: out.length, origLen: piece.length, copy: false });
    clean += out.length;
    at = m.index + piece.length;
  }
  if (at < original.length) {
    const len = original.length - at;
    parts.push(original.slice(at));
    segs.push({ clean, orig: at, cleanLen: len, origLen: len, copy: true });
    clean += len;
  }
  const text = parts.join('');
  const n = original.length;

  /** The segment holding clean position p (the last one starting at or before p with a length). */
  const find = (p: number): Segment | undefined => {
    let lo = 0;
    let hi = segs.length - 1;
    let best: Segment | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = segs[mid] as Segment;
      if (s.clean <= p) {
        if (s.cleanLen > 0) best = s;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  };
  const startOf = (p: number): number => {
    if (p >= text.length) return n;
    const s = find(p);
    if (!s) return 0;
    return s.copy ? s.orig + (p - s.clean) : s.orig;
  };
  const endOf = (p: number): number => {
    const s = find(p);
    if (!s) return 0;
    return s.copy ? s.orig + (p - s.clean) + 1 : s.orig + s.origLen;
  };
  return {
    text,
    toOriginal(s, e) {
      if (e <= s) return [startOf(s), startOf(s)];
      return [startOf(s), endOf(e - 1)];
    },
  };
}
