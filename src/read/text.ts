import { LuocdoError } from '../errors.js';

/** Plain text from bytes: UTF-8 with or without BOM, UTF-16 LE/BE with BOM; invalid UTF-8 is an error. */
export function decodeText(bytes: Uint8Array, path: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body =
    bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? bytes.subarray(3)
      : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch (e) {
    throw new LuocdoError('FILE_READ', `${path}: not valid UTF-8 text`, { cause: e });
  }
}
