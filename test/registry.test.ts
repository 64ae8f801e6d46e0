import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullSnapshot, differences } from '../probe/snapshot.js';
import { importRead, readRegisterPath } from '../src/ingest/registry/index.js';
import { ingestPaths } from '../src/ingest/pipeline.js';
import { closeDrivers } from '../src/store/connection.js';
import { audit } from '../src/store/audit.js';
import { removeRegistry } from '../src/store/registry.js';
import { toPlain } from '../src/store/values.js';
import { startApi, type TestApi } from './helpers/api.js';
import { runCli } from './helpers/cli.js';
import { cleanGraph, testDb, testEnv } from './helpers/db.js';
import { seedPath } from './helpers/gold.js';

const db = testDb();
const seeds = join(seedPath('x'), '..');
const tmp = mkdtempSync(join(tmpdir(), 'luocdo-registry-'));
const XLSX = join(tmp, 'so-dang-ky-tinh.xlsx');
const CSV = join(tmp, 'van-ban-quang-ngai.csv');
const CT22 = '22-CT/TU|TU@quang-ngai|2017';
const KH70 = '70/KH-UBND|UBND@tỉnh:quang-ngai|2020';
const KH53 = '53/KH-UBND|UBND@tỉnh:quang-ngai|2022';
const QD48 = '48/2021/QĐ-UBND|UBND@tỉnh:quang-ngai';
const BC39 = '39/BC-UBND|UBND@xã:quang-ngai/tra-bong/tra-tay|2023';

afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await closeDrivers();
});

/** The province's register as its portal exports it: a title row above the headers, dates as cells or text. */
async function writeXlsx(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sổ văn bản');
  ws.addRow(['SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2017–2022']);
  ws.addRow([
    'STT',
    'Số, ký hiệu',
    'Ngày ban hành',
    'Trích yếu',
    'Cơ quan ban hành',
    'Loại văn bản',
    'Hiệu lực',
    'Link',
  ]);
  ws.addRow([
    1,
    '22-CT/TU',
    '03/4/2017',
    'Về đẩy mạnh và nâng cao hiệu quả phong trào thi đua “Dân vận khéo”',
    'Ban Thường vụ Tỉnh ủy Quảng Ngãi',
    'Chỉ thị',
    'Còn hiệu lực',
    'https://example.invalid/22-ct-tu.pdf',
  ]);
  ws.addRow([
    2,
    '70/KH-UBND',
    new Date(Date.UTC(2020, 5, 4)),
    'phát động phong trào thi đua “dân vận khéo” triển khai thực hiện chỉ thị số 22-ct/tu ngày 03/4/2017 của ban thường vụ tỉnh ủy',
    'UBND tỉnh Quảng Ngãi',
    'Kế hoạch',
    'Hết hiệu lực toàn bộ',
    '',
  ]);
  ws.addRow([
    3,
    '53/KH-UBND',
    '23/03/2022',
    'thực hiện quy chế dân chủ ở cơ sở và công tác dân vận chính quyền năm 2022',
    'UBND tỉnh Quảng Ngãi',
    'Kế hoạch',
    'Hết hiệu lực một phần',
    '',
  ]);
  ws.addRow([4, '', '01/01/2022', 'một dòng không có số', 'UBND tỉnh Quảng Ngãi', 'Công văn', '', '']);
  ws.addRow([5, 'không số', '01/01/2022', 'số ký hiệu sai', 'UBND tỉnh Quảng Ngãi', 'Công văn', '', '']);
  ws.addRow([6, '12/KH-UBND', '32/13/2022', 'ngày sai', 'UBND tỉnh Quảng Ngãi', 'Kế hoạch', '', '']);
  ws.addRow([
    7,
    '05/2020/QĐ-UBND',
    '01/01/2021',
    'năm trong số khác năm ban hành',
    'UBND tỉnh Quảng Ngãi',
    'Quyết định',
    '',
    '',
  ]);
  writeFileSync(XLSX, Buffer.from(await wb.xlsx.writeBuffer()));
}

/** An office's register as CSV: UTF-8 with BOM, `;`, snake_case headers, titles all in lower case. */
function writeCsv(): void {
  const lines = [
    'so_ky_hieu;ngay_ban_hanh;trich_yeu;co_quan_ban_hanh;loai_van_ban;hieu_luc',
    '12/kh-ubnd;01/08/2022;"thực hiện công văn số 3652/byt-dp ngày 10/7/2022 của bộ y tế";UBND tỉnh Quảng Ngãi;Kế hoạch;',
    '15/2023/QÐ-UBND;10/3/2023;"Bãi bỏ Quyết định số 48/2021/QÐ-UBND ngày 22/9/2021 của UBND tỉnh Quảng Ngãi";UBND tỉnh Quảng Ngãi;Quyết định;còn hiệu lực',
    '20/2022/qđ-ubnd;01/06/2022;"sửa đổi, bổ sung một số điều của quyết định số 48/2021/qđ-ubnd ngày 22/9/2021 của ubnd tỉnh";UBND tỉnh Quảng Ngãi;quyết định;còn hiệu lực',
    '39/BC-UBND;15/06/2023;"kết quả thực hiện công tác dân vận";UBND xã Trà Tây, huyện Trà Bồng, tỉnh Quảng Ngãi;Báo cáo;',
  ];
  writeFileSync(CSV, `\uFEFF${lines.join('\r\n')}\r\n`);
}

const q = async (cypher: string, params: Record<string, unknown> = {}) =>
  db.read(async (tx) =>
    (await tx.run(cypher, params)).records.map((r) => toPlain(r.toObject()) as Record<string, unknown>),
  );

const importBoth = async () =>
  Promise.all([XLSX, CSV].map(async (p) => importRead(db, await readRegisterPath(p, 5e6))));

describe('a register imported into the seeds’ graph (issue 16)', () => {
  let before: Awaited<ReturnType<typeof fullSnapshot>>;
  let after: Awaited<ReturnType<typeof fullSnapshot>>;
  let citersBefore: unknown[];

  beforeAll(async () => {
    await cleanGraph(db);
    expect(
      (await ingestPaths(db, [seeds], { maxBytes: 5e6, concurrency: 1, dryRun: false })).failures,
    ).toEqual([]);
    await writeXlsx();
    writeCsv();
    before = await fullSnapshot(db);
    citersBefore = await q(
      'MATCH (c:Citation)-[:REFERS_TO]->(d:Document {key: $k}) RETURN c.key AS c ORDER BY c',
      { k: CT22 },
    );
  });

  it('lands the good rows, refuses the bad with their row number and why', async () => {
    const dangling = (await audit(db, { codes: ['DANGLING'] })).flatMap((f) => f.documents.map((d) => d.key));
    expect(dangling).toEqual(expect.arrayContaining([CT22, KH70, KH53, QD48]));
    const results = [];
    for (const p of [XLSX, CSV]) results.push(await importRead(db, await readRegisterPath(p, 5e6)));
    after = await fullSnapshot(db);
    const [xlsx, csv] = results;
    expect(xlsx?.status).toBe('added');
    expect(xlsx?.rows).toBe(3);
    expect(xlsx?.bad.map((b) => b.row)).toEqual([6, 7, 8, 9]);
    expect(xlsx?.bad[0]?.why).toMatch(/no symbol/);
    expect(xlsx?.bad[1]?.why).toMatch(/not a document symbol/);
    expect(xlsx?.bad[2]?.why).toMatch(/does not parse/);
    expect(xlsx?.bad[3]?.why).toMatch(/year 2020 but is dated 2021-01-01/);
    expect(csv?.rows).toBe(4);
    expect(csv?.bad).toEqual([]);
  });

  it('upgrades the citation-only documents in place: their citers stay, DANGLING goes, the register’s facts show', async () => {
    const [ct] = await q(
      'MATCH (d:Document {key: $k}) RETURN d.hasText AS hasText, d.title AS title, d.issuedOn AS on, d.inForce AS inForce, d.link AS link, d.registered AS registered',
      { k: CT22 },
    );
    expect(ct).toEqual({
      hasText: false,
      title: 'Về đẩy mạnh và nâng cao hiệu quả phong trào thi đua “Dân vận khéo”',
      on: '2017-04-03',
      inForce: 'in-force',
      link: 'https://example.invalid/22-ct-tu.pdf',
      registered: true,
    });
    expect(
      await q(
        'MATCH (c:Citation)-[:REFERS_TO]->(d:Document {key: $k}) WHERE NOT c.source IN $regs RETURN c.key AS c ORDER BY c',
        {
          k: CT22,
          regs: (await q('MATCH (g:Registry) RETURN g.sha256 AS s')).map((r) => r['s']),
        },
      ),
    ).toEqual(citersBefore);
    const dangling = (await audit(db, { codes: ['DANGLING'] })).flatMap((f) => f.documents.map((d) => d.key));
    for (const k of [CT22, KH70, KH53]) expect(dangling).not.toContain(k);
    const [kh53] = await q('MATCH (d:Document {key: $k}) RETURN d.inForce AS f', { k: KH53 });
    expect(kh53?.['f']).toBe('partly-expired');
  });

  it('reads each title for its references and relations, lower case and U+00D0 included', async () => {
    const edges = await q(
      'MATCH (a:Document)-[r]->(b:Document) WHERE a.key IN $ks RETURN a.symbol AS a, type(r) AS rel, b.key AS b, b.symbol AS bs ORDER BY a, rel, b',
      {
        ks: [
          KH70,
          '12/KH-UBND|UBND@tỉnh:quang-ngai|2022',
          '15/2023/QĐ-UBND|UBND@tỉnh:quang-ngai',
          '20/2022/QĐ-UBND|UBND@tỉnh:quang-ngai',
        ],
      },
    );
    expect(edges).toEqual(
      expect.arrayContaining([
        { a: '70/KH-UBND', rel: 'IMPLEMENTS', b: CT22, bs: '22-CT/TU' },
        { a: '15/2023/QĐ-UBND', rel: 'REPEALS', b: QD48, bs: '48/2021/QĐ-UBND' },
        { a: '20/2022/QĐ-UBND', rel: 'AMENDS', b: QD48, bs: '48/2021/QĐ-UBND' },
      ]),
    );
    const byt = edges.find((e) => e['a'] === '12/KH-UBND');
    expect(byt).toMatchObject({ rel: 'IMPLEMENTS', bs: '3652/BYT-DP' });
    const [d] = await q(
      'MATCH (d:Document {key: $k}) OPTIONAL MATCH (d)-[:ISSUED_BY]->(o) RETURN d.issuedOn AS on, o.name AS issuer',
      { k: byt?.['b'] },
    );
    expect(d).toEqual({ on: '2022-07-10', issuer: expect.stringMatching(/^Bộ y tế/i) });
  });

  it('a register that dates a text otherwise is a finding, never an overwrite; an expired directive carried out is one too', async () => {
    const [bc] = await q('MATCH (d:Document {key: $k}) RETURN d.issuedOn AS on, d.hasText AS t', { k: BC39 });
    expect(bc).toEqual({ on: '2023-06-14', t: true });
    const conflicts = await audit(db, { codes: ['REGISTER_CONFLICT'] });
    expect(conflicts.map((f) => f.documents[0]?.key)).toEqual([BC39]);
    expect(conflicts[0]?.proposal).toBe('ngày 14/6/2023');
    expect(conflicts[0]?.mentions[0]).toMatchObject({ path: CSV, quote: 'row 5' });
    const expired = await audit(db, { codes: ['EXPIRED'] });
    expect(expired.length).toBeGreaterThan(0);
    for (const f of expired) {
      expect(f.documents[1]?.key).toBe(KH70);
      expect(f.mentions.at(-1)).toMatchObject({ path: XLSX, quote: 'row 4: Hết hiệu lực toàn bộ' });
    }
  });

  it('importing the same registers again changes nothing', async () => {
    const again = await importBoth();
    expect(again.map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
    expect(differences(after, await fullSnapshot(db))).toEqual([]);
  });

  it('removing them takes back exactly what they alone asserted', async () => {
    // A document per transaction: a big register goes in batches, and the batches add up to the whole.
    expect(await removeRegistry(db, CSV, { batch: 1 })).toHaveLength(1);
    const xlsxSha = (await q('MATCH (g:Registry) RETURN g.sha256 AS s'))[0]?.['s'] as string;
    expect(await removeRegistry(db, xlsxSha.slice(0, 10))).toHaveLength(1);
    expect(differences(before, await fullSnapshot(db))).toEqual([]);
    // And in again, in the other order: the same graph as the first time.
    for (const p of [CSV, XLSX]) await importRead(db, await readRegisterPath(p, 5e6));
    expect(differences(after, await fullSnapshot(db))).toEqual([]);
  });
});

describe('the API’s registryImport (issue 16)', () => {
  const TOKEN = 'token-for-the-registry-tests-01';
  let api: TestApi;
  beforeAll(async () => {
    await cleanGraph(db);
    api = await startApi(db, TOKEN);
  });
  afterAll(() => api.close());

  const JSONL = [
    JSON.stringify({
      so_ky_hieu: '22-CT/TU',
      ngay_ban_hanh: '2017-04-03',
      trich_yeu: 'về công tác dân vận',
      co_quan_ban_hanh: 'Ban Thường vụ Tỉnh ủy Quảng Ngãi',
      hieu_luc: 'Hết hiệu lực toàn bộ',
    }),
    JSON.stringify({
      so_ky_hieu: '70/KH-UBND',
      ngay_ban_hanh: '2020-06-04',
      trich_yeu: 'triển khai công tác dân vận',
      co_quan_ban_hanh: 'UBND tỉnh Quảng Ngãi',
      hieu_luc: 'Còn hiệu lực',
      lien_ket: 'https://example.invalid/70-kh.pdf',
    }),
    JSON.stringify({ so_ky_hieu: '', ngay_ban_hanh: '2017-04-03' }),
  ].join('\n');
  const IMPORT =
    'mutation($t: String!) { registryImport(text: $t, format: "jsonl", path: "api/so.jsonl") { status unplaced rows refused { row why } } }';

  it('needs the token, then imports; the document shows its force and where it came from', async () => {
    const refused = await api.gql(IMPORT, { t: JSONL });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const r = await api.gql<{ registryImport: { status: string; rows: number; refused: unknown[] } }>(
      IMPORT,
      { t: JSONL },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(r.body.data?.registryImport).toEqual({
      status: 'added',
      unplaced: [],
      rows: 2,
      refused: [{ row: 3, why: 'no symbol (Số ký hiệu is empty)' }],
    });
    const d = await api.gql<{ document: unknown }>(
      '{ document(ref: "22-CT/TU") { hasText title inForce registry { path row issuedOn inForceText } } }',
    );
    expect(d.body.data?.document).toEqual({
      hasText: false,
      title: 'về công tác dân vận',
      inForce: 'expired',
      registry: [
        { path: 'api/so.jsonl', row: 1, issuedOn: '2017-04-03', inForceText: 'Hết hiệu lực toàn bộ' },
      ],
    });
    // Several documents in one request: each gets its own register's force and link (one query for all).
    const both = await api.gql<Record<string, unknown>>(
      '{ a: document(ref: "70/KH-UBND") { inForce link } b: document(ref: "22-CT/TU") { link inForce } }',
    );
    expect(both.body.data).toEqual({
      a: { inForce: 'in-force', link: 'https://example.invalid/70-kh.pdf' },
      b: { link: null, inForce: 'expired' },
    });
  });
});

describe('the CLI’s registry import', () => {
  it('shows in a dry run the columns found and the first rows, writes nothing, exits 1 for bad rows; refuses .xls', async () => {
    const file = join(tmp, 'dry.csv');
    writeFileSync(
      file,
      'so_ky_hieu;ngay_ban_hanh;trich_yeu\n70/KH-UBND;04/6/2020;triển khai thực hiện chỉ thị số 22-ct/tu ngày 03/4/2017 của ban thường vụ tỉnh ủy\n;1/1/2020;x\n',
    );
    writeFileSync(join(tmp, 'nd.csv'), 'so_ky_hieu;ngay_ban_hanh\n30/2020/NĐ-CP;05/3/2020\n');
    const before = await fullSnapshot(db);
    const r = await runCli(
      ['registry', 'import', '--dry-run', '--json', '--issuer', 'UBND tỉnh Quảng Ngãi', file],
      {
        env: testEnv(),
      },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('dry.csv: row 3: no symbol');
    const [shown] = JSON.parse(r.stdout) as Array<{
      mapping: unknown;
      rows: Array<{ key: string; references: unknown[] }>;
    }>;
    expect(shown?.mapping).toEqual({ symbol: 'so_ky_hieu', issuedOn: 'ngay_ban_hanh', title: 'trich_yeu' });
    expect(shown?.rows[0]).toMatchObject({
      key: '70/KH-UBND|UBND@tỉnh:quang-ngai|2020',
      references: [{ relation: 'IMPLEMENTS', key: '22-CT/TU|TU@quang-ngai|2017' }],
    });
    expect(differences(before, await fullSnapshot(db))).toEqual([]);
    // Without --issuer, a plan's number says no body, a decree's does: the person is told which rows.
    const bare = await runCli(['registry', 'import', '--dry-run', '--json', file, join(tmp, 'nd.csv')], {
      env: testEnv(),
    });
    expect(bare.stderr).toMatch(/dry\.csv: no issuer for 1 row \(2\), and its number does not tell it/);
    expect(bare.stderr).toContain('--issuer');
    expect(bare.stderr).not.toMatch(/nd\.csv: no issuer/);
    const xls = join(tmp, 'old.xls');
    writeFileSync(xls, 'x');
    const refused = await runCli(['registry', 'import', xls], { env: testEnv() });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/\.xls \(Excel 97–2003\) is not read/);
  });
});
