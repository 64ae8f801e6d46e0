// How fast the local Neo4j commits the smallest write transaction, alone and with several in flight:
// the ceiling any one-transaction-per-source ingest runs into on this machine.
import { freshServer, machine } from './harness.js';

console.log(machine());
const server = await freshServer('commit', 17995, '1g', '256m');
try {
  for (const concurrency of [1, 4, 8, 16]) {
    const total = 600;
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < total; i = next++) {
          await server.db.write((tx) => tx.run('CREATE (:BenchCommit {i: $i})', { i }));
        }
      }),
    );
    const perSecond = total / ((performance.now() - t0) / 1000);
    console.log(
      JSON.stringify({ concurrency, transactions: total, commitsPerSecond: Math.round(perSecond) }),
    );
  }
} finally {
  await server.stop();
}
