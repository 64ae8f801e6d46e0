import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reports } from '../../bench/corpus.js';
import { endsWord, scoreText } from '../../src/read/legacy/detect.js';
import { isVietnameseSyllable, makeMojibake } from '../../src/read/legacy/index.js';

/** The definition scoreText is held to (issue 15 made it one scan, cutting out only the words it scores). */
const CHUNK = /[^\s!-/:-@[-`{-~\u201c\u201d\u2018\u2019\u2013\u2014\u2026]+/g;
function byRegex(text: string): { total: number; valid: number } {
  let total = 0;
  let valid = 0;
  for (const w of text.match(CHUNK) ?? []) {
    if (!/[^\u0000-\u007f]/.test(w)) continue;
    total++;
    if (isVietnameseSyllable(w.normalize('NFC'))) valid++;
  }
  return { total, valid };
}

describe('scoreText (issue 15: one scan)', () => {
  it('ends a word at exactly the code units the word pattern excludes', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      expect(endsWord(c), `U+${c.toString(16)}`).toBe(
        !/^[^\s!-/:-@[-`{-~\u201c\u201d\u2018\u2019\u2013\u2014\u2026]$/.test(ch),
      );
    }
  });

  it('scores as the word pattern does: reports, their mojibake, and any text', () => {
    for (const r of reports(11, 100)) {
      expect(scoreText(r.text)).toEqual(byRegex(r.text));
      expect(scoreText(makeMojibake(r.text))).toEqual(byRegex(makeMojibake(r.text)));
    }
    const piece = fc.oneof(
      fc.constantFrom(
        'Chỉ thị',
        ' ',
        '\n',
        '“',
        '”',
        '…',
        '\u00a0',
        '\u3000',
        'QĐ-UBND',
        'ChØ',
        'thá»‹',
        'c¸c',
      ),
      fc.string({ unit: 'binary' }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const s = parts.join('');
        expect(scoreText(s)).toEqual(byRegex(s));
      }),
      { numRuns: 2000 },
    );
  });
});
