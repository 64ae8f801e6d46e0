import { createRequire } from 'node:module';
import { LuocdoError } from '../errors.js';
import { decodeByFont, fontEncoding, VIETNAMESE_LETTERS } from './legacy/index.js';
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

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

const VIETNAMESE = new Set(VIETNAMESE_LETTERS);
/**
 * A character past ASCII that no Vietnamese word holds (`Ø`, `Þ`, `¸`, `æ`…): what a `.VnTime` or `VNI-…`
 * font's bytes show as text. Only a page that has one is worth resolving its fonts' names for, which costs
 * pdf.js the page's operator list.
 */
const LOOK_ALIKE = (c: string) => c > '\u007f' && c <= '\u02ff' && !VIETNAMESE.has(c);

/** The real names of the page's fonts (`ABCDEF+.VnTime`), by the ids its text items give. */
async function fontNames(page: PdfPage, ids: Set<string>): Promise<Map<string, string>> {
  // The text content leaves the fonts in the worker; the operator list sends them to this side.
  await page.getOperatorList();
  const names = new Map<string, string>();
  for (const id of ids) {
    try {
      const font = page.commonObjs.get(id) as { name?: unknown } | null;
      if (typeof font?.name === 'string') names.set(id, font.name);
    } catch {
      // A font pdf.js could not load has no name to go by: its text stays as it is.
    }
  }
  return names;
}

/**
 * A page's text, each item in a legacy Vietnamese font (`.VnTime`, `VNI-Times`, after a subset prefix)
 * decoded by that font (issue 13), and the names of those fonts.
 */
async function pageText(page: PdfPage): Promise<{ text: string; legacyFonts: string[] }> {
  const normalize = (await pdfjs()).normalizeUnicode;
  // pdf.js folds compatibility characters (µ → μ) unless told not to, and a legacy font's bytes are such
  // characters (`ngµy` is TCVN3 for `ngày`): its items are taken raw, the others folded as pdf.js would.
  const content = await page.getTextContent({ disableNormalization: true });
  const items = content.items.flatMap((i) => ('str' in i ? [i] : []));
  const suspect = items.filter((i) => [...i.str].some(LOOK_ALIKE));
  const names = suspect.length ? await fontNames(page, new Set(suspect.map((i) => i.fontName))) : undefined;
  const legacyFonts = new Set<string>();
  let text = '';
  for (const item of items) {
    const font = names?.get(item.fontName);
    const legacy = font !== undefined && fontEncoding(font) !== undefined;
    if (legacy) legacyFonts.add(font);
    text += (legacy ? decodeByFont(item.str, font) : normalize(item.str)) + (item.hasEOL ? '\n' : '');
  }
  return { text, legacyFonts: [...legacyFonts] };
}

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
): Promise<PdfText & { legacyFonts: string[] }> {
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
    const legacyFonts = new Set<string>();
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const { text, legacyFonts: fonts } = await pageText(page);
      for (const f of fonts) legacyFonts.add(f);
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
    return { ...joinPages(pages), legacyFonts: [...legacyFonts] };
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
