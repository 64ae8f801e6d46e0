import { describe, expect, it } from 'vitest';
import { RELATIONS } from '../../src/extract/types.js';
import { cypher } from '../../src/store/cypher.js';

// The lược đồ's queries write each relation type out, one count or one branch per relation and direction, so
// that a document cited thousands of times is read only through the edges of the group asked for: each must
// name every relation of RELATIONS both ways, each under its own name, or a relation added there would vanish
// from the page (or a group would show another's documents).
const both = <T>(f: (rel: string, dir: 'OUT' | 'IN') => T): T[] =>
  RELATIONS.flatMap((rel) => [f(rel, 'OUT'), f(rel, 'IN')]);
const arrow = (rel: string, dir: 'OUT' | 'IN', r = '') =>
  dir === 'OUT' ? `(d)-[${r}:${rel}]->` : `(d)<-[${r}:${rel}]-`;

describe('the lược đồ queries name every relation, each way', () => {
  it('api/related-groups: one degree per relation and direction, under its name', () => {
    const text = cypher('api/related-groups');
    const counts = [...text.matchAll(/\['(\w+)', '(OUT|IN)', COUNT \{ (\(d\)\S+)\(\) \}\]/g)];
    expect(counts.map((m) => [m[1], m[2], m[3]])).toEqual(both((rel, dir) => [rel, dir, arrow(rel, dir)]));
  });

  it('api/related-page: one branch per relation and direction, ruled in by its own name only', () => {
    const text = cypher('api/related-page');
    const branches = [
      ...text.matchAll(
        /MATCH (\(d\)\S+)\(t:Document\) WHERE \$relation = '(\w+)' AND \$direction = '(OUT|IN)' RETURN r, t/g,
      ),
    ];
    expect(branches.map((m) => [m[2], m[3], m[1]])).toEqual(
      both((rel, dir) => [rel, dir, arrow(rel, dir, 'r')]),
    );
  });
});
