import { LuocdoError } from '../errors.js';
import type { Format } from './sniff.js';

/**
 * How much one file may cost to read. A file is small on disk and large in memory: a .docx is a zip
 * whose parts can expand a thousandfold, and the text extracted from anything is held whole, so each
 * bound is checked before the work it bounds (issue 12).
 */
export type ReadLimits = {
  /** The file on disk (LUOCDO_MAX_FILE_MB), checked with stat before a byte is read. */
  maxBytes: number;
  /** A .docx's parts expanded, all together and each one (LUOCDO_MAX_EXPANDED_MB). */
  maxExpandedBytes: number;
  /** Parts in a .docx (LUOCDO_MAX_ZIP_ENTRIES); a real one has a few dozen. */
  maxZipEntries: number;
  /** Expanded size over compressed size of any sizeable part (LUOCDO_MAX_ZIP_RATIO): a zip bomb. */
  maxZipRatio: number;
  /** Archives nested in a .zip ingested as a folder (LUOCDO_MAX_ZIP_DEPTH): 2 is a zip inside a zip. */
  maxZipDepth: number;
  /** Characters of text from one file (LUOCDO_MAX_TEXT_CHARS). */
  maxTextChars: number;
  /** Pages of one PDF (LUOCDO_MAX_PDF_PAGES). */
  maxPdfPages: number;
  /** Scanned PDF pages (no text layer) read by OCR (issue 13); off by `--no-ocr` or LUOCDO_OCR=false. */
  ocr: boolean;
  /**
   * Told after each page OCR reads (pages done of the file's pages to OCR), for progress on a terminal. Not a
   * limit, but it travels with them down to the reader.
   */
  onOcrPage?: OcrProgress;
};

export type OcrProgress = (path: string, done: number, total: number) => void;

export const DEFAULT_LIMITS: Omit<ReadLimits, 'maxBytes'> = {
  maxExpandedBytes: 100e6,
  maxZipEntries: 2000,
  maxZipRatio: 200,
  maxZipDepth: 2,
  maxTextChars: 50_000_000,
  maxPdfPages: 5000,
  ocr: true,
};

/** What a caller gives: the file size limit, and any other limit it wants other than the default. */
export type ReadOptions = { maxBytes: number } & Partial<Omit<ReadLimits, 'maxBytes'>>;

export const limitsOf = (o: ReadOptions): ReadLimits => ({ ...DEFAULT_LIMITS, ...o });

export const fail = (path: string, why: string, cause?: unknown) =>
  new LuocdoError('FILE_READ', `${path}: ${why}`, cause === undefined ? {} : { cause });

export const mb = (n: number): string => (n / 1e6).toFixed(1);

/**
 * Memory to read and extract a file, from what is known before reading it: an upper estimate, since the
 * budget is only as good as it. Measured (README, "Reliability"): a 26 MB text dense with references (126,000
 * citations) peaked at 2.1 GB, about 80 bytes per byte, the extractor's references and their quotes being
 * most of it; a .docx holds mammoth's tree of its XML as well, about 45 bytes per byte of XML; a PDF's text is
 * a small part of its bytes.
 */
export function memoryEstimate(format: Format, size: number, expanded: number): number {
  const PER_TEXT_BYTE = 80;
  const PER_XML_BYTE = 50;
  if (format === 'docx' || format === 'odt') return size + expanded * PER_XML_BYTE;
  if (format === 'pdf') return size * 10;
  return size * PER_TEXT_BYTE;
}
