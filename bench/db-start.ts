// Cold start of the local Neo4j in a fresh data folder: time to Bolt-ready (with migrations), RSS after
// start and after a small write load, and the time of a clean stop. Prints one JSON line per run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from '../src/config.js';
import { closeDrivers, openDb } from '../src/store/connection.js';
import { startServer, stopServer } from '../src/store/runtime/server.js';

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

const runs = Number(process.argv[2] ?? 2);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);
for (let i = 0; i < runs; i++) {
  const dataDir = mkdtempSync(join(tmpdir(), 'luocdo-bench-'));
  const settings = loadSettings({
    ...process.env,
    NEO4J_URI: '',
    LUOCDO_DATA_DIR: dataDir,
    LUOCDO_BOLT_PORT: '17999',
  });
  const started = await startServer(settings);
  const pid = started.pid ?? 0;
  const afterStart = rssMb(pid);
  const db = openDb(settings);
  await db.write((tx) =>
    tx.run('UNWIND range(1, 20000) AS i CREATE (:Document {key: "bench:" + i, year: 2020})'),
  );
  await db.read((tx) => tx.run('MATCH (d:Document) RETURN count(d)'));
  const afterLoad = rssMb(pid);
  await closeDrivers();
  const stopped = await stopServer(settings);
  rmSync(dataDir, { recursive: true, force: true });
  console.log(
    JSON.stringify({
      run: i + 1,
      coldStartSeconds: +(started.startMs / 1000).toFixed(2),
      rssAfterStartMb: afterStart,
      rssAfterLoadMb: afterLoad,
      heap: settings.heap,
      pageCache: settings.pageCache,
      stopSeconds: +(stopped.stopMs / 1000).toFixed(2),
    }),
  );
}
