import { LuocdoError } from '../errors.js';
import { detectLegacyBytes, type Detection } from './legacy/index.js';

const utf16 = (bytes: Uint8Array): string | undefined => {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return undefined;
};

/**
 * Plain text from bytes, and how its encoding was decided: UTF-16 with a BOM as it says; UTF-8 (with or
 * without BOM) checked for legacy Vietnamese inside it (TCVN3 or VNI look-alikes, mojibake, VIQR); bytes
 * that are not UTF-8 tried as TCVN3, VNI and cp1258 (issue 13), refused only when none reads as Vietnamese.
 */
export function decodeTextDetected(bytes: Uint8Array, path: string): { text: string; legacy: Detection } {
  const wide = utf16(bytes);
  if (wide !== undefined) {
    return {
      text: wide,
      legacy: { text: wide, encoding: 'utf-8', decidedBy: 'trial', confidence: 1, doubtful: false },
    };
  }
  const legacy = detectLegacyBytes(bytes);
  if (legacy.encoding !== 'utf-8' && legacy.doubtful && legacy.confidence < 0.5) {
    throw new LuocdoError(
      'FILE_READ',
      `${path}: not valid UTF-8 text, nor TCVN3, VNI or Windows-1258 Vietnamese`,
      {
        hint: 'open it in a text editor and save it as UTF-8',
      },
    );
  }
  return { text: legacy.text, legacy };
}

/** The text alone (HTML is decoded with it before its tags go). */
export function decodeText(bytes: Uint8Array, path: string): string {
  return decodeTextDetected(bytes, path).text;
}
