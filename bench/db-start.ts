// Cold start of the local Neo4j in a fresh data folder: time to Bolt-ready (with migrations), RSS after
// start and after a small write load, and the time of a clean stop. Prints one JSON line per run.
import { readFileSync } from 'node:fs';
import { freshServer, machine } from './harness.js';

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

const runs = Number(process.argv[2] ?? 2);
console.log(machine());
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
