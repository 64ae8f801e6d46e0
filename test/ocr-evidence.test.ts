import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDrivers } from '../src/store/connection.js';
import { toPlain } from '../src/store/values.js';
import { startApi, type TestApi } from './helpers/api.js';
import { runCli } from './helpers/cli.js';
import { cleanGraph, testDb, testEnv } from './helpers/db.js';
import { makeScannedPdf } from './helpers/documents.js';

// Issue 13: the mentions of a text read by OCR are flagged in the evidence (Citation.ocr), and the flag
// reaches the user through the audit (CLI text and --json, GraphQL Mention.ocr/sha256) and `trace`.
// A scanned report and a UTF-8 report both report on Chỉ thị 22-CT/TU (trace shows both units) and cite
// Nghị định 34/2016/NĐ-CP with two dates (DATE_CONFLICT shows both mentions).

const db = testDb();
const tmp = mkdtempSync(join(tmpdir(), 'luocdo-ocr-evidence-'));
const SCAN = [
  'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM',
  'Số: 15/BC-UBND',
  'Quảng Nam, ngày 20 tháng 4 năm 2022',
  'BÁO CÁO',
  'Kết quả 5 năm thực hiện Chỉ thị của Ban Thường vụ Tỉnh ủy',
  'Thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy về tăng cường sự lãnh đạo',
  'của Đảng đối với công tác cải cách hành chính, Ủy ban nhân dân tỉnh báo cáo kết quả như sau.',
  'Các sở đã thực hiện Nghị định số 34/2016/NĐ-CP ngày 14/5/2016 của Chính phủ.',
];
const SEED = [
  'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM',
  'SỞ NỘI VỤ',
  'Số: 12/BC-SNV',
  'Quảng Nam, ngày 10 tháng 5 năm 2018',
  '',
  'BÁO CÁO',
  'Kết quả thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy',
  '',
  'Thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy về cải cách hành chính, Sở Nội vụ báo cáo kết quả như sau.',
  'Các phòng đã thực hiện Nghị định số 34/2016/NĐ-CP ngày 15/5/2016 của Chính phủ.',
].join('\n');
let api: TestApi;
let scanSha = '';

type Mention = { path: string | null; quote: string; ocr: boolean; sha256: string | null };
type Finding = { code: string; mentions: Mention[] };

beforeAll(async () => {
  await cleanGraph(db);
  const pdf = await makeScannedPdf([SCAN]);
  scanSha = createHash('sha256').update(pdf).digest('hex');
  writeFileSync(join(tmp, 'scan.pdf'), pdf);
  writeFileSync(join(tmp, 'seed.txt'), SEED);
  const r = await runCli(['ingest', '--json', join(tmp, 'scan.pdf'), join(tmp, 'seed.txt')], {
    env: testEnv(),
  });
  expect(r.code, r.stderr).toBe(0);
  api = await startApi(db);
});
afterAll(async () => {
  await api?.close();
  rmSync(tmp, { recursive: true, force: true });
  await closeDrivers();
});

describe('mentions of a text read by OCR', () => {
  it('are stored with ocr: true on their Citations, and a UTF-8 source’s have no ocr at all', async () => {
    const rows = await db.read(async (tx) =>
      (
        await tx.run(
          `MATCH (s:SourceFile)-[:OF]->(:Document)-[:HAS_CITATION]->(c:Citation)
           RETURN s.path AS path, collect(DISTINCT c.ocr) AS ocr, count(c) AS n ORDER BY path`,
        )
      ).records.map((x) => toPlain(x.toObject()) as { path: string; ocr: unknown[]; n: number }),
    );
    expect(rows.map((r) => [r.path.endsWith('scan.pdf'), r.ocr])).toEqual([
      [true, [true]],
      [false, []],
    ]);
    expect(rows.every((r) => r.n > 0)).toBe(true);
  });

  it('are marked in `audit --json` and in its text, with the source’s sha256', async () => {
    const j = await runCli(['audit', '--json', '--code', 'DATE_CONFLICT'], { env: testEnv() });
    const findings = (JSON.parse(j.stdout) as { findings: Finding[] }).findings;
    const mentions = findings.flatMap((f) => f.mentions);
    const scanned = mentions.filter((m) => m.path?.endsWith('scan.pdf'));
    const typed = mentions.filter((m) => m.path?.endsWith('seed.txt'));
    expect(scanned.length, j.stdout).toBeGreaterThan(0);
    expect(typed.length, j.stdout).toBeGreaterThan(0);
    expect(scanned.every((m) => m.ocr && m.sha256 === scanSha)).toBe(true);
    expect(typed.every((m) => !m.ocr && m.sha256 !== null && m.sha256 !== scanSha)).toBe(true);

    const t = await runCli(['audit', '--code', 'DATE_CONFLICT'], { env: testEnv() });
    const lines = t.stdout.split('\n').filter((l) => l.includes('34/2016/NĐ-CP'));
    expect(lines.filter((l) => l.includes('scan.pdf')).every((l) => l.endsWith('(OCR)'))).toBe(true);
    expect(
      lines.some((l) => l.includes('scan.pdf')),
      t.stdout,
    ).toBe(true);
    expect(lines.filter((l) => l.includes('seed.txt') && l.includes('(OCR)'))).toEqual([]);
  });

  it('reach the API: Mention.ocr and Mention.sha256', async () => {
    const { body } = await api.gql<{
      audit: { edges: Array<{ node: Finding }> };
    }>(`{ audit(codes: [DATE_CONFLICT]) { edges { node { code mentions { path quote ocr sha256 } } } } }`);
    expect(body.errors).toBeUndefined();
    const mentions = body.data?.audit.edges.flatMap((e) => e.node.mentions) ?? [];
    expect(mentions.map((m) => [m.path?.endsWith('scan.pdf'), m.ocr, m.sha256 === scanSha]).sort()).toEqual([
      [false, false, false],
      [true, true, true],
    ]);
  });

  it('are marked in `trace` (text and --json) for the unit whose report was scanned', async () => {
    const j = await runCli(['trace', '--json', '22-CT/TU'], { env: testEnv() });
    expect(j.code, j.stderr).toBe(0);
    const impl = (
      JSON.parse(j.stdout) as {
        implementers: Array<{ unit: { name: string }; evidence: Array<{ ocr: boolean }> }>;
      }
    ).implementers;
    // Each unit's steps (a report may both implement and report on the directive), by whose report it is.
    const flags = impl
      .map((i) => [/Ủy ban nhân dân/.test(i.unit.name), [...new Set(i.evidence.map((e) => e.ocr))]])
      .sort();
    expect(flags, j.stdout).toEqual([
      [false, [false]],
      [true, [true]],
    ]);
    const t = await runCli(['trace', '22-CT/TU'], { env: testEnv() });
    const rows = t.stdout.split('\n');
    const of = (unit: RegExp) => rows.filter((l) => unit.test(l));
    expect(of(/Ủy ban nhân dân/).length, t.stdout).toBeGreaterThan(0);
    expect(
      of(/Ủy ban nhân dân/).every((l) => /15\/BC-UBND \(OCR\)/.test(l)),
      t.stdout,
    ).toBe(true);
    expect(of(/Sở Nội vụ/).length, t.stdout).toBeGreaterThan(0);
    expect(
      of(/Sở Nội vụ/).some((l) => l.includes('(OCR)')),
      t.stdout,
    ).toBe(false);
  });
});
