// The staff's pages (issue 14) on a synthetic graph: each page's time to its content in a real headless
// Chromium, over real HTTP, and the GraphQL requests behind it (how many, the slowest). The bar: 1 s
// at 100,000 reports. `npm run bench:web -- [reports] [runs] [--keep]`.
// --keep: the graph is built once into .cache/bench-graph-<reports> by `luocdo load` (bench/kept-graph.ts; the
// transactional ingest of 100,000 reports took over an hour on the shared machine) and reused by later runs
// (bench:api's too): the pages only read it.
import { execFileSync } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';
import { pino } from 'pino';
import { createApi, listen } from '../src/api/server.js';
import type { Db } from '../src/store/connection.js';
import { TYPE_NAMES } from '../src/graph/label.js';
import { toPlain } from '../src/store/values.js';
import { machine } from './harness.js';
import { benchGraph } from './kept-graph.js';

const args = process.argv.slice(2).filter((a) => a !== '--keep');
const keep = process.argv.includes('--keep');
const size = Number(args[0] ?? 10000);
const runs = Number(args[1] ?? 5);
const executable =
  process.env['LUOCDO_CHROMIUM'] ??
  execFileSync('sh', ['-c', 'command -v chromium || true']).toString().trim();
if (!executable) throw new Error('chromium not found: run scripts/ensure-chromium.sh');
console.log(machine());

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return +(s[Math.floor(s.length / 2)] ?? 0).toFixed(0);
};

// `act` may return when the part it times began (the rà soát's next page: from the click, not the navigation).
type Step = { name: string; path: string; ready: string; act?: (page: Page) => Promise<unknown> };

/** One visit: ms from navigation to `ready` in view, and the GraphQL requests the page made meanwhile. */
async function visit(page: Page, base: string, step: Step) {
  const gql: number[] = [];
  const byName: Record<string, number> = {};
  const started = new Map<unknown, number>();
  type Req = { url(): string; postDataJSON(): unknown };
  const onReq = (r: Req) => r.url().endsWith('/graphql') && started.set(r, performance.now());
  const onDone = (r: Req) => {
    const t = started.get(r);
    if (t === undefined) return;
    const ms = performance.now() - t;
    gql.push(ms);
    // Each page names its operations: which one is slow, said by name.
    const name =
      (r.postDataJSON() as { operationName?: string; query?: string } | null)?.query?.match(
        /^(?:query|mutation) (\w+)/,
      )?.[1] ?? '?';
    byName[name] = Math.max(byName[name] ?? 0, Math.round(ms));
  };
  // What a page that never shows its content said: its errors, and the GraphQL errors it was answered.
  const said: string[] = [];
  const onError = (e: Error) => said.push(`page error: ${e.message}`);
  const onConsole = (m: { type(): string; text(): string }) =>
    m.type() === 'error' && said.push(`console: ${m.text()}`);
  const onResponse = (r: { url(): string; text(): Promise<string> }) => {
    if (!r.url().endsWith('/graphql')) return;
    void r.text().then(
      (t) => t.includes('"errors"') && said.push(`graphql: ${t.slice(0, 300)}`),
      () => undefined,
    );
  };
  page.on('request', onReq);
  page.on('requestfinished', onDone);
  page.on('pageerror', onError);
  page.on('console', onConsole);
  page.on('response', onResponse);
  try {
    await page.goto('about:blank'); // a new page each time, even when only the #part changes
    let t0 = performance.now();
    await page.goto(`${base}${step.path}`);
    // A step may say when its timing starts (the click on "Xem thêm", not the page's first load).
    const began = step.act ? await step.act(page) : undefined;
    if (typeof began === 'number') t0 = began;
    try {
      await page.locator(step.ready).first().waitFor({ timeout: 30_000 });
    } catch (e) {
      const shown = await page.locator('.loi').allInnerTexts();
      throw new Error(`${String(e).split('\n')[0]}; shown: ${JSON.stringify(shown)}; ${said.join(' | ')}`);
    }
    const ms = performance.now() - t0;
    return { ms, requests: gql.length, slowestGraphqlMs: Math.max(0, ...gql), byName };
  } finally {
    page.off('request', onReq);
    page.off('requestfinished', onDone);
    page.off('pageerror', onError);
    page.off('console', onConsole);
    page.off('response', onResponse);
  }
}

const port = Number(process.env['LUOCDO_BENCH_PORT'] ?? 17996);
const fresh = await benchGraph('web', size, port, keep);
const db = fresh.db;
try {
  const one = async (query: string) =>
    db.read(
      async (tx) => toPlain((await tx.run(query)).records[0]?.toObject() ?? {}) as Record<string, string>,
    );
  // A typical directive that units carried out (cited by 2 to 200), a hub (the most cited), a unit, a source.
  const typical = await one(
    `MATCH (d:Document) WHERE d.type IN ['CT', 'KH'] AND EXISTS { (:Document)-[:REPORTS_ON|IMPLEMENTS]->(d) }
     WITH d, COUNT { (:Citation)-[:REFERS_TO]->(d) } AS n WHERE n >= 2 AND n <= 200
     RETURN d.key AS key, d.symbol AS symbol, d.type AS type ORDER BY d.key LIMIT 1`,
  );
  const hub = await one(
    'MATCH (d:Document)<-[:REFERS_TO]-(c:Citation) WITH d, count(c) AS n ORDER BY n DESC LIMIT 1 RETURN d.key AS key, d.symbol AS symbol, d.type AS type',
  );
  const unit = await one('MATCH (o:Organization)<-[:ISSUED_BY]-(:Document) RETURN o.name AS name LIMIT 1');
  const source = await one('MATCH (s:SourceFile) RETURN s.sha256 AS sha LIMIT 1');
  console.log(JSON.stringify({ typical, hub, unit, source: source['sha']?.slice(0, 12) }));

  // `… 100000 0 --keep` builds the kept graph and stops there (the build under the lock, the pages in a later run).
  if (runs > 0) await pages(db, { typical, hub, unit, source });
} finally {
  await fresh.stop();
}

type Picked = Record<'typical' | 'hub' | 'unit' | 'source', Record<string, string>>;

async function pages(db: Db, { typical, hub, unit, source }: Picked) {
  const { server } = createApi({
    db,
    token: null,
    protectReads: false,
    corsOrigins: [],
    logger: pino({ level: 'silent' }),
  });
  const base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  const cite = (d: Record<string, string>) =>
    `${TYPE_NAMES[d['type'] ?? ''] ?? 'Văn bản'} số ${d['symbol'] ?? ''}`;
  const draft = `BÁO CÁO\nKết quả thực hiện\n\nThực hiện ${cite(typical)} và ${cite(hub)}, đơn vị báo cáo như sau.\n`;
  const IMPLEMENTERS_SHOWN = '#thuc-hien .thuc-hien table, #thuc-hien .thuc-hien > p:not(.dang-tai)';
  const doc = (key: string | undefined) => `/van-ban?ref=${encodeURIComponent(key ?? '')}`;
  const steps: Step[] = [
    {
      name: 'search (a symbol)',
      path: `/?q=${encodeURIComponent(typical['symbol'] ?? '')}`,
      ready: '#ket-qua li a',
    },
    {
      name: 'search (title words, no diacritics)',
      path: '/?q=ke%20hoach%20thuc%20hien',
      ready: '#ket-qua .so-ket-qua',
    },
    {
      name: 'document (typical directive): card and lược đồ',
      path: doc(typical['key']),
      ready: '#luoc-do section, #luoc-do p',
    },
    {
      name: 'document (typical): implementers table',
      path: doc(typical['key']),
      // The table, or the sentence saying there is none: not the loading line, nor the other list's words.
      ready: IMPLEMENTERS_SHOWN,
    },
    {
      name: 'document (hub): card and lược đồ',
      path: doc(hub['key']),
      ready: '#luoc-do section, #luoc-do p',
    },
    {
      name: 'document (hub): implementers table',
      path: doc(hub['key']),
      // The table, or the sentence saying there is none: not the loading line, nor the other list's words.
      ready: IMPLEMENTERS_SHOWN,
    },
    {
      name: 'chain IN depth 3 (typical), picture drawn',
      path: `${doc(typical['key'])}#chuoi`,
      ready: '.so-do canvas',
    },
    {
      name: 'document (typical): its findings',
      path: doc(typical['key']),
      // The title gets its count "(n)" once the findings are in (a CSS string would eat a regex's backslashes).
      ready: '#phat-hien h2:has-text(")")',
    },
    {
      name: 'document (hub): its findings',
      path: doc(hub['key']),
      ready: '#phat-hien h2:has-text(")")',
    },
    {
      name: 'kiểm tra (a draft citing the typical directive and the hub)',
      path: '/kiem-tra',
      ready: '#ket-qua .toan-van',
      act: async (page) => {
        await page.locator('#du-thao').fill(draft);
        await page.getByRole('button', { name: 'Kiểm tra' }).click();
      },
    },
    { name: 'unit', path: `/don-vi?name=${encodeURIComponent(unit['name'] ?? '')}`, ready: 'table.nam' },
    { name: 'source view', path: `/nguon?sha=${source['sha'] ?? ''}`, ready: '.toan-van' },
    {
      name: 'rà soát (whole graph, first 40)',
      path: '/ra-soat',
      ready: 'section.ma-phat-hien, #ket-qua > p[role=status]:not(.dang-tai)',
    },
    {
      // Timed from the click: the first page's scan stopped at a document, the next goes on from there.
      name: 'rà soát: Xem thêm (the next 40)',
      path: '/ra-soat',
      ready: '.xem-them:not([aria-busy])',
      act: async (page) => {
        const more = page.getByRole('button', { name: 'Xem thêm' });
        await more.waitFor({ timeout: 30_000 });
        const t = performance.now();
        await more.click();
        return t;
      },
    },
  ];
  // LUOCDO_BENCH_PAGES: a pattern of the step names to measure (all when unset), for a run about a few pages.
  const only = new RegExp(process.env['LUOCDO_BENCH_PAGES'] ?? '');
  const browser = await chromium.launch({ executablePath: executable, args: ['--no-sandbox'] });
  const page = await browser.newPage();
  for (const step of steps.filter((s) => only.test(s.name))) {
    const samples = [];
    // Warm-up: the JVM's plans and the browser's cache, as a person's second visit. A cold first visit can
    // fail where a warm one does not (a query planned and read from disk past the read deadline): said, and
    // the step still measured, as a person who pressed "Thử lại" would see it.
    let warmup: number | string;
    try {
      warmup = Math.round((await visit(page, base, step)).ms);
    } catch (e) {
      warmup = String(e).slice(0, 1000);
    }
    try {
      for (let i = 0; i < runs; i++) samples.push(await visit(page, base, step));
    } catch (e) {
      // A page that never shows its content is a result too: said, and the other pages still measured.
      console.log(JSON.stringify({ page: step.name, reports: size, failed: String(e).slice(0, 2000) }));
      continue;
    }
    console.log(
      JSON.stringify({
        page: step.name,
        reports: size,
        medianMs: median(samples.map((s) => s.ms)),
        maxMs: +Math.max(...samples.map((s) => s.ms)).toFixed(0),
        graphqlRequests: samples[0]?.requests,
        slowestGraphqlMedianMs: median(samples.map((s) => s.slowestGraphqlMs)),
        graphqlMsByOperation: samples[samples.length - 1]?.byName,
        warmupMs: warmup,
        runs,
      }),
    );
  }
  await browser.close();
  await new Promise<void>((r) => server.close(() => r()));
}
