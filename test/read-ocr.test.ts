import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractReferences } from '../src/extract/index.js';
import { readDocument, type ReadResult } from '../src/read/index.js';
import { closeDrivers } from '../src/store/connection.js';
import { toPlain } from '../src/store/values.js';
import { projectRoot } from '../src/paths.js';
import { runCli } from './helpers/cli.js';
import { cleanGraph, testDb, testEnv } from './helpers/db.js';
import { makeScannedPdf } from './helpers/documents.js';

// Scanned PDFs (issue 13, item 4): pages with no text layer are read by OCR (pdftoppm + tesseract with
// Vietnamese, installed by scripts/ensure-ocr.sh before the tests), pages with one keep it.

const db = testDb();
const tmp = mkdtempSync(join(tmpdir(), 'luocdo-ocr-test-'));
const PAGE = [
  'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM',
  'BÁO CÁO',
  'Kết quả 5 năm thực hiện Chỉ thị của Ban Thường vụ Tỉnh ủy',
  'Thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy về tăng cường sự lãnh đạo',
  'của Đảng đối với công tác cải cách hành chính, Ủy ban nhân dân tỉnh báo cáo kết quả như sau.',
];
const TEXT_PAGE = ['Phụ lục', 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015.'];
const opts = { maxBytes: 50e6 };
let scanned: Buffer;

beforeAll(async () => {
  await cleanGraph(db);
  scanned = await makeScannedPdf([PAGE]);
  writeFileSync(join(tmp, 'scanned.pdf'), scanned);
});
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await closeDrivers();
});

describe('reading a scanned PDF by OCR', () => {
  it('reads the Vietnamese text of an image-only page, and the extractor finds its reference', async () => {
    const r: ReadResult = await readDocument(scanned, 'scanned.pdf', opts);
    expect(r.format).toBe('pdf');
    expect(r.text).toContain('22-CT/TU');
    expect(r.text).toMatch(/Thường vụ Tỉnh ủy/);
    expect(r.pageStarts).toEqual([0]);
    expect(r.ocr?.pages).toBe(1);
    expect(r.ocr?.meanConfidence).toBeGreaterThan(50);
    expect(r.ocr?.meanConfidence).toBeLessThanOrEqual(100);
    expect(extractReferences(r.text).map((x) => x.symbol)).toContain('22-CT/TU');
  });

  it('keeps the text layer of the pages that have one and reads only the others by OCR', async () => {
    const mixed = await makeScannedPdf([TEXT_PAGE, PAGE], [1]);
    const r = await readDocument(mixed, 'mixed.pdf', opts);
    expect(r.ocr?.pages).toBe(1);
    expect(r.pageStarts).toHaveLength(2);
    const [first, second] = r.pageStarts ?? [];
    // The text-layer page is pdf.js's text exactly; the scanned page follows it.
    expect(r.text.slice(first, (second ?? 0) - 2).replace(/\s+/g, ' ')).toContain(
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015.',
    );
    expect(r.text.slice(second)).toContain('22-CT/TU');
  });

  it('refuses a scanned PDF as before when OCR is off', async () => {
    const e = await readDocument(scanned, 'scanned.pdf', { ...opts, ocr: false }).catch((x: Error) => x);
    expect(e).toMatchObject({ code: 'FILE_READ' });
    expect((e as Error).message).toBe('scanned.pdf: the PDF has no text layer (scanned?), needs OCR');
  });

  it('names the tools and the script that installs them when they are missing', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = join(tmp, 'no-such-bin');
    try {
      const e = await readDocument(scanned, 'dir/scanned.pdf', opts).catch((x: Error) => x);
      expect(e).toMatchObject({ code: 'FILE_READ' });
      expect((e as Error).message).toMatch(
        /^dir\/scanned\.pdf: OCR needs tesseract-ocr, tesseract-ocr-vie .*bash scripts\/ensure-ocr\.sh, or use --no-ocr$/,
      );
    } finally {
      process.env['PATH'] = path;
    }
  });
});

describe('scanned PDFs through the CLI', () => {
  const file = () => join(tmp, 'scanned.pdf');

  it('ingest records the source as read by OCR, with its confidence', async () => {
    const r = await runCli(['ingest', '--json', file()], { env: testEnv() });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ files: 1, added: 1, failed: 0 });
    const rows = await db.read(async (tx) =>
      (
        await tx.run(
          `MATCH (s:SourceFile) RETURN s.format AS format, s.ocr AS ocr, s.ocrPages AS pages,
             s.ocrConfidence AS confidence, s.refKeys AS refKeys`,
        )
      ).records.map((x) => toPlain(x.toObject()) as Record<string, unknown>),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ format: 'pdf', ocr: true, pages: 1 });
    expect(rows[0]?.['confidence']).toBeGreaterThan(50);
    expect(JSON.stringify(rows[0]?.['refKeys'])).toContain('22-CT/TU');
  });

  it('extract finds the reference; --no-ocr and LUOCDO_OCR=false refuse the file as before', async () => {
    const r = await runCli(['extract', file()], { env: testEnv() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('22-CT/TU');
    const refusal = /scanned\.pdf: the PDF has no text layer \(scanned\?\), needs OCR/;
    for (const [args, env] of [
      [['extract', '--no-ocr', file()], {}],
      [['ingest', '--dry-run', '--no-ocr', file()], {}],
      [['extract', file()], { LUOCDO_OCR: 'false' }],
    ] as const) {
      const no = await runCli([...args], { env: testEnv(env) });
      expect(no.code, args.join(' ')).toBe(1);
      expect(no.stderr).toMatch(refusal);
    }
  });
});

/** The CLI on a pseudo-terminal (util-linux `script`), as a person runs it: stdout and stderr both a TTY. */
function onTerminal(args: string[]): Promise<string> {
  const cmd = [process.execPath, join(projectRoot(), 'bin', 'luocdo.js'), ...args]
    .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  return new Promise((resolve, reject) =>
    execFile('script', ['-qec', cmd, '/dev/null'], { env: testEnv(), timeout: 120_000 }, (e, out) =>
      e ? reject(e) : resolve(out),
    ),
  );
}

describe('OCR progress', () => {
  const file = () => join(tmp, 'scanned.pdf');

  it('is shown per page on a terminal, by extract and by ingest', async () => {
    expect(await onTerminal(['extract', file()])).toMatch(/OCR {2}scanned\.pdf {2}trang 1\/1/);
    expect(await onTerminal(['ingest', '--dry-run', file()])).toMatch(/OCR {2}scanned\.pdf {2}trang 1\/1/);
  });

  it('is not written when stderr is not a terminal', async () => {
    const r = await runCli(['extract', file()], { env: testEnv() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const i = await runCli(['ingest', '--dry-run', file()], { env: testEnv() });
    expect(i.stderr).not.toMatch(/OCR|trang/);
  });
});
