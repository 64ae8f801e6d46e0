import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * A source's text as its SourceFile keeps it (`textZ`, issue 14): gzip, then base64, so a page can show the
 * text the Citations' offsets index. Stored compressed: a report's text is mostly repeated syllables.
 */
export const packText = (text: string): string => gzipSync(Buffer.from(text, 'utf8')).toString('base64');

export const unpackText = (packed: string): string =>
  gunzipSync(Buffer.from(packed, 'base64')).toString('utf8');
