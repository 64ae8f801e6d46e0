import mammoth from 'mammoth';
import { LuocdoError } from '../errors.js';
import { decodeRuns, parseStyles } from './docx-fonts.js';
import { decidedByFonts, type Detection } from './legacy/index.js';
import { fail, type ReadLimits } from './limits.js';
import { bytesAt, checkDocx, entryBytes, isArchive, rewriteZip, zipDirectory } from './zip.js';

/** .docx → text with mammoth; paragraphs become blank-line-separated lines. */
export async function docxToText(bytes: Uint8Array, path: string): Promise<string> {
  try {
    const r = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return r.value;
  } catch (e) {
    throw new LuocdoError(
      'FILE_READ',
      `${path}: not a readable Word document (.docx): ${(e as Error).message.split('\n')[0]}`,
      {
        cause: e,
      },
    );
  }
}

/** The parts whose runs carry the text mammoth reads. */
const TEXT_PARTS = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml'];
/** A font attribute naming a TCVN3 (`.VnTime`) or VNI (`VNI-Times`) font: the cheap test before parsing. */
const LEGACY_FONT = /w:(?:ascii|hAnsi)="(?:\.?Vn[A-Z]|VNI)/i;

/**
 * A .docx checked against the limits and read, its runs in `.Vn…` or `VNI…` fonts decoded run by run
 * first (issue 13): the XML of those parts rewritten in Unicode and the archive rebuilt for mammoth.
 */
export async function readDocx(
  bytes: Uint8Array,
  path: string,
  limits: ReadLimits,
): Promise<string | { text: string; legacy: Detection }> {
  const read = bytesAt(bytes);
  const entries = await zipDirectory(read, bytes.length, path, limits.maxZipEntries);
  if (isArchive(entries))
    throw fail(path, 'a .zip archive, not a document: `luocdo ingest` reads the documents in it');
  await checkDocx(read, bytes.length, limits, path);
  const part = async (name: string) => {
    const e = entries.find((x) => x.name === name);
    return e ? new TextDecoder().decode(await entryBytes(read, bytes.length, e, path)) : undefined;
  };
  const stylesXml = await part('word/styles.xml');
  const parts = new Map<string, string>();
  for (const name of TEXT_PARTS) {
    const xml = await part(name);
    if (xml !== undefined) parts.set(name, xml);
  }
  if (![stylesXml ?? '', ...parts.values()].some((x) => LEGACY_FONT.test(x))) return docxToText(bytes, path);
  const styles = parseStyles(stylesXml);
  const replaced = new Map<string, Uint8Array>();
  const fonts: string[] = [];
  for (const [name, xml] of parts) {
    const r = decodeRuns(xml, styles);
    if (r.fonts.length === 0) continue;
    fonts.push(...r.fonts);
    replaced.set(name, new TextEncoder().encode(r.xml));
  }
  if (replaced.size === 0) return docxToText(bytes, path);
  const text = await docxToText(await rewriteZip(bytes, entries, replaced, path), path);
  return { text, legacy: decidedByFonts(text, fonts) };
}
