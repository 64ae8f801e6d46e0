import { decodeCp1252Runs } from './cp1252.js';
import { decodeTcvn3 } from './tcvn3.js';
import { decodeVni } from './vni.js';

export type FontEncoding = 'tcvn3' | 'tcvn3-capitals' | 'vni';

/**
 * The legacy encoding a font name implies, or undefined for a Unicode font. Handles the forms office
 * files and PDFs give: `.VnTime`, `.VnTimeH` (capital font: the name ends in H), `VnTime` without the
 * dot, a PDF subset prefix `ABCDEF+`, style suffixes `,Bold` `-Italic`, and `VNI-Times`, `VNI-Helve`….
 */
export function fontEncoding(fontName: string): FontEncoding | undefined {
  const name = fontName
    .trim()
    .replace(/^[A-Z]{6}\+/, '')
    .replace(/[,-](Bold|Italic|BoldItalic|Oblique|BoldOblique|Regular)$/i, '')
    .trim();
  if (/^VNI[-_ ]?[A-Za-z]/i.test(name)) return 'vni';
  if (!/^\.Vn|^Vn[A-Z]/.test(name)) return undefined;
  return /H$/.test(name.replace(/\s+/g, '')) ? 'tcvn3-capitals' : 'tcvn3';
}

/**
 * One run of text (as a .docx or PDF gives it: each byte of the legacy font shown as its cp1252
 * character) decoded by its font's encoding; text in any other font comes back unchanged. Characters
 * with no cp1252 byte are real Unicode already and are kept.
 */
export function decodeByFont(text: string, fontName: string): string {
  const enc = fontEncoding(fontName);
  if (enc === undefined) return text;
  if (enc === 'vni') return decodeCp1252Runs(text, decodeVni);
  return decodeCp1252Runs(text, (b) => decodeTcvn3(b, enc === 'tcvn3-capitals'));
}
