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

  /** The start of the sentence that holds position p. */
  startOf(p: number): number {
    let lo = 0;
    let hi = this.points.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.points[mid] as number) <= p) lo = mid;
      else hi = mid - 1;
    }
    return this.points[lo] ?? 0;
  }

  /** Where the sentence that holds position p ends (the next boundary, or the text's end). */
  endOf(p: number): number {
    const start = this.startOf(p);
    const i = this.points.indexOf(start);
    return this.points[i + 1] ?? this.length;
  }

  sameSentence(a: number, b: number): boolean {
    return this.startOf(a) === this.startOf(b);
  }
}
