import { createHash } from 'node:crypto';
import { LuocdoError } from '../errors.js';
import { htmlToPlainText } from './html.js';
import { docxToText } from './docx.js';
import { pdfToText } from './pdf.js';
import { decodeText } from './text.js';

export type Format = 'txt' | 'docx' | 'pdf' | 'html';

export type ReadResult = {
  text: string;
  format: Format;
  sha256: string;
  bytes: number;
  /** Where each page begins in `text`, for formats that have pages (PDF). */
  pageStarts?: number[];
};

export type ReadOptions = { maxBytes: number };

const fail = (path: string, why: string, cause?: unknown) =>
  new LuocdoError('FILE_READ', `${path}: ${why}`, cause === undefined ? {} : { cause });

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

/** A format's reader: its bytes to Unicode text, and what an empty result means for it. */
type Paged = { text: string; pageStarts: number[] };
type Reader = {
  read: (bytes: Uint8Array, path: string) => string | Paged | Promise<string | Paged>;
  empty?: string;
};

/** Every format luocdo reads, sniffed from the bytes (see `sniff`): a new format is one entry here. */
const READERS: Record<Format, Reader> = {
  pdf: { read: pdfToText, empty: 'the PDF has no text layer (scanned?), needs OCR' },
  docx: { read: docxToText },
  html: { read: (bytes, path) => htmlToPlainText(decodeText(bytes, path)) },
  txt: { read: decodeText },
};

/** What is recognised and refused, with what to do instead. */
const REFUSED = {
  ole: 'a legacy Word .doc (or other OLE) file; save it as .docx',
  binary: 'a binary file, not a document',
} as const;

/** The real type from the bytes, never from the extension; a zip container is read as .docx. */
export function sniff(bytes: Uint8Array): Format | keyof typeof REFUSED {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'ole';
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) return 'binary';
  const head = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 2048))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (!utf16 && (head.startsWith('<!doctype html') || head.startsWith('<html') || /<body[\s>]/.test(head)))
    return 'html';
  return 'txt';
}

/** Bytes → text for each format; bad input is one clear error naming the file. */
export async function readDocument(bytes: Uint8Array, path: string, opts: ReadOptions): Promise<ReadResult> {
  if (bytes.length === 0) throw fail(path, 'empty file');
  if (bytes.length > opts.maxBytes) {
    throw fail(
      path,
      `${(bytes.length / 1e6).toFixed(1)} MB is over the ${(opts.maxBytes / 1e6).toFixed(0)} MB limit (LUOCDO_MAX_FILE_MB)`,
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const format = sniff(bytes);
  if (format === 'ole' || format === 'binary') throw fail(path, REFUSED[format]);
  const reader = READERS[format];
  const got = await reader.read(bytes, path);
  const text = typeof got === 'string' ? got : got.text;
  if (!text.trim()) throw fail(path, reader.empty ?? 'no text in it');
  return {
    text,
    format,
    sha256,
    bytes: bytes.length,
    ...(typeof got === 'string' ? {} : { pageStarts: got.pageStarts }),
  };
}
