import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { readDocument, sniff, type ReadOptions } from '../../src/read/index.js';
import { encodeTcvn3, encodeVni } from '../../src/read/legacy/index.js';
import { makeDocx, makePdf } from '../helpers/documents.js';

// Reading needs no database: every format and every refusal, from bytes made here.

const BODY = [
  'BÁO CÁO',
  'Kết quả thực hiện công tác dân vận',
  'Thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy, UBND huyện Minh Long báo cáo.',
];
const opts = { maxBytes: 2e6 };
const read = (bytes: Uint8Array, path = 'f') => readDocument(bytes, path, opts);
const utf8 = (s: string) => new TextEncoder().encode(s);
const words = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('reading each format', () => {
  it('reads UTF-8 text, with or without a BOM, and UTF-16 with either BOM', async () => {
    const text = BODY.join('\n');
    const be = Buffer.from(text, 'utf16le').swap16();
    for (const bytes of [
      utf8(text),
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]),
      new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]),
      new Uint8Array([0xfe, 0xff, ...be]),
    ]) {
      const r = await read(bytes);
      expect(r).toMatchObject({
        text,
        format: 'txt',
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes: bytes.length,
        encoding: { encoding: 'utf-8', doubtful: false },
      });
    }
  });

  it('reads TCVN3 and VNI bytes and a legacy Word .doc as Unicode, saying how it decided', async () => {
    const sentence = 'Thực hiện Chỉ thị số 22-CT/TU của Ban Thường vụ Tỉnh ủy về công tác dân vận';
    const tcvn3 = await read(encodeTcvn3(sentence));
    expect(tcvn3.text).toBe(sentence);
    expect(tcvn3.encoding).toMatchObject({ encoding: 'tcvn3', decidedBy: 'trial' });
    const vni = await read(encodeVni(sentence));
    expect(vni.text).toBe(sentence);
    expect(vni.encoding?.encoding).toBe('vni');
    const doc = await read(readFileSync(join(projectRoot(), 'test/fixtures/read/bao-cao-22.doc')));
    expect(doc.format).toBe('doc');
    expect(doc.text).toContain('22-CT/TU');
  });

  it('reads HTML as text, one line per block', async () => {
    const html = `<!doctype html><html><body><h1>${BODY[0]}</h1>${BODY.slice(1)
      .map((p) => `<p>${p} <a href="http://x">liên kết</a><img src="x.png"></p>`)
      .join('')}</body></html>`;
    const r = await read(utf8(html));
    expect(r.format).toBe('html');
    expect(r.text).toContain(BODY[0]);
    expect(r.text).toContain(`${BODY[2]} liên kết`);
    expect(r.text).not.toMatch(/http|x\.png|<p>/);
  });

  it('reads .docx and the text layer of a PDF', async () => {
    const docx = await read(await makeDocx(BODY));
    expect(docx.format).toBe('docx');
    expect(words(docx.text)).toBe(words(BODY.join(' ')));
    const pdf = await read(await makePdf([BODY.slice(0, 2), BODY.slice(2)]));
    expect(pdf.format).toBe('pdf');
    expect(words(pdf.text)).toContain('Chỉ thị số 22-CT/TU ngày 03/4/2017');
  });

  it('goes by the bytes, never the name', async () => {
    expect((await read(await makePdf([BODY]), 'bao-cao.txt')).format).toBe('pdf');
    expect((await read(utf8(BODY.join('\n')), 'bao-cao.pdf')).format).toBe('txt');
    expect(sniff(utf8('  <html><body>x</body></html>'))).toBe('html');
    expect(sniff(utf8('<div><body class="a">x</body></div>'))).toBe('html');
    expect(sniff(utf8('Văn bản nói về thẻ <html> trong dòng.'))).toBe('txt');
    expect(sniff(new Uint8Array([0xff, 0xfe, 0x3c, 0, 0x68, 0]))).toBe('txt');
  });
});

describe('refusing what cannot be read correctly', () => {
  const why = async (bytes: Uint8Array, o: ReadOptions = opts) => {
    const e = await readDocument(bytes, 'bad/file', o).then(
      () => null,
      (x: unknown) => x as { code?: string; message: string },
    );
    expect(e?.code).toBe('FILE_READ');
    expect(e?.message.startsWith('bad/file: ')).toBe(true);
    return e?.message;
  };

  it('names each bad file with a reason a clerk can act on', async () => {
    expect(await why(new Uint8Array())).toMatch(/empty file/);
    expect(await why(utf8('x'.repeat(3_000_001)))).toBe(
      'bad/file: 3.0 MB is over the 2 MB limit (LUOCDO_MAX_FILE_MB)',
    );
    expect(await why(new Uint8Array([0, 1, 2, 3, 255, 0, 7, 8]))).toMatch(/a binary file, not a document/);
    expect(await why(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toMatch(
      /not a readable Word \.doc/,
    );
    expect(await why(Buffer.from("Ça m'a été très agréable, ô combien! Où êtes-vous?", 'latin1'))).toMatch(
      /not valid UTF-8 text, nor TCVN3, VNI or Windows-1258 Vietnamese/,
    );
    expect(await why(utf8('  \n\t '))).toMatch(/no text in it/);
    // OCR off, as `--no-ocr` sets it: the unit lane needs no tesseract (test/read-ocr.test.ts reads scans).
    expect(await why(await makePdf([['x']], { text: false }), { ...opts, ocr: false })).toMatch(
      /no text layer \(scanned\?\), needs OCR/,
    );
    expect(await why(await makePdf([BODY], { password: 'secret' }))).toMatch(/encrypted/);
    expect(await why(utf8('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntruncated'))).toMatch(
      /not a valid PDF|could not be read/,
    );
  });

  it('takes a file of exactly the limit', async () => {
    expect((await readDocument(utf8('a'.repeat(100)), 'f', { maxBytes: 100 })).bytes).toBe(100);
    expect(await why(utf8('a'.repeat(101)), { maxBytes: 100 })).toMatch(/is over the .* limit/);
  });
});
