import WordExtractor from 'word-extractor';
import { LuocdoError } from '../errors.js';
import { detectLegacyText, type Detection } from './legacy/index.js';

/**
 * word-extractor 1.0.4 maps Word's optional-hyphen code 0x1F through a table with no entry for it and
 * so writes the word "undefined" in its place. In a `.VnTime` document that code is the letter ư
 * (TCVN3 0xAD, the soft hyphen, which Word stores as its optional hyphen): put the soft hyphen back
 * where the library's "undefined" touches a letter, so the TCVN3 table reads it as ư. A free-standing
 * word "undefined" is left alone.
 */
const restoreOptionalHyphens = (s: string) => s.replace(/undefined(?=\p{L})|(?<=\p{L})undefined/gu, '\u00ad');

/** One part of the document, trimmed, with runs of blank lines (Word's empty paragraphs) cut to one. */
const tidy = (s: string) =>
  restoreOptionalHyphens(s)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

export type DocReading = { text: string; legacy: Detection };

/**
 * A legacy Word .doc (OLE compound file, Word 97–2003) read in process: the body, then footnotes,
 * endnotes, headers and footers, and text boxes, as a reader meets them; then the legacy-encoding
 * check, since a .doc typed in `.VnTime` or `VNI-Times` keeps its letters as cp1252 look-alikes and
 * the .doc keeps no font we could use per run.
 */
export async function readDoc(bytes: Uint8Array, path: string): Promise<DocReading> {
  let doc;
  try {
    doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new LuocdoError('FILE_READ', `${path}: not a readable Word .doc: ${why}`, {
      cause: e,
      hint: 'open it in Word or LibreOffice and save it as .docx',
    });
  }
  const raw = { filterUnicode: false } as const;
  const parts = [
    doc.getBody(raw),
    doc.getFootnotes(raw),
    doc.getEndnotes(raw),
    doc.getHeaders(raw),
    doc.getTextboxes(raw),
  ]
    .map(tidy)
    .filter((p) => p.length > 0);
  const legacy = detectLegacyText(parts.join('\n\n'));
  return { text: legacy.text, legacy };
}

/** The text of a .doc, for `src/read`'s table of readers. */
export async function docToText(bytes: Uint8Array, path: string): Promise<string> {
  return (await readDoc(bytes, path)).text;
}
