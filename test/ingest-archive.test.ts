import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp1252Char } from '../src/read/legacy/cp1252.js';
import { encodeTcvn3Runs } from '../src/read/legacy/index.js';
import { closeDrivers } from '../src/store/connection.js';
import { toPlain } from '../src/store/values.js';
import { runCli } from './helpers/cli.js';
import { cleanGraph, testDb, testEnv } from './helpers/db.js';
import { seedPath } from './helpers/gold.js';
import { docxOfRuns, makeZip } from './helpers/zip.js';

// The CLI against the real Neo4j with what a clerk is sent (issue 13): a .zip of folders holding a seed
// copy and a .docx typed in .VnTime, next to a zip bomb; each document a source by its path in the archive.

const db = testDb();
const tmp = mkdtempSync(join(tmpdir(), 'luocdo-ingest-archive-'));
const SEED = '000_0f68266f658f0987.txt';
const LINE = 'Thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy, UBND huyện báo cáo.';
const chars = (b: Uint8Array) => Array.from(b, cp1252Char).join('');

type Row = { path: string; format: string; encoding: string | null; by: string | null };
async function sources(): Promise<Row[]> {
  return db.read(async (tx) =>
    (
      await tx.run(
        'MATCH (s:SourceFile) RETURN s.path AS path, s.format AS format, s.encoding AS encoding, s.encodingDecidedBy AS by ORDER BY path',
      )
    ).records.map((r) => toPlain(r.toObject()) as Row),
  );
}

beforeAll(() => cleanGraph(db));
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await closeDrivers();
});

describe('ingesting a folder with a .zip and a zip bomb in it', () => {
  it('ingests each document in the archive by its path inside, refuses the bomb by name, exits non-zero', async () => {
    const dir = join(tmp, 'mail');
    mkdirSync(dir);
    const docx = docxOfRuns([
      [{ text: 'ỦY BAN NHÂN DÂN HUYỆN MINH LONG' }],
      [{ text: 'Số: 41/BC-UBND', font: 'Times New Roman' }],
      encodeTcvn3Runs(LINE).map((r) => ({ text: chars(r.bytes), font: r.font })),
    ]);
    writeFileSync(
      join(dir, 'b-mail.zip'),
      makeZip([
        { name: 'inner/dir/report.docx', data: docx },
        { name: 'inner/seed.txt', data: readFileSync(seedPath(SEED)) },
      ]),
    );
    writeFileSync(join(dir, 'a-bomb.zip'), makeZip([{ name: 'a.txt', data: Buffer.alloc(20e6, 0x61) }]));
    const r = await runCli(['ingest', dir], { env: testEnv() });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^error FILE_READ: \S+\/a-bomb\.zip: part a\.txt expands \d+ times .*\(LUOCDO_MAX_ZIP_RATIO\): a zip bomb\?$/,
      ),
    ]);
    expect(r.stdout).toMatch(/^3 files: 2 added, .* 1 failed/);
    const zip = join(dir, 'b-mail.zip');
    expect(await sources()).toEqual([
      { path: `${zip}/inner/dir/report.docx`, format: 'docx', encoding: 'tcvn3', by: 'font' },
      {
        path: `${zip}/inner/seed.txt`,
        format: 'txt',
        encoding: expect.anything() as unknown,
        by: expect.anything() as unknown,
      },
    ]);
    const show = await runCli(['show', '22-CT/TU', '--json'], { env: testEnv() });
    expect(show.code, show.stderr).toBe(0);
    const cited = JSON.stringify(JSON.parse(show.stdout));
    expect(cited).toContain('41/BC-UBND');
  });

  it('removes a member by its path in the archive, relative as ingest resolves it', async () => {
    const r = await runCli(['remove', 'mail/b-mail.zip/inner/dir/report.docx'], { env: testEnv(), cwd: tmp });
    expect(r.stdout).toMatch(/^removed [0-9a-f]{12} \S+\/b-mail\.zip\/inner\/dir\/report\.docx\n$/);
    expect(r.code).toBe(0);
    expect((await sources()).map((s) => s.path)).toEqual([
      join(tmp, 'mail', 'b-mail.zip', 'inner', 'seed.txt'),
    ]);
  });
});
