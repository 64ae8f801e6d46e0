// API latency on a synthetic graph: p50/p95 of `implementers` and of a 3-deep `citationChain` (IN) over
// the most cited documents, and requests/s of `document(ref)` under autocannon, over real HTTP.
// `npm run bench:api -- [reports] [samples] [--keep]`. --keep: the graph is built by `luocdo load` into
// .cache/bench-graph-<reports> (bench/kept-graph.ts, shared with bench:web) once and reused; without it, by
// the transactional ingest in batches of 100 into a fresh server (too slow beyond 100,000).
import autocannon from 'autocannon';
import { pino } from 'pino';
import { createApi, listen } from '../src/api/server.js';
import { toPlain } from '../src/store/values.js';
import { cpuSeconds, machine } from './harness.js';
import { benchGraph } from './kept-graph.js';

const args = process.argv.slice(2).filter((a) => a !== '--keep');
const keep = process.argv.includes('--keep');
const size = Number(args[0] ?? 10000);
const samples = Number(args[1] ?? 200);
console.log(machine());

/** Microseconds of this process's CPU (user + system) since `from`. */
const apiCpu1 = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return d.user + d.system;
};

const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return +(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(1);
};

const port = Number(process.env['LUOCDO_BENCH_PORT'] ?? 17997);
const fresh = await benchGraph('api', size, port, keep);
const db = fresh.db;
try {
  // Hubs: the 50 most cited documents (decrees everyone cites). Typical: 50 directives and plans that
  // units report on or implement, drawn from those cited by 2 to 200 reports.
  const pick = async (query: string) =>
    db.read(async (tx) =>
      (await tx.run(query)).records.map((r) => toPlain(r.toObject()) as { key: string; n: number }),
    );
  const hubs = await pick(
    'MATCH (d:Document)<-[:REFERS_TO]-(c:Citation) WITH d, count(c) AS n ORDER BY n DESC LIMIT 50 RETURN d.key AS key, n',
  );
  const typical = await pick(
    `MATCH (d:Document) WHERE d.type IN ['CT', 'KH'] AND EXISTS { (:Document)-[:REPORTS_ON|IMPLEMENTS]->(d) }
     WITH d, COUNT { (:Citation)-[:REFERS_TO]->(d) } AS n WHERE n >= 2 AND n <= 200
     RETURN d.key AS key, n ORDER BY d.key LIMIT 50`,
  );
  const { server } = createApi({
    db,
    token: null,
    protectReads: false,
    corsOrigins: [],
    logger: pino({ level: 'silent' }),
  });
  const port = await listen(server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  const post = async (query: string, variables: Record<string, unknown>) => {
    const t = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return performance.now() - t;
  };
  const IMPL =
    'query($d: String!) { implementers(directive: $d) { unit { name } firstOn lastOn via { relation quote document { key } } } }';
  const PAGE =
    'query($d: String!) { implementersPage(directive: $d, first: 20) { totalCount edges { node { unit { name } firstOn lastOn via { relation quote document { key } } } } } }';
  const CHAIN =
    'query($r: String!) { citationChain(ref: $r, direction: IN, maxDepth: 3) { nodes { key } edges { from to relation } } }';
  for (const [label, set] of [
    ['typical', typical],
    ['hub', hubs],
  ] as const) {
    // Warm-up: a cold page cache can take a hub's whole answer past the read deadline (the API's 2 s); such
    // a miss is counted, and the timed samples after it must all answer.
    let coldMisses = 0;
    for (const q of [IMPL, PAGE, CHAIN])
      for (const d of set.slice(0, 10)) await post(q, { d: d.key, r: d.key }).catch(() => coldMisses++);
    if (coldMisses > 0) console.log(JSON.stringify({ documents: label, warmUpTimeouts: coldMisses }));
    const impl: number[] = [];
    const paged: number[] = [];
    const chain: number[] = [];
    for (let i = 0; i < samples; i++) {
      const d = set[i % set.length] as { key: string };
      impl.push(await post(IMPL, { d: d.key }));
      paged.push(await post(PAGE, { d: d.key }));
      chain.push(await post(CHAIN, { r: d.key }));
    }
    const cited = set.map((d) => d.n).sort((a, b) => a - b);
    const medianCited = cited[Math.floor(cited.length / 2)];
    console.log(
      JSON.stringify({
        documents: label,
        medianCitations: medianCited,
        query: 'implementers',
        p50ms: pct(impl, 50),
        p95ms: pct(impl, 95),
        samples,
      }),
    );
    console.log(
      JSON.stringify({
        documents: label,
        medianCitations: medianCited,
        query: 'implementersPage first 20',
        p50ms: pct(paged, 50),
        p95ms: pct(paged, 95),
        samples,
      }),
    );
    console.log(
      JSON.stringify({
        documents: label,
        medianCitations: medianCited,
        query: 'citationChain IN depth 3',
        p50ms: pct(chain, 50),
        p95ms: pct(chain, 95),
        samples,
      }),
    );
  }

  // document(ref) of the typical documents in turn, after 30 s of the same to warm both sides' compilers:
  // on the 100,000-report graph a fresh server and API went 450, 740, 990, 1,030, 1,110 req/s in five
  // 10-second runs, the server's CPU a request 2.1 → 0.4 ms, the API's 2.0 → 0.9. A GraphQL error is an
  // HTTP 200 that autocannon would count as served: each document is asked once first, and must answer.
  const DOC = 'query D($ref: String!) { document(ref: $ref) { key symbol title issuer { name } } }';
  if (typical.length === 0) throw new Error('bench:api: the graph has no typical document to ask for');
  for (const t of typical) await post(DOC, { ref: t.key });
  // CPU per request on each side (the API's process, autocannon included, and the database server), to say
  // which one a higher rate must come from.
  let next = 0;
  const cannon = (duration: number) =>
    autocannon({
      url,
      method: 'POST',
      connections: 10,
      duration,
      headers: { 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({
              query: DOC,
              variables: { ref: typical[next++ % typical.length]?.key },
            }),
          }),
        },
      ],
    });
  const warm = await cannon(30);
  const serverCpu0 = cpuSeconds(fresh.started.pid);
  const apiCpu0 = process.cpuUsage();
  const ac = await cannon(15);
  console.log(
    JSON.stringify({
      query: 'document(ref) under autocannon, 50 typical documents in turn',
      requestsPerSecond: ac.requests.average,
      warmUpRequestsPerSecond: warm.requests.average,
      p50ms: ac.latency.p50,
      p99ms: ac.latency.p99,
      errors: ac.errors,
      non2xx: ac.non2xx,
      cpuMsPerRequest: {
        server: +(((cpuSeconds(fresh.started.pid) - serverCpu0) * 1000) / ac.requests.total).toFixed(2),
        api: +(apiCpu1(apiCpu0) / 1000 / ac.requests.total).toFixed(2),
      },
    }),
  );
  await new Promise<void>((r) => server.close(() => r()));
} finally {
  await fresh.stop();
}
