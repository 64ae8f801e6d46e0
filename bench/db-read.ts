// The read path's own cost: one named look-up (cypher/api/documents-by-keys.cypher, as `document(ref)` runs
// it) through the project's connection, as a managed transaction (executeRead) and as a one-statement
// auto-commit read (`{ single: true }`), in turns, on a fresh local Neo4j. Prints, per round, requests/s and
// the CPU a request costs the database server and this process (the driver's side).
//   npm run bench:db-read -- [documents=20000] [requests=20000] [rounds=3] [port=17995]
import { run } from '../src/store/run.js';
import type { Db } from '../src/store/connection.js';
import { cpuSeconds, freshServer, machine } from './harness.js';

const [documents, requests, rounds, port] = [20000, 20000, 3, 17995].map((d, i) =>
  Number(process.argv[2 + i] ?? d),
) as [number, number, number, number];
console.log(`${machine()}; 8 in flight`);

const fresh = await freshServer('db-read', port);
try {
  const keys = Array.from({ length: documents }, (_, i) => `${i + 1}-CT/TU|TU@bench|2024`);
  for (let i = 0; i < keys.length; i += 5000)
    await fresh.db.write((tx) =>
      tx.run(
        `MERGE (o:Organization {key: 'TU@bench'}) SET o.name = 'Ban Thường vụ Tỉnh ủy'
         WITH o UNWIND $keys AS key
         CREATE (d:Document {key: key, type: 'CT', symbol: split(key, '|')[0], title: 'về công tác dân vận'})
         CREATE (d)-[:ISSUED_BY]->(o)`,
        { keys: keys.slice(i, i + 5000) },
      ),
    );
  const lookUp = (db: Db, single: boolean, key: string) =>
    db.read((tx) => run(tx, 'api/documents-by-keys', { keys: [key] }), { single });
  const measure = async (single: boolean) => {
    let next = 0;
    const server0 = cpuSeconds(fresh.started.pid);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < requests) await lookUp(fresh.db, single, keys[next++ % keys.length] as string);
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return {
      read: single ? 'auto-commit (single)' : 'managed (executeRead)',
      requestsPerSecond: Math.round(requests / seconds),
      serverCpuMs: +(((cpuSeconds(fresh.started.pid) - server0) * 1000) / requests).toFixed(3),
      clientCpuMs: +((cpu.user + cpu.system) / 1000 / requests).toFixed(3),
    };
  };
  // Both compilers warmed on both paths first: the first thousands of requests cost several times more.
  for (const single of [false, true, false, true]) await measure(single);
  for (let r = 0; r < rounds; r++)
    for (const single of [false, true])
      console.log(JSON.stringify({ round: r + 1, ...(await measure(single)) }));
} finally {
  await fresh.stop();
}
