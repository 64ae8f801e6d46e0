import { describe, expect, it } from 'vitest';
import { DOC_TYPES } from '../../src/extract/types.js';
import { TYPE_NAMES, typeName, vnDate } from '../../src/graph/label.js';
import * as web from '../../src/web/format.js';

// The page reads only the API and cannot import graph/label.ts, so it keeps its own copy of the type names
// and the date rule; the CLI, the API's labels and the page must still write a document the same way.
describe('the page writes types and dates as the CLI and the API do', () => {
  it('has the same type names', () => {
    expect(web.TYPE_NAMES).toEqual(TYPE_NAMES);
    for (const code of Object.keys(TYPE_NAMES)) expect(web.typeName(code)).toBe(typeName(code));
    // Every type the extractor gives has its name: none is shown as a bare code or as `Văn bản`.
    for (const code of DOC_TYPES) expect(TYPE_NAMES[code], code).toBeDefined();
  });

  it('writes every day of a leap year and a common year the same, by Nghị định 30/2020 (zeros on days < 10, months 1 and 2)', () => {
    for (const year of [2020, 2023]) {
      for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
        const iso = new Date(t).toISOString().slice(0, 10);
        expect(web.vnDate(iso), iso).toBe(vnDate(iso));
      }
    }
    expect(vnDate('2017-04-03')).toBe('03/4/2017');
    expect(vnDate('2020-02-05')).toBe('05/02/2020');
    expect(vnDate('2021-01-15')).toBe('15/01/2021');
    expect(vnDate('2021-12-10')).toBe('10/12/2021');
  });
});
