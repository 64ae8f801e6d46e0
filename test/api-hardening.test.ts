import { connect as tcp } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDrivers, type Db } from '../src/store/connection.js';
import { ingestPaths } from '../src/ingest/pipeline.js';
import { startApi, type GqlBody, type TestApi } from './helpers/api.js';
import { cleanGraph, testDb } from './helpers/db.js';
import { seedPath } from './helpers/gold.js';

// What a probe of the API found (issue 12), each over real HTTP against the real database: reads protected
// by GET too, caps on costly inputs answered as BAD_INPUT or LIMIT, cursors checked, security headers, the
// audit's own size and time limits, a body limit that refuses before reading.

const TOKEN = 'token-for-the-hardening-tests-0123';
const BEARER = { authorization: `Bearer ${TOKEN}` };
const db = testDb();
/** Read transactions the API started, through the counting Db below. */
let reads = 0;
const counting: Db = {
  ...db,
  read: (w, o) => {
    reads++;
    return db.read(w, o);
  },
};

beforeAll(async () => {
  await cleanGraph(db);
  const s = await ingestPaths(db, [seedPath('.')], { maxBytes: 5e6, concurrency: 2, dryRun: false });
  expect(s.failed).toBe(0);
});
afterAll(() => closeDrivers());

const code = (b: GqlBody<unknown>) => b.errors?.[0]?.extensions?.code;
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

describe('reads protected, by GET as by POST', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi(db, TOKEN, { protectReads: true });
  });
  afterAll(() => api.close());
  const get = (accept: string | null, headers: Record<string, string> = {}) =>
    fetch(`${api.base}/graphql?query=${encodeURIComponent('{ stats { documents } }')}`, {
      headers: { ...(accept ? { accept } : {}), ...headers },
    });

  it.each(['application/json', '*/*', 'application/graphql-response+json', null])(
    'refuses GET ?query= with accept %s without the token',
    async (accept) => {
      const r = await get(accept);
      expect(r.status).toBe(401);
      const body = (await r.json()) as GqlBody<unknown>;
      expect(code(body)).toBe('UNAUTHENTICATED');
      expect(body.data ?? null).toBeNull();
    },
  );

  it('answers GET ?query= with the token', async () => {
    const r = await get('application/json', BEARER);
    expect(r.status).toBe(200);
    expect(
      ((await r.json()) as GqlBody<{ stats: { documents: number } }>).data?.stats.documents,
    ).toBeGreaterThan(0);
  });

  it('gives a browser (accept text/html) the GraphiQL page, with or without a query, and runs nothing', async () => {
    for (const r of [
      await get('text/html'),
      await fetch(`${api.base}/graphql`, { headers: { accept: 'text/html' } }),
    ]) {
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await r.text();
      expect(html).toContain('id="graphiql"');
      expect(html).not.toContain('"data"');
    }
  });
});

describe('caps and cursors', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi(db);
  });
  afterAll(() => api.close());

  it('answers an oversized search with BAD_INPUT naming the cap, not an internal error', async () => {
    const search = (t: string) => api.gql('query($t: String!) { search(text: $t) { key } }', { t });
    const cap = /^search takes at most 64 words and 2000 characters \(given: /;
    // What the probe sent: 1,500 distinct words, a masked Lucene TooManyClauses after 2.6 s.
    const probe = await search(Array.from({ length: 1500 }, (_, i) => `tu${i.toString(36)}`).join(' '));
    expect(code(probe.body)).toBe('BAD_INPUT');
    expect(probe.body.errors?.[0]?.message).toMatch(cap);
    const words = await search(Array.from({ length: 65 }, (_, i) => `t${i}`).join(' '));
    expect(code(words.body)).toBe('BAD_INPUT');
    expect(words.body.errors?.[0]?.message).toContain('given: 65 words');
    const long = await search('a'.repeat(1e6));
    expect(code(long.body)).toBe('BAD_INPUT');
    expect(long.body.errors?.[0]?.message).toContain('given: 1000000 characters');
    expect((await search('dân vận '.repeat(32))).body.errors).toBeUndefined();
  });

  it.each([
    ['-5', '-5'],
    ['abc', 'abc'],
    ['1.5', '1.5'],
    ['a huge number', '1e400'],
  ])('refuses an audit cursor of %s as BAD_INPUT invalid cursor', async (_, text) => {
    const r = await api.gql(
      'query($a: String) { audit(first: 2, after: $a) { totalCount edges { cursor } } }',
      {
        a: b64(text),
      },
    );
    expect(code(r.body)).toBe('BAD_INPUT');
    expect(r.body.errors?.[0]?.message).toBe('invalid cursor');
  });

  it('still pages the audit with its own cursors', async () => {
    const first = await api.gql<{ audit: { edges: Array<{ cursor: string }> } }>(
      '{ audit(first: 1) { edges { cursor } } }',
    );
    // Opaque: the whole graph's audit pages by where its scan stopped, not by a position.
    const after = first.body.data?.audit.edges[0]?.cursor;
    expect(after).toBeTruthy();
    const next = await api.gql<{ audit: { edges: Array<{ cursor: string }> } }>(
      'query($a: String) { audit(first: 1, after: $a) { edges { cursor } } }',
      { a: after },
    );
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data?.audit.edges[0]?.cursor).not.toBe(after);
  });

  it('gives every graphql-armor refusal the LIMIT code', async () => {
    let nested = '{ symbol }';
    for (let i = 0; i < 12; i++) nested = `{ citations(first: 1) { edges { node ${nested} } } }`;
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: stats { documents }`).join(' ');
    const tokens = Array.from({ length: 2100 }, () => '__typename').join(' ');
    const directives = Array.from({ length: 30 }, () => '@include(if: true)').join(' ');
    const costly = Array.from(
      { length: 14 },
      (_, i) =>
        `c${i}: documents(first: 100) { edges { node { issuer { name } citations(first: 100) { edges { node { key } } } } } }`,
    ).join(' ');
    for (const query of [
      `{ document(ref: "22-CT/TU") ${nested} }`,
      `{ ${aliases} }`,
      `{ ${tokens} }`,
      `{ __typename ${directives} }`,
      `{ ${costly} }`,
    ]) {
      const r = await api.gql(query);
      expect(r.body.data ?? null, query.slice(0, 60)).toBeNull();
      expect(code(r.body), r.body.errors?.[0]?.message).toBe('LIMIT');
    }
  });
});

describe('security headers', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi(db, TOKEN, { protectReads: true });
  });
  afterAll(() => api.close());

  it('are on every answer: data, refusals, the page and its files', async () => {
    const answers = [
      await fetch(`${api.base}/health`),
      await fetch(`${api.base}/ready`),
      await fetch(`${api.base}/nowhere`),
      await fetch(`${api.base}/graphiql/graphiql.js`),
      await fetch(`${api.base}/graphql`, { headers: { accept: 'text/html' } }),
      await fetch(`${api.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ stats { documents } }"}',
      }),
      await fetch(`${api.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...BEARER },
        body: '{"query":"{ stats { documents } }"}',
      }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 404, 200, 200, 401, 200]);
    for (const r of answers) {
      expect(r.headers.get('x-frame-options'), r.url).toBe('DENY');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe');
    }
    const page = answers[4]?.headers.get('content-security-policy') ?? '';
    expect(page).toContain("script-src 'self'");
    expect(answers[5]?.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});

describe('the audit: its token, its size and its time', () => {
  let api: TestApi;
  let slow: TestApi;
  beforeAll(async () => {
    api = await startApi(db, TOKEN, { limits: { auditTextMaxChars: 5_000 } });
    slow = await startApi(counting, null, { limits: { auditTimeoutMs: 50 } });
  });
  afterAll(async () => {
    await api.close();
    await slow.close();
  });

  it('needs the token for the whole graph when a token is set; a document’s chain does not', async () => {
    const whole = await api.gql('{ audit { totalCount } }');
    expect(code(whole.body)).toBe('UNAUTHENTICATED');
    expect((await api.gql('{ audit { totalCount } }', {}, BEARER)).body.errors).toBeUndefined();
    expect((await api.gql('{ audit(ref: "22-CT/TU") { totalCount } }')).body.errors).toBeUndefined();
  });

  it('refuses a draft longer than the cap with BAD_INPUT naming it', async () => {
    const r = await api.gql('query($t: String!) { auditText(text: $t) { ok } }', { t: 'x'.repeat(5_001) });
    expect(code(r.body)).toBe('BAD_INPUT');
    expect(r.body.errors?.[0]?.message).toMatch(/at most 5000 \(LUOCDO_API_AUDIT_TEXT_MAX_CHARS\)/);
    const ok = await api.gql('query($t: String!) { auditText(text: $t) { ok } }', { t: 'x'.repeat(5_000) });
    expect(ok.body.errors).toBeUndefined();
  });

  it('stops a draft past its time with TIMEOUT, and starts no query after', async () => {
    const mention = (i: number) => `Căn cứ Kế hoạch số ${i + 1}/KH-UBND ngày 03/4/2017 của UBND tỉnh.`;
    const text = Array.from({ length: 3000 }, (_, i) => mention(i)).join('\n');
    reads = 0;
    const r = await slow.gql('query($t: String!) { auditText(text: $t) { references } }', { t: text });
    expect(code(r.body)).toBe('TIMEOUT');
    expect(r.body.errors?.[0]?.message).toMatch(/the audit ran past 50 ms/);
    const atAnswer = reads;
    expect(atAnswer).toBeLessThan(3000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(reads, 'queries went on after the answer').toBeLessThanOrEqual(atAnswer + 1);
  });
});

/** One raw HTTP request: what comes back (status line and all) before the server closes or `ms` pass. */
function raw(port: number, head: string, body: string, ms = 10_000): Promise<string> {
  return new Promise((resolve) => {
    const s = tcp(port, '127.0.0.1');
    let got = '';
    const done = () => {
      clearTimeout(timer);
      s.destroy();
      resolve(got);
    };
    const timer = setTimeout(done, ms);
    s.on('data', (b: Buffer) => (got += b.toString()));
    s.on('close', done);
    s.on('error', done);
    s.write(head + body);
  });
}

describe('the request body limit', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi(db);
  });
  afterAll(() => api.close());
  const port = () => Number(new URL(api.base).port);

  it('refuses a 100 MB body from its length with 413, without waiting for it', async () => {
    const head = `POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${100e6}\r\n\r\n`;
    // Only a kilobyte is ever sent: a server that waited for the whole body would answer nothing.
    const answer = await raw(port(), head, '{"query":"' + 'x'.repeat(1000));
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer.toLowerCase()).toContain('connection: close');
  });

  it('refuses a chunked body with 411, and still takes an ordinary one', async () => {
    const head =
      'POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n';
    expect(await raw(port(), head, '5\r\n{"que\r\n')).toMatch(/^HTTP\/1\.1 411/);
    const ok = await api.gql<{ stats: { documents: number } }>('{ stats { documents } }');
    expect(ok.body.data?.stats.documents).toBeGreaterThan(0);
  });
});
