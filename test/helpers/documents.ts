import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'; // Debian fonts-dejavu-core: Vietnamese glyphs

/** A real .docx, one paragraph per line. */
export async function makeDocx(paragraphs: string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph(p)) }] });
  return Packer.toBuffer(doc);
}

/** A real PDF with a text layer (or none, like a scan), optionally encrypted. */
export function makePdf(
  pages: string[][],
  opts: { text?: boolean; password?: string } = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      autoFirstPage: false,
      ...(opts.password ? { userPassword: opts.password, pdfVersion: '1.7' as const } : {}),
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const lines of pages) {
      doc.addPage();
      if (opts.text === false) {
        doc.rect(50, 50, 200, 100).fill('#333'); // an image-like page with no text
        continue;
      }
      doc.font(FONT).fontSize(11);
      for (const l of lines) doc.text(l, { width: 480 });
    }
    doc.end();
  });
}

/**
 * A scanned PDF as a scanner makes one: each page of a text PDF rendered to an image (pdftoppm, grey,
 * 200 dpi) and the images alone wrapped in a new PDF, with no text layer. `scanned` says which pages (from 0)
 * become images; the others keep their text layer.
 */
export async function makeScannedPdf(pages: string[][], scanned?: number[]): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'luocdo-scan-'));
  try {
    const images = await Promise.all(
      pages.map(async (lines, i) => {
        if (scanned && !scanned.includes(i)) return null;
        const src = join(dir, `p${i}.pdf`);
        writeFileSync(src, await makePdf([lines]));
        execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', '-singlefile', src, join(dir, `p${i}`)]);
        return readFileSync(join(dir, `p${i}.png`));
      }),
    );
    return await new Promise((resolve, reject) => {
      const doc = new PDFDocument({ autoFirstPage: false });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      pages.forEach((lines, i) => {
        doc.addPage();
        const png = images[i];
        if (png) doc.image(png, 0, 0, { width: doc.page.width, height: doc.page.height });
        else {
          doc.font(FONT).fontSize(11);
          for (const l of lines) doc.text(l, { width: 480 });
        }
      });
      doc.end();
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A TrueType font file with another PostScript name (name ID 6), for a PDF whose font is named as an old
 * office machine's was (`.VnTime`, `VNI-Times`): the name table is rebuilt at the end of the file and the
 * table directory points at it (checksums are not checked by readers).
 */
export function renameFont(ttf: Buffer, postscriptName: string): Buffer {
  const tables = ttf.readUInt16BE(4);
  for (let i = 0; i < tables; i++) {
    const rec = 12 + 16 * i;
    if (ttf.toString('latin1', rec, rec + 4) !== 'name') continue;
    const at = ttf.readUInt32BE(rec + 8);
    const count = ttf.readUInt16BE(at + 2);
    const strings = at + ttf.readUInt16BE(at + 4);
    const head = Buffer.alloc(6 + 12 * count);
    head.writeUInt16BE(count, 2);
    head.writeUInt16BE(6 + 12 * count, 4);
    const data: Buffer[] = [];
    let offset = 0;
    for (let r = 0; r < count; r++) {
      const p = at + 6 + 12 * r;
      const [platform, id, length, from] = [0, 6, 8, 10].map((o) => ttf.readUInt16BE(p + o)) as number[];
      let s = ttf.subarray(strings + (from ?? 0), strings + (from ?? 0) + (length ?? 0));
      // Macintosh names are 8-bit, Windows and Unicode ones UTF-16BE.
      if (id === 6)
        s =
          platform === 1
            ? Buffer.from(postscriptName, 'latin1')
            : Buffer.from(postscriptName, 'utf16le').swap16();
      ttf.copy(head, 6 + 12 * r, p, p + 8);
      head.writeUInt16BE(s.length, 6 + 12 * r + 8);
      head.writeUInt16BE(offset, 6 + 12 * r + 10);
      data.push(s);
      offset += s.length;
    }
    const table = Buffer.concat([head, ...data]);
    const pad = Buffer.alloc((4 - (ttf.length % 4)) % 4);
    const out = Buffer.concat([ttf, pad, table]);
    out.writeUInt32BE(ttf.length + pad.length, rec + 8);
    out.writeUInt32BE(table.length, rec + 12);
    return out;
  }
  throw new Error('the font has no name table');
}

/** A PDF of lines, each in the font named with it: a legacy font's lines as its bytes show (`ChØ thÞ sè`). */
export function makeFontPdf(lines: { text: string; font?: string }[]): Promise<Buffer> {
  const dejavu = readFileSync(FONT);
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const l of lines)
      doc
        .font(l.font ? renameFont(dejavu, l.font) : FONT)
        .fontSize(11)
        .text(l.text);
    doc.end();
  });
}
