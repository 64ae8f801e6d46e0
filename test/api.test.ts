import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../src/extract/index.js';
import { closeDrivers, type Db } from '../src/store/connection.js';
import { connect } from '../src/store/runtime/target.js';
import { ingestPaths } from '../src/ingest/pipeline.js';
import { startApi, type GqlBody, type TestApi } from './helpers/api.js';
import { cleanGraph, testDb, testSettings } from './helpers/db.js';
import { gold, seedPath } from './helpers/gold.js';

const TOKEN = 'test-token-0123456789abcdef';
let base = '';
let reads = 0;

let api: TestApi;
const gql = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  api.gql(query, variables, headers);

beforeAll(async () => {
  const db = testDb();
  await cleanGraph(db);
  const s = await ingestPaths(db, [seedPath('.')], { maxBytes: 5e6, concurrency: 2, dryRun: false });
  expect(s.failed).toBe(0);
  // Counts the read transactions, to check that loaders keep a page to a bounded number of queries.
  const counting: Db = {
    ...db,
    read: (w) => {
      reads++;
      return db.read(w);
    },
  };
  api = await startApi(counting, TOKEN);
  base = api.base;
});
afterAll(async () => {
  await api.close();
  await closeDrivers();
});

describe('the GraphQL API over HTTP, on the seeds', () => {
  it('answers who implemented each directive the gold lists, with evidence and dates', async () => {
    for (const [directive, units] of Object.entries(gold.across.implementers)) {
      const { body } = await gql(
        'query($d: String!) { implementers(directive: $d) { unit { name level } firstOn lastOn via { relation quote document { key } target { symbol } } } }',
        { d: directive },
      );
      expect(body.errors).toBeUndefined();
      const impl = body.data?.['implementers'] as Array<{
        unit: { name: string };
        via: Array<{ quote: string | null }>;
        firstOn: string | null;
      }>;
      const names = impl.map((i) => fold(i.unit.name));
      for (const u of units)
        expect(
          names.some((n) => n.startsWith(fold(u))),
          `${directive}: ${u} in ${names.join('; ')}`,
        ).toBe(true);
      for (const i of impl) expect(i.via.length).toBeGreaterThan(0);
    }
    const { body } = await gql(
      '{ implementers(directive: "70/KH-UBND") { unit { name } via { document { symbol } through { symbol } relation } } }',
    );
    const binhSon = (
      body.data?.['implementers'] as Array<{
        unit: { name: string };
        via: Array<{ document: { symbol: string | null } }>;
      }>
    ).find((i) => i.unit.name.includes('Bình Sơn'));
    expect(binhSon?.via.map((v) => v.document.symbol)).toContain('71/KH-UBND');
  });

  it('pages implementers a unit at a time, the same units and evidence as the whole list', async () => {
    const Q =
      'query($d: String!, $a: String) { implementersPage(directive: $d, first: 1, after: $a) { totalCount edges { cursor node { unit { key name } via { quote through { key } target { key } } } } pageInfo { hasNextPage endCursor } } }';
    const whole = await gql(
      '{ implementers(directive: "70/KH-UBND") { unit { key name } via { quote through { key } target { key } } } }',
    );
    const all = whole.body.data?.['implementers'] as Array<{ unit: { key: string } }>;
    type Page = {
      totalCount: number;
      edges: Array<{ node: { unit: { key: string } } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    const seen: unknown[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const { body } = await gql(Q, { d: '70/KH-UBND', a: after });
      expect(body.errors).toBeUndefined();
      const p = body.data?.['implementersPage'] as Page;
      expect(p.totalCount).toBe(all.length);
      seen.push(...p.edges.map((e) => e.node));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(seen).toEqual(all); // both ordered by unit name
    const bad = await gql(Q, { d: '70/KH-UBND', a: 'bm90IGpzb24' });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_INPUT');
  });

  it.each([
    '22-CT/TU',
    'chi thi so 22 - ct/tu',
    'Chỉ thị số 22-CT/TU ngày 03/4/2017',
    'chi thi 22',
    'Kết luận số 114-KL/TW ngày 14 tháng 7 năm 2015 của Ban Bí thư',
    'ket luan so 114-kl/tw',
  ])('resolves %s', async (ref) => {
    const { body } = await gql(
      'query($r: String!) { document(ref: $r) { symbol issuedOn issuer { name } } }',
      { r: ref },
    );
    expect(body.errors).toBeUndefined();
    const d = body.data?.['document'] as { symbol: string };
    expect(d.symbol).toBe(ref.includes('114') ? '114-KL/TW' : '22-CT/TU');
  });

  it('says which documents an ambiguous number may mean', async () => {
    const { status, body } = await gql('{ document(ref: "17/KH-UBND") { key } }');
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions?.code).toBe('AMBIGUOUS_REF');
    expect(body.errors?.[0]?.extensions?.candidates).toHaveLength(2);
    const dated = await gql('{ document(ref: "Kế hoạch số 17/KH-UBND ngày 20/4/2021") { issuedOn } }');
    expect(dated.body.data?.['document']).toEqual({ issuedOn: '2021-04-20' });
  });

  it('gives BAD_REF for a reference with no number, NOT_FOUND for an unknown one, never a 500', async () => {
    const bad = await gql('{ implementers(directive: "xin chào") { unit { name } } }');
    expect(bad.status).toBe(200);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_REF');
    const missing = await gql('{ implementers(directive: "999-CT/TW") { unit { name } } }');
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql('{ document(ref: "999-CT/TW") { key } }')).body.data?.['document']).toBeNull();
  });

  it('finds “Dân vận khéo” from dan van kheo, with or without diacritics', async () => {
    for (const text of ['dan van kheo', 'Dân vận khéo', 'DAN VAN KHEO']) {
      const { body } = await gql('query($t: String!) { search(text: $t, first: 10) { title hasText } }', {
        t: text,
      });
      const titles = (body.data?.['search'] as Array<{ title: string | null }>).map((d) => d.title ?? '');
      expect(
        titles.some((t) => t.includes('Dân vận khéo')),
        text,
      ).toBe(true);
    }
  });

  it('refuses a 12-level nested query and a 200-alias query', async () => {
    let nested = '{ symbol }';
    for (let i = 0; i < 12; i++) nested = `{ citations(first: 1) { edges { node ${nested} } } }`;
    const deep = await gql(`{ document(ref: "22-CT/TU") ${nested} }`);
    expect(deep.body.data ?? null).toBeNull();
    expect(deep.body.errors?.map((e) => e.message).join(' ')).toMatch(/depth|cost/i);
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: stats { documents }`).join(' ');
    const wide = await gql(`{ ${aliases} }`);
    expect(wide.body.data ?? null).toBeNull();
    expect(wide.body.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('pages documents stably with cursors: the pages together are the whole list, once each', async () => {
    const all = await gql('{ documents(first: 100) { totalCount edges { node { key } } } }');
    const every = all.body.data?.['documents'] as {
      totalCount: number;
      edges: Array<{ node: { key: string } }>;
    };
    const keys: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const r = await gql(
        'query($a: String) { documents(first: 7, after: $a) { edges { node { key } } pageInfo { hasNextPage endCursor } } }',
        { a: after },
      );
      const c = r.body.data?.['documents'] as {
        edges: Array<{ node: { key: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
      keys.push(...c.edges.map((e) => e.node.key));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(keys).toEqual(every.edges.map((e) => e.node.key));
    expect(new Set(keys).size).toBe(every.totalCount);
    const limit = await gql('{ documents(first: 1000) { totalCount } }');
    expect(limit.body.errors?.[0]?.extensions?.code).toBe('LIMIT');
  });

  it('costs a bounded number of queries for a page of documents with their issuers', async () => {
    reads = 0;
    const r = await gql('{ documents(first: 40) { edges { node { symbol issuer { name } } } } }');
    expect(r.body.errors).toBeUndefined();
    expect(reads).toBeLessThanOrEqual(3);
  });

  it('walks the citation chain both ways', async () => {
    const out = await gql(
      '{ citationChain(ref: "71/KH-UBND", direction: OUT, maxDepth: 2) { nodes { symbol } edges { relation } } }',
    );
    const g = out.body.data?.['citationChain'] as {
      nodes: Array<{ symbol: string | null }>;
      edges: Array<{ relation: string }>;
    };
    expect(g.nodes.map((n) => n.symbol)).toEqual(
      expect.arrayContaining(['71/KH-UBND', '70/KH-UBND', '65-KH/HU']),
    );
    const inn = await gql(
      '{ citationChain(ref: "70/KH-UBND", direction: IN, maxDepth: 2) { nodes { key hasText } edges { from to relation quote } } }',
    );
    const h = inn.body.data?.['citationChain'] as {
      nodes: Array<{ hasText: boolean }>;
      edges: Array<{ quote: string | null }>;
    };
    expect(h.nodes.filter((n) => n.hasText).length).toBeGreaterThanOrEqual(2);
    expect(h.edges.every((e) => e.quote !== null)).toBe(true);
    const tooDeep = await gql('{ citationChain(ref: "70/KH-UBND", maxDepth: 50) { nodes { key } } }');
    expect(tooDeep.body.errors?.[0]?.extensions?.code).toBe('LIMIT');
  });

  it('lists organizations by level and finds one by name without diacritics', async () => {
    const r = await gql(
      '{ organizations(level: "huyện", first: 50) { totalCount edges { node { name level } } } organization(name: "uy ban nhan dan huyen son tay") { name level documents(first: 50) { totalCount } } stats { documents documentsWithText sources } }',
    );
    expect(r.body.errors).toBeUndefined();
    const orgs = r.body.data?.['organizations'] as { edges: Array<{ node: { level: string } }> };
    expect(orgs.edges.every((e) => e.node.level === 'huyện')).toBe(true);
    expect(r.body.data?.['organization']).toMatchObject({
      name: 'Ủy ban nhân dân huyện Sơn Tây',
      level: 'huyện',
    });
    expect(r.body.data?.['stats']).toMatchObject({ documentsWithText: 4, sources: 5 });
  });

  it('keeps mutations behind the token', async () => {
    const text =
      'Thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy, UBND huyện Ba Tơ báo cáo như sau: đã triển khai.';
    const m =
      'mutation($t: String!) { ingestText(text: $t, path: "api/bato.txt") { status sha256 citations } }';
    const denied = await gql(m, { t: text });
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await gql(m, { t: text }, { authorization: 'Bearer not-the-token-at-all!' });
    expect(wrong.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const ok = await gql(m, { t: text }, { authorization: `Bearer ${TOKEN}` });
    expect(ok.body.data?.['ingestText']).toMatchObject({ status: 'added', citations: 1 });
    const gone = await gql(
      'mutation { removeSource(source: "api/bato.txt") { path } }',
      {},
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(gone.body.data?.['removeSource']).toEqual([{ path: 'api/bato.txt' }]);
  });

  it('serves /health, /ready and GraphiQL', async () => {
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${base}/ready`)).json()).toEqual({ status: 'ready' });
    const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/graphiql/i);
  });
});

describe('the token and the error boundary, over HTTP', () => {
  const STATS = '{ stats { documents } }';
  type Body = GqlBody<{ stats?: { documents: number } }>;

  it('with reads protected, runs no operation without the token, by GET or POST; the GraphiQL page still loads', async () => {
    const guarded = await startApi(testDb(), TOKEN, { protectReads: true });
    try {
      const get = (headers: Record<string, string>) =>
        fetch(`${guarded.base}/graphql?query=${encodeURIComponent(STATS)}`, {
          headers: { accept: 'application/json', ...headers },
        });
      const bare = await get({});
      expect(bare.status).toBe(401);
      const refused = (await bare.json()) as Body;
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const wrong = await get({ authorization: 'Bearer not-the-token-at-all!' });
      expect(wrong.status).toBe(401);
      const post = await guarded.gql(STATS);
      expect(post.status).toBe(401);
      expect(post.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

      const allowed = await get({ authorization: `Bearer ${TOKEN}` });
      expect(allowed.status).toBe(200);
      expect(((await allowed.json()) as Body).data?.stats?.documents).toBeGreaterThan(0);
      const posted = await guarded.gql<{ stats: { documents: number } }>(
        STATS,
        {},
        { authorization: `Bearer ${TOKEN}` },
      );
      expect(posted.body.data?.stats.documents).toBeGreaterThan(0);

      const page = await fetch(`${guarded.base}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/graphiql/i);
      expect((await fetch(`${guarded.base}/graphiql/graphiql.js`)).status).toBe(200);
      expect((await fetch(`${guarded.base}/health`)).status).toBe(200);
      expect((await fetch(`${guarded.base}/ready`)).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('masks an unexpected failure: no message, no stack, not even with NODE_ENV=development', async () => {
    const db = testDb();
    const broken: Db = { ...db, read: () => Promise.reject(new Error('/srv/secret/store: page 7 is torn')) };
    const api = await startApi(broken);
    const env = process.env['NODE_ENV'];
    process.env['NODE_ENV'] = 'development';
    try {
      const res = await fetch(`${api.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: STATS }),
      });
      const text = await res.text();
      expect(text).not.toMatch(/secret|torn|stack|at /);
      const body = JSON.parse(text) as Body;
      expect(body.errors?.map((e) => e.message)).toEqual(['Unexpected error.']);
      expect(body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      process.env['NODE_ENV'] = env;
      await api.close();
    }
  });

  it('tells a client the database is unavailable, and not where it is', async () => {
    const down = connect(testSettings({ NEO4J_URI: 'bolt://127.0.0.1:1', LUOCDO_TX_TIMEOUT_MS: '500' }));
    const api = await startApi(down);
    try {
      const { status, body } = await api.gql(STATS);
      expect(status).toBe(200);
      expect(body.errors?.[0]).toMatchObject({
        message: 'the database is unavailable',
        extensions: { code: 'UNAVAILABLE' },
      });
      expect(JSON.stringify(body)).not.toContain('127.0.0.1:1');
    } finally {
      await api.close();
    }
  });

  it('says NOT_FOUND and BAD_REF for the audit of a document the graph lacks or a reference with no number', async () => {
    const missing = await gql('{ audit(ref: "999-CT/TW") { totalCount } }');
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const bad = await gql('{ audit(ref: "xin chào") { totalCount } }');
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_REF');
    const ambiguous = await gql('{ audit(ref: "17/KH-UBND") { totalCount } }');
    expect(ambiguous.body.errors?.[0]?.extensions?.code).toBe('BAD_REF');
  });
});
