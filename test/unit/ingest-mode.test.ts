import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BATCH, writeMode } from '../../src/cli/ingest.js';

// Issue 15: an ingest of several files writes in batches, extraction in worker threads, by default.
describe('how `luocdo ingest` writes', () => {
  it('batches with one extraction worker per core by default', () => {
    expect(writeMode({}, 8)).toEqual({
      batch: DEFAULT_BATCH,
      concurrency: 2,
      workers: availableParallelism(),
    });
    expect(DEFAULT_BATCH).toBeGreaterThan(1);
  });
  it('writes one source per transaction, extracting in this thread, with --one-by-one', () => {
    expect(writeMode({ oneByOne: true }, 8)).toEqual({ batch: 1, concurrency: 8, workers: 0 });
  });
  it('takes the numbers given', () => {
    expect(writeMode({ batch: 7, concurrency: 3, workers: 1 }, 8)).toEqual({
      batch: 7,
      concurrency: 3,
      workers: 1,
    });
  });
  it('refuses --one-by-one with --batch', () => {
    expect(() => writeMode({ oneByOne: true, batch: 10 }, 8)).toThrow(/contradict/);
  });
});
