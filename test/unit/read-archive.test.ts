import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestPaths, listFiles } from '../../src/ingest/pipeline.js';
import { readFileDocument } from '../../src/read/file.js';
import { makeDocx } from '../helpers/documents.js';
import { seedPath } from '../helpers/gold.js';
import { makeZip } from '../helpers/zip.js';

// A .zip read as the folder it holds (issue 13), without a database: the dry run reads and extracts.

const tmp = mkdtempSync(join(tmpdir(), 'luocdo-archive-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SEED = '000_0f68266f658f0987.txt';
const BODY = [
  'ỦY BAN NHÂN DÂN HUYỆN MINH LONG',
  'Số: 41/BC-UBND',
  'BÁO CÁO',
  'Thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy, UBND huyện báo cáo.',
];
const folder = (name: string) => {
  const d = join(tmp, name);
  mkdirSync(d);
  return d;
};
const opts = { maxBytes: 5e6, concurrency: 2, dryRun: true };
const small = (n: number) => Buffer.from(BODY.join('\n').replace('41/', `${n}/`));

/** An archive as a clerk gets one: folders, a seed copy, a .docx, a zip inside, names in CP437 and UTF-8. */
async function archive(): Promise<Buffer> {
  const inner = makeZip([
    { name: 'c.txt', data: small(3) },
    { name: 'd.txt', data: small(4) },
  ]);
  return makeZip([
    { name: 'inner/', data: Buffer.alloc(0), stored: true },
    { name: 'inner/dir/report.docx', data: await makeDocx(BODY) },
    { name: 'inner/seed.txt', data: readFileSync(seedPath(SEED)) },
    // `Báo cáo.txt` as DOS and Windows archivers write it: CP437, á is 0xA0, no UTF-8 flag.
    {
      name: 'x',
      rawName: Buffer.from([0x42, 0xa0, 0x6f, 0x20, 0x63, 0xa0, 0x6f, 0x2e, 0x74, 0x78, 0x74]),
      data: small(1),
    },
    { name: 'Quyết định.txt', flags: 0x800, data: small(2) },
    { name: 'nested.zip', data: inner },
    { name: '__MACOSX/._seed.txt', data: Buffer.from('junk') },
  ]);
}

describe('a .zip ingested as the folder it holds', () => {
  it('lists every document inside by its path in the archive, nested folders and zips, both name encodings', async () => {
    const d = folder('list');
    writeFileSync(join(d, 'x.zip'), await archive());
    writeFileSync(join(d, 'y.docx'), await makeDocx(BODY));
    const { files, failures } = await listFiles([d]);
    expect(failures).toEqual([]);
    const x = join(d, 'x.zip');
    expect(files).toEqual([
      `${x}/Báo cáo.txt`,
      `${x}/Quyết định.txt`,
      `${x}/inner/dir/report.docx`,
      `${x}/inner/seed.txt`,
      `${x}/nested.zip/c.txt`,
      `${x}/nested.zip/d.txt`,
      join(d, 'y.docx'),
    ]);
  });

  it('reads each member as the file it is: the seed copy gives the seed, the .docx its text', async () => {
    const d = folder('read');
    writeFileSync(join(d, 'x.zip'), await archive());
    const s = await ingestPaths(null, [d], opts);
    expect(s.failures).toEqual([]);
    expect(s.added).toBe(6);
    // The two members of the nested zip are read apart (the zip they are in is expanded once for both).
    const nested = s.results.filter((r) => r.path.includes('/nested.zip/')).map((r) => r.report);
    expect(nested.map((k) => k.split('|')[0])).toEqual(['3/BC-UBND', '4/BC-UBND']);
    expect(s.results.find((r) => r.path.endsWith('/inner/dir/report.docx'))?.report).toMatch(
      /^41\/BC-UBND\|/,
    );
    const direct = await ingestPaths(null, [seedPath(SEED)], opts);
    const member = s.results.find((r) => r.path.endsWith('/inner/seed.txt'));
    expect(member).toMatchObject({
      path: join(d, 'x.zip', 'inner', 'seed.txt'),
      sha256: direct.results[0]?.sha256,
      citations: direct.results[0]?.citations,
      report: direct.results[0]?.report,
    });
  });

  it('refuses a zip bomb in a folder by name and limit, the other files still landing', async () => {
    const d = folder('bomb');
    writeFileSync(join(d, 'a-bomb.zip'), makeZip([{ name: 'a.txt', data: Buffer.alloc(20e6, 0x61) }]));
    writeFileSync(join(d, 'b.txt'), small(5));
    const s = await ingestPaths(null, [d], opts);
    expect(s.failures).toEqual([
      {
        path: join(d, 'a-bomb.zip'),
        error: expect.stringMatching(
          /a-bomb\.zip: part a\.txt expands \d+ times .*\(LUOCDO_MAX_ZIP_RATIO\): a zip bomb\?$/,
        ) as unknown,
      },
    ]);
    expect(s.results.map((r) => r.path)).toEqual([join(d, 'b.txt')]);
    expect(s.files).toBe(2);
  });

  it('says which limit an archive is over: total size, count, depth', async () => {
    const d = folder('limits');
    const parts = Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.txt`, data: small(i) }));
    writeFileSync(join(d, 'many.zip'), makeZip(parts));
    const deep = makeZip([
      {
        name: 'l2.zip',
        data: makeZip([{ name: 'l3.zip', data: makeZip([{ name: 'z.txt', data: small(9) }]) }]),
      },
    ]);
    writeFileSync(join(d, 'deep.zip'), deep);
    const few = await ingestPaths(null, [join(d, 'many.zip')], { ...opts, limits: { maxZipEntries: 4 } });
    expect(few.failures[0]?.error).toMatch(/many\.zip: .*over the limit of 4 \(LUOCDO_MAX_ZIP_ENTRIES\)/);
    const big = await ingestPaths(null, [join(d, 'many.zip')], {
      ...opts,
      limits: { maxExpandedBytes: 300 },
    });
    expect(big.failures[0]?.error).toMatch(/many\.zip: expands to .*\(LUOCDO_MAX_EXPANDED_MB\)/);
    const s = await ingestPaths(null, [join(d, 'deep.zip')], opts);
    expect(s.failures).toEqual([
      {
        path: join(d, 'deep.zip', 'l2.zip', 'l3.zip'),
        error: `${join(d, 'deep.zip', 'l2.zip', 'l3.zip')}: a zip inside a zip 2 deep, over the limit of 2 (LUOCDO_MAX_ZIP_DEPTH)`,
      },
    ]);
    const deeper = await ingestPaths(null, [join(d, 'deep.zip')], { ...opts, limits: { maxZipDepth: 3 } });
    expect(deeper.results.map((r) => r.path)).toEqual([join(d, 'deep.zip', 'l2.zip', 'l3.zip', 'z.txt')]);
  });

  it('tells a reader of one file (extract, audit --text) that a .zip holds documents', async () => {
    const d = folder('one');
    writeFileSync(join(d, 'x.zip'), await archive());
    await expect(readFileDocument(join(d, 'x.zip'), { maxBytes: 5e6 })).rejects.toThrow(
      /x\.zip: a \.zip archive, not a document: `luocdo ingest` reads the documents in it/,
    );
  });
});
