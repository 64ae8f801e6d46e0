import { mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileDocument } from '../../src/read/file.js';
import { DEFAULT_LIMITS, readDocument, type ReadOptions } from '../../src/read/index.js';
import { makeDocx, makePdf } from '../helpers/documents.js';
import { docxOf, makeZip } from '../helpers/zip.js';

// Each limit on what one file may cost, from files made here: the zip directory checked before mammoth
// expands anything, the size checked before a byte is read, the text and the pages counted (issue 12).

const BODY = ['BÁO CÁO', 'Thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy.'];
const opts: ReadOptions = { maxBytes: 5e6 };
const tmp = mkdtempSync(join(tmpdir(), 'luocdo-limits-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (x: unknown) => x as { code?: string; message: string },
  );
  expect(e?.code).toBe('FILE_READ');
  return e?.message ?? '';
};
const why = (bytes: Uint8Array, o: ReadOptions = opts) => refusal(readDocument(bytes, 'in/bad.docx', o));

describe('a .docx is checked by its zip directory before mammoth expands it', () => {
  it('reads a real .docx, and a hand-made one, within the default limits', async () => {
    expect((await readDocument(await makeDocx(BODY), 'f', opts)).text).toContain('22-CT/TU');
    expect((await readDocument(docxOf(BODY), 'f', opts)).text).toContain('22-CT/TU');
  });

  it('refuses a zip bomb by its ratio, naming the file, the part and the setting', async () => {
    // 20 MB of one paragraph repeated: deflate makes it about 20 KB, a ratio near a thousand.
    const bomb = docxOf(['a'], 600_000);
    expect(bomb.length).toBeLessThan(200_000);
    expect(await why(bomb)).toMatch(
      /^in\/bad\.docx: part word\/document\.xml expands \d+ times .* over the limit of 200 \(LUOCDO_MAX_ZIP_RATIO\)/,
    );
  });

  it('refuses a .docx that expands past the total, with the limit in the message', async () => {
    const big = docxOf(['a'], 600_000);
    expect(await why(big, { ...opts, maxZipRatio: 1e6, maxExpandedBytes: 10e6 })).toMatch(
      /^in\/bad\.docx: expands to 20\.\d MB, over the 10\.0 MB limit \(LUOCDO_MAX_EXPANDED_MB\)$/,
    );
  });

  it('refuses a directory that declares a huge size, from the declaration alone', async () => {
    const liar = docxOf(BODY, 1, { declaredSize: 3_000_000_000 });
    expect(await why(liar, { ...opts, maxZipRatio: 1e12 })).toMatch(
      /^in\/bad\.docx: expands to 3000\.0 MB, over the 100\.0 MB limit \(LUOCDO_MAX_EXPANDED_MB\)$/,
    );
  });

  it('refuses a part that expands past the size its directory declares', async () => {
    const liar = docxOf(['a'], 100_000, { declaredSize: 1000 });
    expect(await why(liar)).toMatch(
      /part word\/document\.xml expands past the 1000 bytes its zip directory declares \(a zip bomb\?\)$/,
    );
  });

  it('refuses a zip of too many parts', async () => {
    const many = makeZip(
      Array.from({ length: 30 }, (_, i) => ({ name: `p${i}.xml`, data: Buffer.from('x') })),
    );
    expect(await why(many, { ...opts, maxZipEntries: 20 })).toMatch(
      /a zip of 30 or more parts, over the limit of 20 \(LUOCDO_MAX_ZIP_ENTRIES\)/,
    );
    expect(DEFAULT_LIMITS.maxZipEntries).toBeGreaterThan(30);
  });
});

describe('the text and the pages', () => {
  it('refuses more text than the limit', async () => {
    expect(
      await refusal(
        readDocument(new TextEncoder().encode('x'.repeat(101)), 'a.txt', { ...opts, maxTextChars: 100 }),
      ),
    ).toBe('a.txt: 101 characters of text, over the limit of 100 (LUOCDO_MAX_TEXT_CHARS)');
  });

  it('refuses a PDF of too many pages, or too much text, before reading it all', async () => {
    const pdf = await makePdf([BODY, BODY, BODY]);
    expect(await refusal(readDocument(pdf, 'p.pdf', { ...opts, maxPdfPages: 2 }))).toBe(
      'p.pdf: 3 pages, over the limit of 2 (LUOCDO_MAX_PDF_PAGES)',
    );
    expect(await refusal(readDocument(pdf, 'p.pdf', { ...opts, maxTextChars: 100 }))).toMatch(
      /^p\.pdf: more than 100 characters of text by page 2, the limit \(LUOCDO_MAX_TEXT_CHARS\)$/,
    );
    expect((await readDocument(pdf, 'p.pdf', { ...opts, maxPdfPages: 3 })).pageStarts).toHaveLength(3);
  });
});

describe.each(['async', 'blocking'] as const)('a file on disk, read %s', (io) => {
  it('is refused by its size before it is read: a sparse 2.5 GB file, the file named', async () => {
    // Past 2 GiB, reading the file whole failed with an error that named no file.
    const path = join(tmp, 'sparse.txt');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 2.5 * 2 ** 30);
    closeSync(fd);
    const reserved: number[] = [];
    expect(await refusal(readFileDocument(path, opts, async (n) => void reserved.push(n), io))).toBe(
      `${path}: 2684.4 MB is over the 5 MB limit (LUOCDO_MAX_FILE_MB)`,
    );
    expect(reserved).toEqual([]);
  });

  it('reserves the memory a .docx will take, from its directory, before reading it', async () => {
    const path = join(tmp, 'ok.docx');
    const bytes = docxOf(BODY, 2000);
    writeFileSync(path, bytes);
    const reserved: number[] = [];
    const r = await readFileDocument(path, opts, async (n) => void reserved.push(n), io);
    expect(r.format).toBe('docx');
    expect(reserved).toHaveLength(1);
    // The expanded XML, not the compressed file, is what is counted.
    expect(reserved[0]).toBeGreaterThan(25 * 2000 * 100);
  });

  it('is not read when the reservation refuses it', async () => {
    const path = join(tmp, 'a.txt');
    writeFileSync(path, BODY.join('\n'));
    const no = new Error('over budget');
    await expect(readFileDocument(path, opts, () => Promise.reject(no), io)).rejects.toBe(no);
    expect((await readFileDocument(path, opts, undefined, io)).text).toBe(BODY.join('\n'));
  });

  it('gives what the same bytes give in memory, a file within its head and one past it', async () => {
    // A file no longer than the head is read once (issue 15): the result must not tell.
    for (const lines of [1, 40, 4000]) {
      const path = join(tmp, `same-${lines}.txt`);
      const bytes = Buffer.from(
        Array.from({ length: lines }, (_, i) => `${BODY[i % BODY.length]} ${i}`).join('\n'),
      );
      writeFileSync(path, bytes);
      expect(await readFileDocument(path, opts, undefined, io)).toEqual(
        await readDocument(bytes, path, opts),
      );
    }
  });

  it('names the file it cannot open', async () => {
    expect(await refusal(readFileDocument(join(tmp, 'none.txt'), opts, undefined, io))).toBe(
      `${join(tmp, 'none.txt')}: no such file`,
    );
  });
});
