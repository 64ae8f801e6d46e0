import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from '../bench/corpus.js';
import { differences, fullSnapshot } from '../probe/snapshot.js';
import { closeDrivers } from '../src/store/connection.js';
import { runCli } from './helpers/cli.js';
import { cleanGraph, testDb, testEnv } from './helpers/db.js';
import { seedPath } from './helpers/gold.js';

// Issue 15: `luocdo ingest` of several files writes in batches by default, extraction in worker threads
// while the writer writes; `--one-by-one` is the old way. Both must give the same graph.
const db = testDb();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'luocdo-bulk-'));
  const seeds = join(seedPath('x'), '..');
  mkdirSync(join(dir, 'seeds'));
  for (const f of readdirSync(seeds)) copyFileSync(join(seeds, f), join(dir, 'seeds', f));
  mkdirSync(join(dir, 'synthetic'));
  for (const r of reports(4242, 150)) writeFileSync(join(dir, 'synthetic', r.name), r.text);
  // A bad file fails alone, named, in both modes (a .docx that is no zip: the worker's error crosses over).
  writeFileSync(join(dir, 'synthetic', 'broken.docx'), 'PK\u0003\u0004 not a zip at all');
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeDrivers();
});

type Summary = { files: number; added: number; merged: number; failed: number; failures: unknown[] };

async function ingest(...flags: string[]): Promise<Summary> {
  const r = await runCli(['ingest', '--json', ...flags, dir], { env: testEnv(), timeoutMs: 600_000 });
  expect(r.code, r.stderr).toBe(1); // the broken file
  expect(r.stderr).toContain('broken.docx');
  return JSON.parse(r.stdout) as Summary;
}

describe('ingest in batches by default, extraction in worker threads', () => {
  it('gives the graph one transaction per source gives, on the seeds and a synthetic set', async () => {
    await cleanGraph(db);
    const one = await ingest('--one-by-one');
    const expected = await fullSnapshot(db);
    expect(expected.nodes.length).toBeGreaterThan(1000);
    await cleanGraph(db);
    const bulk = await ingest();
    expect(differences(await fullSnapshot(db), expected)).toEqual([]);
    const pick = (s: Summary) => ({ files: s.files, added: s.added, merged: s.merged, failed: s.failed });
    expect(pick(bulk)).toEqual(pick(one));
    expect(bulk.failures).toEqual(one.failures);
  }, 600_000);

  it('refuses --one-by-one with --batch', async () => {
    const r = await runCli(['ingest', '--one-by-one', '--batch', '10', dir], { env: testEnv() });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--one-by-one and --batch');
  });
});
