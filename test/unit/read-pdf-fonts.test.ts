import { describe, expect, it } from 'vitest';
import { extractReferences } from '../../src/extract/index.js';
import { readDocument } from '../../src/read/index.js';
import { cp1252Char } from '../../src/read/legacy/cp1252.js';
import { encodeTcvn3, encodeVni } from '../../src/read/legacy/index.js';
import { makeFontPdf } from '../helpers/documents.js';

// A PDF typed in legacy fonts (issue 13): its text layer gives the font's bytes as cp1252 characters
// (`ChØ thÞ sè`), and only the font's name (`ABCDEF+.VnTime`, `VNI-Times`) says how to read them. The
// fixtures embed a real TrueType font renamed so, as pdfkit writes it: subset tag + PostScript name.

const chars = (bytes: Uint8Array) => Array.from(bytes, cp1252Char).join('');
const read = async (b: Buffer) => {
  const r = await readDocument(b, 'x.pdf', { maxBytes: 10e6 });
  // pdfkit wraps long lines: the page's line ends are not the test's business.
  return { ...r, text: r.text.replace(/\s+/g, ' ') };
};
// No `ư` in it: TCVN3 stores it as byte 0xAD, the soft hyphen, which pdfkit's font engine (fontkit) draws as
// a zero-width space, so a fixture made here cannot carry it; the decoding of 0xAD is tested on .docx and text.
const TCVN3_LINE = 'Thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Tỉnh ủy về cải cách hành chính.';
const VNI_LINE = 'Ủy ban nhân dân tỉnh Quảng Ngãi chỉ đạo thực hiện nghiêm Kế hoạch số 70/KH-UBND.';
const UNICODE_LINE = 'Báo cáo kết quả thực hiện như sau.';

describe('a PDF in legacy Vietnamese fonts', () => {
  it('decodes the items of a .VnTime font and keeps the Unicode ones, recording the encoding', async () => {
    const pdf = await makeFontPdf([
      { text: UNICODE_LINE },
      { text: chars(encodeTcvn3(TCVN3_LINE)), font: '.VnTime' },
    ]);
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+\.VnTime/);
    const r = await read(pdf);
    expect(r.text).toContain(UNICODE_LINE);
    expect(r.text).toContain(TCVN3_LINE);
    expect(r.encoding).toMatchObject({ encoding: 'tcvn3', decidedBy: 'font', doubtful: false });
    expect(r.pageStarts).toEqual([0]);
    expect(r.text).not.toMatch(/[ØÞµ¸]/);
    expect(extractReferences(r.text).map((x) => x.symbol)).toContain('22-CT/TU');
  });

  it('decodes a VNI-Times font', async () => {
    const r = await read(await makeFontPdf([{ text: chars(encodeVni(VNI_LINE)), font: 'VNI-Times' }]));
    expect(r.text.trim()).toBe(VNI_LINE);
    expect(r.encoding).toMatchObject({ encoding: 'vni', decidedBy: 'font' });
  });

  it('leaves a Unicode PDF as it is, look-alike characters and all', async () => {
    const odd = 'Nhiệt độ 30°C, ±2; § 3 × 4 — Ø không đổi.';
    const r = await read(await makeFontPdf([{ text: UNICODE_LINE }, { text: odd }]));
    expect(r.text).toContain(odd);
    expect(r.encoding).toBeUndefined();
  });
});
