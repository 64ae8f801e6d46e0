import { createRequire } from 'node:module';
import { LuocdoError } from '../errors.js';
import type { ReadLimits } from './limits.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let lib: Promise<PdfJs> | undefined;

async function pdfjs(): Promise<PdfJs> {
  lib ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((m) => {
    m.GlobalWorkerOptions.workerSrc = createRequire(import.meta.url).resolve(
      'pdfjs-dist/legacy/build/pdf.worker.mjs',
    );
    return m;
  });
  return lib;
}

/** A limit a PDF is over: reported as it is, where pdf.js's own errors are explained. */
class PdfLimit extends Error {}

/** A PDF's text, its pages one by one, and where each page begins in the text. */
export type PdfText = { text: string; pageStarts: number[]; pages: string[] };

/** Pages → the text, a blank line between them, and where each one begins. */
export function joinPages(pages: string[]): PdfText {
  const pageStarts: number[] = [];
  let at = 0;
  for (const p of pages) {
    pageStarts.push(at);
    at += p.length + 2;
  }
  return { text: pages.join('\n\n'), pageStarts, pages };
}

/** The text layer of a PDF, pages in order, with the line ends pdf.js reports, and where each page begins. */
export async function pdfToText(
  bytes: Uint8Array,
  path: string,
  limits: Pick<ReadLimits, 'maxPdfPages' | 'maxTextChars'>,
): Promise<PdfText> {
  const { getDocument } = await pdfjs();
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    if (doc.numPages > limits.maxPdfPages)
      throw new PdfLimit(
        `${doc.numPages} pages, over the limit of ${limits.maxPdfPages} (LUOCDO_MAX_PDF_PAGES)`,
      );
    const pages: string[] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text);
      page.cleanup();
      // Stopped as soon as the text is too long, not after every page has been held.
      chars += text.length + 2;
      if (chars > limits.maxTextChars)
        throw new PdfLimit(
          `more than ${limits.maxTextChars} characters of text by page ${p}, the limit (LUOCDO_MAX_TEXT_CHARS)`,
        );
    }
    await doc.destroy();
    return joinPages(pages);
  } catch (e) {
    const name = (e as { name?: string }).name;
    const why =
      e instanceof PdfLimit
        ? e.message
        : name === 'PasswordException'
          ? 'the PDF is encrypted (password protected)'
          : name === 'InvalidPDFException'
            ? 'not a valid PDF (corrupt or truncated)'
            : `the PDF could not be read: ${(e as Error).message}`;
    throw new LuocdoError('FILE_READ', `${path}: ${why}`, { cause: e });
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
