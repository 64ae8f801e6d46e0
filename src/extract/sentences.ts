/**
 * Sentence boundaries for the relation rules. PDF text breaks lines anywhere, so a line break alone is
 * no boundary; a full stop before a capital, a list item, a heading or a footnote body is.
 */
export class Boundaries {
  private readonly points: number[];
  private readonly length: number;

  constructor(text: string, extra: number[] = []) {
    this.length = text.length;
    const pts = new Set<number>([0, ...extra]);
    const re =
      /[.!?](?=\s+(?:[\p{Lu}\d\-+•]|$))|:\s*\n|\n(?=[ \t]*(?:[-+•]\s|\d+(?:\.\d+)*\.\s|[a-zđ]\)\s|[IVX]+\.\s))/gu;
    for (const m of text.matchAll(re)) pts.add((m.index ?? 0) + 1);
    this.points = [...pts].sort((a, b) => a - b);
  }

  /** The index of the boundary that opens the sentence holding position p. */
  private indexOf(p: number): number {
    let lo = 0;
    let hi = this.points.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.points[mid] as number) <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The start of the sentence that holds position p. */
  startOf(p: number): number {
    return this.points[this.indexOf(p)] ?? 0;
  }

  /** Where the sentence that holds position p ends (the next boundary, or the text's end). */
  endOf(p: number): number {
    return this.points[this.indexOf(p) + 1] ?? this.length;
  }

  sameSentence(a: number, b: number): boolean {
    return this.startOf(a) === this.startOf(b);
  }
}
