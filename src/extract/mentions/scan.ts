import { upperVi } from '../case.js';
import { fold, TYPE_WORDS, typeCode } from '../codes.js';
import type { DocType } from '../types.js';
import { ABBREVIATED_TYPES, words } from '../tables/words.js';
import { alternation, matchesFrom, WORD_END, WORD_START } from '../patterns.js';
import { completeShortForms } from './complete.js';
import { named } from './named.js';
import { bareNumber, numbered } from './numbered.js';
import { symbolsWithoutWord } from './symbol-only.js';
import { readAlias } from './tail.js';
import type { AliasDef, Link, Mention, RuleResult, ScanContext, TypeWordHit } from './types.js';

const ALL_TYPE_WORDS = [...TYPE_WORDS.map(([w]) => w), ...words(ABBREVIATED_TYPES)];
// The first letters of every type word, checked before the alternation is tried: most positions fail there.
const FIRST_LETTERS = [...new Set(ALL_TYPE_WORDS.map((w) => (w[0] as string).toLowerCase()))].join('');
const TYPE_WORD = new RegExp(
  `(?=[${FIRST_LETTERS}])${WORD_START}(?:${alternation(
    ALL_TYPE_WORDS,
    '[ \\t]*(?:\\n[ \\t]*){0,3}',
  )})${WORD_END}`,
  'iu',
);
const TYPE_BY_FOLDED = new Map(TYPE_WORDS.map(([w, t]) => [fold(w), t]));

const ABBREVIATED = new Set(words(ABBREVIATED_TYPES));

// `qđ số 1719/qđ-ttg`: in text typed without capitals, an abbreviation followed by `số` and a symbol is one
// (a bare number is not: `kh số 3` may be anything).
const SO_NUMBER = /\s+số\s*:?\s*\d{1,5}(?:\/\d{4})?[/-]\p{L}/uy;

function abbreviationType(text: string, word: string, end: number): DocType | undefined {
  if (ABBREVIATED.has(word)) return typeCode(word)?.type;
  if (!ABBREVIATED.has(upperVi(word))) return undefined;
  SO_NUMBER.lastIndex = end;
  return SO_NUMBER.test(text) ? typeCode(upperVi(word))?.type : undefined;
}

function* typeWords(text: string): Generator<TypeWordHit> {
  for (const m of matchesFrom(TYPE_WORD, text)) {
    // An abbreviation counts in capitals only (`kh` or `Tt` is no type word), or before `số` and a number.
    const end = m.index + m[0].length;
    const type = TYPE_BY_FOLDED.get(fold(m[0])) ?? abbreviationType(text, m[0], end);
    if (type) yield { start: m.index, end, word: m[0], type };
  }
}

/** The rules tried at each type word, in order; the first that reads a mention wins. */
const RULES: ReadonlyArray<(ctx: ScanContext, tw: TypeWordHit) => RuleResult | undefined> = [
  numbered,
  bareNumber,
  named,
];

export type Scan = { mentions: Mention[]; links: Link[]; aliases: AliasDef[] };

export type ScanOptions = {
  /** Spans that are not references: the document's own `Số:` line. */
  exclude?: ReadonlyArray<readonly [number, number]>;
  /** Folded names the document gives itself (`luat bao chi`), which are not references either. */
  selfNames?: ReadonlySet<string>;
  /** Where the document's own title ends (0 when it has none). */
  titleEnd?: number;
};

/**
 * Whether [s, e) overlaps an alias definition. The definitions are found in text order and never overlap,
 * so only the last one starting before `e` can: a binary search, not a scan (a text with tens of thousands
 * of definitions must not turn the scan quadratic).
 */
function overlapsAlias(aliases: readonly AliasDef[], s: number, e: number): boolean {
  let lo = 0;
  let hi = aliases.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((aliases[mid]?.start ?? Infinity) < e) lo = mid + 1;
    else hi = mid;
  }
  const last = aliases[lo - 1];
  return last !== undefined && last.end > s;
}

/** Every mention in the clean text: the rules at each type word, symbols without one, then the resolve pass. */
export function scanMentions(text: string, opts: ScanOptions = {}): Scan {
  const exclude = opts.exclude ?? [];
  const aliases: AliasDef[] = [];
  const ctx: ScanContext = {
    text,
    selfNames: opts.selfNames ?? new Set(),
    titleEnd: opts.titleEnd ?? 0,
    excluded: (s, e) => exclude.some(([a, b]) => s < b && e > a) || overlapsAlias(aliases, s, e),
  };
  const found: Mention[] = [];
  const links: Link[] = [];
  let resumeAt = 0;
  for (const tw of typeWords(text)) {
    if (tw.start < resumeAt || ctx.excluded(tw.start, tw.end)) continue;
    let r: RuleResult | undefined;
    for (const rule of RULES) if ((r = rule(ctx, tw))) break;
    if (!r) continue;
    for (const x of r.mentions) found.push(x);
    for (const x of r.links) links.push(x);
    resumeAt = r.resumeAt;
    const anchor = r.mentions.reduce<Mention | undefined>(
      (a, m) => (!a || m.tailEnd > a.tailEnd ? m : a),
      undefined,
    );
    const alias = anchor && readAlias(text, anchor.tailEnd);
    if (anchor && alias) {
      aliases.push({ ...alias, target: anchor });
      resumeAt = Math.max(resumeAt, alias.end);
    }
  }
  for (const x of symbolsWithoutWord(ctx, found)) found.push(x);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const mentions = completeShortForms(text, found, aliases);
  // The pass may replace a mention by its completed copy: links and aliases follow it.
  const now = new Map(found.map((m, i) => [m, mentions[i] as Mention]));
  const follow = (m: Mention) => now.get(m) ?? m;
  return {
    mentions,
    links: links.map((l) => ({ ...l, from: follow(l.from), to: follow(l.to) })),
    aliases: aliases.map((a) => ({ ...a, target: follow(a.target) })),
  };
}
