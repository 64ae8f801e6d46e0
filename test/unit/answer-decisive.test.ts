import { describe, expect, it } from 'vitest';
import { Asker } from '../../src/graph/known.js';
import { answerText, decisive } from '../../src/store/knowledge.js';

/** Issue 15: an asker is written again only when what decides its resolution changes (`decisive`). */
describe('decisive', () => {
  const lists = [[], ['22-CT/TU|TU@quang-ngai|2017'], ['a|2017', 'a|2022'], ['a|2017', 'a|2020', 'a|2022']];
  it('is the key the Asker takes, and nothing where it takes none', () => {
    for (const found of lists) {
      const ask = new Asker({ areas: new Map(), dated: new Map([['sym:a', found]]) });
      expect(decisive(answerText(found))).toBe(ask.dated('a', 'a|') ?? '');
    }
  });
  it('tells several from more apart from none from one', () => {
    expect(decisive(answerText(['a|2017', 'a|2022']))).toBe(
      decisive(answerText(['a|2017', 'a|2020', 'a|2022'])),
    );
    expect(decisive('')).toBe(decisive('a|2017\na|2022'));
    expect(decisive('a|2017')).not.toBe(decisive(''));
  });
});
