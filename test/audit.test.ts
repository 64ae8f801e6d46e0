import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditFinding } from '../src/graph/audit.js';
import { audit, auditText, documentFindings, names } from '../src/store/audit.js';
import { closeDrivers } from '../src/store/connection.js';
import { prepare } from '../src/ingest/prepare.js';
import { writeSource } from '../src/store/ingest.js';
import { ingestPaths } from '../src/ingest/pipeline.js';
import { startApi } from './helpers/api.js';
import { runCli } from './helpers/cli.js';
import { cleanGraph, testDb, testEnv } from './helpers/db.js';
import { seedPath } from './helpers/gold.js';

const db = testDb();
const ingestText = (path: string, text: string) =>
  writeSource(
    db,
    prepare({
      path,
      text,
      sha256: createHash('sha256').update(text).digest('hex'),
      format: 'txt',
      bytes: text.length,
    }),
  );
const of = (fs: AuditFinding[], code: string) => fs.filter((f) => f.code === code);
const DRAFT =
  'BÁO CÁO\nKết quả thực hiện\n\nThực hiện Chỉ thị số 22-CT/TU ngày 03/5/2017 của Ban Thường vụ Tỉnh ủy và Kế hoạch số 70/KH-UBND ngày 04/6/2020 của UBND tỉnh, UBND huyện Ba Tơ báo cáo như sau.\n';

afterAll(() => closeDrivers());

describe('the audit on the seeds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luocdo-audit-'));
  beforeAll(async () => {
    await cleanGraph(db);
    await ingestPaths(db, [seedPath('.')], { maxBytes: 5e6, concurrency: 2, dryRun: false });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the number whose year disagrees with its date, the unknown code with its fix, and the merged sources', async () => {
    const fs = await audit(db, {});
    const nym = of(fs, 'NUMBER_YEAR_MISMATCH');
    expect(nym.map((f) => f.documents[0]?.symbol)).toEqual(['18/2000/CT-TTg']);
    expect(nym[0]?.severity).toBe('error');
    expect(nym[0]?.mentions[0]?.path).toMatch(/003_2802fcf99e6bc536\.txt$/);
    expect(of(fs, 'UNKNOWN_CODE')[0]).toMatchObject({ proposal: 'UBTVQH11' });
    const dup = of(fs, 'DUPLICATE_SOURCE');
    expect(dup).toHaveLength(1);
    expect(dup[0]?.message).toContain('000_0f68266f658f0987.txt');
    expect(dup[0]?.message).toContain('001_5451492b04ecc796.txt');
  });

  it('lists the documents cited and never ingested as DANGLING, with how many cite them', async () => {
    const dangling = of(await audit(db, { codes: ['DANGLING'] }), 'DANGLING');
    expect(dangling.length).toBeGreaterThan(40);
    expect(dangling.every((f) => f.severity === 'info')).toBe(true);
    const kl = dangling.find((f) => f.documents[0]?.symbol === '114-KL/TW');
    expect(kl?.message).toMatch(/cited by 2 documents/);
  });

  it('audits one document’s chain only', async () => {
    const fs = await audit(db, { ref: '71/KH-UBND', codes: ['DANGLING'] });
    const symbols = fs.map((f) => f.documents[0]?.symbol);
    expect(symbols).toEqual(expect.arrayContaining(['71/KH-UBND', '70/KH-UBND', '65-KH/HU']));
    expect(symbols).not.toContain('40-KH/HU');
  });

  it('checks a draft: a wrong date is an error proposing the right one; a right one passes', async () => {
    const r = await auditText(db, DRAFT);
    expect(r.findings.map((f) => [f.code, f.proposal])).toEqual([['DATE_CONFLICT', 'ngày 03/4/2017']]);
    expect(r.findings[0]?.mentions[0]?.text).toBe('Chỉ thị số 22-CT/TU ngày 03/5/2017');
    const path = join(dir, 'draft.txt');
    writeFileSync(path, DRAFT);
    const cli = await runCli(['audit', '--text', path], { env: testEnv() });
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('ngày 03/4/2017');
    writeFileSync(path, DRAFT.replace('03/5/2017', '03/4/2017'));
    const ok = await runCli(['audit', '--text', path, '--json'], { env: testEnv() });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ findings: [] });
    const bad = await runCli(['audit', '--code', 'NOPE'], { env: testEnv() });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('unknown code NOPE');
  });

  it('answers over GraphQL: audit with codes and pages, auditText', async () => {
    const api = await startApi(db);
    type Result = {
      totalCount?: number;
      errors?: number;
      edges?: Array<{ node: { code: string; documents: Array<{ symbol: string }> } }>;
      ok?: boolean;
      findings?: Array<{ code: string; proposal: string }>;
    };
    try {
      const post = async (query: string, variables: Record<string, unknown>) => ({
        data: (await api.gql<Record<string, Result>>(query, variables)).body.data ?? {},
      });
      const a = await post(
        'query($c: [AuditCode!]) { audit(codes: $c, first: 5) { totalCount errors edges { node { code severity documents { symbol } mentions { path start end } } } } }',
        { c: ['NUMBER_YEAR_MISMATCH'] },
      );
      expect(a.data['audit']?.totalCount).toBe(1);
      expect(a.data['audit']?.edges?.[0]?.node.documents[0]?.symbol).toBe('18/2000/CT-TTg');
      const t = await post(
        'query($t: String!) { auditText(text: $t) { ok references findings { code proposal } } }',
        { t: DRAFT },
      );
      expect(t.data['auditText']).toMatchObject({
        ok: false,
        findings: [{ code: 'DATE_CONFLICT', proposal: 'ngày 03/4/2017' }],
      });
    } finally {
      await api.close();
    }
  });

  it('gives each finding the values its message is built from, as a JSON object over GraphQL', async () => {
    const api = await startApi(db);
    try {
      const r = await api.gql<{
        audit: {
          edges: Array<{
            node: { code: string; message: string; params: string; mentions: Array<{ issuedOn: string }> };
          }>;
        };
      }>(
        '{ audit(codes: [NUMBER_YEAR_MISMATCH, DUPLICATE_SOURCE]) { edges { node { code message params mentions { issuedOn } } } } }',
      );
      expect(r.body.errors).toBeUndefined();
      const [nym, dup] = r.body.data?.audit.edges.map((e) => e.node) ?? [];
      expect(nym?.code).toBe('NUMBER_YEAR_MISMATCH');
      expect(JSON.parse(nym?.params ?? '')).toEqual({
        document: '18/2000/CT-TTg',
        year: '2000',
        dates: nym?.mentions.map((m) => m.issuedOn),
      });
      expect(nym?.mentions.length).toBeGreaterThan(0);
      const files = (JSON.parse(dup?.params ?? '') as { files: string[] }).files;
      expect(files).toHaveLength(2);
      for (const f of files) expect(dup?.message).toContain(f);
    } finally {
      await api.close();
    }
  });

  it('drops DANGLING for a document once its own text arrives', async () => {
    await ingestText(
      'constructed/114.txt',
      'BAN CHẤP HÀNH TRUNG ƯƠNG\n\nSố 114-KL/TW\n\nHà Nội, ngày 14 tháng 7 năm 2015\n\nKẾT LUẬN\nvề nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp\n\nBan Bí thư kết luận như sau.',
    );
    const dangling = of(await audit(db, { codes: ['DANGLING'] }), 'DANGLING');
    expect(dangling.find((f) => f.documents[0]?.symbol === '114-KL/TW')).toBeUndefined();
  });
});

describe('the audit on constructed graphs', () => {
  beforeAll(() => cleanGraph(db));

  const report = (unit: string, date: string, body: string) =>
    `ỦY BAN NHÂN DÂN\n${unit.toUpperCase()}\n\n${unit.replace(/^\S+ /, '')}, ${date}\n\nBÁO CÁO\nKết quả công tác\n\n${body} Ủy ban nhân dân ${unit} báo cáo như sau.`;

  it('DATE_CONFLICT across reports, proposing the date most give', async () => {
    const cite = (d: string) =>
      `Thực hiện Kế hoạch số 12/KH-UBND ngày ${d} của UBND tỉnh Bình Định về công tác dân vận.`;
    await ingestText('c/a.txt', report('huyện Tuy Phước', 'ngày 1 tháng 6 năm 2021', cite('3/3/2021')));
    await ingestText('c/b.txt', report('huyện An Nhơn', 'ngày 2 tháng 6 năm 2021', cite('3/3/2021')));
    await ingestText('c/c.txt', report('huyện Phù Cát', 'ngày 3 tháng 6 năm 2021', cite('5/3/2021')));
    const f = of(await audit(db, { codes: ['DATE_CONFLICT'] }), 'DATE_CONFLICT');
    expect(f).toHaveLength(1);
    expect(f[0]?.proposal).toBe('ngày 03/3/2021');
    expect(f[0]?.mentions.map((m) => m.issuedOn)).toEqual(['2021-03-05']);
    expect(f[0]?.params).toMatchObject({ document: '12/KH-UBND', proposal: '2021-03-03' });
    expect(f[0]?.params['dates']).toEqual(
      expect.arrayContaining([
        { on: '2021-03-03', count: 2 },
        { on: '2021-03-05', count: 1 },
      ]),
    );
  });

  it('ISSUER_CONFLICT when one number is given to bodies that cannot be one', async () => {
    await ingestText(
      'c/d.txt',
      report(
        'huyện Tây Sơn',
        'ngày 1 tháng 7 năm 2021',
        'Thực hiện Chỉ thị số 7/CT-TTg ngày 2/2/2021 của Thủ tướng Chính phủ về phòng dịch.',
      ),
    );
    await ingestText(
      'c/e.txt',
      report(
        'huyện Hoài Ân',
        'ngày 2 tháng 7 năm 2021',
        'Thực hiện Chỉ thị số 7/CT-TTg ngày 2/2/2021 của UBND tỉnh Bình Định về phòng dịch.',
      ),
    );
    const f = of(await audit(db, { codes: ['ISSUER_CONFLICT'] }), 'ISSUER_CONFLICT');
    expect(f.map((x) => x.documents[0]?.symbol)).toEqual(['7/CT-TTg']);

    // Until someone settles it, every path of the API shows the same one of the two: the first by key. The
    // look-up reads it with the document (document), the request's loader on its own (candidates).
    const issuers = await db.read(async (tx) =>
      (
        await tx.run(
          "MATCH (:Document {symbol: '7/CT-TTg'})-[:ISSUED_BY]->(o:Organization) RETURN o.key AS key",
        )
      ).records.map((r) => r.get('key') as string),
    );
    expect(issuers).toHaveLength(2);
    const first = [...issuers].sort()[0];
    const api = await startApi(db);
    try {
      for (let i = 0; i < 3; i++) {
        const r = await api.gql<{
          document: { issuer: { key: string } };
          candidates: Array<{ issuer: { key: string } }>;
        }>('{ document(ref: "7/CT-TTg") { issuer { key } } candidates(ref: "7/CT-TTg") { issuer { key } } }');
        expect(r.body.errors).toBeUndefined();
        expect(r.body.data?.document.issuer.key).toBe(first);
        expect(r.body.data?.candidates.map((c) => c.issuer.key)).toEqual([first]);
      }
    } finally {
      await api.close();
    }
  });

  it('CITED_BEFORE_ISSUED when a report cites a document dated after it', async () => {
    await ingestText(
      'c/f.txt',
      report(
        'huyện Vân Canh',
        'ngày 5 tháng 1 năm 2021',
        'Thực hiện Kế hoạch số 30/KH-UBND ngày 10/3/2021 của UBND tỉnh Bình Định.',
      ),
    );
    const f = of(await audit(db, { codes: ['CITED_BEFORE_ISSUED'] }), 'CITED_BEFORE_ISSUED');
    expect(f.map((x) => x.documents.map((d) => d.symbol ?? d.key))).toEqual([
      [expect.any(String), '30/KH-UBND'],
    ]);
  });

  it('SUPERSEDED when a report cites what another document had already replaced', async () => {
    await ingestText(
      'c/g.txt',
      'ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\n\nSố: 20/2022/QĐ-UBND\n\nBình Định, ngày 1 tháng 6 năm 2022\n\nQUYẾT ĐỊNH\nBan hành Quy chế tiếp công dân\n\nQuyết định này thay thế Quyết định số 10/2019/QĐ-UBND ngày 3/4/2019 của UBND tỉnh Bình Định.',
    );
    await ingestText(
      'c/h.txt',
      report(
        'huyện Tuy Phước',
        'ngày 5 tháng 1 năm 2023',
        'Thực hiện Quyết định số 10/2019/QĐ-UBND ngày 3/4/2019 của UBND tỉnh Bình Định về tiếp công dân.',
      ),
    );
    const f = of(await audit(db, { codes: ['SUPERSEDED'] }), 'SUPERSEDED');
    expect(f).toHaveLength(1);
    expect(f[0]?.proposal).toBe('20/2022/QĐ-UBND');
  });

  it('CYCLE when a chain of IMPLEMENTS returns to its start', async () => {
    await ingestText(
      'c/i.txt',
      report(
        'huyện Phù Mỹ',
        'ngày 1 tháng 8 năm 2021',
        'Thực hiện Kế hoạch số 2/KH-UBND ngày 2/2/2021 của UBND huyện, UBND huyện đã ban hành Kế hoạch số 1/KH-UBND ngày 3/3/2021.',
      ),
    );
    await ingestText(
      'c/j.txt',
      report(
        'huyện Phù Mỹ',
        'ngày 2 tháng 9 năm 2021',
        'Thực hiện Kế hoạch số 1/KH-UBND ngày 3/3/2021 của UBND huyện, UBND huyện đã ban hành Kế hoạch số 2/KH-UBND ngày 2/2/2021.',
      ),
    );
    const f = of(await audit(db, { codes: ['CYCLE'] }), 'CYCLE');
    expect(f).toHaveLength(1);
    expect(f[0]?.documents.map((d) => d.symbol).sort()).toEqual(['1/KH-UBND', '2/KH-UBND']);
    expect(f[0]?.severity).toBe('error');
  });

  // A cycle is found from each of its documents; which one it starts at is the query's order, so it is
  // compared by its documents. Mentions are compared as a set: the order a query collects them in is its plan's.
  const norm = (f: AuditFinding) =>
    f.code === 'CYCLE'
      ? { code: f.code, documents: f.documents.map((d) => d.key).sort() }
      : { ...f, mentions: f.mentions.map((m) => JSON.stringify(m)).sort() };

  it('gives each document, from it alone, the findings of the whole audit that name it', async () => {
    // An undated mention of a plan two dated ones share: AMBIGUOUS names both dated plans as alternatives;
    // it is the page of the document the mention was joined to that shows it, not each alternative's.
    const plan = (on: string) => `Kế hoạch số 17/KH-UBND${on} của UBND huyện Sơn Tịnh`;
    await ingestText(
      'c/k.txt',
      report('xã Tịnh Hà', 'ngày 2 tháng 6 năm 2021', `Thực hiện ${plan(' ngày 20/4/2021')}.`),
    );
    await ingestText(
      'c/l.txt',
      report('xã Tịnh Sơn', 'ngày 3 tháng 6 năm 2022', `Thực hiện ${plan(' ngày 03/5/2022')}.`),
    );
    await ingestText(
      'c/m.txt',
      report('xã Tịnh Bắc', 'ngày 4 tháng 6 năm 2022', `Tiếp tục thực hiện ${plan('')}.`),
    );
    const whole = await audit(db, {});
    const named = [...new Set(whole.flatMap((f) => f.documents.map((d) => d.key)))];
    const codes = new Set<string>();
    for (const key of named) {
      const expected = whole.filter((f) => names(f.code, f, key));
      for (const f of expected) codes.add(f.code);
      expect((await documentFindings(db, key)).map(norm), key).toEqual(expected.map(norm));
    }
    // The checks where the document may be named in another role than the one cited are all covered.
    expect([...codes]).toEqual(
      expect.arrayContaining(['AMBIGUOUS', 'SUPERSEDED', 'CYCLE', 'CITED_BEFORE_ISSUED']),
    );
    const amb = whole.find((f) => f.code === 'AMBIGUOUS' && f.documents[0]?.issuedOn === null);
    const [undated, dated] = amb?.documents ?? [];
    expect(dated?.issuedOn).toMatch(/^202[12]-/);
    expect((await documentFindings(db, undated?.key ?? '')).map((f) => f.code)).toContain('AMBIGUOUS');
    expect((await documentFindings(db, dated?.key ?? '')).map((f) => f.code)).not.toContain('AMBIGUOUS');
  });
});
