import type { Boundaries } from './sentences.js';

const MAX_QUOTE = 600;

/** Index of the last element ≤ x in a sorted array (−1 when none). */
function floorIndex(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let out = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= x) {
      out = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return out;
}

/** Widens [s, e) to whole words: never starts or ends inside one. */
function wholeWords(text: string, s: number, e: number): [number, number] {
  while (s > 0 && /[\p{L}\p{N}]/u.test(text[s - 1] as string) && /[\p{L}\p{N}]/u.test(text[s] as string)) s--;
  while (
    e < text.length &&
    /[\p{L}\p{N}]/u.test(text[e] as string) &&
    /[\p{L}\p{N}]/u.test(text[e - 1] as string)
  )
    e++;
  return [s, e];
}

/**
 * The evidence of a mention as people check it: the whole sentence it stands in (cut at word boundaries
 * around the mention when a sentence runs past 600 characters), its line, and its page when pages are known.
 */
export function evidenceOf(
  original: string,
  clean: string,
  boundaries: Boundaries,
  toOriginal: (s: number, e: number) => [number, number],
  pageStarts: readonly number[] | undefined,
): (start: number, end: number) => { quote: string; line: number; page: number | null } {
  const lineStarts = [0];
  for (let i = original.indexOf('\n'); i !== -1; i = original.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  // Mentions of one sentence share its quote.
  const sentences = new Map<string, string>();
  const quoteOf = (start: number, end: number): string => {
    let s = boundaries.startOf(start);
    let e = Math.max(boundaries.endOf(start), end);
    const whole = `${s}:${e}`;
    const known = e - s <= MAX_QUOTE ? sentences.get(whole) : undefined;
    if (known !== undefined) return known;
    let cutBefore = false;
    let cutAfter = false;
    if (e - s > MAX_QUOTE) {
      const room = Math.max(0, MAX_QUOTE - (end - start)) >> 1;
      if (start - room > s) [s, cutBefore] = [start - room, true];
      if (end + room < e) [e, cutAfter] = [end + room, true];
      [s, e] = wholeWords(clean, s, e);
    }
    const body = clean.slice(s, e).replace(/\s+/g, ' ').trim();
    const quote = `${cutBefore ? '… ' : ''}${body}${cutAfter ? ' …' : ''}`;
    if (!cutBefore && !cutAfter) sentences.set(whole, quote);
    return quote;
  };
  return (start, end) => {
    const [os] = toOriginal(start, end);
    return {
      quote: quoteOf(start, end),
      line: floorIndex(lineStarts, os) + 1,
      page: pageStarts ? Math.max(1, floorIndex(pageStarts, os) + 1) : null,
    };
  };
}
