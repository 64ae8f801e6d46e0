import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDrivers } from '../src/store/connection.js';
import { toPlain } from '../src/store/values.js';
import { runCli } from './helpers/cli.js';
import { cleanGraph, testDb, testEnv } from './helpers/db.js';
import { makeDocx } from './helpers/documents.js';
import { docxOf } from './helpers/zip.js';

// The CLI against the real Neo4j with what a probe of main found (issue 12): a zip bomb among good files,
// and a source removed by the relative path it was ingested by.

const db = testDb();
const tmp = mkdtempSync(join(tmpdir(), 'luocdo-ingest-limits-'));
const BODY = [
  'ỦY BAN NHÂN DÂN HUYỆN MINH LONG',
  'Số: 41/BC-UBND',
  'BÁO CÁO',
  'Thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy, UBND huyện báo cáo.',
];

async function sourcePaths(): Promise<string[]> {
  return db.read(async (tx) =>
    (await tx.run('MATCH (s:SourceFile) RETURN s.path AS path ORDER BY path')).records.map(
      (r) => toPlain(r.get('path')) as string,
    ),
  );
}

beforeAll(() => cleanGraph(db));
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await closeDrivers();
});

describe('ingesting a folder with a zip bomb in it', () => {
  it('refuses the bomb by name and the limit it is over, ingests the good file, exits non-zero', async () => {
    const dir = join(tmp, 'bomb');
    mkdirSync(dir);
    // 20 MB of XML in about 20 KB; mammoth spent most of a minute and hundreds of MB on it.
    writeFileSync(join(dir, 'a-bomb.docx'), docxOf(['a'], 600_000));
    writeFileSync(join(dir, 'b-good.docx'), await makeDocx(BODY));
    const r = await runCli(['ingest', dir], { env: testEnv() });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^error FILE_READ: \S+\/a-bomb\.docx: part word\/document\.xml expands \d+ times .*\(LUOCDO_MAX_ZIP_RATIO\): a zip bomb\?$/,
      ),
    ]);
    expect(r.stdout).toMatch(/^2 files: 1 added, .* 1 failed/);
    expect(await sourcePaths()).toEqual([join(dir, 'b-good.docx')]);
  });
});

describe('remove', () => {
  it('finds a source by the relative path it was ingested by, as ingest resolves it', async () => {
    await cleanGraph(db);
    const dir = join(tmp, 'seeds');
    mkdirSync(dir);
    writeFileSync(join(dir, 'x.txt'), BODY.join('\n'));
    expect((await runCli(['ingest', 'seeds/x.txt'], { env: testEnv(), cwd: tmp })).code).toBe(0);
    expect(await sourcePaths()).toEqual([join(dir, 'x.txt')]);
    const r = await runCli(['remove', 'seeds/x.txt'], { env: testEnv(), cwd: tmp });
    expect(r.stdout).toMatch(new RegExp(`^removed [0-9a-f]{12} ${join(dir, 'x.txt')}\\n$`));
    expect(r.code).toBe(0);
    expect(await sourcePaths()).toEqual([]);
    const again = await runCli(['remove', './seeds/../seeds/x.txt'], { env: testEnv(), cwd: tmp });
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('no source matches ./seeds/../seeds/x.txt\n');
  });

  it('still takes a sha256 prefix, of at least 6 characters', async () => {
    expect((await runCli(['ingest', join(tmp, 'seeds')], { env: testEnv() })).code).toBe(0);
    const short = await runCli(['remove', 'abc'], { env: testEnv(), cwd: tmp });
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/^error BAD_INPUT: give at least 6 characters of the sha256, or the path/);
    const [sha] = await db.read(async (tx) =>
      (await tx.run('MATCH (s:SourceFile) RETURN s.sha256 AS sha')).records.map(
        (r) => r.get('sha') as string,
      ),
    );
    const r = await runCli(['remove', (sha ?? '').slice(0, 10).toUpperCase()], { env: testEnv() });
    expect(r.code).toBe(0);
    expect(await sourcePaths()).toEqual([]);
  });
});
