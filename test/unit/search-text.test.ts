import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reports } from '../../bench/corpus.js';
import { fold } from '../../src/extract/index.js';
import { draftOf, searchText, sentenceAround } from '../../src/graph/facts.js';
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

/** The definition sentenceAround is held to (issue 15 made it one slice of the text, not three joined). */
function sentenceByPieces(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 400), start);
  const cut = Math.max(
    before.lastIndexOf('. '),
    before.lastIndexOf('.\n'),
    before.lastIndexOf(';\n'),
    before.lastIndexOf('\n\n\n'),
  );
  const after = text.slice(end, end + 400);
  const stop = after.search(/\.(\s|$)/);
  const s =
    (cut >= 0 ? before.slice(cut + 1) : before) +
    text.slice(start, end) +
    (stop >= 0 ? after.slice(0, stop + 1) : after);
  return s.replace(/\s+/g, ' ').trim();
}

describe('sentenceAround (issue 15: one slice)', () => {
  it('is the sentence the pieces gave, around every reference of the seeds and on any text', () => {
    for (const t of seeds)
      for (const r of extractDocument(t).references)
        expect(sentenceAround(t, r.start, r.end)).toBe(sentenceByPieces(t, r.start, r.end));
    const text = fc.stringMatching(/^[a-z .;\n]{0,1200}$/);
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const start = a % (t.length + 1);
        const end = start + (b % (t.length - start + 1));
        expect(sentenceAround(t, start, end)).toBe(sentenceByPieces(t, start, end));
      }),
      { numRuns: 2000 },
    );
  });
});
