import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../src/ingest/pipeline.js';
import { closeDrivers, type Db } from '../src/store/connection.js';
import { startApi, type TestApi } from './helpers/api.js';
import { cleanGraph, testDb } from './helpers/db.js';

// Two provinces' Tỉnh ủy both issued a Chỉ thị 22-CT/TU in 2017: the number and the year do not tell them
// apart. A draft that names its issuer (or whose own place says which Tỉnh ủy) means one of them, the one
// ingesting the draft would link; a draft that says neither still means either, and is told so.
const report = (unit: string, district: string, province: string, n: number, cites: string) =>
  `ỦY BAN NHÂN DÂN\nHUYỆN ${district.toUpperCase()}\n\nSố: ${n}/BC-UBND\n\n${district}, ngày 5 tháng 6 năm 2018\n\n` +
  `BÁO CÁO\nKết quả thực hiện Chỉ thị\n\nThực hiện ${cites}, ${unit} huyện ${district}, tỉnh ${province} báo cáo như sau.\n`;

const QN = 'Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy Quảng Ngãi';
const BD = 'Chỉ thị số 22-CT/TU ngày 10/5/2017 của Tỉnh ủy Bình Định';

let db: Db;
let api: TestApi;
let dir: string;

type Mention = { symbol: string | null; known: boolean; document: { key: string; issuedOn: string } | null };
const AUDIT =
  'query($t: String!) { auditText(text: $t) { mentions { symbol known document { key issuedOn } } } }';

async function mentionsOf(text: string): Promise<Mention[]> {
  const { body } = await api.gql<{ auditText: { mentions: Mention[] } }>(AUDIT, { t: text });
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data?.auditText.mentions ?? [];
}

beforeAll(async () => {
  db = testDb();
  await cleanGraph(db);
  dir = mkdtempSync(join(tmpdir(), 'luocdo-shared-'));
  writeFileSync(join(dir, 'qn.txt'), report('UBND', 'Bình Sơn', 'Quảng Ngãi', 11, QN));
  writeFileSync(join(dir, 'bd.txt'), report('UBND', 'Phù Cát', 'Bình Định', 12, BD));
  const s = await ingestPaths(db, [dir], { maxBytes: 5e6, concurrency: 1, dryRun: false });
  expect(s.failed).toBe(0);
  api = await startApi(db);
});
afterAll(async () => {
  await api.close();
  await closeDrivers();
  rmSync(dir, { recursive: true, force: true });
});

describe('auditText: a number two documents share', () => {
  it('holds two 22-CT/TU of 2017, which a bare reference cannot tell apart', async () => {
    const { body } = await api.gql<{ find: { documents: Array<{ symbol: string }> } }>(
      '{ find(text: "22-CT/TU", first: 10) { documents { symbol } } }',
    );
    expect(body.data?.find.documents.map((d) => d.symbol)).toEqual(['22-CT/TU', '22-CT/TU']);
    const [bare] = await mentionsOf('Thực hiện Chỉ thị số 22-CT/TU năm 2017, báo cáo như sau.');
    expect(bare).toMatchObject({ symbol: '22-CT/TU', known: true, document: null });
  });

  it('picks the one the draft names by its issuer, each way round', async () => {
    const [qn] = await mentionsOf(`Thực hiện ${QN}, xã báo cáo như sau.`);
    expect(qn?.document?.issuedOn).toBe('2017-04-03');
    const [bd] = await mentionsOf(`Thực hiện ${BD}, xã báo cáo như sau.`);
    expect(bd?.document?.issuedOn).toBe('2017-05-10');
    expect(bd?.document?.key).not.toBe(qn?.document?.key);
  });

  it('picks by the draft’s own place when it says only “Tỉnh ủy”', async () => {
    const draft = report('UBND', 'Tây Sơn', 'Bình Định', 13, 'Chỉ thị số 22-CT/TU của Tỉnh ủy');
    const [m] = await mentionsOf(draft);
    expect(m?.document?.issuedOn).toBe('2017-05-10');
  });
});
