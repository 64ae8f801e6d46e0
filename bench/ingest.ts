// Ingestion throughput: synthetic reports (bench/corpus.ts) extracted and written into a fresh local
// Neo4j, one transaction per report, a few in flight. Prints reports/s and the graph size reached.
import { counts } from '../src/store/ingest.js';
import { reports } from './corpus.js';
import { freshServer, load, machine } from './harness.js';

const sizes = (process.argv[2] ?? '1000,10000').split(',').map(Number);
const concurrency = Number(process.argv[3] ?? 8);
console.log(`${machine()}; concurrency ${concurrency}`);

const server = await freshServer('ingest', 17998);
try {
  let offset = 0;
  for (const n of sizes) {
    const items = [...reports(1000 + offset, n)];
    const cpu0 = process.cpuUsage();
    const seconds = await load(server.db, items, concurrency);
    const cpu = process.cpuUsage(cpu0);
    offset += n;
    console.log(
      JSON.stringify({
        reports: n,
        seconds: +seconds.toFixed(1),
        reportsPerSecond: +(n / seconds).toFixed(0),
        // This process's CPU (extraction, driver) per report; the rest is the server's.
        clientCpuMsPerReport: +((cpu.user + cpu.system) / 1000 / n).toFixed(2),
        graph: await counts(server.db),
      }),
    );
  }
} finally {
  await server.stop();
}
