import { createHash } from 'node:crypto';
import { htmlToPlainText } from './html.js';
import { readDocx } from './docx.js';
import { fail, limitsOf, type ReadLimits, type ReadOptions } from './limits.js';
import { readPdf, type OcrInfo } from './ocr.js';
import { REFUSED, sniff, type Format } from './sniff.js';
import { readDoc } from './doc.js';
import { readOdt } from './odt.js';
import { rtfToText } from './rtf.js';
import { detectLegacyText, type Detection } from './legacy/index.js';
import { decodeText, decodeTextDetected } from './text.js';

export { sniff, type Format } from './sniff.js';
export { DEFAULT_LIMITS, memoryEstimate, type ReadLimits, type ReadOptions } from './limits.js';

export type ReadResult = {
  text: string;
  format: Format;
  sha256: string;
  bytes: number;
  /** Where each page begins in `text`, for formats that have pages (PDF). */
  pageStarts?: number[];
  /** How the text's encoding was decided (legacy Vietnamese encodings converted, issue 13). */
  encoding?: Omit<Detection, 'text'>;
  /** Pages read by OCR (scanned, no text layer), and tesseract's mean confidence in their words (0–100). */
  ocr?: OcrInfo;
};

/** A format's reader: its bytes to Unicode text, and what an empty result means for it. */
type Paged = { text: string; pageStarts: number[]; ocr?: OcrInfo; legacy?: Detection };
type Detected = { text: string; legacy: Detection };
type Got = string | Paged | Detected;
type Reader = {
  read: (bytes: Uint8Array, path: string, limits: ReadLimits) => Got | Promise<Got>;
  empty?: string;
};

/** Every format luocdo reads, sniffed from the bytes (see `sniff`): a new format is one entry here. */
const READERS: Record<Format, Reader> = {
  pdf: { read: readPdf, empty: 'the PDF has no text layer (scanned?), needs OCR' },
  docx: { read: readDocx },
  html: { read: (bytes, path) => htmlToPlainText(decodeText(bytes, path)) },
  txt: { read: decodeTextDetected },
  doc: { read: readDoc },
  odt: { read: readOdt },
  rtf: { read: rtfToText },
};

export const overSize = (path: string, size: number, max: number) =>
  fail(
    path,
    `${(size / 1e6).toFixed(1)} MB is over the ${(max / 1e6).toFixed(0)} MB limit (LUOCDO_MAX_FILE_MB)`,
  );

export const overText = (path: string, chars: number | string, max: number) =>
  fail(path, `${chars} characters of text, over the limit of ${max} (LUOCDO_MAX_TEXT_CHARS)`);

/**
 * Bytes → text for each format; bad input is one clear error naming the file. `sniffed`: what `sniff`
 * already said of these bytes' head (a file's reader looked before reading it whole).
 */
export async function readDocument(
  bytes: Uint8Array,
  path: string,
  opts: ReadOptions,
  sniffed?: ReturnType<typeof sniff>,
): Promise<ReadResult> {
  const limits = limitsOf(opts);
  if (bytes.length === 0) throw fail(path, 'empty file');
  if (bytes.length > limits.maxBytes) throw overSize(path, bytes.length, limits.maxBytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const format = sniffed ?? sniff(bytes);
  if (format === 'binary') throw fail(path, REFUSED[format]);
  const reader = READERS[format];
  const got = await reader.read(bytes, path, limits);
  const paged = typeof got !== 'string' && 'pageStarts' in got ? got : undefined;
  // A PDF keeps its page offsets, so its text is taken as its fonts give it: decoded item by item where a
  // font names a legacy encoding (the reader says so), never by trial.
  const legacy =
    typeof got !== 'string' && 'legacy' in got
      ? got.legacy
      : paged
        ? undefined
        : detectLegacyText(typeof got === 'string' ? got : got.text);
  const text = legacy?.text ?? (typeof got === 'string' ? got : got.text);
  if (text.length > limits.maxTextChars) throw overText(path, text.length, limits.maxTextChars);
  if (!text.trim()) throw fail(path, reader.empty ?? 'no text in it');
  const { text: _converted, ...encoding } = legacy ?? { text: '' };
  return {
    text,
    format,
    sha256,
    bytes: bytes.length,
    ...(paged ? { pageStarts: paged.pageStarts } : {}),
    ...(legacy ? { encoding: encoding as Omit<Detection, 'text'> } : {}),
    ...(paged?.ocr ? { ocr: paged.ocr } : {}),
  };
}
