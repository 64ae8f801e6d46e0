import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../src/ingest/pipeline.js';
import { closeDrivers } from '../src/store/connection.js';
import { removeSource } from '../src/store/ingest.js';
import { toPlain } from '../src/store/values.js';
import { cleanGraph, testDb } from './helpers/db.js';
import { seedPath, seedText } from './helpers/gold.js';
import { graphSnapshot } from './helpers/snapshot.js';

/**
 * What a document shows comes from the best evidence, whatever the order sources come in (issue 12, item 2):
 * its own text first (of two copies of a report, the signed one's signature), then the most complete of
 * its citations; and a removed source takes its evidence with it.
 */
const db = testDb();
const opts = { maxBytes: 5e6, concurrency: 1, dryRun: false };
const seeds = join(seedPath('x'), '..');
const SIGNED = seedPath('003_2802fcf99e6bc536.txt');

afterAll(() => closeDrivers());

async function ingestEach(files: string[], concurrency = 1): Promise<void> {
  if (concurrency > 1) {
    expect((await ingestPaths(db, files, { ...opts, concurrency })).failures).toEqual([]);
    return;
  }
  for (const f of files) expect((await ingestPaths(db, [f], opts)).failures).toEqual([]);
}

async function report(title: RegExp): Promise<Record<string, unknown>[]> {
  const rows = await db.read(async (tx) =>
    (
      await tx.run(
        `MATCH (d:Document {hasText: true}) OPTIONAL MATCH (d)-[:SIGNED_BY]->(p:Person)
         RETURN d.title AS title, d.signer AS signer, d.signerPosition AS position, d.recipients AS recipients,
                collect(p.name) AS signedBy`,
      )
    ).records.map((r) => toPlain(r.toObject()) as Record<string, unknown>),
  );
  return rows.filter((r) => title.test(String(r['title'])));
}

describe('the graph does not depend on the order its sources come in', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'luocdo-props-'));
  const unsigned = join(tmp, 'unsigned-copy.txt');
  const others = readdirSync(seeds)
    .sort()
    .map((f) => join(seeds, f))
    .filter((f) => f !== SIGNED);
  beforeAll(() => {
    // The same report without its recipients and signature, as a scanned first page set often is.
    const text = seedText('003_2802fcf99e6bc536.txt');
    writeFileSync(unsigned, text.slice(0, text.indexOf('Nơi nhận')));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('keeps the signed copy’s signer and recipients whichever copy comes last', async () => {
    for (const order of [
      [SIGNED, unsigned],
      [unsigned, SIGNED],
    ]) {
      await cleanGraph(db);
      await ingestEach(order);
      const rows = await report(/^Sơ kết 05 năm/);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        signer: 'Trần Văn Mẫn',
        position: 'Trưởng ban',
        signedBy: ['Trần Văn Mẫn'],
      });
      expect((rows[0]?.['recipients'] as string[]).length).toBeGreaterThan(0);
    }
  });

  it('gives the same graph, every property of every node and edge, forwards, backwards and eight at once', async () => {
    const files = [...others, SIGNED, unsigned];
    await cleanGraph(db);
    await ingestEach(files);
    const forwards = await graphSnapshot(db);
    await cleanGraph(db);
    await ingestEach([...files].reverse());
    expect(await graphSnapshot(db)).toEqual(forwards);
    for (let run = 0; run < 2; run++) {
      await cleanGraph(db);
      await ingestEach(files, 8);
      expect(await graphSnapshot(db), `run ${run} at concurrency 8`).toEqual(forwards);
    }
  });

  it('after removing the signed copy, is the graph of the unsigned copy alone', async () => {
    await cleanGraph(db);
    await ingestEach([...others, unsigned]);
    const never = await graphSnapshot(db);
    await cleanGraph(db);
    await ingestEach([...others, SIGNED, unsigned]);
    expect(await removeSource(db, SIGNED)).toHaveLength(1);
    expect(await graphSnapshot(db)).toEqual(never);
    const rows = await report(/^Sơ kết 05 năm/);
    expect(rows).toEqual([
      expect.objectContaining({ signer: null, position: null, recipients: [], signedBy: [] }),
    ]);
  });
});
