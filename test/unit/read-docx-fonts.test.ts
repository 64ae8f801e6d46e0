import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/read/index.js';
import { cp1252Char } from '../../src/read/legacy/cp1252.js';
import { encodeTcvn3, encodeTcvn3Runs, encodeVni } from '../../src/read/legacy/index.js';
import { makeZip } from '../helpers/zip.js';

// A .docx typed in legacy fonts (issue 13): its runs' text is the font's bytes shown as cp1252 characters,
// and only the font of each run (its own, its style's, or the document's default) says how to read it.

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOC_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const chars = (bytes: Uint8Array) => Array.from(bytes, cp1252Char).join('');

type Run = { text: string; font?: string };
type Para = { runs: Run[]; style?: string };

const run = (r: Run) =>
  `<w:r>${r.font ? `<w:rPr><w:rFonts w:ascii="${r.font}" w:hAnsi="${r.font}" w:cs="${r.font}"/><w:b/></w:rPr>` : ''}<w:t xml:space="preserve">${esc(r.text)}</w:t></w:r>`;

function docx(paras: Para[], defaultFont = 'Times New Roman', headingFont = 'Times New Roman'): Buffer {
  const body = paras
    .map(
      (p) =>
        `<w:p>${p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr></w:pPr>` : ''}${p.runs.map(run).join('')}</w:p>`,
    )
    .join('');
  const styles = `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${defaultFont}" w:hAnsi="${defaultFont}"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:rPr><w:rFonts w:ascii="${headingFont}" w:hAnsi="${headingFont}"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Title"/><w:rPr><w:sz w:val="28"/></w:rPr></w:style></w:styles>`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'word/_rels/document.xml.rels', data: Buffer.from(DOC_RELS) },
    { name: 'word/document.xml', data: Buffer.from(xml) },
    { name: 'word/styles.xml', data: Buffer.from(styles) },
  ]);
}

const HEADING = 'BÁO CÁO TÌNH HÌNH THỰC HIỆN CHỈ THỊ';
const UNICODE_PART = 'Thực hiện ';
const LEGACY_PART = 'Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy & <các> huyện. ĐỒNG Ý.';
const VNI_PART = 'Ủy ban nhân dân tỉnh Quảng Ngãi chỉ đạo thực hiện nghiêm.';
const read = (b: Buffer) => readDocument(b, 'x.docx', { maxBytes: 10e6 });

/** The same paragraphs in Unicode, as the original document would have them. */
const original = () =>
  docx([
    { style: 'Heading1', runs: [{ text: HEADING }] },
    { runs: [{ text: UNICODE_PART }, { text: LEGACY_PART }] },
    { runs: [{ text: VNI_PART }] },
  ]);

describe('a .docx in legacy fonts, decoded run by run', () => {
  it('reads .VnTime runs mixed with Unicode runs, a .VnTimeH heading by its style, split VNI runs', async () => {
    const vni = chars(encodeVni(VNI_PART));
    // A VNI mark is a byte after its letter: the cut at 5 splits `U` + mark across two runs.
    const legacy = docx(
      [
        { style: 'Heading1', runs: [{ text: chars(encodeTcvn3(HEADING.toLowerCase())) }] },
        {
          runs: [
            { text: UNICODE_PART, font: 'Times New Roman' },
            ...encodeTcvn3Runs(LEGACY_PART).map((r) => ({ text: chars(r.bytes), font: r.font })),
          ],
        },
        {
          runs: [
            { text: vni.slice(0, 1), font: 'VNI-Times' },
            { text: vni.slice(1), font: 'VNI-Times' },
          ],
        },
      ],
      'Times New Roman',
      '.VnTimeH',
    );
    const want = await read(original());
    const got = await read(legacy);
    expect(want.text).toContain(LEGACY_PART);
    expect(got.text).toBe(want.text);
    expect(got.encoding).toMatchObject({ encoding: 'tcvn3', decidedBy: 'font', doubtful: false });
  });

  it('takes the document default font when no run or style names one', async () => {
    const text = 'Chỉ thị số 22-CT/TU của Ban Thường vụ Tỉnh ủy về công tác cán bộ';
    const plain = docx([{ runs: [{ text: chars(encodeTcvn3(text)) }] }], '.VnTime');
    const got = await read(plain);
    expect(got.text.trim()).toBe(text);
    expect(got.encoding).toMatchObject({ encoding: 'tcvn3', decidedBy: 'font' });
  });

  it('says vni when the runs are in VNI fonts, and leaves a Unicode .docx alone', async () => {
    const got = await read(docx([{ runs: [{ text: chars(encodeVni(VNI_PART)), font: 'VNI-Times' }] }]));
    expect(got.text.trim()).toBe(VNI_PART);
    expect(got.encoding).toMatchObject({ encoding: 'vni', decidedBy: 'font' });
    const unicode = await read(original());
    expect(unicode.encoding?.decidedBy ?? 'trial').toBe('trial');
  });
});
