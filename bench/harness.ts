// What the benchmarks share: a fresh local Neo4j in a temporary folder, and a corpus loaded into it.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { loadSettings, type Settings } from '../src/config.js';
import { closeDrivers, openDb, type Db } from '../src/store/connection.js';
import { awaitSearchRefresh, prepare, writeSource } from '../src/store/ingest.js';
import { SearchQueue } from '../src/store/search-queue.js';
import { startServer, stopServer, type StartResult } from '../src/store/runtime/server.js';
import type { Report } from './corpus.js';

export function machine(): string {
  return `machine: ${cpus()[0]?.model ?? '?'} (${cpus().length} cores), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`;
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
    db: openDb(settings),
    started,
    stop: async () => {
      await closeDrivers();
      const s = await stopServer(settings);
      rmSync(dataDir, { recursive: true, force: true });
      return s.stopMs;
    },
  };
}

/** Extracts and writes every report, `concurrency` in flight, one transaction each; returns the seconds taken. */
export async function load(db: Db, items: Report[], concurrency: number): Promise<number> {
  let next = 0;
  const search = new SearchQueue(db);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < items.length; i = next++) {
        const r = items[i] as Report;
        const sha256 = createHash('sha256').update(r.text).digest('hex');
        const written = await writeSource(
          db,
          prepare({
            path: `bench/${r.name}`,
            text: r.text,
            sha256,
            format: 'txt',
            bytes: Buffer.byteLength(r.text),
          }),
          { deferSearch: true },
        );
        await search.add(written);
      }
    }),
  );
  await search.flush();
  await awaitSearchRefresh(db); // the full-text indexes catch up after commit: count that too
  return (performance.now() - t0) / 1000;
}
