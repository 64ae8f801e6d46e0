import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractReferences } from '../../src/extract/index.js';
import { readDocument, sniff } from '../../src/read/index.js';
import { readFileDocument } from '../../src/read/file.js';
import { cp1252Char } from '../../src/read/legacy/cp1252.js';
import { encodeCp1258, encodeTcvn3 } from '../../src/read/legacy/index.js';
import { projectRoot } from '../../src/paths.js';
import { makeZip } from '../helpers/zip.js';

// .odt and .rtf (issue 13): read by the project's own small readers (no well-kept library reads either
// without a heavy dependency; the one RTF package for Node de-encapsulates Outlook mail only), through the
// same legacy-encoding checks as a .doc's text, and taken by every command through src/read.

const tmp = mkdtempSync(join(tmpdir(), 'luocdo-odt-rtf-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const read = (b: Uint8Array, name: string) => readDocument(b, name, { maxBytes: 10e6 });

const TITLE = 'BÁO CÁO kết quả thực hiện Chỉ thị';
const BODY =
  'Thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân huyện báo cáo.';
// TCVN3's normal fonts have no capital Ủ (capitals are the H fonts'): the sentence keeps to what they hold.
const LEGACY = 'Đề nghị các xã ưu tiên nguồn lực thực hiện Kế hoạch số 70/KH-UBND của huyện.';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function odt(paragraphs: string[]): Buffer {
  const ns =
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
  const body = paragraphs.join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${ns}><office:font-face-decls/><office:body>\n  <office:text>${body}</office:text>\n</office:body></office:document-content>`;
  return makeZip([
    { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text'), stored: true },
    { name: 'content.xml', data: Buffer.from(xml) },
    { name: 'META-INF/manifest.xml', data: Buffer.from('<manifest:manifest/>') },
  ]);
}

describe('.odt', () => {
  const doc = odt([
    `<text:h text:outline-level="1">${esc(TITLE)}</text:h>`,
    `<text:p text:style-name="P1"><text:span text:style-name="T1">${esc(BODY.slice(0, 20))}</text:span>${esc(BODY.slice(20))}<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Chú thích &amp; ghi chú.</text:p></text:note-body></text:note></text:p>`,
    `<text:p>Cột<text:tab/>một<text:s text:c="2"/>hai<text:line-break/>dòng   sau</text:p>`,
  ]);

  it('is known by its bytes and read: headings, paragraphs, spans, footnotes, spaces, tabs, breaks', async () => {
    expect(sniff(doc)).toBe('odt');
    const r = await read(doc, 'bao-cao.odt');
    expect(r.format).toBe('odt');
    expect(r.text.split('\n')).toEqual([
      TITLE,
      BODY,
      'Cột\tmột  hai',
      'dòng sau',
      // The footnote after the body, as the .doc reader gives it.
      '',
      'Chú thích & ghi chú.',
      '',
    ]);
    expect(r.encoding).toMatchObject({ encoding: 'utf-8' });
    expect(extractReferences(r.text).map((x) => x.symbol)).toContain('22-CT/TU');
  });

  it('goes through the legacy checks: a paragraph typed in .VnTime is converted', async () => {
    const lookAlike = Array.from(encodeTcvn3(LEGACY), cp1252Char).join('');
    const r = await read(
      odt([`<text:p>${esc(BODY)}</text:p>`, `<text:p>${esc(lookAlike)}</text:p>`]),
      'x.odt',
    );
    expect(r.text).toContain(LEGACY);
    expect(r.encoding).toMatchObject({ encoding: 'tcvn3', decidedBy: 'trial' });
  });

  it('is read from disk with the zip limits, and is not taken for an archive', async () => {
    writeFileSync(join(tmp, 'a.odt'), doc);
    expect((await readFileDocument(join(tmp, 'a.odt'), { maxBytes: 10e6 })).text).toContain(BODY);
    const e = await readFileDocument(join(tmp, 'a.odt'), { maxBytes: 10e6, maxExpandedBytes: 100 }).catch(
      (x: Error) => x,
    );
    expect((e as Error).message).toMatch(
      /a\.odt: expands to .* MB, over the .* limit \(LUOCDO_MAX_EXPANDED_MB\)/,
    );
  });
});

/** Text as RTF writes it: ASCII as is, anything else as \uN with a `?` for readers without Unicode. */
const rtfUnicode = (s: string) =>
  [...s].map((c) => (c.charCodeAt(0) < 128 ? c : `\\u${(c.charCodeAt(0) << 16) >> 16}?`)).join('');
const rtfBytes = (b: Uint8Array) =>
  Array.from(b, (x) => (x < 128 ? String.fromCharCode(x) : `\\'${x.toString(16)}`)).join('');

describe('.rtf', () => {
  const head = (cpg: number) =>
    `{\\rtf1\\ansi\\ansicpg${cpg}\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}{\\f1 .VnTime;}}{\\colortbl;\\red0\\green0\\blue0;}` +
    `{\\*\\generator Test;}{\\info{\\title Tieu de}{\\author A}}\\pard\\plain `;

  it('is known by its bytes and read: \\uN escapes, \\ansicpg1258 bytes, fields, tables skipped', async () => {
    const rtf =
      head(1258) +
      `{\\b ${rtfUnicode(TITLE)}}\\par\n` +
      `${rtfBytes(encodeCp1258(BODY))}\\par\n` +
      `{\\field{\\*\\fldinst HYPERLINK "http://x"}{\\fldrslt ${rtfUnicode('Cổng thông tin')}}}\\tab\\'41\\~B\\par}`;
    const bytes = Buffer.from(rtf, 'latin1');
    expect(sniff(bytes)).toBe('rtf');
    const r = await read(bytes, 'bao-cao.rtf');
    expect(r.format).toBe('rtf');
    expect(r.text).toBe(`${TITLE}\n${BODY}\nCổng thông tin\tA\u00a0B\n`);
    expect(extractReferences(r.text).map((x) => x.symbol)).toContain('22-CT/TU');
  });

  it('goes through the legacy checks: \\VnTime bytes in a cp1252 document are converted', async () => {
    const rtf = head(1252) + `${rtfUnicode(BODY)}\\par\n{\\f1 ${rtfBytes(encodeTcvn3(LEGACY))}}\\par}`;
    const r = await read(Buffer.from(rtf, 'latin1'), 'x.rtf');
    expect(r.text).toBe(`${BODY}\n${LEGACY}\n`);
    expect(r.encoding).toMatchObject({ encoding: 'tcvn3', decidedBy: 'trial' });
  });

  it('keeps \\uc0 and \\ucN fallbacks out, and an unknown format keeps its clear line', async () => {
    const r = await read(
      Buffer.from(`{\\rtf1\\ansi{\\uc2 \\u7857\\'61\\'62 n}\\uc0\\u7897 t}`, 'latin1'),
      'u.rtf',
    );
    // The space after \\u7897 ends the control word.
    expect(r.text).toBe('ằ nột');
    const e = await read(Buffer.from([0, 1, 2, 3, 0xff]), 'x.bin').catch((x: Error) => x);
    expect((e as Error).message).toBe('x.bin: a binary file, not a document');
  });
});

describe('.odt and .rtf made by LibreOffice (test/fixtures/read/README.md)', () => {
  it.each(['odt', 'rtf'])(
    'a .%s reads body, footnote and header, and the paragraph typed in .VnTime, ư included',
    async (ext) => {
      const name = `bao-cao-vntime.${ext}`;
      const r = await read(readFileSync(join(projectRoot(), 'test', 'fixtures', 'read', name)), name);
      expect(r.format).toBe(ext);
      expect(r.encoding).toMatchObject({ encoding: 'tcvn3', doubtful: false });
      const text = r.text.replace(/\s+/g, ' ');
      expect(text).toContain('ỦY BAN NHÂN DÂN HUYỆN');
      expect(text).toContain('Triển khai Kế hoạch số 70/KH-UBND của Ủy ban nhân dân tỉnh, huyện giao');
      expect(text).toContain(
        'Đề nghị các xã ưu tiên nguồn lực thực hiện Chỉ thị số 22-CT/TU, gửi báo cáo về Thường trực Huyện ủy trước ngày 15/12/2017.',
      );
      expect(text).toContain(
        'Kế hoạch thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy.',
      );
      expect(extractReferences(r.text).map((x) => x.symbol)).toEqual(
        expect.arrayContaining(['70/KH-UBND', '22-CT/TU']),
      );
    },
  );
});
