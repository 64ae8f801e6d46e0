import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reports } from '../../bench/corpus.js';
import { factsOf, knownOf } from '../../src/graph/facts.js';
import { prepare } from '../../src/ingest/prepare.js';
import { remakeHere } from '../../src/ingest/remake.js';
import { packLean, remakeSource, Results, unpackLean } from '../../src/ingest/spill.js';
import type { Prepared } from '../../src/store/ingest.js';

// Issue 15: a source that resolution across the set makes again is unpacked, resolved again and packed
// anew once (in a worker thread in `luocdo load`), its bytes replacing the old: the graph then reads the
// remade facts and nothing else of the source changes, held or spilled.
describe('load: a source made again', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luocdo-load-remake-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const ps = [...reports(31, 6)].map((r, i) =>
    prepare({
      path: r.name,
      text: r.text,
      sha256: String(i).repeat(64),
      format: 'txt',
      bytes: r.text.length,
    }),
  );
  const known = knownOf(ps.map((p) => p.facts));

  it('has its facts alone replaced, as the draft resolves them with what the set knows', () => {
    const p = ps.find((x) => x.facts.questions.length > 0);
    if (!p) throw new Error('no source of the corpus asks the graph');
    const bytes = packLean(p);
    const was = unpackLean(bytes);
    const made = remakeSource(bytes, known);
    const now = unpackLean(made.bytes);
    const facts = factsOf(p.draft, known);
    expect(now.facts).toEqual(facts);
    expect(made.questions).toEqual(facts.questions);
    expect(made.answers).toEqual(facts.answers);
    const { facts: _a, ...restNow } = now;
    const { facts: _b, ...restWas } = was;
    expect(restNow).toEqual(restWas);
    expect(Buffer.from(now.draftZ as Int8Array)).toEqual(Buffer.from(was.draftZ as Int8Array));
    // Its own buffer: it can be moved from a worker thread.
    expect(made.bytes.byteOffset).toBe(0);
    expect(made.bytes.byteLength).toBe(made.bytes.buffer.byteLength);
  });

  it('replaces a held or a spilled source in place, counting a spilled one once', () => {
    const asking = ps.flatMap((p, i) => (p.facts.questions.length > 0 ? [i] : []));
    const first = packLean(ps[asking[0] as number] as Prepared).byteLength;
    const r = new Results(first, join(dir, 'spill'));
    ps.forEach((p, i) => r.put(i, packLean(p)));
    const spilled = r.spilled;
    expect(spilled).toBe(ps.length - 1);
    const asked = remakeHere(r, asking, known);
    expect(r.spilled).toBe(spilled);
    expect(r.heldBytes).toBeLessThanOrEqual(first);
    asking.forEach((i, k) => {
      const facts = factsOf((ps[i] as Prepared).draft, known);
      expect(r.get(i)?.facts).toEqual(facts);
      expect(asked[k]).toEqual({ questions: facts.questions, answers: facts.answers });
    });
    r.close();
  });
});
