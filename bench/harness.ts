// What the benchmarks share: a fresh local Neo4j in a temporary folder, and a corpus loaded into it.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { loadSettings, type Settings } from '../src/config.js';
import { closeDrivers, type Db } from '../src/store/connection.js';
import { prepare } from '../src/ingest/prepare.js';
import { SearchQueue } from '../src/ingest/search-queue.js';
import { awaitSearchRefresh, writeSources } from '../src/store/ingest.js';
import { startServer, stopServer, type StartResult } from '../src/store/runtime/server.js';
import { connect } from '../src/store/runtime/target.js';
import type { Report } from './corpus.js';

export function machine(): string {
  return `machine: ${cpus()[0]?.model ?? '?'} (${cpus().length} cores), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`;
}

/** CPU seconds a process has used so far (user + system), from /proc; 0 where there is none. */
export function cpuSeconds(pid: number | null): number {
  if (pid === null) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

export type Fresh = { settings: Settings; db: Db; started: StartResult; stop: () => Promise<number> };

/** A new server in a new folder; `stop` shuts it down, removes the folder and returns the stop time in ms. */
export async function freshServer(name: string, port: number, heap = '2g', pageCache = '1g'): Promise<Fresh> {
  const dataDir = mkdtempSync(join(tmpdir(), `luocdo-bench-${name}-`));
  const settings = loadSettings({
    ...process.env,
    NEO4J_URI: '',
    LUOCDO_DATA_DIR: dataDir,
    LUOCDO_BOLT_PORT: String(port),
    LUOCDO_HEAP: heap,
    LUOCDO_PAGECACHE: pageCache,
  });
  const started = await startServer(settings);
  return {
    settings,
    db: connect(settings),
    started,
    stop: async () => {
      await closeDrivers();
      const s = await stopServer(settings);
      rmSync(dataDir, { recursive: true, force: true });
      return s.stopMs;
    },
  };
}

/** A server on a folder kept between runs (bench --keep): `stop` shuts it down and leaves the folder. */
export async function keptServer(
  dataDir: string,
  port: number,
  heap = '2g',
  pageCache = '1g',
): Promise<Fresh> {
  const settings = loadSettings({
    ...process.env,
    NEO4J_URI: '',
    LUOCDO_DATA_DIR: dataDir,
    LUOCDO_BOLT_PORT: String(port),
    LUOCDO_HEAP: heap,
    LUOCDO_PAGECACHE: pageCache,
  });
  const started = await startServer(settings);
  const db = connect(settings);
  const stop = async () => {
    await closeDrivers();
    return (await stopServer(settings)).stopMs;
  };
  return { settings, db, started, stop };
}

/** A synthetic report as `luocdo ingest` would read it from a file. */
export const reportInput = (r: Report) => ({
  path: `bench/${r.name}`,
  text: r.text,
  sha256: createHash('sha256').update(r.text).digest('hex'),
  format: 'txt',
  bytes: Buffer.byteLength(r.text),
});

/**
 * Extracts and writes every report, `concurrency` transactions in flight, `batch` sources each (1: one
 * transaction per source), search text in batches as `luocdo ingest` does; returns the seconds taken.
 */
export async function load(db: Db, items: Report[], concurrency: number, batch = 1): Promise<number> {
  let next = 0;
  const search = new SearchQueue(db);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const group = items.slice(next, next + batch);
        next += group.length;
        if (group.length === 0) return;
        const ps = group.map((r) => prepare(reportInput(r)));
        const w = await writeSources(db, ps, { deferSearch: true });
        if (w.failures.length > 0) throw new Error(`bench: ${w.failures.length} sources failed`);
        for (const r of w.results) await search.add(r);
      }
    }),
  );
  await search.flush();
  await awaitSearchRefresh(db); // the full-text indexes catch up after commit: count that too
  return (performance.now() - t0) / 1000;
}
