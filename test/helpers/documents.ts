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
