import { typeCode } from '../codes.js';
import { matchesFrom } from '../patterns.js';
import { SYMBOL_SOURCE } from '../symbols.js';
import { symbolMention } from './build.js';
import { readTail } from './tail.js';
import type { Mention, ScanContext } from './types.js';

const SYMBOL_ANYWHERE = new RegExp(`(?=\\d)(?<![\\p{L}\\p{N}/\\-])${SYMBOL_SOURCE}`, 'u');

/**
 * Symbols with no type word before them, where a type code says the type: `theo 16/CT-TTg`,
 * `(Kế hoạch) 70/KH-UBND`, `Luật 80/2015/QH13` already read; `1444/UBND-NV` alone (no type code) only with its
 * date (`datedLetter`).
 */
export function symbolsWithoutWord(ctx: ScanContext, taken: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  const overlaps = overlapTest(taken);
  for (const s of matchesFrom(SYMBOL_ANYWHERE, ctx.text)) {
    const start = s.index;
    const end = start + s[0].length;
    if (ctx.excluded(start, end) || overlaps(start, end)) continue;
    const m = symbolMention(ctx.text, start, null, s[0], end);
    const coded = m.parsed.type !== null && typeCode(m.parsed.codes[0] ?? '') !== undefined;
    if (!coded && m.parsed.impliedType === null && !datedLetter(ctx.text, start, s[0], m.issuedOn)) continue;
    readTail(ctx.text, m);
    out.push(m);
  }
  return out;
}

// A công văn's symbol (Nghị định 30/2020): its body's code and the drafting unit's, in capitals, no type code.
const LETTER_SYMBOL = /^\d{1,5}\/\p{Lu}[\p{Lu}Đ]+(?:-\p{Lu}[\p{Lu}\p{Ll}Đ]*)+$/u;

// Right before such a symbol: a list's separator (`:`, `,`, `;`, `và`), `số` again at most; and in its
// clause, before that, the words that open a list of letters (`các văn bản`, `công văn`).
const LIST_LEAD = /(?:văn\s+bản|công\s+văn)[^.;!?\n]*?(?:[:,;]|\svà)\s*(?:số\s*)?$/iu;

/**
 * `các văn bản: 38/UBND-VP ngày 05/3/2024, 41/UBND-VP ngày 12/3/2024`: in a list of letters, a symbol of a
 * công văn's form with its full date right after is one, though no type word or type code says so. Alone
 * (`1444/UBND-NV`), or after another noun (`Bản án số 45/DS-PT ngày …`, `Hợp đồng số …`), it is not taken.
 */
const datedLetter = (text: string, start: number, raw: string, issuedOn: string | null) =>
  issuedOn !== null && LETTER_SYMBOL.test(raw) && LIST_LEAD.test(text.slice(Math.max(0, start - 160), start));

/**
 * Whether [start, end) overlaps any taken span, for queries in increasing `start`: a walk along the spans
 * sorted by start, so that a document with very many references stays linear rather than quadratic.
 */
function overlapTest(taken: readonly Mention[]): (start: number, end: number) => boolean {
  const spans = taken.map((m) => [m.start, m.end] as const).sort((a, b) => a[0] - b[0]);
  let i = 0;
  let reach = -1; // the furthest end among the spans that start before the current query's end
  return (start, end) => {
    while (i < spans.length && (spans[i]?.[0] ?? Infinity) < end) {
      reach = Math.max(reach, spans[i]?.[1] ?? -1);
      i++;
    }
    return reach > start;
  };
}
