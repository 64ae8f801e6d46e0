import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditFinding } from '../src/graph/audit.js';
import { NEAR_DUPLICATE, similarity } from '../src/graph/identity.js';
import { audit } from '../src/store/audit.js';
import { closeDrivers } from '../src/store/connection.js';
import { counts } from '../src/store/ingest.js';
import { ingestPaths } from '../src/ingest/pipeline.js';
import { startApi, type TestApi } from './helpers/api.js';
import { cleanGraph, testDb } from './helpers/db.js';

const db = testDb();
const dir = mkdtempSync(join(tmpdir(), 'luocdo-identity-'));
const opts = { maxBytes: 5e6, concurrency: 1, dryRun: false };
let api: TestApi;
let n = 0;
const pathOf = new Map<string, string>();

/** Writes texts to fresh files and ingests them, one transaction each or all in one batch. */
async function ingest(texts: string[], batch = 1) {
  const paths = texts.map((t) => {
    const p = join(dir, `${String(++n).padStart(3, '0')}.txt`);
    writeFileSync(p, t);
    pathOf.set(t, p);
    return p;
  });
  const s = await ingestPaths(db, paths, { ...opts, batch });
  expect(s.failures).toEqual([]);
  return s;
}

beforeAll(async () => {
  api = await startApi(db);
});
afterAll(async () => {
  await api.close();
  await closeDrivers();
  rmSync(dir, { recursive: true, force: true });
});

describe('two extractions of one report, and two reports alike', () => {
  // A commune's unnumbered report citing decrees 1..k: how alike two of them are is the Jaccard
  // similarity of the decrees they cite.
  const report = (decrees: number[], extra = '') =>
    [
      'ỦY BAN NHÂN DÂN',
      'XÃ TỊNH KỲ',
      '',
      'Tịnh Kỳ, ngày 5 tháng 3 năm 2024',
      '',
      'BÁO CÁO',
      'Kết quả công tác cải cách hành chính quý I',
      '',
      ...decrees.map((d) => `Căn cứ Nghị định số ${d}/2020/NĐ-CP ngày ${d} tháng 1 năm 2020 của Chính phủ;`),
      `Ủy ban nhân dân xã Tịnh Kỳ báo cáo như sau.${extra}`,
    ].join('\n');
  const A = [1, 2, 3, 4, 5];
  const ABOVE = [1, 2, 3, 4, 5, 6]; // 5/6 ≈ 0.83 of A
  const BELOW = [1, 2, 3, 7, 8]; // 3/7 ≈ 0.43 of A

  it('the fixtures stand on either side of the threshold', () => {
    const keys = (ds: number[]) => ds.map(String);
    expect(similarity(keys(A), keys(ABOVE))).toBeGreaterThanOrEqual(NEAR_DUPLICATE);
    expect(similarity(keys(A), keys(BELOW))).toBeLessThan(NEAR_DUPLICATE);
    // Far enough from it that a threshold moved anywhere between 0.45 and 0.83 changes a verdict.
    expect(similarity(keys(A), keys(BELOW))).toBeLessThan(0.45);
  });

  it.each([1, 10])(
    'merges the near-identical pair into one report and keeps the other apart (batch %i)',
    async (batch) => {
      await cleanGraph(db);
      const texts = [
        report(A),
        report(ABOVE, ' Nội dung đã được rà soát.'),
        report(BELOW, ' Số liệu đến cuối quý.'),
      ];
      const s = await ingest(texts, batch);
      const [a, above, below] = texts.map((t) => s.results.find((r) => r.path === pathOf.get(t)));
      expect([a?.status, above?.status, below?.status]).toEqual(['added', 'merged', 'added']);
      expect(above?.report).toBe(a?.report);
      expect(below?.report).not.toBe(a?.report);
      expect(await counts(db)).toMatchObject({ sources: 3, withText: 2 });
    },
  );
});

describe('one symbol of one issuer in two years', () => {
  const report = (unit: string, date: string, body: string) =>
    [
      'ỦY BAN NHÂN DÂN',
      `XÃ ${unit.toUpperCase()}`,
      '',
      `${unit}, ${date}`,
      '',
      'BÁO CÁO',
      'Kết quả công tác dân vận',
      '',
      `${body} Ủy ban nhân dân xã ${unit} huyện Sơn Tịnh báo cáo như sau.`,
    ].join('\n');
  const PLAN = (date: string) => `Kế hoạch số 17/KH-UBND${date} của UBND huyện Sơn Tịnh`;

  beforeAll(async () => {
    await cleanGraph(db);
    await ingest([
      report('Tịnh Hà', 'ngày 2 tháng 6 năm 2021', `Thực hiện ${PLAN(' ngày 20/4/2021')} về dân vận khéo.`),
      report('Tịnh Sơn', 'ngày 3 tháng 6 năm 2022', `Thực hiện ${PLAN(' ngày 03/5/2022')} về dân vận khéo.`),
    ]);
  });

  type Doc = { key: string; symbol: string; issuedOn: string | null; issuer: { key: string } | null };
  const DOC = 'key symbol issuedOn issuer { key }';

  it('holds two documents, one per year, of the same issuer', async () => {
    const { body } = await api.gql<{ candidates: Doc[] }>(
      `{ candidates(ref: "Kế hoạch số 17/KH-UBND") { ${DOC} } }`,
    );
    const dated = (body.data?.candidates ?? []).filter((d) => d.issuedOn !== null);
    expect(dated.map((d) => d.issuedOn).sort()).toEqual(['2021-04-20', '2022-05-03']);
    expect(new Set(dated.map((d) => d.key)).size).toBe(2);
    expect(new Set(dated.map((d) => d.issuer?.key)).size).toBe(1);
    expect(dated[0]?.issuer?.key).toMatch(/son-tinh/);
  });

  it('resolves each by its date, and refuses to guess without one', async () => {
    for (const on of ['20/4/2021', '03/5/2022']) {
      const { body } = await api.gql<{ document: Doc | null }>(
        `query($r: String!) { document(ref: $r) { ${DOC} } }`,
        { r: `Kế hoạch số 17/KH-UBND ngày ${on}` },
      );
      expect(body.errors).toBeUndefined();
      const [d, m, y] = on.split('/');
      expect(body.data?.document?.issuedOn).toBe(`${y}-${m?.padStart(2, '0')}-${d?.padStart(2, '0')}`);
    }
    const undated = await api.gql('{ document(ref: "17/KH-UBND") { key } }');
    expect(undated.body.errors?.[0]?.extensions?.code).toBe('AMBIGUOUS_REF');
  });

  it('reports an undated mention as AMBIGUOUS, naming both documents', async () => {
    // Ingested last: a document of unknown date may be any of them, so `document(ref)` with a date
    // fits it too from now on.
    await ingest([
      report('Tịnh Bắc', 'ngày 4 tháng 6 năm 2022', `Tiếp tục thực hiện ${PLAN('')} về dân vận khéo.`),
    ]);
    const found = (await audit(db, { codes: ['AMBIGUOUS'] })).filter(
      (f: AuditFinding) => f.documents[0]?.symbol === '17/KH-UBND',
    );
    expect(found).toHaveLength(1);
    const f = found[0] as AuditFinding;
    expect(f.mentions.map((m) => m.text)).toEqual(['Kế hoạch số 17/KH-UBND']);
    expect(f.documents.map((d) => d.issuedOn).sort()).toEqual(['2021-04-20', '2022-05-03', null]);
    const { body } = await api.gql<{ audit: { totalCount: number } }>(
      '{ audit(codes: [AMBIGUOUS]) { totalCount } }',
    );
    expect(body.data?.audit.totalCount).toBe(1);
  });
});
