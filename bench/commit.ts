// The fixed cost of a transaction on this machine: how fast the local Neo4j commits the smallest write
// transaction, alone and with several in flight, and the server CPU each costs — for a one-node CREATE
// and for the ingest's write statement given a source with nothing in it. What an ingest spends per
// report above these is the work of its rows.
import { cypher } from '../src/store/cypher.js';
import { toParam } from '../src/store/values.js';
import { cpuSeconds, freshServer, machine } from './harness.js';

console.log(machine());
const server = await freshServer('commit', 17995, '1g', '256m');

/** A source that names nothing: the write statement's own cost, without rows. */
const emptySource = (i: number) => ({
  r: {
    key: `bench-empty-${i}`,
    type: 'BC',
    number: null,
    symbol: null,
    year: null,
    issuedOn: null,
    title: null,
    place: null,
    recipients: [],
    signer: null,
    signerPosition: null,
    searchText: null,
  },
  areas: [],
  orgs: [],
  targets: [],
  facts: [],
  sha: `bench-empty-${i}`,
  source: {
    path: `bench/empty-${i}`,
    format: 'txt',
    bytes: 0,
    version: 'bench',
    refKeys: [],
    titleKey: null,
    issuer: null,
    sentTo: [],
    searchPending: null,
  },
  person: null,
});

async function measure(
  label: string,
  concurrency: number,
  total: number,
  work: (i: number) => Promise<unknown>,
) {
  let next = 0;
  const cpu0 = cpuSeconds(server.started.pid);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) await work(i);
    }),
  );
  const perSecond = total / ((performance.now() - t0) / 1000);
  const serverMs = ((cpuSeconds(server.started.pid) - cpu0) * 1000) / total;
  console.log(
    JSON.stringify({
      transaction: label,
      concurrency,
      transactions: total,
      commitsPerSecond: Math.round(perSecond),
      serverCpuMsPerTransaction: +serverMs.toFixed(2),
    }),
  );
}

try {
  let offset = 0;
  for (const concurrency of [1, 4, 8, 16]) {
    await measure('one-node CREATE', concurrency, 600, (i) =>
      server.db.write((tx) => tx.run('CREATE (:BenchCommit {i: $i})', { i })),
    );
  }
  for (const concurrency of [1, 8]) {
    const base = offset;
    offset += 2000;
    await measure('write statement, empty source', concurrency, 2000, (i) =>
      server.db.write((tx) =>
        tx.run(
          cypher('ingest/write-source'),
          toParam({ batch: [emptySource(base + i)] }) as Record<string, unknown>,
        ),
      ),
    );
  }
} finally {
  await server.stop();
}
