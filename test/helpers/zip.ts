import { crc32, deflateRawSync } from 'node:zlib';
import { writeZip } from '../../src/read/zip.js';

export type ZipPart = {
  name: string;
  data: Uint8Array;
  /** The uncompressed size the directory declares, when it should lie. */
  declaredSize?: number;
  /** Stored instead of deflated. */
  stored?: boolean;
  /** The name's bytes as an archiver wrote them (CP437, say), instead of `name` in UTF-8. */
  rawName?: Buffer;
  /** The general-purpose flags (bit 11: the name is UTF-8). */
  flags?: number;
};

/** A zip made by hand, so a test can make one that lies, or a bomb, in a few bytes of code. */
export function makeZip(parts: ZipPart[]): Buffer {
  return writeZip(
    parts.map((p) => ({
      name: p.name,
      method: p.stored ? 0 : 8,
      body: p.stored ? p.data : deflateRawSync(p.data),
      crc: crc32(p.data),
      size: p.declaredSize ?? p.data.length,
      ...(p.rawName ? { rawName: p.rawName } : {}),
      flags: p.flags ?? 0,
    })),
  );
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A .docx whose body is `paragraphs` repeated `times`: a real document, or (many times) a zip bomb. */
export function docxOf(paragraphs: string[], times = 1, over: Partial<ZipPart> = {}): Buffer {
  const body = paragraphs
    .map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`)
    .join('')
    .repeat(times);
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'word/document.xml', data: Buffer.from(xml), ...over },
  ]);
}

/** A .docx whose paragraphs are runs each in its font (a `.VnTime` run holds its bytes as cp1252 characters). */
export function docxOfRuns(paragraphs: { text: string; font?: string }[][]): Buffer {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const run = (r: { text: string; font?: string }) =>
    `<w:r>${r.font ? `<w:rPr><w:rFonts w:ascii="${r.font}" w:hAnsi="${r.font}"/></w:rPr>` : ''}<w:t xml:space="preserve">${esc(r.text)}</w:t></w:r>`;
  const body = paragraphs.map((p) => `<w:p>${p.map(run).join('')}</w:p>`).join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'word/document.xml', data: Buffer.from(xml) },
  ]);
}
