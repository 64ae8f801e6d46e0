// What extraction makes of real legal text (../shared/corpus, when it is there) and of the project's own
// gold sentences (test/fixtures/legal-sentences.ts). Prints counts a change can be compared by: references by
// type and relation, facts by relation, headers read, findings by code, the share of `Căn cứ` lines that give
// a BASED_ON; and precision, recall, F1, exact boundaries, relations and false legal claims on the gold.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument, type ExtractedDocument } from '../src/extract/index.js';
import { projectRoot } from '../src/paths.js';
import { HELDOUT_CASES } from '../test/fixtures/legal-heldout.js';
import { REPORT_HELDOUT_CASES } from '../test/fixtures/report-heldout.js';
import { LEGAL_CASES, type GoldCase } from '../test/fixtures/legal-sentences.js';
import { scoreGold } from './gold-score.js';

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

function gold(file: string, cases: readonly GoldCase[]): void {
  console.log(JSON.stringify({ gold: file, ...scoreGold(cases) }));
}

gold('test/fixtures/legal-sentences.ts', LEGAL_CASES);
gold('test/fixtures/legal-heldout.ts', HELDOUT_CASES);
gold('test/fixtures/report-heldout.ts', REPORT_HELDOUT_CASES);
const dir = join(projectRoot(), '..', 'shared', 'corpus', 'vlc');
if (existsSync(dir)) corpus(dir);
else console.log(`no corpus at ${dir}: only the gold sentences were measured`);
