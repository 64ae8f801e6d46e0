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
