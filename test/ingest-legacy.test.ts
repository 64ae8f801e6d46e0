import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/paths.js';
import { encodeTcvn3, encodeVni } from '../src/read/legacy/index.js';
import { closeDrivers } from '../src/store/connection.js';
import { toPlain } from '../src/store/values.js';
import { runCli } from './helpers/cli.js';
import { makeZip } from './helpers/zip.js';
import { cleanGraph, testDb, testEnv } from './helpers/db.js';

// Office files as they are (issue 13): a seed typed in TCVN3 or VNI, and a Word 97–2003 .doc, through the
// product's own ingest, land as the UTF-8 seed does, with the encoding recorded on the source.

const db = testDb();
const tmp = mkdtempSync(join(tmpdir(), 'luocdo-ingest-legacy-'));
const seeds = join(projectRoot(), 'seeds');
const seed = join(
  seeds,
  readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .sort()[0] ?? '',
);

type Summary = { citations: number; documents: number; failed: number };
const dry = async (path: string): Promise<Summary> => {
  const r = await runCli(['ingest', '--dry-run', '--json', path], { env: testEnv() });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Summary;
};

beforeAll(() => cleanGraph(db));
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await closeDrivers();
});

describe('legacy Vietnamese files', () => {
  it('reads a seed in TCVN3 and in VNI bytes as it reads the seed itself', async () => {
    const text = readFileSync(seed, 'utf8');
    const dir = join(tmp, 'enc');
    mkdirSync(dir);
    writeFileSync(join(dir, 'tcvn3.txt'), encodeTcvn3(text));
    writeFileSync(join(dir, 'vni.txt'), encodeVni(text));
    copyFileSync(seed, join(dir, 'utf8.txt'));
    const want = await dry(join(dir, 'utf8.txt'));
    expect(want.citations).toBeGreaterThan(0);
    for (const f of ['tcvn3.txt', 'vni.txt']) {
      const got = await dry(join(dir, f));
      expect({ file: f, citations: got.citations, documents: got.documents }).toEqual({
        file: f,
        citations: want.citations,
        documents: want.documents,
      });
    }
  });

  it('records how each source was decoded, and ingests a legacy .doc', async () => {
    const dir = join(tmp, 'store');
    mkdirSync(dir);
    writeFileSync(join(dir, 'tcvn3.txt'), encodeTcvn3(readFileSync(seed, 'utf8')));
    copyFileSync(join(projectRoot(), 'test/fixtures/read/bao-cao-22.doc'), join(dir, 'bao-cao.doc'));
    const r = await runCli(['ingest', dir], { env: testEnv() });
    expect(r.code, r.stderr).toBe(0);
    const rows = await db.read(async (tx) =>
      (
        await tx.run(
          'MATCH (s:SourceFile) RETURN s.path AS path, s.format AS format, s.encoding AS encoding ORDER BY path',
        )
      ).records.map((x) => toPlain(x.toObject())),
    );
    expect(rows).toEqual([
      { path: join(dir, 'bao-cao.doc'), format: 'doc', encoding: 'utf-8' },
      { path: join(dir, 'tcvn3.txt'), format: 'txt', encoding: 'tcvn3' },
    ]);
    const doc = await runCli(['show', '22-CT/TU', '--json'], { env: testEnv() });
    expect(doc.code, doc.stderr).toBe(0);
    expect((JSON.parse(doc.stdout) as { citedBy: unknown[] }).citedBy.length).toBeGreaterThan(0);
  });

  it('ingests .odt and .rtf, in a folder and in a zip, through the same legacy checks', async () => {
    await cleanGraph(db);
    const dir = join(tmp, 'odt-rtf');
    mkdirSync(dir);
    const fixture = (ext: string) =>
      readFileSync(join(projectRoot(), `test/fixtures/read/bao-cao-vntime.${ext}`));
    writeFileSync(join(dir, 'bao-cao.odt'), fixture('odt'));
    writeFileSync(join(dir, 'ho-so.zip'), makeZip([{ name: 'trong/bao-cao.rtf', data: fixture('rtf') }]));
    const r = await runCli(['ingest', '--json', dir], { env: testEnv() });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ files: 2, failed: 0 });
    const rows = await db.read(async (tx) =>
      (
        await tx.run(
          'MATCH (s:SourceFile) RETURN s.path AS path, s.format AS format, s.encoding AS encoding, s.refKeys AS refs ORDER BY path',
        )
      ).records.map(
        (x) => toPlain(x.toObject()) as { path: string; format: string; encoding: string; refs: string[] },
      ),
    );
    expect(rows.map((x) => [x.path.slice(dir.length + 1), x.format, x.encoding])).toEqual([
      ['bao-cao.odt', 'odt', 'tcvn3'],
      ['ho-so.zip/trong/bao-cao.rtf', 'rtf', 'tcvn3'],
    ]);
    for (const x of rows) expect(JSON.stringify(x.refs), x.path).toContain('22-CT/TU');
  });

  it('says in the audit which sources were converted on little evidence (DOUBTFUL_TEXT)', async () => {
    const dir = join(tmp, 'doubt');
    mkdirSync(dir);
    // Two Vietnamese words only: TCVN3 reads them, but on too little evidence to be sure.
    writeFileSync(join(dir, 'short.txt'), encodeTcvn3('Kế hoạch 70/KH-UBND'));
    const r = await runCli(['ingest', dir], { env: testEnv() });
    expect(r.code, r.stderr).toBe(0);
    const a = await runCli(['audit', '--code', 'DOUBTFUL_TEXT', '--json'], { env: testEnv() });
    const findings = (
      JSON.parse(a.stdout) as { findings: Array<{ code: string; severity: string; message: string }> }
    ).findings;
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['DOUBTFUL_TEXT', 'warning']]);
    expect(findings[0]?.message).toContain('short.txt: its text was converted from tcvn3 on little evidence');
  });
});
