import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fold } from '../src/extract/index.js';
import { ingestPaths } from '../src/ingest/pipeline.js';
import { closeDrivers } from '../src/store/connection.js';
import { removeSource } from '../src/store/ingest.js';
import { search } from '../src/store/queries.js';
import { toPlain } from '../src/store/values.js';
import { cleanGraph, testDb } from './helpers/db.js';
import { seedPath, seedText } from './helpers/gold.js';
import { graphSnapshot } from './helpers/snapshot.js';

const db = testDb();
const opts = { maxBytes: 5e6, concurrency: 1, dryRun: false };
const seeds = join(seedPath('x'), '..');
const CT22 = '22-CT/TU|TU@quang-ngai|2017';

afterAll(() => closeDrivers());

/** Every document with a title that the product's own search finds by its first words, without diacritics. */
async function foundByTitle(): Promise<string[]> {
  const docs = await db.read(async (tx) =>
    (
      await tx.run('MATCH (d:Document) WHERE d.title IS NOT NULL RETURN d.key AS key, d.title AS title')
    ).records.map((r) => toPlain(r.toObject()) as { key: string; title: string }),
  );
  const found: string[] = [];
  for (const d of docs) {
    const words = fold(d.title).split(/\s+/).slice(0, 6).join(' ');
    if ((await search(db, words, 50)).some((x) => x.key === d.key)) found.push(d.key);
  }
  return found.sort();
}

describe('removing a source gives back the graph of the others', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'luocdo-remove-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('every property of every node and edge as before it came, and search without diacritics still finds them', async () => {
    await cleanGraph(db);
    expect((await ingestPaths(db, [seeds], opts)).failures).toEqual([]);
    const before = await graphSnapshot(db);
    const foundBefore = await foundByTitle();
    expect(foundBefore).toContain(CT22);
    const hits = async () =>
      (await search(db, 'day manh va nang cao hieu qua phong trao thi dua', 20)).map((d) => d.key);
    expect(await hits()).toContain(CT22);

    // The last seed's report again, citing what it cites, and first 114-KL/TW under the fullest title it
    // has (a subject is cut at 300 characters), which it shows while this source is in.
    const last = readdirSync(seeds).sort().at(-1) as string;
    const extra = join(tmp, 'sibling.txt');
    const fuller = `nâng cao chất lượng, hiệu quả công tác dân vận của cơ quan nhà nước, chính quyền các cấp ${'và các đoàn thể chính trị - xã hội ở cơ sở '.repeat(6)}trong tình hình mới`;
    writeFileSync(
      extra,
      `Tiếp tục thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư về ${fuller}.\n` +
        seedText(last).replace(/Số:\s*(\d+)/, (_m, n: string) => `Số: 9${n}`),
    );
    for (let round = 0; round < 2; round++) {
      const s = await ingestPaths(db, [extra], opts);
      expect(s.failures).toEqual([]);
      const [shown] = await db.read(async (tx) =>
        (await tx.run("MATCH (d:Document {symbol: '114-KL/TW'}) RETURN d.title AS t")).records.map((r) =>
          String(r.get('t')),
        ),
      );
      expect(shown).toBe(fuller.slice(0, 300));
      expect(await removeSource(db, extra)).toHaveLength(1);
      expect(await graphSnapshot(db)).toEqual(before);
      expect(await hits()).toContain(CT22);
      expect(await foundByTitle()).toEqual(foundBefore);
    }
  });

  it('folds the search text of a report that goes back to being known by citation only', async () => {
    await cleanGraph(db);
    expect((await ingestPaths(db, [seeds], opts)).failures).toEqual([]);
    const before = await graphSnapshot(db);
    const [cited] = (await search(db, 'phat dong phong trao thi dua', 20)).filter(
      (d) => d.symbol === '70/KH-UBND',
    );
    expect(cited?.hasText).toBe(false);
    const plan = join(tmp, '70.txt');
    writeFileSync(
      plan,
      'ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n\nSố: 70/KH-UBND\n\nQuảng Ngãi, ngày 04 tháng 6 năm 2020\n\nKẾ HOẠCH\nPhát động phong trào thi đua “Dân vận khéo” giai đoạn 2020 - 2025\n\nCăn cứ Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành kế hoạch như sau.',
    );
    const s = await ingestPaths(db, [plan], opts);
    expect(s.failures).toEqual([]);
    // Its own text upgrades the document the seeds cite.
    const key = s.results[0]?.report as string;
    expect(key).toBe(cited?.key);
    expect(await removeSource(db, plan)).toHaveLength(1);
    const found = await search(db, 'phat dong phong trao thi dua', 20);
    expect(found.map((d) => d.key)).toContain(key);
    expect(await graphSnapshot(db)).toEqual(before);
  });
});
