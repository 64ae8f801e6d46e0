// The score of the extractor on gold sentences: references matched by overlapping span, exact boundaries,
// the citing text's relation, the facts between documents, and the legal claims it makes.
import { extractDocument } from '../src/extract/index.js';
import type { Relation } from '../src/extract/index.js';
import type { GoldCase, GoldRef } from '../test/fixtures/legal-sentences.js';

const LEGAL = new Set(['AMENDS', 'REPLACES', 'REPEALS', 'GUIDES']);
const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];
/** Whether the gold accepts a relation: the one it gives, or one of the several a reader would. */
const accepts = (gold: GoldRef['relation'], rel: Relation): boolean =>
  (typeof gold === 'string' ? [gold] : (gold ?? [])).includes(rel);

export type GoldScore = {
  sentences: number;
  references: { precision: number; recall: number; f1: number; exactBoundaries: number };
  relations: { right: number; of: number };
  /** Of the references found where the gold gives a symbol (or a date): how many got it right. */
  symbols: { right: number; of: number };
  dates: { right: number; of: number };
  /** What went wrong, case by case, for a person to read (`what` of the case: the problem). */
  misses: string[];
  facts: { right: number; wrong: number; missed: number };
  legalClaims: { made: number; false: number };
};

export function scoreGold(cases: readonly GoldCase[]): GoldScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let exact = 0;
  let relRight = 0;
  let relTotal = 0;
  let legalClaims = 0;
  let falseLegal = 0;
  let factTp = 0;
  let factFp = 0;
  let factFn = 0;
  const symbols = { right: 0, of: 0 };
  const dates = { right: 0, of: 0 };
  const misses: string[] = [];
  for (const c of cases) {
    const d = extractDocument(c.text);
    // Each gold reference where it stands: after the one before it (inside it, for a law an amending law names).
    let cursor = 0;
    let last: [number, number] = [-1, -1];
    const goldSpans = c.refs.map((g) => {
      let at = c.text.indexOf(g.text, cursor);
      for (let k = 0, from = 0; g.occurrence !== undefined && k <= g.occurrence; k++, from = at + 1)
        at = c.text.indexOf(g.text, from);
      if (g.occurrence === undefined && at === last[0] && at + g.text.length === last[1])
        at = c.text.indexOf(g.text, at + 1);
      last = [at, at + g.text.length];
      cursor = at;
      return { g, span: last };
    });
    const used = new Set<number>();
    for (const r of d.references) {
      const i = goldSpans.findIndex((x, k) => !used.has(k) && overlaps(x.span, [r.start, r.end]));
      if (i < 0) {
        fp++;
        misses.push(`${c.what}: found '${r.text}', no such reference`);
        if (LEGAL.has(r.relation)) {
          legalClaims++;
          falseLegal++;
        }
        continue;
      }
      used.add(i);
      tp++;
      const { g, span } = goldSpans[i] as (typeof goldSpans)[number];
      if (span[0] === r.start && span[1] === r.end) exact++;
      else misses.push(`${c.what}: '${g.text}' found as '${r.text}'`);
      if (g.relation) {
        relTotal++;
        if (accepts(g.relation, r.relation)) relRight++;
        else misses.push(`${c.what}: '${g.text}' ${r.relation}, expected ${String(g.relation)}`);
      }
      if (g.symbol) {
        symbols.of++;
        if (g.symbol === r.symbol) symbols.right++;
        else misses.push(`${c.what}: '${g.text}' symbol ${r.symbol}, expected ${g.symbol}`);
      }
      if (g.issuedOn) {
        dates.of++;
        if (g.issuedOn === r.issuedOn) dates.right++;
        else misses.push(`${c.what}: '${g.text}' dated ${r.issuedOn}, expected ${g.issuedOn}`);
      }
      if (LEGAL.has(r.relation)) {
        legalClaims++;
        // A gold reference whose relation its author left open is no evidence either way.
        if (g.relation !== undefined && !accepts(g.relation, r.relation)) falseLegal++;
      }
    }
    fn += c.refs.length - used.size;
    goldSpans.forEach((x, k) => {
      if (!used.has(k)) misses.push(`${c.what}: missed '${x.g.text}'`);
    });
    const want = new Set((c.facts ?? []).map((f) => f.join('|')));
    const got = new Set(
      d.facts.filter((f) => f.relation !== 'ISSUED_BY').map((f) => `${f.from}|${f.relation}|${f.to}`),
    );
    for (const f of got)
      if (want.has(f)) factTp++;
      else factFp++;
    for (const f of want) if (!got.has(f)) factFn++;
  }
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return {
    sentences: cases.length,
    references: {
      precision: +p.toFixed(3),
      recall: +r.toFixed(3),
      f1: +((2 * p * r) / (p + r || 1)).toFixed(3),
      exactBoundaries: +(exact / (tp || 1)).toFixed(3),
    },
    relations: { right: relRight, of: relTotal },
    symbols,
    dates,
    misses,
    facts: { right: factTp, wrong: factFp, missed: factFn },
    legalClaims: { made: legalClaims, false: falseLegal },
  };
}
