import { describe, expect, it } from 'vitest';
import { RELATIONS } from '../../src/extract/types.js';
import { cypher } from '../../src/store/cypher.js';

// The lược đồ's queries write the relation types out, so that a document cited thousands of times is not read
// through all its REFERS_TO: each list must stay RELATIONS, or a relation added there would vanish from the page.
describe('the lược đồ queries name every relation', () => {
  for (const name of ['api/related-groups', 'api/related-page']) {
    it(name, () => {
      const lists = [...cypher(name).matchAll(/\[r:([A-Z_|]+)\]/g)].map((m) => m[1]?.split('|').sort());
      expect(lists).toHaveLength(2);
      for (const l of lists) expect(l).toEqual([...RELATIONS].sort());
    });
  }
});
