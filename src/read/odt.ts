import { fail, type ReadLimits } from './limits.js';
import { bytesAt, checkZipLimits, entryBytes, zipDirectory, type ZipEntry } from './zip.js';

/** An OpenDocument package (a zip whose `mimetype` part names it), not a folder of files. */
export const isOpenDocument = (entries: ZipEntry[]): boolean =>
  entries.some((e) => e.name === 'mimetype') && entries.some((e) => e.name === 'content.xml');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e.startsWith('#x') || e.startsWith('#X')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e] ?? m),
  );

/** Elements whose text is not the document's own: a footnote's mark, a comment, a tracked deletion. */
const SKIPPED = new Set(['text:note-citation', 'office:annotation', 'text:tracked-changes']);

/**
 * The text of an OpenDocument `content.xml`: each paragraph and heading (`text:p`, `text:h`) a line, in
 * tables and lists and footnotes alike, with its spaces (`text:s`, `text:c` of them), tabs and line breaks.
 * A small walker over the tags: the format says where text is, and nothing else is needed of the XML.
 */
export function odtXmlToText(xml: string, from = '<office:body'): string {
  const body = xml.indexOf(from);
  if (body < 0) return '';
  const main: string[] = [];
  // Footnotes and endnotes go after the body, as the .doc reader gives them, not mid-sentence.
  const notes: string[] = [];
  let out = main;
  let skipping: string | undefined;
  let depth = 0;
  let para = 0;
  for (const m of xml.slice(body).matchAll(/<(\/?)([\w:.-]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, close, name, attrs, selfClosing, text] = m;
    if (text !== undefined) {
      // Only a paragraph's text is text; in it, as ODF says, any run of white space is one space.
      if (!skipping && para > 0) out.push(unescape(text.replace(/[ \t\r\n]+/g, ' ')));
      continue;
    }
    if (skipping) {
      if (name === skipping) depth += close ? -1 : selfClosing ? 0 : 1;
      if (depth === 0) skipping = undefined;
      continue;
    }
    if (name === 'text:note-body') out = close ? main : notes;
    else if (name && SKIPPED.has(name) && !close && !selfClosing) {
      skipping = name;
      depth = 1;
    } else if (name === 'text:s') out.push(' '.repeat(Number(/text:c="(\d+)"/.exec(attrs ?? '')?.[1] ?? 1)));
    else if (name === 'text:tab') out.push('\t');
    else if (name === 'text:line-break') out.push('\n');
    else if (name === 'text:p' || name === 'text:h') {
      if (!close && !selfClosing) {
        // A paragraph inside another (a footnote's) starts a line of its own.
        if (para > 0 && out.length > 0 && !out[out.length - 1]?.endsWith('\n')) out.push('\n');
        para++;
      } else {
        para = Math.max(0, para - (close ? 1 : 0));
        out.push('\n');
      }
    }
  }
  return notes.length ? `${main.join('')}\n${notes.join('')}` : main.join('');
}

/** An .odt within the zip limits: its page headers (`styles.xml`) and its body (`content.xml`). */
export async function readOdt(bytes: Uint8Array, path: string, limits: ReadLimits): Promise<string> {
  const read = bytesAt(bytes);
  const entries = await zipDirectory(read, bytes.length, path, limits.maxZipEntries);
  checkZipLimits(entries, limits, path, 'zip');
  const part = async (name: string) => {
    const e = entries.find((x) => x.name === name);
    return e ? new TextDecoder().decode(await entryBytes(read, bytes.length, e, path)) : undefined;
  };
  const content = await part('content.xml');
  if (content === undefined)
    throw fail(path, 'an OpenDocument file with no content.xml: open it and save it again');
  // The page headers and footers are in styles.xml, on the master pages.
  const headers = odtXmlToText((await part('styles.xml')) ?? '', '<office:master-styles');
  return headers + odtXmlToText(content);
}
