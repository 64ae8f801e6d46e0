import { fold, TYPE_WORDS } from '../codes.js';
import { dateAt } from '../dates.js';
import { alternation, collapse, matchAt, WORD_END } from '../patterns.js';
import { SYMBOL_AT } from '../symbols.js';
import { CODE_NAMES, LAW_NAMES, ORDINANCE_NAMES } from '../tables/law-names.js';
import {
  NAME_NOT_CAPS,
  NAME_NOT_FIRST,
  NOT_LAW_AFTER,
  NAME_STOP,
  NAME_STOP_PAIRS,
  words,
} from '../tables/words.js';
import type { DocType } from '../types.js';
import { nameMention, symbolMention } from './build.js';
import { readTail } from './tail.js';
import type { Link, Mention, NameMention, RuleResult, ScanContext, TypeWordHit } from './types.js';
import { upperVi, lowerVi } from '../case.js';

type Token = { word: string; start: number; end: number; comma: boolean };

// One line break may stand inside a name (PDF lines), a blank line never.
const TOKEN = /[ \t]*(?:\n[ \t]*)?(?:(,)[ \t]*(?:\n[ \t]*)?)?([\p{L}][\p{L}\p{N}]*)/u;

function tokensFrom(text: string, at: number, max: number): Token[] {
  const out: Token[] = [];
  let pos = at;
  while (out.length < max) {
    const m = matchAt(TOKEN, text, pos);
    if (!m) break;
    const word = m[2] as string;
    out.push({
      word,
      start: pos + m[0].length - word.length,
      end: pos + m[0].length,
      comma: m[1] !== undefined,
    });
    pos += m[0].length;
  }
  return out;
}

const TONE_ON: Record<string, [string, string]> = {
  à: ['̀', 'a'],
  á: ['́', 'a'],
  ả: ['̉', 'a'],
  ã: ['̃', 'a'],
  ạ: ['̣', 'a'],
  è: ['̀', 'e'],
  é: ['́', 'e'],
  ẻ: ['̉', 'e'],
  ẽ: ['̃', 'e'],
  ẹ: ['̣', 'e'],
  ỳ: ['̀', 'y'],
  ý: ['́', 'y'],
  ỷ: ['̉', 'y'],
  ỹ: ['̃', 'y'],
  ỵ: ['̣', 'y'],
};
/**
 * A word as names are compared: lower case, with the old tone placement (`hoà`, `thuỷ`) moved to where the
 * new one puts it (`hòa`, `thủy`). Diacritics stay: `dược` (pharmacy) is not `được`.
 */
function nameKey(word: string): string {
  return lowerVi(word).replace(/([ou])([àáảãạèéẻẽẹỳýỷỹỵ])$/u, (_, v: string, t: string) => {
    const [mark, base] = TONE_ON[t] as [string, string];
    return `${v}${mark}${base}`.normalize('NFC');
  });
}

/** A trie of names by their words' keys: the longest known name at the start of a token list. */
type Trie = { end: boolean; next: Map<string, Trie> };
function trieOf(names: readonly string[]): Trie {
  const root: Trie = { end: false, next: new Map() };
  for (const name of names) {
    let node = root;
    for (const w of name.replace(/,/g, ' ').trim().split(/\s+/).map(nameKey)) {
      let n = node.next.get(w);
      if (!n) node.next.set(w, (n = { end: false, next: new Map() }));
      node = n;
    }
    node.end = true;
  }
  return root;
}
const KNOWN: Partial<Record<DocType, Trie>> = {
  BL: trieOf(CODE_NAMES),
  L: trieOf(LAW_NAMES),
  PL: trieOf([...ORDINANCE_NAMES, ...LAW_NAMES]),
};

function knownLength(type: DocType, tokens: Token[]): number {
  let node = KNOWN[type];
  let best = 0;
  for (let i = 0; node && i < tokens.length; i++) {
    node = node.next.get(nameKey((tokens[i] as Token).word));
    if (node?.end) best = i + 1;
  }
  return best;
}

const STOP = new Set(words(NAME_STOP).map((w) => (/^\p{Lu}/u.test(w) ? w : w.toLowerCase())));
const STOP_PAIRS = new Set(words(NAME_STOP_PAIRS));
const NOT_FIRST = new Set(words(NAME_NOT_FIRST));
const NOT_CAPS = new Set(words(NAME_NOT_CAPS));
const NOT_AFTER = new RegExp(`(?<![\\p{L}])(?:${alternation(words(NOT_LAW_AFTER))})\\s+$`, 'iu');
const TYPE_WORD_AT = new RegExp(`(?:${alternation(TYPE_WORDS.map(([w]) => w))})${WORD_END}`, 'iu');

const isStop = (w: string) => STOP.has(w) || STOP.has(w.toLowerCase());

/** How many tokens of an unknown name to keep: up to the first word that speaks about the law instead. */
function unknownLength(text: string, tokens: Token[], caps: boolean): number {
  let n = 0;
  for (let i = 0; i < tokens.length && n < 10; i++) {
    const t = tokens[i] as Token;
    const w = t.word;
    if (isStop(w) || STOP_PAIRS.has(`${w} ${tokens[i + 1]?.word ?? ''}`.toLowerCase())) break;
    if (matchAt(TYPE_WORD_AT, text, t.start) && !(i > 0 && /^\p{Ll}/u.test(w) && !caps)) break;
    if (t.comma) {
      const prev = tokens[i - 1]?.word.toLowerCase();
      const repeats = tokens.slice(0, i).some((p) => p.word.toLowerCase() === w.toLowerCase());
      if (!repeats && !(prev === 'phòng' && w.toLowerCase() === 'chống')) break;
    }
    if (!caps && i > 0 && /^\p{Lu}{2,}$/u.test(w) && (w.length > 6 || NOT_CAPS.has(w))) break;
    n = i + 1;
  }
  return n;
}

const AMEND_LEAD =
  /[ \t]*(?:\n[ \t]*)?(?:sửa\s+đổi(?:\s*,?\s*bổ\s+sung)?|bổ\s+sung)(?:\s+một\s+số\s+điều)?(?:\s+của)?\s+/iu;
const INNER_JOIN = /\s*(?:,|và|,\s*và)\s*/u;
const YEAR_AFTER = /\s+(?:năm\s+)?((?:19[4-9]|20\d)\d)(?![\d/\-.,]\d|[\d/])/u;

/**
 * The amending law's own name holds the law it amends: `Luật sửa đổi, bổ sung một số điều của Luật Quản
 * lý thuế` is one reference, and `Luật Quản lý thuế` inside it another, which the first AMENDS.
 */
function amending(ctx: ScanContext, tw: TypeWordHit): RuleResult | undefined {
  const lead = matchAt(AMEND_LEAD, ctx.text, tw.end);
  if (!lead) return undefined;
  const inner: Mention[] = [];
  let at = tw.end + lead[0].length;
  for (;;) {
    const word = matchAt(TYPE_WORD_AT, ctx.text, at);
    const hit = word && typeHit(at, word[0]);
    const got =
      hit && (hit.type === 'L' || hit.type === 'BL' || hit.type === 'PL' || hit.type === 'HP')
        ? nameOnly(ctx, hit)
        : undefined;
    if (!got) break;
    inner.push(got);
    const join = matchAt(INNER_JOIN, ctx.text, got.end);
    if (!join) break;
    at = got.end + join[0].length;
  }
  const last = inner[inner.length - 1];
  if (!last) return undefined;
  const outer = withNumberOrDate(ctx.text, tw.start, last.end, tw.type);
  const links: Link[] = inner.map((m) => ({ from: outer, relation: 'AMENDS', to: m }));
  return { mentions: [outer, ...inner], links, resumeAt: outer.end };
}

let TYPE_BY_FOLDED: Map<string, DocType> | undefined;
function typeHit(at: number, word: string): TypeWordHit | undefined {
  TYPE_BY_FOLDED ??= new Map(TYPE_WORDS.map(([w, t]) => [fold(w), t]));
  const type = TYPE_BY_FOLDED.get(fold(word));
  return type ? { start: at, end: at + word.length, word, type } : undefined;
}

/** The name after `Luật`/`Bộ luật`/`Pháp lệnh`/`Điều lệ`, from the table of known names or by the stop words. */
function nameOnly(ctx: ScanContext, tw: TypeWordHit): NameMention | undefined {
  // `Luật này`, `luật khác`: most type words of a legal text end at their first word, read before the rest.
  const peek = tokensFrom(ctx.text, tw.end, 1)[0];
  if (!peek || peek.comma) return undefined;
  const mayBeKnown = KNOWN[tw.type]?.next.has(nameKey(peek.word)) ?? false;
  const generic = isStop(peek.word) || NOT_FIRST.has(peek.word.toLowerCase()) || !/^\p{Lu}/u.test(tw.word);
  if (!mayBeKnown && generic) return undefined;
  const tokens = tokensFrom(ctx.text, tw.end, 24);
  const first = tokens[0] as Token;
  const capitalWord = /^\p{Lu}/u.test(tw.word);
  const caps = tw.word.length > 1 && tw.word === upperVi(tw.word);
  let n = knownLength(tw.type, tokens);
  if (n === 0) {
    if (!capitalWord || NOT_FIRST.has(first.word.toLowerCase())) return undefined;
    if (tw.type === 'ĐL' && !/^\p{Lu}/u.test(first.word)) return undefined;
    n = unknownLength(ctx.text, tokens, caps);
  } else if (tokens[n]?.word === 'Việt' && tokens[n + 1]?.word === 'Nam') {
    n += 2;
  }
  if (n === 0) return undefined;
  const end = (tokens[n - 1] as Token).end;
  return nameMention(tw.start, end, tw.type, collapse(ctx.text.slice(tw.start, end)), null);
}

// `Luật hoạt động giám sát của Quốc hội số 05/2003/QH11`: the body may stand between name and number.
const NAME_NUMBER = /[ \t]*(?:\n[ \t]*)?(?:,?\s*của\s+[^,;.:\n()]{2,40}?)?,?\s*số\s*:?\s*(?=\d)/u;

/**
 * A name mention from `start` to `end`, extended by the number the name is followed by
 * (`Luật Thống kê số 89/2015/QH13`: one reference with both), or else by the date or year written after it.
 */
function withNumberOrDate(text: string, start: number, end: number, type: DocType): Mention {
  const so = matchAt(NAME_NUMBER, text, end);
  const sym = so && matchAt(SYMBOL_AT, text, end + so[0].length);
  if (so && sym) {
    const symEnd = end + so[0].length + sym[0].length;
    return symbolMention(text, start, type, sym[0], symEnd, collapse(text.slice(start, end)));
  }
  return withDate(text, start, end, type);
}

/** A name mention from `start` to `end`, extended by the date or year written after it. */
function withDate(text: string, start: number, end: number, type: DocType): NameMention {
  const name = collapse(text.slice(start, end));
  const date = dateAt(text, end);
  if (date) return nameMention(start, date.end, type, name, date);
  const y = matchAt(YEAR_AFTER, text, end);
  if (y) return nameMention(start, end + y[0].length, type, name, { iso: null, year: Number(y[1]) });
  return nameMention(start, end, type, name, null);
}

const CONSTITUTION_TAIL = /\s+nước\s+Cộng\s+h(?:òa|oà)\s+xã\s+hội\s+chủ\s+nghĩa\s+Việt\s+Nam/iu;
const CONGRESS =
  /\s+(?:của\s+)?(?:Đại\s+hội|đại\s+hội)\s+([^.;:\n]{0,80}?)\s+lần\s+thứ\s+([IVXLC]+|\d+)(?![\p{L}\p{N}])/u;
/**
 * A plenum's resolution by its plenum and term: `Nghị quyết Trung ương 7 khóa X`, `Nghị quyết Hội nghị
 * Trung ương 4 (khóa XII)`, `Nghị quyết TW 5 Khoá XIII`, `Nghị quyết Hội nghị lần thứ 6 Ban Chấp hành Trung
 * ương khóa XII`: Party reports cite them so far more often than by number. One plenum may issue several
 * resolutions (Trung ương 6 khóa XII: four), so the subject, when the mention gives one, is part of the name.
 */
const PLENUM = new RegExp(
  '\\s+(?:(?:(?:của\\s+)?Hội\\s+nghị\\s+)?(?:lần\\s+thứ\\s+)?(?:Trung\\s+ương|TW|TƯ)\\s+(\\d{1,2})' +
    '|(?:của\\s+)?Hội\\s+nghị\\s+lần\\s+thứ\\s+(\\d{1,2})\\s+(?:của\\s+)?Ban\\s+Chấp\\s+hành\\s+Trung\\s+ương(?:\\s+Đảng)?)' +
    '\\s*(?:,\\s*)?\\(?\\s*[Kk]h(?:óa|oá)\\s+([IVXL]+)\\s*\\)?(?![\\p{L}\\p{N}])',
  'u',
);

function plenum(text: string, tw: TypeWordHit): NameMention | undefined {
  const p = matchAt(PLENUM, text, tw.end);
  if (!p) return undefined;
  // The closing parenthesis belongs to the span only when it closed one the span opened.
  const end = tw.end + p[0].length - (p[0].endsWith(')') && !p[0].includes('(') ? 1 : 0);
  return nameMention(tw.start, end, 'NQ', `Nghị quyết Trung ương ${p[1] ?? p[2]} khóa ${p[3]}`, null);
}

/**
 * References by name: `Luật Đất đai năm 2013`, `Luật ngân sách nhà nước`, `Luật khám bệnh, chữa bệnh`,
 * `Bộ luật tố tụng hình sự`, `Pháp lệnh bảo vệ bí mật nhà nước`, `Luật thuế TTĐB`, `Hiến pháp năm 1992`,
 * `Điều lệ Đảng`, `Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX`, `Luật Bảo hiểm xã hội ngày 29 tháng 6
 * năm 2006`, and amending laws with the law they amend.
 */
const NAMED_TYPES = new Set<DocType>(['HP', 'NQ', 'L', 'BL', 'PL', 'ĐL']);

export function named(ctx: ScanContext, tw: TypeWordHit): RuleResult | undefined {
  if (!NAMED_TYPES.has(tw.type)) return undefined;
  const { text } = ctx;
  const before = fold(text.slice(Math.max(0, tw.start - 12), tw.start));
  if (/(cac|nhung|moi|du thao)\s*$/.test(before)) return undefined;
  if (NOT_AFTER.test(text.slice(Math.max(0, tw.start - 8), tw.start))) return undefined;
  // A name in capitals is a heading (`Chương II. LUẬT SƯ`) unless it is in the document's own title.
  const capsWord = tw.word.length > 1 && tw.word === upperVi(tw.word);
  if (capsWord && tw.start >= ctx.titleEnd) return undefined;
  let m: Mention | undefined;
  if (tw.type === 'HP' && /^\p{Lu}/u.test(tw.word)) {
    // `Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam` is the same Hiến pháp: the span takes the words, the name not.
    const tail = matchAt(CONSTITUTION_TAIL, text, tw.end);
    const withYear = withDate(text, tw.start, tw.end + (tail?.[0].length ?? 0), 'HP');
    m = { ...withYear, name: 'Hiến pháp' };
  } else if (tw.type === 'NQ' && /^\p{Lu}/u.test(tw.word)) {
    const c = matchAt(CONGRESS, text, tw.end);
    const p = c ? undefined : plenum(text, tw);
    if (p) return withSubjectInName(ctx, p);
    if (c)
      m = nameMention(
        tw.start,
        tw.end + c[0].length,
        'NQ',
        collapse(text.slice(tw.start, tw.end + c[0].length)),
        null,
      );
  } else if (tw.type === 'L' || tw.type === 'BL' || tw.type === 'PL' || tw.type === 'ĐL') {
    const amend = amending(ctx, tw);
    if (amend) return withTail(ctx, amend);
    const only = nameOnly(ctx, tw);
    if (only) m = withNumberOrDate(text, only.start, only.end, tw.type);
  }
  if (!m) return undefined;
  if (m.kind === 'name' && ctx.selfNames.has(fold(m.name)))
    return { mentions: [], links: [], resumeAt: m.end };
  return withTail(ctx, { mentions: [m], links: [], resumeAt: m.end });
}

/** A plenum's resolution with its tail read; the subject, if any, names which of the plenum's it is. */
function withSubjectInName(ctx: ScanContext, m: NameMention): RuleResult {
  const r = withTail(ctx, { mentions: [m], links: [], resumeAt: m.end });
  if (m.subject) m.name = `${m.name} về ${collapse(m.subject.replace(/^(?:về|V\/v)\s+/iu, ''))}`;
  return r;
}

function withTail(ctx: ScanContext, r: RuleResult): RuleResult {
  const outer = r.mentions[0];
  if (outer) readTail(ctx.text, outer);
  return r;
}
