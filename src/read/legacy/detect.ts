import { decodeCp1252Runs, repairMojibake } from './cp1252.js';
import { decodeCp1258 } from './cp1258.js';
import { fontEncoding } from './font.js';
import { isVietnameseSyllable } from './syllable.js';
import { decodeTcvn3 } from './tcvn3.js';
import { decodeViqr } from './viqr.js';
import { decodeVni } from './vni.js';

export type LegacyEncoding = 'utf-8' | 'tcvn3' | 'vni' | 'viqr' | 'cp1258' | 'cp1252-mojibake';

export type Detection = {
  /** The text in Unicode, NFC where it was converted; genuine UTF-8 comes back unchanged. */
  text: string;
  encoding: LegacyEncoding;
  decidedBy: 'font' | 'trial';
  /** Share of the scored words that are Vietnamese syllables after the choice, 0..1. */
  confidence: number;
  /** Too little evidence, or too few Vietnamese words even after the best choice: say so on the source. */
  doubtful: boolean;
};

/** Words between spaces and ASCII punctuation (legacy letters such as ® « ¸ are not punctuation here). */
const CHUNK = /[^\s!-/:-@[-`{-~\u201c\u201d\u2018\u2019\u2013\u2014\u2026]+/g;
/** One character that ends such a word (see `endsWord`). */
const CHUNK_END = /[\s!-/:-@[-`{-~\u201c\u201d\u2018\u2019\u2013\u2014\u2026]/;
const NON_ASCII = /[^\u0000-\u007f]/;

type Score = { total: number; valid: number };

/** Words repeat: remembering the verdicts makes scoring several times faster (bounded, so no leak). */
const verdicts = new Map<string, boolean>();
function isSyllableCached(w: string): boolean {
  let v = verdicts.get(w);
  if (v === undefined) {
    if (verdicts.size > 50_000) verdicts.clear();
    v = isVietnameseSyllable(w.normalize('NFC'));
    verdicts.set(w, v);
  }
  return v;
}

/** The code units that end a CHUNK word: ASCII by table, the rest (white space, quotes, dashes, …) listed. */
const ASCII_ENDS = Uint8Array.from({ length: 128 }, (_, c) =>
  CHUNK_END.test(String.fromCharCode(c)) ? 1 : 0,
);
const WIDE_ENDS = new Set([
  0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff, 0x201c, 0x201d, 0x2018, 0x2019, 0x2013, 0x2014,
  0x2026,
]);
export const endsWord = (c: number): boolean =>
  c < 0x80 ? ASCII_ENDS[c] === 1 : c < 0x2000 ? c === 0xa0 || c === 0x1680 : c <= 0x200a || WIDE_ENDS.has(c);

/**
 * How many words with a non-ASCII letter there are, and how many of them spell a Vietnamese syllable. The
 * words are CHUNK's, found by one scan that cuts out only those with a non-ASCII letter (issue 15).
 */
export function scoreText(text: string): Score {
  let total = 0;
  let valid = 0;
  let start = -1;
  let wide = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (endsWord(c)) {
      if (wide) {
        total++;
        if (isSyllableCached(text.slice(start, i))) valid++;
      }
      start = -1;
      wide = false;
    } else {
      if (start < 0) start = i;
      if (c >= 0x80) wide = true;
    }
  }
  return { total, valid };
}

const ratio = (s: Score) => (s.total ? s.valid / s.total : 1);

/**
 * A word typed in a `.VnTimeH` capital font but read without its font shows ASCII capitals with
 * lower-case Vietnamese letters (`CHỉ THị`); two ASCII capitals and no ASCII lower case mark it
 * (one capital alone is an ordinary Capitalised word: `Hà`).
 */
const capitalsHint = (text: string) =>
  text.replace(CHUNK, (w) => (/[A-Z].*[A-Z]/.test(w) && !/[a-z]/.test(w) ? w.toUpperCase() : w));

/** The decoders tried on text that is already Unicode: legacy bytes shown as cp1252 look-alikes. */
const TEXT_TRIALS: readonly [LegacyEncoding, (line: string) => string][] = [
  ['tcvn3', (line) => capitalsHint(decodeCp1252Runs(line, (b) => decodeTcvn3(b)))],
  ['vni', (line) => decodeCp1252Runs(line, decodeVni)],
  ['cp1252-mojibake', (line) => repairMojibake(line).normalize('NFC')],
];

/** A line, its score as it stands, and whether it could be legacy bytes at all (no Unicode-only letter). */
type Line = { line: string; before: Score; legacyish: boolean };
/** `gain` and `invalid` (words that were no syllable) count on the lines that could be legacy only. */
type Trial = { encoding: LegacyEncoding; text: string; gain: number; invalid: number; score: Score };

/**
 * Vietnamese letters that no cp1252 byte shows (ă đ ơ ư ĩ ũ and the toned letters beyond Latin-1): a line
 * holding one is Unicode, not legacy bytes seen through a Western font.
 */
const UNICODE_VIETNAMESE =
  /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;

/** Whether a line the decoder leaves no better and no worse is converted anyway. */
function takeTie(line: string, before: Score, mixed: boolean): boolean {
  // A legacy text: yes, as `cơ` typed in VNI reads `cô`, a word as valid as the right one.
  if (!mixed) return true;
  // Unicode and legacy lines together: only a line that could be legacy and is not Vietnamese as it stands.
  return before.valid < before.total && !UNICODE_VIETNAMESE.test(line);
}

/**
 * One decoder, line by line. `gain` counts the Vietnamese words won on the lines it improves; lines it
 * would spoil stay, and lines it leaves even follow `takeTie`. `mixed`: some lines are Unicode Vietnamese.
 */
function tryLines(
  lines: readonly Line[],
  encoding: LegacyEncoding,
  decode: (l: string) => string,
  mixed = true,
): Trial {
  let gain = 0;
  let invalid = 0;
  const score: Score = { total: 0, valid: 0 };
  const out = lines.map(({ line, before, legacyish }) => {
    let chosen = line;
    let s = before;
    if (before.total > 0) {
      const cand = decode(line);
      // Composing what was decomposed is no conversion: genuine text must come back as it was.
      const same = cand === line || cand === line.normalize('NFC');
      const after = same ? before : scoreText(cand);
      if (legacyish) {
        gain += Math.max(0, after.valid - before.valid);
        invalid += before.total - before.valid;
      }
      const take =
        after.valid > before.valid || (after.valid === before.valid && takeTie(line, before, mixed));
      if (!same && take) [chosen, s] = [cand, after];
    }
    score.total += s.total;
    score.valid += s.valid;
    return chosen;
  });
  return { encoding, text: out.join('\n'), gain, invalid, score };
}

/**
 * Enough evidence: the decoding mends at least half of the words that were no syllable (a genuine text's
 * few foreign words and typos are not mended by chance, a legacy text's are mended wholesale), and
 * either several words were won or a short text turns from mostly foreign to Vietnamese.
 */
function convincing(t: Trial, orig: Score): boolean {
  if (t.gain < 0.5 * t.invalid) return false;
  if (t.gain >= 3 && ratio(t.score) >= 0.6) return true;
  return t.gain >= 1 && ratio(t.score) >= 0.75 && ratio(t.score) - ratio(orig) >= 0.25;
}

const asIs = (text: string, orig: Score): Detection => ({
  text,
  encoding: 'utf-8',
  decidedBy: 'trial',
  confidence: ratio(orig),
  doubtful: orig.total >= 5 && ratio(orig) < 0.6,
});

/**
 * Unicode text that may hold legacy Vietnamese: TCVN3 or VNI bytes shown as cp1252 characters (a .doc
 * or .docx typed in `.VnTime`/`VNI-Times` and read without its fonts), UTF-8 read as cp1252, or VIQR.
 * Genuine Unicode Vietnamese scores best as it is and is returned unchanged (same string).
 */
export function detectLegacyText(text: string): Detection {
  const lines = text.split('\n').map((line) => ({
    line,
    before: NON_ASCII.test(line) ? scoreText(line) : { total: 0, valid: 0 },
    legacyish: !UNICODE_VIETNAMESE.test(line),
  }));
  // No word spans a line break, so the text's score is its lines' (scoring it whole again cost as much).
  const orig: Score = { total: 0, valid: 0 };
  for (const { before } of lines) {
    orig.total += before.total;
    orig.valid += before.valid;
  }
  if (orig.total === 0) return detectViqr(text) ?? asIs(text, orig);
  // Only a line with a word that is no syllable can gain: trying the others first would cost three
  // decodings of every genuine line. The winner is then applied to every line.
  const imperfect = lines.filter((l) => l.legacyish && l.before.valid < l.before.total);
  const gains = TEXT_TRIALS.map(([, decode]) => tryLines(imperfect, 'utf-8', decode).gain);
  const pick = gains.indexOf(Math.max(...gains));
  const [encoding, decode] = TEXT_TRIALS[pick] ?? TEXT_TRIALS[0] ?? ['utf-8', (l: string) => l];
  if (!gains[pick]) return asIs(text, orig);
  const mixed = lines.some((l) => !l.legacyish);
  const best = tryLines(lines, encoding, decode, mixed);
  if (!convincing(best, orig)) return asIs(text, orig);
  return {
    text: best.text,
    encoding: best.encoding,
    decidedBy: 'trial',
    confidence: ratio(best.score),
    doubtful: best.gain < 5 || ratio(best.score) < 0.8,
  };
}

/** VIQR only when it is plain: a fifth of the words carry marks and nearly all of them then spell syllables. */
function detectViqr(text: string): Detection | undefined {
  const words = text.split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
  let changed = 0;
  let valid = 0;
  for (const w of words) {
    const d = decodeViqr(w, true);
    if (d === w) continue;
    changed++;
    const chunks = [...d.matchAll(CHUNK)].map((m) => m[0]);
    if (chunks.length && chunks.every(isVietnameseSyllable)) valid++;
  }
  if (changed < 5 || valid / changed < 0.8 || changed / words.length < 0.2) return undefined;
  const confidence = valid / changed;
  return {
    text: decodeViqr(text, true),
    encoding: 'viqr',
    decidedBy: 'trial',
    confidence,
    doubtful: confidence < 0.9,
  };
}

/** Shared: a whole-buffer decode keeps no state, not even after the error it throws. */
const UTF8_FATAL = new TextDecoder('utf-8', { fatal: true });

/** The decoders tried on bytes that are not UTF-8. */
const BYTE_TRIALS: readonly [LegacyEncoding, (b: Uint8Array) => string][] = [
  ['tcvn3', (b) => capitalsHint(decodeTcvn3(b))],
  ['vni', decodeVni],
  ['cp1258', decodeCp1258],
];

/**
 * Bytes: UTF-8 (BOM or not) goes to `detectLegacyText`; anything else is tried as TCVN3, VNI and
 * cp1258, and the decoding with the most Vietnamese words wins. Doubtful when even the best has few,
 * or when two decodings come close.
 */
export function detectLegacyBytes(bytes: Uint8Array): Detection {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  let utf8: string | undefined;
  try {
    utf8 = UTF8_FATAL.decode(body);
  } catch {
    utf8 = undefined;
  }
  if (utf8 !== undefined) return detectLegacyText(utf8);
  const ranked = BYTE_TRIALS.map(([encoding, decode]) => {
    const text = decode(body);
    const s = scoreText(text);
    return { encoding, text, s, r: ratio(s) };
  }).sort((a, b) => b.r - a.r || b.s.valid - a.s.valid);
  const [best, second] = ranked;
  if (!best) throw new Error('unreachable: no byte trials');
  const close = second !== undefined && best.r - second.r < 0.1;
  return {
    text: best.text,
    encoding: best.encoding,
    decidedBy: 'trial',
    confidence: best.r,
    doubtful: best.r < 0.8 || close || best.s.valid < 3,
  };
}

/** Either entry, by the type of the input. */
export function detectLegacy(input: string | Uint8Array): Detection {
  return typeof input === 'string' ? detectLegacyText(input) : detectLegacyBytes(input);
}

/**
 * Text whose legacy runs were decoded by the fonts that name them (a .docx's runs, a PDF's text items):
 * decided by font, never doubtful. A document in both encodings is rare; the encoding of most of its
 * legacy fonts names it.
 */
export function decidedByFonts(text: string, fonts: readonly string[]): Detection {
  const score = scoreText(text);
  const vni = fonts.filter((f) => fontEncoding(f) === 'vni').length;
  return {
    text,
    encoding: vni * 2 > fonts.length ? 'vni' : 'tcvn3',
    decidedBy: 'font',
    confidence: score.total ? score.valid / score.total : 1,
    doubtful: false,
  };
}
