import { describe, expect, it } from 'vitest';
import { resolveAll, type Asked } from '../../src/ingest/bulk-graph.js';
import type { Draft } from '../../src/graph/facts.js';
import type { Question } from '../../src/graph/known.js';

// Issue 15: `luocdo load` resolves a source again (reading its draft back) only when a decisive answer
// changes, the rule ingest's settle follows: a question answered by several documents decides nothing,
// so a source whose answer goes from none (or several) to several keeps its facts, and only the answer
// it stores is updated.
describe('load: resolution across the whole set', () => {
  const ask = (key: string, answer: string[]): Asked => ({
    questions: [{ key, kind: 'sym', symbol: '22-CT/TU', prefix: '22-CT/TU|TU@x|', answer } as Question],
    answers: { areas: [], dated: [] },
  });
  const answers = (q: string, ...keys: string[]): Asked => ({
    questions: [],
    answers: { areas: [], dated: keys.map((key) => ({ q, key })) },
  });
  const noDraft =
    (read: number[]) =>
    (i: number): Draft => {
      read.push(i);
      throw new Error(`draft ${i} read`);
    };

  it('keeps the facts of a source whose answer only lists more of several, updating its answer', () => {
    const read: number[] = [];
    const r = resolveAll(
      [
        ask('sym:a', []),
        answers('sym:a', 'k1', 'k2'),
        ask('sym:b', ['k3', 'k4']),
        answers('sym:b', 'k3', 'k4', 'k5'),
      ],
      noDraft(read),
    );
    expect(read).toEqual([]);
    expect(r.redo.size).toBe(0);
    expect(r.answered.get(0)?.[0]?.answer.slice().sort()).toEqual(['k1', 'k2']);
    expect(r.answered.get(2)?.[0]?.answer.slice().sort()).toEqual(['k3', 'k4', 'k5']);
  });

  it('resolves again a source whose answer becomes the only one, or stops being so', () => {
    const read: number[] = [];
    expect(() => resolveAll([ask('sym:a', []), answers('sym:a', 'k1')], noDraft(read))).toThrow(
      'draft 0 read',
    );
    expect(() => resolveAll([answers('sym:b', 'k1', 'k2'), ask('sym:b', ['k1'])], noDraft(read))).toThrow(
      'draft 1 read',
    );
    // Unchanged: nothing read, nothing updated.
    const r = resolveAll([ask('sym:c', ['k1']), answers('sym:c', 'k1')], noDraft(read));
    expect(read).toEqual([0, 1]);
    expect(r.answered.size + r.redo.size).toBe(0);
  });
});
