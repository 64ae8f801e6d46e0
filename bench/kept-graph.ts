// A synthetic graph built once by `luocdo load` and kept between benchmark runs (`bench:web`, `bench:api`
// with --keep): the transactional ingest of 100,000 reports takes over an hour on this machine, the load
// about fifteen minutes, and a million reports only go this way. The benchmarks only read the graph.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, statfsSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { projectRoot } from '../src/paths.js';
import { reports } from './corpus.js';
import { counts } from '../src/store/ingest.js';
import { freshServer, keptServer, load, type Fresh } from './harness.js';

/**
 * Bytes a report of the synthetic corpus takes at the load's peak, measured at 100,000 (2026-12-01): the
 * served store ≈ 58 kB (5.5 GB of store files, 0.26 GB of transaction logs) and the gzipped CSV files beside
 * it while the importer builds it ≈ 11 kB, with a margin; its file ≈ 6 kB, in the temporary folder.
 */
const STORE_PEAK_PER_REPORT = 75_000;
const FILE_PER_REPORT = 6_500;

/** The folder of the kept graph of `size` reports: `LUOCDO_BENCH_GRAPH_DIR` (a bigger disk), else .cache. */
export function keptDirOf(size: number): string {
  return join(process.env['LUOCDO_BENCH_GRAPH_DIR'] ?? '.cache', `bench-graph-${size}`);
}

const freeBytes = (dir: string) => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};
const gb = (n: number) => `${(n / 1e9).toFixed(1)} GB`;

/** Refuses, before an hour is spent, a build the disk cannot hold, and says how much it needs. */
function checkDisk(size: number, dir: string): void {
  const parent = resolve(dir, '..');
  mkdirSync(parent, { recursive: true });
  const needStore = size * STORE_PEAK_PER_REPORT;
  const needFiles = size * FILE_PER_REPORT;
  const sameDisk = statSync(parent).dev === statSync(tmpdir()).dev;
  const short = sameDisk
    ? freeBytes(parent) < needStore + needFiles
    : freeBytes(parent) < needStore || freeBytes(tmpdir()) < needFiles;
  if (short)
    throw new Error(
      `${size} reports need ≈ ${gb(needStore)} free for the graph in ${parent} (${gb(freeBytes(parent))} free) ` +
        `and ≈ ${gb(needFiles)} for the report files in ${tmpdir()} (${gb(freeBytes(tmpdir()))} free)` +
        `${sameDisk ? ', the same disk' : ''}: point LUOCDO_BENCH_GRAPH_DIR (and TMPDIR) at a bigger one`,
    );
}

/**
 * A server on the kept graph of `size` reports (seed 2024, as the benchmarks' corpus), built first when
 * there is none. A folder left by a build that did not finish is built again from nothing.
 */
export async function keptGraph(
  size: number,
  port: number,
  heap = '2g',
  pageCache = '2g',
): Promise<{
  fresh: Fresh;
  dir: string;
  reused: boolean;
  built: { seconds: number; failed: number } | null;
}> {
  const dir = keptDirOf(size);
  const marker = join(dir, 'built.json');
  const reused = existsSync(marker);
  let built: { seconds: number; failed: number } | null = null;
  if (!reused) {
    checkDisk(size, dir);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const files = mkdtempSync(join(tmpdir(), 'luocdo-bench-graph-files-'));
    try {
      for (const r of reports(2024, size)) writeFileSync(join(files, r.name), r.text);
      // Through the command itself: it runs in the Node heap a large corpus needs (LUOCDO_LOAD_HEAP_MB).
      const r = spawnSync(
        process.execPath,
        [join(projectRoot(), 'bin', 'luocdo.js'), 'load', '--json', files],
        {
          env: {
            ...process.env,
            NEO4J_URI: '',
            LUOCDO_DATA_DIR: resolve(dir),
            LUOCDO_BOLT_PORT: String(port),
            LUOCDO_HEAP: heap,
            LUOCDO_PAGECACHE: pageCache,
          },
          stdio: ['ignore', 'pipe', 'inherit'],
          maxBuffer: 1 << 26,
        },
      );
      if (r.status !== 0) throw new Error(`luocdo load of ${size} reports failed (exit ${r.status})`);
      const s = JSON.parse(r.stdout.toString()) as { seconds: number; failed: number };
      built = { seconds: +s.seconds.toFixed(0), failed: s.failed };
      writeFileSync(marker, JSON.stringify({ loaded: size, ...built }));
    } finally {
      rmSync(files, { recursive: true, force: true });
    }
  }
  return { fresh: await keptServer(dir, port, heap, pageCache), dir, reused, built };
}

/**
 * The graph a benchmark reads, of `size` reports (seed 2024): the kept one (`--keep`), or one loaded by
 * the transactional ingest in batches of 100 into a fresh server (the graph is the same as one
 * transaction per source gives: test/ingest.test.ts). Says which, and its counts, on a line of JSON.
 */
export async function benchGraph(name: string, size: number, port: number, keep: boolean): Promise<Fresh> {
  if (keep) {
    const kept = await keptGraph(size, port);
    const graph = await counts(kept.fresh.db);
    console.log(JSON.stringify({ kept: kept.dir, reused: kept.reused, built: kept.built, graph }));
    return kept.fresh;
  }
  const fresh = await freshServer(name, port, '2g', '2g');
  const seconds = await load(fresh.db, [...reports(2024, size)], 2, 100);
  console.log(JSON.stringify({ loaded: size, seconds: +seconds.toFixed(0), graph: await counts(fresh.db) }));
  return fresh;
}
