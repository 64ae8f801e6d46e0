/**
 * Normalization with an offset map: the clean text that the rules read, and for each of its characters
 * the range of original characters it came from, so that every reference points at the text as given.
 */
export type Normalized = {
  text: string;
  /** Maps a span [start, end) of the clean text to the span of the original text. */
  toOriginal(start: number, end: number): [number, number];
};

/** Letters that broken PDF fonts put in place of Vietnamese ones. */
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

const NEEDS_WORK =
  /[\u0300-\u036f\u01A2\u01A3\u00D0\u0189\u00A0\u2007\u202F\u2002\u2003\u2009\t\u200B-\u200D\u2060\uFEFF\u00AD\r]/;

const isCombining = (c: number) => c >= 0x0300 && c <= 0x036f;

export function normalize(original: string): Normalized {
  if (!NEEDS_WORK.test(original)) {
    return { text: original, toOriginal: (s, e) => [s, e] };
  }
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const n = original.length;
  let i = 0;
  while (i < n) {
    const ch = original[i] as string;
    let j = i + 1;
    while (j < n && isCombining(original.charCodeAt(j))) j++;
    if (j > i + 1) {
      // A base letter with combining marks: compose the cluster; each result maps to the whole cluster.
      const base = REPLACE[ch] ?? ch;
      const composed = (base + original.slice(i + 1, j)).normalize('NFC');
      for (const c of composed) {
        out.push(c);
        starts.push(i);
        ends.push(j);
      }
    } else if (!DROP.has(ch)) {
      out.push(REPLACE[ch] ?? ch);
      starts.push(i);
      ends.push(j);
    }
    i = j;
  }
  const text = out.join('');
  // A composed character is one UTF-16 unit except for astral ones; expand the maps to code units.
  const s16 = new Int32Array(text.length + 1);
  const e16 = new Int32Array(text.length + 1);
  let k = 0;
  for (let m = 0; m < out.length; m++) {
    const c = out[m] as string;
    for (let u = 0; u < c.length; u++) {
      s16[k] = starts[m] as number;
      e16[k] = ends[m] as number;
      k++;
    }
  }
  s16[k] = n;
  e16[k] = n;
  return {
    text,
    toOriginal(s, e) {
      if (e <= s) return [s16[s] ?? n, s16[s] ?? n];
      return [s16[s] ?? n, e16[e - 1] ?? n];
    },
  };
}
