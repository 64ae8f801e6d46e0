import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reports } from '../../bench/corpus.js';
import { fold } from '../../src/extract/index.js';
import { draftOf, searchText } from '../../src/graph/facts.js';
import { extractDocument } from '../../src/extract/index.js';
import { projectRoot } from '../../src/paths.js';

/** The definition searchText is held to (issue 15 made it one pass over the text, never normalised whole). */
const byFold = (s: string) =>
  fold(s)
    .replace(/[^a-z0-9/\- ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const seeds = readdirSync(join(projectRoot(), 'seeds')).map((f) =>
  readFileSync(join(projectRoot(), 'seeds', f), 'utf8'),
);

/** Letters a report holds, and the characters where folding is unusual: marks alone, İ, final sigma, ǅ, Hangul, astral, lone surrogates. */
const TRICKY = [
  ...'Đđ ƯưƠơ ẮắẶặỄễ Ủy Uỷ Hòa Hoà \u0301\u0323\u0306 a\u0301 e\u0302\u0303 İ ΣΑΣ σς ǅ ǆ ﬀ Ⅻ ½ ² ẞ ß Ｋ K 한국 \u00a0\u2028\u3000\t\n',
  '\ud835\udc00',
  '\ud800',
  '\udc00',
  '\u0591\u0301',
  'Quyết định số 12/2024/QĐ-UBND',
];

describe('searchText (issue 15: one pass)', () => {
  it('is the fold-based definition on the seeds and synthetic reports', () => {
    for (const t of seeds) expect(searchText(t)).toBe(byFold(t));
    for (const r of reports(7, 300)) expect(searchText(r.text)).toBe(byFold(r.text));
  });

  it('is the fold-based definition on any text, unusual characters included', () => {
    const piece = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'binary' }), fc.string());
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(searchText(s)).toBe(byFold(s));
      }),
      { numRuns: 3000 },
    );
  });

  it("gives a draft the search text of `title text` and the text key of the text's fold", () => {
    const text = seeds[0] as string;
    const doc = extractDocument(text);
    const d = draftOf(doc, text);
    expect(d.searchText).toBe(byFold(`${doc.document.title ?? ''} ${text}`).slice(0, 20000));
    const untitled = draftOf({ ...doc, document: { ...doc.document, title: null } }, text);
    expect(untitled.searchText).toBe(byFold(` ${text}`).slice(0, 20000));
    expect(untitled.textKey).toBe(d.textKey);
  });
});
