import { LETTER_INFO, type Tone } from './letters.js';

/**
 * Is a word a Vietnamese syllable? Onset + rhyme + tone, after the phonotactics of the national
 * orthography: the onsets, the rhymes (vowel nucleus with its glides and final consonant), and the
 * rule that a syllable closed by p t c ch takes only sắc or nặng. Used to score trial decodings: a
 * wrong decoding of legacy bytes gives letters that fit no syllable (`ChØ`, `thá»‹`, `c¸c`).
 */
const ONSETS = [
  'ngh',
  'ng',
  'nh',
  'ch',
  'gh',
  'gi',
  'kh',
  'ph',
  'th',
  'tr',
  'qu',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
  '',
];

/** Rhymes as written after the onset, toneless; a prefix `|`-list stands for the rhymes with those finals. */
const RHYME_GROUPS: readonly [string, string][] = [
  ['a', '|c|ch|i|m|n|ng|nh|o|p|t|u|y'],
  ['ă', 'c|m|n|ng|p|t'],
  ['â', 'c|m|n|ng|p|t|u|y'],
  ['e', '|c|m|n|ng|o|p|t'],
  ['ê', '|ch|m|n|nh|p|t|u'],
  ['i', '|a|ch|m|n|nh|p|t|u'],
  ['iê', 'c|m|n|ng|p|t|u'],
  ['y', '|'],
  ['yê', 'm|n|ng|t|u'],
  ['o', '|c|i|m|n|ng|p|t|ong|oc'],
  ['oa', '|c|ch|i|m|n|ng|nh|o|p|t|y'],
  ['oă', 'c|m|n|ng|t'],
  ['oe', '|m|n|o|t'],
  ['ô', '|c|i|m|n|ng|p|t'],
  ['ơ', '|i|m|n|p|t'],
  ['u', '|a|c|i|m|n|ng|p|t|y'],
  ['uâ', 'n|ng|t|y'],
  ['uê', '|ch|n|nh'],
  ['uô', 'c|i|m|n|ng|t'],
  ['uơ', ''],
  ['uy', '|a|ch|n|nh|t|u|ên|êt'],
  ['ư', '|a|c|i|m|n|ng|t|u'],
  ['ươ', 'c|i|m|n|ng|p|t|u'],
];

function buildRhymes(): ReadonlySet<string> {
  const s = new Set<string>();
  for (const [nucleus, finals] of RHYME_GROUPS) for (const f of finals.split('|')) s.add(nucleus + f);
  return s;
}
const RHYMES = buildRhymes();

/** After `qu` the glide is written u: `quan` has the rhyme of `hoan`. */
const afterQu = (r: string) => (/^[aăe]/.test(r) ? `o${r}` : `u${r}`);

const STOPS = /(p|t|c|ch)$/;

/** The toneless lower-case form of a word and its tone, or undefined for two tones or a foreign letter. */
function strip(word: string): [string, Tone] | undefined {
  let bare = '';
  let tone: Tone = 0;
  for (const ch of word.toLowerCase()) {
    const info = LETTER_INFO.get(ch);
    if (info) {
      if (info.tone && tone) return undefined;
      tone = info.tone || tone;
      bare += info.base;
    } else if (/[bcdđghklmnpqrstvx]/.test(ch)) bare += ch;
    else return undefined;
  }
  return [bare, tone];
}

function rhymeFits(onset: string, rhyme: string, tone: Tone): boolean {
  const r = onset === 'qu' ? afterQu(rhyme) : rhyme;
  if (!RHYMES.has(r) && !(onset === 'gi' && (RHYMES.has(`i${rhyme}`) || rhyme === ''))) return false;
  return !STOPS.test(rhyme) || tone === 1 || tone === 5;
}

/** A word (letters only, NFC) in lower case, Capitalised or ALL CAPS that spells one Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  if (word.length > 7) return false;
  const rest = word.slice(1);
  if (rest !== rest.toLowerCase() && word !== word.toUpperCase()) return false;
  const stripped = strip(word);
  if (!stripped) return false;
  const [bare, tone] = stripped;
  return ONSETS.some((o) => bare.startsWith(o) && rhymeFits(o, bare.slice(o.length), tone));
}
