// Ingestion throughput: synthetic reports (bench/corpus.ts) extracted and written into a fresh local
// Neo4j, a few transactions in flight. Prints reports/s, the CPU each report costs on both sides, and
// the graph size reached: first one transaction per source (the default of `luocdo ingest`), then
// batches of sources per transaction (`luocdo ingest --batch N`) on another fresh server.
//   npm run bench:ingest -- [sizes=1000,10000] [concurrency=8] [batches=1,100]
import { counts } from '../src/store/ingest.js';
import { reports } from './corpus.js';
import { cpuSeconds, freshServer, load, machine } from './harness.js';

const sizes = (process.argv[2] ?? '1000,10000').split(',').map(Number);
const concurrency = Number(process.argv[3] ?? 8);
const batches = (process.argv[4] ?? '1,100').split(',').map(Number);
console.log(`${machine()}; concurrency ${concurrency}`);

for (const batch of batches) {
  const server = await freshServer('ingest', 17998);
  try {
    let offset = 0;
    for (const n of sizes) {
      const items = [...reports(1000 + offset, n)];
      const cpu0 = process.cpuUsage();
      const server0 = cpuSeconds(server.started.pid);
      // Batches are few and large: two in flight keep both cores busy.
      const seconds = await load(server.db, items, batch > 1 ? Math.min(concurrency, 2) : concurrency, batch);
      const cpu = process.cpuUsage(cpu0);
      const serverCpu = cpuSeconds(server.started.pid) - server0;
      offset += n;
      console.log(
        JSON.stringify({
          reports: n,
          sourcesPerTransaction: batch,
          seconds: +seconds.toFixed(1),
          reportsPerSecond: +(n / seconds).toFixed(0),
          // This process's CPU (extraction, driver) per report; the rest is the server's.
          clientCpuMsPerReport: +((cpu.user + cpu.system) / 1000 / n).toFixed(2),
          // The server's CPU per report: steadier than reports/s on a shared machine.
          serverCpuMsPerReport: +((serverCpu * 1000) / n).toFixed(2),
          graph: await counts(server.db),
        }),
      );
    }
  } finally {
    await server.stop();
  }
}
