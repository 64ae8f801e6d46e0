// What a report costs at the least, piece by piece: the CPU per report of the whole ingest, of the write
// statement alone, of the full-text search text alone, and of the report's own records created with
// plain CREATE (no MERGE, no index look-up, no probe), each on a fresh local Neo4j warmed with the same
// reports; and on the client, extraction with the graph facts. Their sum against the CPU a target rate
// leaves per report on this machine says whether any write path could reach it.
//   npm run bench:floor -- [reports=6000] [target reports/s=500]
import { cpus } from 'node:os';
import { cypher } from '../src/store/cypher.js';
import { prepare } from '../src/ingest/prepare.js';
import { searchRows, writeParams, type Prepared } from '../src/store/ingest.js';
import { toParam } from '../src/store/values.js';
import { reports } from './corpus.js';
import { cpuSeconds, freshServer, load, machine, reportInput, type Fresh } from './harness.js';

const n = Number(process.argv[2] ?? 6000);
const target = Number(process.argv[3] ?? 500);
const BATCH = 100;
const IN_FLIGHT = 2;
console.log(`${machine()}; ${n} reports measured after 3,000 warm-up reports, batches of ${BATCH}`);

const warmup = [...reports(1000, 3000)];
const measured = [...reports(5000, n)];
const inputs = measured.map(reportInput);
const cpu0 = process.cpuUsage();
const prepared: Prepared[] = inputs.map(prepare);
const prepareCpu = process.cpuUsage(cpu0);
const params = prepared.map((p) => writeParams(p, p.facts, true));

const row = (piece: string, ms: number, extra: Record<string, unknown> = {}) => {
  console.log(JSON.stringify({ piece, cpuMsPerReport: +ms.toFixed(2), ...extra }));
  return ms;
};

/** A fresh server that has ingested the warm-up reports the way `luocdo ingest --batch` does. */
async function warmServer(name: string): Promise<Fresh> {
  const server = await freshServer(name, 17996);
  await load(server.db, warmup, IN_FLIGHT, BATCH);
  return server;
}

/** Runs `work` over the measured reports in batches, two in flight; the server's CPU ms per report. */
async function serverCpu(
  server: Fresh,
  work: (from: number, to: number) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const before = cpuSeconds(server.started.pid);
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let from = next; from < n; from = next) {
        next = Math.min(n, from + BATCH);
        await work(from, next);
      }
    }),
  );
  return ((cpuSeconds(server.started.pid) - before) * 1000) / n;
}

const run = (server: Fresh, name: string, p: Record<string, unknown>) =>
  server.db.write((tx) => tx.run(cypher(name), toParam(p) as Record<string, unknown>));

const pieces: Record<string, number> = {};
let server = await warmServer('floor-ingest');
try {
  const client0 = process.cpuUsage();
  const before = cpuSeconds(server.started.pid);
  const seconds = await load(server.db, measured, IN_FLIGHT, BATCH);
  const client = process.cpuUsage(client0);
  row('ingest --batch 100: server', ((cpuSeconds(server.started.pid) - before) * 1000) / n, {
    reportsPerSecond: Math.round(n / seconds),
  });
  row(
    'ingest --batch 100: client (extraction, graph facts, driver)',
    (client.user + client.system) / 1000 / n,
  );
} finally {
  await server.stop();
}

server = await warmServer('floor-pieces');
try {
  pieces.write = row(
    'write statement alone (no probe, no search text)',
    await serverCpu(server, (from, to) =>
      run(server, 'ingest/write-source', { batch: params.slice(from, to) }),
    ),
  );
  pieces.search = row(
    'search text alone (full-text index of the reports and what they name)',
    await serverCpu(server, (from, to) =>
      run(server, 'ingest/write-search-text', {
        rows: prepared.slice(from, to).flatMap((p) => searchRows(p.facts)),
        shas: [],
      }),
    ),
  );
} finally {
  await server.stop();
}

server = await warmServer('floor-records');
try {
  // Untimed: every document the reports name exists, and is then found by element id.
  const named = [...new Set(params.flatMap((p) => p.targets.map((t) => t.key)))];
  const ids = new Map<string, string>();
  for (let i = 0; i < named.length; i += 1000) {
    const r = await run(server, 'bench/documents-by-key', { keys: named.slice(i, i + 1000) });
    for (const rec of r.records) ids.set(rec.get('key') as string, rec.get('id') as string);
  }
  const own = params.map((p, i) => ({
    ...p,
    // Its own key, apart from a cited document of the same number: CREATE, not MERGE.
    key: `floor:${prepared[i]?.sha256 ?? i}`,
    targets: p.targets.map((t) => ({
      id: ids.get(t.key),
      rels: t.rels,
      citations: t.citations,
    })),
  }));
  pieces.records = row(
    "a report's own records by plain CREATE (no MERGE, no look-up)",
    await serverCpu(server, (from, to) =>
      run(server, 'bench/report-records', { batch: own.slice(from, to) }),
    ),
  );
} finally {
  await server.stop();
}

pieces.prepare = row(
  'client: extraction and graph facts (no driver)',
  (prepareCpu.user + prepareCpu.system) / 1000 / n,
);
const budget = (cpus().length * 1000) / target;
const floor = (pieces.records ?? 0) + (pieces.search ?? 0) + (pieces.prepare ?? 0);
console.log(
  JSON.stringify({
    target: `${target} reports/s`,
    cpuMsPerReportAvailable: +budget.toFixed(2),
    floorCpuMsPerReport: +floor.toFixed(2),
    floorReportsPerSecondAtMost: Math.round((cpus().length * 1000) / floor),
    floor:
      "own records (plain CREATE) + search text + extraction; the driver's encoding and the probe not counted",
  }),
);
