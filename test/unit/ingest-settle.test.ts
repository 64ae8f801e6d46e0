import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../src/graph/facts.js';
import { NOTHING_KNOWN } from '../../src/graph/known.js';
import type { AreaRef } from '../../src/graph/organizations.js';
import { prepare } from '../../src/ingest/prepare.js';
import { projectRoot } from '../../src/paths.js';
import { toSettle, writeParams, type Removed, type WriteParams } from '../../src/store/ingest.js';

/**
 * Issue 15: a source written again (settle resolves it anew) makes only the documents whose evidence it
 * changes be settled again, not every document it cites: settling reads each Citation of a document,
 * and a decree cited by thousands was read whole for each of its citers written again.
 */
const path = join(projectRoot(), 'test', 'fixtures', 'resolve', 'four', '2-dang-uy-xa-bao-cao.txt');
const text = readFileSync(path, 'utf8');
const p = prepare({
  path,
  text,
  sha256: createHash('sha256').update(text).digest('hex'),
  format: 'txt',
  bytes: Buffer.byteLength(text),
});

/** What remove/source-documents reads back of a written source: a row per Citation, nulls for absent values. */
const removedOf = (w: WriteParams, deleted: string[] = []): Removed => ({
  answers: [],
  report: w.r.key,
  cited: [...new Set(w.targets.filter((t) => t.citations.length > 0).map((t) => t.key))],
  evidence: w.targets.flatMap((t) =>
    t.citations.map((c) => [
      t.key,
      c.evidence.title,
      c.evidence.type,
      c.evidence.number,
      c.evidence.name,
      c.evidence.year,
      c.evidence.issuedOn,
      c.ambiguous,
    ]),
  ),
  deleted,
});

const undated = '22-CT/TU|TU@?son-tay|?';
const plan = '48-KH/HU|HU@son-tay|2017';

describe('the documents a source written again settles', () => {
  const before = writeParams(p, p.facts, true);
  it("cites the district's plan and the undated 22-CT/TU, the district not yet placed", () => {
    expect(removedOf(before).cited).toEqual([plan, undated]);
  });
  it('is only its report when it says the same of every document it cites', () => {
    expect(toSettle([removedOf(before)], before)).toEqual([before.r.key]);
  });
  it('is every document whose Citations change, and only those', () => {
    const same = writeParams(p, factsOf(p.draft, NOTHING_KNOWN), true);
    expect(toSettle([removedOf(before)], same)).toEqual([before.r.key]);
    // The district is placed in its province now: the documents its units issued get other keys.
    const district: AreaRef = {
      tier: 'huyện',
      name: 'Sơn Tây',
      parent: { tier: 'tỉnh', name: 'Quảng Ngãi', parent: null },
    };
    const g = factsOf(p.draft, { ...NOTHING_KNOWN, areas: new Map([['place:huyện:son-tay', [district]]]) });
    const after = writeParams(p, g, true);
    expect(after.targets.map((t) => t.key)).not.toContain(plan);
    expect(toSettle([removedOf(before)], after)).toEqual([before.r.key, plan, undated]);
    // One Citation more or fewer of a document, or one that says another thing of it, is a change too.
    const more = {
      ...before,
      targets: before.targets.map((t) => ({ ...t, citations: [...t.citations, ...t.citations] })),
    };
    expect(toSettle([removedOf(before)], more)).toEqual([before.r.key, plan, undated]);
    const ambiguous = {
      ...before,
      targets: before.targets.map((t) => ({
        ...t,
        citations: t.citations.map((c) => ({ ...c, ambiguous: !c.ambiguous })),
      })),
    };
    expect(toSettle([removedOf(before)], ambiguous)).toEqual([before.r.key, plan, undated]);
  });
  it('is every document that went with the removal, and every one cited when nothing is written again', () => {
    const removed = removedOf(before, [undated]);
    expect(toSettle([removed], before)).toEqual([before.r.key, undated]);
    expect(toSettle([removed], null)).toEqual([before.r.key, plan, undated]);
  });
});
