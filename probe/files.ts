import { writeFileSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { writeZip, type ZipPart } from '../src/read/zip.js';

/**
 * Deflates `chunk` repeated `times` times without holding the whole expansion: one chunk deflated with
 * SYNC_FLUSH is a whole block stream, and byte-identical blocks concatenate (the last one closes it).
 */
function repeatedDeflate(chunk: Buffer, times: number) {
  const body = deflateRawSync(chunk, { finishFlush: constants.Z_SYNC_FLUSH, level: 9 });
  return {
    data: Buffer.concat(Array.from({ length: times }, () => body)),
    size: chunk.length * times,
    /** The CRC of what came before, continued over the repeated chunk. */
    crcAfter(start: number): number {
      let crc = start;
      for (let i = 0; i < times; i++) crc = crc32(chunk, crc);
      return crc;
    },
  };
}

const plain = (name: string, text: string): ZipPart => {
  const raw = Buffer.from(text);
  return { name, method: 8, body: deflateRawSync(raw), crc: crc32(raw), size: raw.length };
};

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOC_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const DOC_CLOSE = '</w:body></w:document>';

const MB = 1024 * 1024;
const sameChunk = (paragraph: string): string => {
  const para = `<w:p><w:r><w:t>${paragraph}</w:t></w:r></w:p>`;
  return para.repeat(Math.max(1, Math.floor(MB / para.length)));
};

/** About 1 MB of paragraphs of the paragraph's words in a pseudo-random order: compresses like real text. */
function variedChunk(paragraph: string): string {
  const words = paragraph.split(/\s+/);
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const out: string[] = [];
  let size = 0;
  while (size < MB) {
    const n = 12 + (next() % 30);
    const p = `<w:p><w:r><w:t>${Array.from({ length: n }, () => words[next() % words.length]).join(' ')}.</w:t></w:r></w:p>`;
    out.push(p);
    size += Buffer.byteLength(p);
  }
  return out.join('');
}

/** A real .docx (mammoth reads it) whose text is `paragraph` repeated: small on disk, `expandedMb` unpacked. */
export function writeDocx(
  path: string,
  paragraph: string,
  expandedMb: number,
  opts: { lieAboutSize?: boolean; varied?: boolean } = {},
): void {
  const chunkText = opts.varied ? variedChunk(paragraph) : sameChunk(paragraph);
  const open = Buffer.from(DOC_OPEN);
  const close = Buffer.from(DOC_CLOSE);
  const middle = repeatedDeflate(Buffer.from(chunkText), expandedMb);
  // The three pieces are deflated apart and joined: the first two end on a flush, the last one closes.
  const head = deflateRawSync(open, { finishFlush: constants.Z_SYNC_FLUSH });
  const data = Buffer.concat([head, middle.data, deflateRawSync(close)]);
  const crc = crc32(close, middle.crcAfter(crc32(open)));
  const size = open.length + middle.size + close.length;
  const doc: ZipPart = {
    name: 'word/document.xml',
    method: 8,
    body: data,
    crc,
    size: opts.lieAboutSize ? 4096 : size,
  };
  const zip = writeZip([plain('[Content_Types].xml', CONTENT_TYPES), plain('_rels/.rels', RELS), doc]);
  writeFileSync(path, zip);
}
