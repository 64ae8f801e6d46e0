import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../src/ingest/pipeline.js';
import { projectRoot } from '../src/paths.js';
import { closeDrivers } from '../src/store/connection.js';
import { toPlain } from '../src/store/values.js';
import { cleanGraph, testDb } from './helpers/db.js';
import { graphSnapshot } from './helpers/snapshot.js';

/**
 * Issue 15: a new dated document of a number many reports cite undated answers their question anew. When
 * it only makes several into more (none decides either way), what those reports resolve is unchanged: their
 * stored answers are brought up to date in place, not each report written again (a warm bulk ingest spent
 * most of its server time rewriting such askers), and the graph is the one any order of ingest gives.
 */
const db = testDb();
const opts = { maxBytes: 5e6, concurrency: 1, dryRun: false };
const fixture = (...p: string[]) => join(projectRoot(), 'test', 'fixtures', 'resolve', ...p);
const FOUR = [
  '1-huyen-uy-ke-hoach.txt',
  '2-dang-uy-xa-bao-cao.txt',
  '3-so-noi-vu-cong-van.txt',
  '4-ubnd-huyen-so-ket.txt',
].map((f) => fixture('four', f));
const NEW_TERM = fixture('extra', 'tinh-uy-chi-thi-moi.txt');
const dir = mkdtempSync(join(tmpdir(), 'luocdo-answers-'));
// A third dated 22-CT/TU of the Tỉnh ủy (2020), cited by another plan of the district.
const THIRD = join(dir, 'huyen-ke-hoach-2020.txt');
writeFileSync(
  THIRD,
  readFileSync(NEW_TERM, 'utf8')
    .replace('Số: 41/KH-UBND', 'Số: 43/KH-UBND')
    .replace('ngày 02 tháng 7 năm 2022', 'ngày 02 tháng 7 năm 2020')
    .replaceAll('10/5/2022', '10/5/2020')
    .replace('trong nhiệm kỳ mới', 'năm 2020'),
);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeDrivers();
});

const ingest = async (paths: string[]) => {
  const s = await ingestPaths(db, paths, { ...opts, batch: 1 });
  expect(s.failures).toEqual([]);
};
/** The sources that asked which dated 22-CT/TU the Tỉnh ủy issued: their node's id and the answer they keep. */
const askers = async () =>
  db.read(async (tx) =>
    (
      await tx.run(
        `MATCH (s:SourceFile)-[r:ASKS]->(:Question {key: 'sym:22-CT/TU|TU@quang-ngai'})
         RETURN elementId(s) AS id, split(s.path, '/')[-1] AS file, r.answer AS answer ORDER BY file`,
      )
    ).records.map((r) => toPlain(r.toObject()) as { id: string; file: string; answer: string }),
  );

describe('a question whose answer only grows from several to more', () => {
  it('keeps its askers and updates their answer, the graph as any order gives', async () => {
    await cleanGraph(db);
    await ingest([...FOUR, NEW_TERM]);
    const before = await askers();
    expect(before.map((a) => [a.file, a.answer])).toEqual([
      ['2-dang-uy-xa-bao-cao.txt', '22-CT/TU|TU@quang-ngai|2017\n22-CT/TU|TU@quang-ngai|2022'],
    ]);
    await ingest([THIRD]);
    const after = await askers();
    expect(after).toEqual([
      {
        ...before[0],
        // The same node: the source was not removed and written again.
        answer: '22-CT/TU|TU@quang-ngai|2017\n22-CT/TU|TU@quang-ngai|2020\n22-CT/TU|TU@quang-ngai|2022',
      },
    ]);
    const inOrder = await graphSnapshot(db);
    await cleanGraph(db);
    await ingest([THIRD, NEW_TERM, ...FOUR]);
    expect(await graphSnapshot(db)).toEqual(inOrder);
  });
});
