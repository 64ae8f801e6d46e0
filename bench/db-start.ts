// Cold start of the local Neo4j in a fresh data folder: time to Bolt-ready (with migrations), RSS after
// start and after a small write load, and the time of a clean stop. Prints one JSON line per run.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from '../src/config.js';
import { ensureJars } from '../src/store/runtime/jars.js';
import { freshServer, machine } from './harness.js';

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 2);
console.log(machine());

// `--fresh-jars`: fetch the Neo4j jars with Maven into an empty cache, as a fresh clone does, and time it.
if (process.argv.includes('--fresh-jars')) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'luocdo-bench-jars-'));
  const settings = loadSettings({ ...process.env, LUOCDO_CACHE_DIR: cacheDir });
  const t0 = performance.now();
  const lib = await ensureJars(settings);
  const jars = readdirSync(lib).filter((f) => f.endsWith('.jar'));
  const mb = jars.reduce((n, f) => n + statSync(join(lib, f)).size, 0) / 1e6;
  console.log(
    JSON.stringify({
      firstDownloadSeconds: +((performance.now() - t0) / 1000).toFixed(1),
      jars: jars.length,
      megabytes: +mb.toFixed(0),
    }),
  );
  rmSync(cacheDir, { recursive: true, force: true });
}
for (let i = 0; i < runs; i++) {
  const server = await freshServer('db', 17999, '1g', '512m');
  const pid = server.started.pid ?? 0;
  const afterStart = rssMb(pid);
  await server.db.write((tx) =>
    tx.run('UNWIND range(1, 20000) AS i CREATE (:Document {key: "bench:" + i, year: 2020})'),
  );
  await server.db.read((tx) => tx.run('MATCH (d:Document) RETURN count(d)'));
  const afterLoad = rssMb(pid);
  const stopMs = await server.stop();
  console.log(
    JSON.stringify({
      run: i + 1,
      coldStartSeconds: +(server.started.startMs / 1000).toFixed(2),
      rssAfterStartMb: afterStart,
      rssAfterLoadMb: afterLoad,
      heap: server.settings.heap,
      pageCache: server.settings.pageCache,
      stopSeconds: +(stopMs / 1000).toFixed(2),
    }),
  );
}
