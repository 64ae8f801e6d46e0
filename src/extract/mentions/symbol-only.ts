import { typeCode } from '../codes.js';
import { matchesFrom } from '../patterns.js';
import { SYMBOL_SOURCE } from '../symbols.js';
import { symbolMention } from './build.js';
import { readTail } from './tail.js';
import type { Mention, ScanContext } from './types.js';

const SYMBOL_ANYWHERE = new RegExp(`(?=\\d)(?<![\\p{L}\\p{N}/\\-])${SYMBOL_SOURCE}`, 'u');

/**
 * Symbols with no type word before them, where a type code says the type: `theo 16/CT-TTg`,
 * `(Kế hoạch) 70/KH-UBND`, `Luật 80/2015/QH13` already read; `1444/UBND-NV` alone (no type code) is not.
 */
export function symbolsWithoutWord(ctx: ScanContext, taken: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const s of matchesFrom(SYMBOL_ANYWHERE, ctx.text)) {
    const start = s.index;
    const end = start + s[0].length;
    if (ctx.excluded(start, end) || taken.some((m) => start < m.end && end > m.start)) continue;
    const m = symbolMention(ctx.text, start, null, s[0], end);
    const coded = m.parsed.type !== null && typeCode(m.parsed.codes[0] ?? '') !== undefined;
    if (!coded && m.parsed.impliedType === null) continue;
    readTail(ctx.text, m);
    out.push(m);
  }
  return out;
}
