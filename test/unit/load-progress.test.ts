import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reports } from '../../bench/corpus.js';
import { loadSettings } from '../../src/config.js';
import { CsvWriter } from '../../src/ingest/csv.js';
import { buildGraph, extractAll, type LoadProgress } from '../../src/ingest/load.js';
import type { Failure } from '../../src/ingest/pipeline.js';
import { Texts, textOf } from '../../src/ingest/spill.js';

// `luocdo load` shows a bar for each long phase on a terminal: the load says how far each phase is, file by
// file while extracting (one unreadable file counted too) and source by source into the graph, to the end.
describe('load: progress', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luocdo-load-progress-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts every file extracted and every source written, each phase to its total', async () => {
    const files = [...reports(99, 150)].map((r) => {
      const path = join(dir, r.name);
      writeFileSync(path, r.text);
      return path;
    });
    // A file that cannot be read, where the graph phase says how far it is (the 64th).
    files.splice(63, 0, join(dir, 'missing.txt'));
    const seen: Array<[string, number, number]> = [];
    const onProgress: LoadProgress = (phase, done, total) => seen.push([phase, done, total]);
    const settings = loadSettings({ ...process.env, NEO4J_URI: '' });
    const failures: Failure[] = [];
    const spill = join(dir, 'sources.spill');
    const x = await extractAll(settings, files, new Map(), { workers: 0, spill, onProgress }, failures);
    expect(failures.map((f) => f.path)).toEqual([join(dir, 'missing.txt')]);
    const extracted = seen.filter(([p]) => p === 'extract');
    expect(extracted.map(([, done]) => done)).toEqual(files.map((_, i) => i + 1));
    expect(extracted.every(([, , total]) => total === 151)).toBe(true);

    const texts = new Texts(join(dir, 'texts.spill'));
    try {
      await buildGraph(x, files.length, new CsvWriter(dir, textOf(texts)), texts, 0, onProgress);
    } finally {
      x.results.close();
      texts.close();
    }
    const written = seen.filter(([p]) => p === 'graph').map(([, done, total]) => [done, total]);
    expect(written).toEqual([
      [64, 151],
      [128, 151],
      [151, 151],
    ]);
  });
});
