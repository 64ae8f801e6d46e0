// Ingestion throughput: synthetic reports (bench/corpus.ts) extracted and written into a fresh local
// Neo4j, one transaction per report, a few in flight. Prints reports/s and the graph size reached.
import { mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from '../src/config.js';
import { closeDrivers, openDb } from '../src/store/connection.js';
import { counts, prepare, writeSource } from '../src/store/ingest.js';
import { startServer, stopServer } from '../src/store/runtime/server.js';
import { reports } from './corpus.js';

const sizes = (process.argv[2] ?? '1000,10000').split(',').map(Number);
const concurrency = Number(process.argv[3] ?? 4);
console.log(
  `machine: ${cpus()[0]?.model ?? '?'} (${cpus().length} cores), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}; concurrency ${concurrency}`,
);

const dataDir = mkdtempSync(join(tmpdir(), 'luocdo-bench-ingest-'));
const settings = loadSettings({
  ...process.env,
  NEO4J_URI: '',
  LUOCDO_DATA_DIR: dataDir,
  LUOCDO_BOLT_PORT: '17998',
  LUOCDO_HEAP: '2g',
  LUOCDO_PAGECACHE: '1g',
});
await startServer(settings);
const db = openDb(settings);
try {
  let offset = 0;
  for (const n of sizes) {
    const items = [...reports(1000 + offset, n)];
    offset += n;
    let next = 0;
    const t0 = performance.now();
    const worker = async () => {
      for (let i = next++; i < items.length; i = next++) {
        const r = items[i] as { name: string; text: string };
        const sha256 = createHash('sha256').update(r.text).digest('hex');
        await writeSource(
          db,
          prepare({
            path: `bench/${r.name}`,
            text: r.text,
            sha256,
            format: 'txt',
            bytes: Buffer.byteLength(r.text),
          }),
        );
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const s = (performance.now() - t0) / 1000;
    const c = await counts(db);
    console.log(
      JSON.stringify({ reports: n, seconds: +s.toFixed(1), reportsPerSecond: +(n / s).toFixed(0), graph: c }),
    );
  }
} finally {
  await closeDrivers();
  await stopServer(settings);
  rmSync(dataDir, { recursive: true, force: true });
}
