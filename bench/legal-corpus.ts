// What extraction makes of real legal text (../shared/corpus, when it is there) and of the project's own
// gold sentences (test/fixtures/legal-sentences.ts). Prints counts a change can be compared by: references by
// type and relation, facts by relation, headers read, findings by code, the share of `Căn cứ` lines that give
// a BASED_ON; and precision, recall, F1, exact boundaries, relations and false legal claims on the gold.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument, type ExtractedDocument } from '../src/extract/index.js';
import { projectRoot } from '../src/paths.js';
import { LEGAL_CASES } from '../test/fixtures/legal-sentences.js';

const LEGAL = new Set(['AMENDS', 'REPLACES', 'REPEALS', 'GUIDES']);
const inc = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
const sorted = (m: Record<string, number>) =>
  Object.fromEntries(Object.entries(m).sort((a, b) => b[1] - a[1]));

function corpus(dir: string): void {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const byType: Record<string, number> = {};
  const byRelation: Record<string, number> = {};
  const facts: Record<string, number> = {};
  const findings: Record<string, number> = {};
  const header = {
    documents: files.length,
    writesOwnNumber: 0,
    ownNumberRead: 0,
    typeRead: 0,
    dateRead: 0,
    issuerRead: 0,
  };
  let canCu = 0;
  let canCuBased = 0;
  let bytes = 0;
  let cpu = 0;
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    bytes += Buffer.byteLength(text);
    const t0 = process.cpuUsage();
    const d: ExtractedDocument = extractDocument(text);
    const used = process.cpuUsage(t0);
    cpu += (used.user + used.system) / 1e6;
    if (/^\s*(?:Luật\s+|Bộ\s+luật\s+|Pháp\s+lệnh\s+)?số\s*:?\s*\d|SỐ\s*:?\s*\d/imu.test(text.slice(0, 1500)))
      header.writesOwnNumber++;
    if (d.document.symbol) header.ownNumberRead++;
    if (d.document.type) header.typeRead++;
    if (d.document.issuedOn) header.dateRead++;
    if (d.document.issuer) header.issuerRead++;
    for (const r of d.references) {
      inc(byType, r.type);
      inc(byRelation, r.relation);
    }
    for (const x of d.facts) inc(facts, x.relation);
    for (const x of d.findings) inc(findings, x.code);
    // A `Căn cứ` line of the preamble: the references on it should be BASED_ON.
    for (const m of text.matchAll(/^[ \t]*Căn cứ[^\n]*/gmu)) {
      const start = m.index;
      const end = start + m[0].length;
      const on = d.references.filter((r) => r.start >= start && r.start < end);
      if (on.length === 0) continue;
      canCu++;
      if (on.some((r) => r.relation === 'BASED_ON')) canCuBased++;
    }
  }
  console.log(
    JSON.stringify(
      {
        corpus: dir,
        megabytes: +(bytes / 1e6).toFixed(1),
        mbPerCpuSecond: +(bytes / 1e6 / cpu).toFixed(1),
        header,
        references: Object.values(byType).reduce((a, b) => a + b, 0),
        byType: sorted(byType),
        byRelation: sorted(byRelation),
        facts: sorted(facts),
        findings: sorted(findings),
        canCuLinesWithReferences: canCu,
        canCuGivingBasedOn: canCu ? +(canCuBased / canCu).toFixed(3) : null,
      },
      null,
      1,
    ),
  );
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];

function gold(): void {
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
  for (const c of LEGAL_CASES) {
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
      if (g.relation) {
        relTotal++;
        if (g.relation === r.relation) relRight++;
      }
      if (LEGAL.has(r.relation)) {
        legalClaims++;
        if (g.relation !== r.relation) falseLegal++;
      }
    }
    fn += c.refs.length - used.size;
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
  console.log(
    JSON.stringify({
      gold: 'test/fixtures/legal-sentences.ts',
      sentences: LEGAL_CASES.length,
      references: {
        precision: +p.toFixed(3),
        recall: +r.toFixed(3),
        f1: +((2 * p * r) / (p + r || 1)).toFixed(3),
        exactBoundaries: +(exact / (tp || 1)).toFixed(3),
      },
      relations: { right: relRight, of: relTotal },
      facts: { right: factTp, wrong: factFp, missed: factFn },
      legalClaims: { made: legalClaims, false: falseLegal },
    }),
  );
}

gold();
const dir = join(projectRoot(), '..', 'shared', 'corpus', 'vlc');
if (existsSync(dir)) corpus(dir);
else console.log(`no corpus at ${dir}: only the gold sentences were measured`);
