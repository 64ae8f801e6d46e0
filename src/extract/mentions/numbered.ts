import { ISSUER_START, issuerCode, TYPE_WORDS } from '../codes.js';
import { alternation, collapse, matchAt } from '../patterns.js';
import { NUMBER_YEAR_AT, OLD_SYMBOL_AT, SYMBOL_AT, SYMBOL_AT_ANY_CASE } from '../symbols.js';
import { COUNT_UNITS, PHRASE_STOP, words } from '../tables/words.js';
import type { DocType } from '../types.js';
import { numberMention, symbolMention } from './build.js';
import { readTail } from './tail.js';
import type { Mention, RuleResult, ScanContext, TypeWordHit } from './types.js';

// A descriptive word between type word and number is neither a function word nor another type word.
const PHRASE_WORD = `\\s+(?!(?:${alternation([...words(PHRASE_STOP), ...TYPE_WORDS.map(([w]) => w)])})(?![\\p{L}]))[\\p{L}]+`;
/** What may stand between the type word and the number: a descriptive phrase and `số`, `số`, or nothing. */
// `No` (`Công văn No 318/UBND-TH`) where a form or a translated template put it for `số`.
const NUMBER_LEAD = new RegExp(
  `(?:(?:${PHRASE_WORD}){0,6}?\\s+(số)\\s*:?|\\s+(số|No\\.?(?![\\p{L}]))\\s*:?|)\\s*`,
  'iu',
);
const TYPE_WORD_START = new RegExp(`^(?:${alternation(TYPE_WORDS.map(([w]) => w))})(?![\\p{L}])`, 'iu');
/** `Nghị định của Chính phủ số 95/CP`: the issuer written before the number. */
const ISSUER_LEAD = /\s+của\s+([^,;.:\n()]{2,60}?)\s+số\s*:?\s*/u;
const BARE_NUMBER = new RegExp(
  `\\d{1,5}(?![\\d/\\-%]|[.,:]\\d|\\s*(?:${alternation(words(COUNT_UNITS))})(?![\\p{L}]))`,
  'iu',
);
const CONTINUATION = /\s*(?:,|;|và|,\s*và)\s*(?:số\s*)?(?=\d)/u;
const NAMED_TYPES = new Set<DocType>(['L', 'BL', 'PL']);
/** Types whose bare number is a reference even without `số` (`Nghị định 136`, `Chỉ thị 22`). */
const NUMBERED_WITHOUT_SO = new Set<DocType>([
  'NĐ',
  'TT',
  'TTLT',
  'CT',
  'NQ',
  'KL',
  'QĐ',
  'QyĐ',
  'KH',
  'HD',
  'TB',
]);

type Lead = {
  at: number;
  withSo: boolean;
  issuer: { text: string; code: string | null } | null;
  /** Where the descriptive words after the type word end (`Luật Thống kê| số …`); the type word's end if none. */
  phraseEnd: number;
};

// The two rules read the same lead at the same type word: the second gets the first's (a pure function of both).
let lastLead: { text: string; at: number; lead: Lead } | undefined;

function readLead(text: string, tw: TypeWordHit): Lead {
  if (lastLead?.text === text && lastLead.at === tw.end) return lastLead.lead;
  const lead = leadAt(text, tw);
  lastLead = { text, at: tw.end, lead };
  return lead;
}

function leadAt(text: string, tw: TypeWordHit): Lead {
  const before = matchAt(ISSUER_LEAD, text, tw.end);
  // `quy định của Bộ luật dân sự số …` names a code, not an issuer: a type word never opens the issuer.
  if (
    before &&
    ISSUER_START.test(collapse(before[1] as string)) &&
    !TYPE_WORD_START.test(before[1] as string)
  ) {
    const issuerText = collapse(before[1] as string);
    return {
      at: tw.end + before[0].length,
      withSo: true,
      issuer: { text: issuerText, code: issuerCode(issuerText)?.code ?? null },
      phraseEnd: tw.end,
    };
  }
  const lead = matchAt(NUMBER_LEAD, text, tw.end) as RegExpExecArray; // the empty alternative always matches
  const so = /\s+(?:số|No\.?)\s*:?\s*$/iu.exec(lead[0]);
  return {
    at: tw.end + lead[0].length,
    withSo: lead[1] !== undefined || lead[2] !== undefined,
    issuer: null,
    phraseEnd: so ? tw.end + so.index : tw.end,
  };
}

/**
 * A type word and a number with its codes, and more numbers listed under the same word:
 * `Chỉ thị số 22-CT/TU ngày 03/4/2017`, `Thông báo tiếp công dân số 340/TB-UBND`,
 * `Quyết định số 217-QĐ/TW, 218-QĐ/TW`, `Nghị định số 63/CP`, `Thông tư 84 TC/CĐKT`,
 * `Lệnh số 21-LCT/HĐNN8`, `Nghị định của Chính phủ số 95/CP`.
 */
export function numbered(ctx: ScanContext, tw: TypeWordHit): RuleResult | undefined {
  const { text } = ctx;
  const lead = readLead(text, tw);
  const exact = matchAt(SYMBOL_AT, text, lead.at);
  // Lower case only after a gap (`số 35-ct/tw`), and only where it reads more than the exact form.
  const loose = lead.at > tw.end ? matchAt(SYMBOL_AT_ANY_CASE, text, lead.at) : null;
  const best = loose && loose[0].length > (exact?.[0].length ?? 0) ? loose : exact;
  const sym = best ?? (lead.at > tw.end ? matchAt(OLD_SYMBOL_AT, text, lead.at) : null);
  if (!sym) return undefined;
  // A law written with its name and number (`Luật Thống kê số 89/2015/QH13`) keeps both.
  const name =
    NAMED_TYPES.has(tw.type) && lead.phraseEnd > tw.end
      ? collapse(text.slice(tw.start, lead.phraseEnd))
      : null;
  const group: Mention[] = [symbolMention(text, tw.start, tw.type, sym[0], lead.at + sym[0].length, name)];
  for (;;) {
    const last = group[group.length - 1] as Mention;
    const cont = matchAt(CONTINUATION, text, last.end);
    if (!cont) break;
    const at = last.end + cont[0].length;
    const more = matchAt(SYMBOL_AT, text, at);
    if (!more) break;
    group.push(symbolMention(text, at, tw.type, more[0], at + more[0].length));
  }
  return finish(text, group, lead);
}

function finish(text: string, group: Mention[], lead: Lead): RuleResult {
  const last = group[group.length - 1] as Mention;
  readTail(text, last);
  for (const m of group) {
    if (lead.issuer) m.issuer ??= lead.issuer;
    if (m !== last) {
      m.issuer ??= last.issuer;
      m.tailEnd = m.end;
    }
  }
  return { mentions: group, links: [], resumeAt: last.end };
}

/**
 * A type word and a number without codes: `Chỉ thị số 22`, `Nghị định 136`, `Nghị định số 04/2015`.
 * The resolve pass completes it from an alias, an earlier full mention or its issuer; else it stays a
 * number. Quantities (`Kế hoạch 5 năm`) and years (`Báo cáo 2023`) are not numbers of documents.
 */
export function bareNumber(ctx: ScanContext, tw: TypeWordHit): RuleResult | undefined {
  const { text } = ctx;
  const lead = readLead(text, tw);
  // A number on another line is a list item or a heading's number, not this document's.
  if (lead.at === tw.end || text.slice(tw.end, lead.at).includes('\n')) return undefined;
  const withYear = matchAt(NUMBER_YEAR_AT, text, lead.at);
  const bare = withYear ?? matchAt(BARE_NUMBER, text, lead.at);
  if (!bare) return undefined;
  const [num, yearText] = bare[0].split('/');
  if (!lead.withSo) {
    const capital = /^\p{Lu}/u.test(tw.word);
    if (!NUMBERED_WITHOUT_SO.has(tw.type) && !(capital && tw.type !== 'CV')) return undefined;
    if (!withYear && /^(?:19[4-9]\d|20\d\d)$/.test(num as string)) return undefined;
  }
  const m = numberMention(
    text,
    tw.start,
    tw.type,
    num as string,
    lead.at + bare[0].length,
    yearText ? Number(yearText) : null,
  );
  return finish(text, [m], lead);
}
