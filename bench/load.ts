// `luocdo load` end to end (issue 15): a synthetic corpus (bench/corpus.ts) written to files, then loaded
// into a fresh local database from those files: extraction in worker threads, identities resolved in
// memory, CSV, neo4j-admin database import full, server start, migrations and full-text indexes.
// Prints reports/s from files to a served graph, the peak memory of this process, and each phase's wall
// time, CPU time and peak memory (the importer's and the server's JVMs are apart: LUOCDO_HEAP).
//   npm run bench:load -- [reports=20000] [port=17996]
// Memory stays bounded (issue 15): sources beyond LUOCDO_LOAD_MEMORY_MB are spilled to disk.
import { readdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from '../src/config.js';
import { loadPaths } from '../src/ingest/load.js';
import { counts } from '../src/store/ingest.js';
import { closeDrivers } from '../src/store/connection.js';
import { stopServer } from '../src/store/runtime/server.js';
import { connect } from '../src/store/runtime/target.js';
import { reports } from './corpus.js';
import { machine } from './harness.js';

const n = Number(process.argv[2] ?? 20000);
const port = Number(process.argv[3] ?? 17996);
console.log(machine());
const files = mkdtempSync(join(tmpdir(), 'luocdo-bench-load-files-'));
const dataDir = mkdtempSync(join(tmpdir(), 'luocdo-bench-load-'));
let bytes = 0;
for (const r of reports(5150, n)) {
  writeFileSync(join(files, r.name), r.text);
  bytes += Buffer.byteLength(r.text);
}
const settings = loadSettings({
  ...process.env,
  NEO4J_URI: '',
  LUOCDO_DATA_DIR: dataDir,
  LUOCDO_BOLT_PORT: String(port),
  LUOCDO_HEAP: process.env['LUOCDO_HEAP'] ?? '2g',
  LUOCDO_PAGECACHE: process.env['LUOCDO_PAGECACHE'] ?? '1g',
});
const du = (dir: string): number =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((t, e) => t + statSync(join(e.parentPath, e.name)).size, 0);
/** The folders under `dir` (three deep) holding more than 5 % of it, in kB per report. */
function largest(dir: string, per: number): Record<string, number> {
  const total = du(dir);
  const out: Record<string, number> = {};
  const walk = (d: string, depth: number) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const path = join(d, e.name);
      const b = du(path);
      if (b < total * 0.05) continue;
      out[path.slice(dir.length + 1)] = +(b / per / 1e3).toFixed(1);
      if (depth < 3) walk(path, depth + 1);
    }
  };
  walk(dir, 1);
  return out;
}
const t0 = performance.now();
const at = () => ((performance.now() - t0) / 1000).toFixed(1);
try {
  const s = await loadPaths(settings, [files], {
    replace: false,
    workers: availableParallelism(),
    log: (l) => console.log(`${at()} s  ${l}`),
  });
  console.log(
    JSON.stringify({
      reports: n,
      megabytesOfText: +(bytes / 1e6).toFixed(1),
      seconds: +s.seconds.toFixed(1),
      reportsPerSecond: +(n / s.seconds).toFixed(0),
      peakRssMB: Math.round(s.peakRss / 1e6),
      spilled: s.spilled,
      // The spill, kept-text and CSV files at their largest, and the served store, per report.
      diskKBPerReport: {
        work: +(s.peakDiskBytes / n / 1e3).toFixed(1),
        store: +(du(dataDir) / n / 1e3).toFixed(1),
        // The store's largest parts: the database's files, its transaction logs, the full-text indexes.
        parts: largest(dataDir, n),
      },
      // Each phase's wall and CPU seconds (this process, all threads) and the peak RSS by its end.
      phases: Object.fromEntries(
        s.phases.map((p) => [
          p.name,
          { s: +p.seconds.toFixed(1), cpu: +p.cpuSeconds.toFixed(1), peakRssMB: Math.round(p.peakRss / 1e6) },
        ]),
      ),
      failed: s.failed,
      nodes: s.nodes,
      relationships: s.relationships,
      graph: await counts(connect(settings)),
    }),
  );
} finally {
  await closeDrivers();
  await stopServer(settings).catch(() => undefined);
  rmSync(files, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
