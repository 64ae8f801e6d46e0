/** Legacy Vietnamese encodings (TCVN3/ABC, VNI, VIQR, cp1258, cp1252 mojibake): pure tables and detection. */
export { decidedByFonts, detectLegacy, detectLegacyBytes, detectLegacyText, scoreText } from './detect.js';
export type { Detection, LegacyEncoding } from './detect.js';
export { decodeByFont, fontEncoding } from './font.js';
export type { FontEncoding } from './font.js';
export { TCVN3_TO_UNICODE, decodeTcvn3, encodeTcvn3, encodeTcvn3Runs } from './tcvn3.js';
export type { Tcvn3Run } from './tcvn3.js';
export { VNI_MARKS, VNI_SINGLES, decodeVni, encodeVni } from './vni.js';
export { VIQR_SHAPES, VIQR_TONES, decodeViqr, encodeViqr } from './viqr.js';
export { CP1258_TO_UNICODE, decodeCp1258, encodeCp1258 } from './cp1258.js';
export { CP1252_HIGH, makeMojibake, repairMojibake } from './cp1252.js';
export { isVietnameseSyllable } from './syllable.js';
export { VIETNAMESE_LETTERS } from './letters.js';
