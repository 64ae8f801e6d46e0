import { readFileSync } from 'node:fs';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { failed, held, withinMemory, type ProbeCase } from '../case.js';
import { withEnv, type ProbeContext } from '../context.js';
import { serveApi, type Gql, type Served } from '../served.js';

const TOKEN = 'probe-token-0123456789abcdef';
const protectedEnv = (ctx: ProbeContext) =>
  withEnv(ctx, { LUOCDO_API_TOKEN: TOKEN, LUOCDO_API_PROTECT_READS: 'true' });

async function withApi<T>(env: NodeJS.ProcessEnv, work: (api: Served) => Promise<T>): Promise<T> {
  const api = await serveApi(env);
  try {
    return await work(api);
  } finally {
    await api.stop();
  }
}

const codeOf = (r: Gql): string | undefined => r.body?.errors?.[0]?.extensions?.code;
const hasData = (r: Gql): boolean => r.body?.data !== undefined && r.body.data !== null;
const brief = (r: Gql): string => `${r.status} ${codeOf(r) ?? (hasData(r) ? 'data' : r.text.slice(0, 60))}`;

const readGuard: ProbeCase = {
  id: 'api.reads-need-token',
  area: 'api',
  tries: 'with protected reads, an operation without the token by POST, by GET (JSON, any or HTML accept)',
  limitMs: 30_000,
  run: (ctx) =>
    withApi(protectedEnv(ctx), async (api) => {
      const q = encodeURIComponent('{stats{documents}}');
      const tries: Array<[string, Gql]> = [
        ['POST', await api.post('{stats{documents}}')],
        ['GET json', await api.fetch(`/graphql?query=${q}`, { headers: { accept: 'application/json' } })],
        ['GET */*', await api.fetch(`/graphql?query=${q}`, { headers: { accept: '*/*' } })],
        ['GET html', await api.fetch(`/graphql?query=${q}`, { headers: { accept: 'text/html' } })],
      ];
      const leaked = tries.filter(([, r]) => r.text.includes('"documents"'));
      const withToken = await api.post('{stats{documents}}', {}, { authorization: `Bearer ${TOKEN}` });
      const page = await api.fetch('/graphql', { headers: { accept: 'text/html' } });
      const summary = tries.map(([k, r]) => `${k} ${r.status}`).join(', ');
      if (leaked.length) return failed(`answered without the token: ${leaked.map(([k]) => k).join(', ')}`);
      if (!hasData(withToken)) return failed(`the token itself was refused: ${brief(withToken)}`);
      if (page.status !== 200) return failed(`the GraphiQL page did not load: ${page.status}`);
      return held(`${summary}; with the token: data; page: 200`);
    }),
};

const writeGuard: ProbeCase = {
  id: 'api.writes-need-token',
  area: 'api',
  tries: '`ingestText` and `removeSource` without the token, with a wrong one, and with no token configured',
  limitMs: 30_000,
  async run(ctx) {
    const before = await ctx.snapshot();
    const ingest =
      'mutation { ingestText(text: "Thực hiện Chỉ thị số 22-CT/TU.", path: "probe.txt") { status } }';
    const remove = 'mutation { removeSource(source: "probe.txt") { path } }';
    const outcomes: string[] = [];
    await withApi(withEnv(ctx, { LUOCDO_API_TOKEN: TOKEN }), async (api) => {
      for (const q of [ingest, remove]) {
        outcomes.push(codeOf(await api.post(q)) ?? 'ran');
        outcomes.push(codeOf(await api.post(q, {}, { authorization: `Bearer ${TOKEN}x` })) ?? 'ran');
      }
    });
    await withApi(withEnv(ctx, { LUOCDO_API_TOKEN: '' }), async (api) => {
      for (const q of [ingest, remove]) outcomes.push(codeOf(await api.post(q)) ?? 'ran');
    });
    const after = await ctx.snapshot();
    if (JSON.stringify(before) !== JSON.stringify(after)) return failed('the graph changed');
    return outcomes.every((o) => o === 'UNAUTHENTICATED' || o === 'FORBIDDEN')
      ? held(`refused: ${outcomes.join(', ')}`)
      : failed(`outcomes: ${outcomes.join(', ')}`);
  },
};

const publicBind: ProbeCase = {
  id: 'api.public-bind-needs-token',
  area: 'api',
  tries: '`serve --host 0.0.0.0` with no token: refused unless --public, and says what is exposed',
  limitMs: 30_000,
  async run(ctx) {
    const env = withEnv(ctx, { LUOCDO_API_TOKEN: '', LUOCDO_API_PROTECT_READS: 'false' });
    try {
      const api = await serveApi(env, ['--host', '0.0.0.0']);
      await api.stop();
      return failed('listened on 0.0.0.0 without a token');
    } catch (e) {
      const said = (e as Error).message;
      if (!/--public/.test(said)) return failed(`refused, but did not say how: ${said.slice(-200)}`);
      return held('refused, naming --public');
    }
  },
};

const loopbackOnly: ProbeCase = {
  id: 'api.loopback-by-default',
  area: 'api',
  tries: 'the API, by default, listens on 127.0.0.1 only',
  limitMs: 30_000,
  run: (ctx) =>
    withApi(withEnv(ctx, { LUOCDO_API_HOST: '' }), async (api) => {
      const port = Number(new URL(api.base).port);
      const hex = port.toString(16).toUpperCase().padStart(4, '0');
      const listening = ['/proc/net/tcp', '/proc/net/tcp6']
        .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
        .map((l) => l.trim().split(/\s+/))
        .filter((c) => c[1]?.endsWith(`:${hex}`) && c[3] === '0A')
        .map((c) => c[1] ?? '');
      const wide = listening.filter((a) => !a.startsWith('0100007F:') && !/^0+1000000:|^0{31}1:/.test(a));
      if (listening.length === 0) return failed(`no listening socket found for port ${port}`);
      return wide.length
        ? failed(`listens on ${wide.join(', ')}`)
        : held(`listens on ${listening.join(', ')}`);
    }),
};

const securityHeaders: ProbeCase = {
  id: 'api.page-headers',
  area: 'api',
  tries: 'the page and the API answer with a CSP, no framing, nosniff',
  limitMs: 30_000,
  run: (ctx) =>
    withApi(ctx.env, async (api) => {
      const page = await api.fetch('/graphql', { headers: { accept: 'text/html' } });
      const data = await api.post('{stats{documents}}');
      const missing: string[] = [];
      for (const [name, r] of [
        ['page', page],
        ['json', data],
      ] as const) {
        const csp = r.headers.get('content-security-policy') ?? '';
        if (name === 'page' && !csp) missing.push(`${name}: Content-Security-Policy`);
        if (!/frame-ancestors 'none'/.test(csp) && !r.headers.get('x-frame-options'))
          missing.push(`${name}: X-Frame-Options`);
        if (r.headers.get('x-content-type-options') !== 'nosniff') missing.push(`${name}: nosniff`);
      }
      return missing.length ? failed(`missing ${missing.join(', ')}`) : held('CSP, framing and nosniff set');
    }),
};

/** Client mistakes the API must answer with a stable code, quickly, and without a trace of its insides. */
function badInputCase(
  id: string,
  tries: string,
  codes: string[],
  make: () => { query: string; variables?: Record<string, unknown> },
): ProbeCase {
  return {
    id,
    area: 'api',
    tries,
    limitMs: 60_000,
    run: (ctx) =>
      withApi(ctx.env, async (api) => {
        const { query, variables } = make();
        const r = await api.post(query, variables ?? {});
        const code = codeOf(r);
        const leaks = /\n\s+at |\/src\/|\.ts:\d|Neo4jError|TooManyClauses/.test(r.text);
        const what = `${r.status} ${code ?? 'no code'} in ${r.ms} ms; server peak ${api.peakRssMb()} MB`;
        if (leaks) return failed(`${what}; the answer shows the server's insides`);
        if (r.status >= 500 && r.status !== 503) return failed(what);
        return code && codes.includes(code) ? held(what) : failed(`${what}; expected ${codes.join(' or ')}`);
      }),
  };
}

const words = (n: number) => Array.from({ length: n }, (_, i) => `tu${i.toString(36)}`).join(' ');
const b64 = (s: string) => Buffer.from(s).toString('base64');
const nested = (depth: number) =>
  `{ documents { edges { node { ${'citedBy(first: 1) { edges { node { '.repeat(depth)}key${' } } }'.repeat(depth)} } } } }`;

const badInputs: ProbeCase[] = [
  badInputCase('api.search-many-words', '`search` with 1,500 distinct words', ['BAD_INPUT'], () => ({
    query: 'query($t: String!) { search(text: $t) { key } }',
    variables: { t: words(1500) },
  })),
  badInputCase('api.search-megabyte', '`search` with 1 MB of text', ['BAD_INPUT', 'LIMIT'], () => ({
    query: 'query($t: String!) { search(text: $t) { key } }',
    variables: { t: 'chỉ thị '.repeat(130_000) },
  })),
  badInputCase('api.audit-cursor-negative', '`audit` with the cursor base64("-5")', ['BAD_INPUT'], () => ({
    query: `{ audit(after: "${b64('-5')}") { edges { node { code } } } }`,
  })),
  badInputCase('api.audit-cursor-garbage', '`audit` with the cursor base64("abc")', ['BAD_INPUT'], () => ({
    query: `{ audit(after: "${b64('abc')}") { edges { node { code } } } }`,
  })),
  badInputCase('api.depth-limit-code', 'a query 14 levels deep', ['LIMIT'], () => ({ query: nested(6) })),
  badInputCase('api.alias-limit-code', 'a query with 40 aliases', ['LIMIT'], () => ({
    query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: stats { documents }`).join(' ')} }`,
  })),
  badInputCase('api.audittext-size', '`auditText` with 8 MB of text', ['BAD_INPUT', 'LIMIT'], () => ({
    query: 'query($t: String!) { auditText(text: $t) { findings { code } } }',
    variables: { t: 'Thực hiện Chỉ thị số 22-CT/TU ngày 01/02/2021 của Tỉnh ủy. '.repeat(140_000) },
  })),
];

const denseDraft: ProbeCase = {
  id: 'api.audittext-dense',
  area: 'api',
  tries:
    '`auditText` with 1.9 million characters of alias definitions: answered, the server responsive meanwhile',
  limitMs: 120_000,
  run: (ctx) =>
    withApi(ctx.env, async (api) => {
      const unit = 'Chỉ thị số 22-CT/TU (sau đây gọi là Chỉ thị 22); ';
      const t = unit.repeat(Math.floor(1_900_000 / unit.length));
      const pending = api.post('query($t: String!) { auditText(text: $t) { references } }', { t });
      await new Promise((r) => setTimeout(r, 300));
      const healthStarted = Date.now();
      const health = await api.fetch('/health');
      const healthMs = Date.now() - healthStarted;
      const r = await pending;
      const code = codeOf(r);
      const what = `${brief(r)} in ${r.ms} ms; /health meanwhile in ${healthMs} ms; server peak ${api.peakRssMb()} MB`;
      const answered = r.status === 200 && (hasData(r) || code === 'TIMEOUT' || code === 'LIMIT');
      return answered && health.status === 200 && healthMs < 5000 ? held(what) : failed(what);
    }),
};

const overCap: ProbeCase = {
  id: 'api.audittext-chars',
  area: 'api',
  tries: '`auditText` with 3 million characters (under the body limit, over the text cap)',
  limitMs: 60_000,
  run: (ctx) =>
    withApi(ctx.env, async (api) => {
      const r = await api.post('query($t: String!) { auditText(text: $t) { references } }', {
        t: 'Chi thi so 22-CT/TU. '.repeat(150_000),
      });
      const what = `${brief(r)} in ${r.ms} ms`;
      return codeOf(r) === 'BAD_INPUT' && /2000000|2,000,000|characters/.test(r.text)
        ? held(what)
        : failed(what);
    }),
};

const bigBody: ProbeCase = {
  id: 'api.body-size',
  area: 'api',
  tries: 'a 100 MB POST body: refused early, server memory bounded',
  limitMs: 60_000,
  run: (ctx) =>
    withApi(ctx.env, async (api) => {
      const before = api.peakRssMb();
      let status = 0;
      try {
        const r = await api.fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: `{"query":"{stats{documents}}","variables":{"x":"${'a'.repeat(100 * 1024 * 1024)}"}}`,
        });
        status = r.status;
      } catch {
        status = -1; // the server closed the connection: a refusal too
      }
      const peak = api.peakRssMb();
      return withinMemory(
        status === 413 || status === -1,
        `answered ${status === -1 ? 'by closing the connection' : status}; server peak before ${before} MB`,
        peak,
        before + 150,
      );
    }),
};

const INJECTIONS = [
  `' OR 1=1 //`,
  `"}) MATCH (n) DETACH DELETE n //`,
  '22-CT/TU\u0000',
  '`; CALL dbms.shutdown() //',
  '\\u0027 RETURN 1 //',
  '${process.exit()}',
  'x'.repeat(20_000),
];

const injection: ProbeCase = {
  id: 'api.injection-strings',
  area: 'api',
  tries: 'injection strings in every string argument: no effect on the graph, no server error',
  limitMs: 90_000,
  run: (ctx) =>
    withApi(ctx.env, async (api) => {
      const before = await ctx.snapshot();
      const bad: string[] = [];
      for (const s of INJECTIONS) {
        for (const query of [
          'query($s: String!) { document(ref: $s) { key } }',
          'query($s: String!) { candidates(ref: $s) { key } }',
          'query($s: String!) { search(text: $s) { key } }',
          'query($s: String!) { implementers(directive: $s) { document { key } } }',
          'query($s: String!) { organization(name: $s) { name } }',
          'query($s: String!) { citationChain(ref: $s) { nodes { key } } }',
        ]) {
          const r = await api.post(query, { s });
          if (r.status >= 500 || codeOf(r) === 'INTERNAL_SERVER_ERROR')
            bad.push(`${query.slice(18, 40)} ${brief(r)}`);
        }
      }
      const after = await ctx.snapshot();
      const same = JSON.stringify(before) === JSON.stringify(after);
      if (!same) return failed('the graph changed');
      return bad.length
        ? failed(`server errors: ${bad.slice(0, 3).join('; ')}`)
        : held(`${INJECTIONS.length * 6} tries, graph unchanged`);
    }),
};

/** A port where a TCP server accepts and never answers: a database that hangs rather than refuses. */
function blackHole(): Promise<{ port: number; server: TcpServer }> {
  return new Promise((resolve) => {
    const server = createTcpServer((socket) => socket.on('error', () => undefined));
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve({ port: typeof a === 'object' && a ? a.port : 0, server });
    });
  });
}

function databaseDown(
  id: string,
  tries: string,
  uriOf: () => Promise<{ uri: string; close(): void }>,
): ProbeCase {
  return {
    id,
    area: 'api',
    tries,
    limitMs: 120_000,
    async run(ctx) {
      const db = await uriOf();
      const env = withEnv(ctx, { NEO4J_URI: db.uri, NEO4J_PASSWORD: 'unused-password' });
      try {
        return await withApi(env, async (api) => {
          const one = await api.post('{stats{documents}}');
          const many = await Promise.all(Array.from({ length: 20 }, () => api.post('{stats{documents}}')));
          const slowest = Math.max(...many.map((r) => r.ms));
          const codes = new Set([one, ...many].map((r) => codeOf(r) ?? String(r.status)));
          const what = `first ${one.ms} ms, 20 at once: slowest ${slowest} ms; codes ${[...codes].join(',')}`;
          // Before the fix each query waited out the driver's retries: 15–33 s. A few seconds is the promise.
          const fast = one.ms < 8000 && slowest < 8000;
          return fast && codes.size === 1 && codes.has('UNAVAILABLE') ? held(what) : failed(what);
        });
      } finally {
        db.close();
      }
    },
  };
}

const dbDown: ProbeCase[] = [
  databaseDown(
    'api.database-refuses',
    'Neo4j down (nothing on its port): reads fail fast with UNAVAILABLE',
    async () => {
      const hole = await blackHole();
      const port = hole.port;
      await new Promise<void>((r) => hole.server.close(() => r()));
      return { uri: `bolt://127.0.0.1:${port}`, close: () => undefined };
    },
  ),
  databaseDown(
    'api.database-hangs',
    'Neo4j hung (accepts, never answers): reads fail fast with UNAVAILABLE',
    async () => {
      const hole = await blackHole();
      return { uri: `bolt://127.0.0.1:${hole.port}`, close: () => hole.server.close() };
    },
  ),
];

export const apiCases: ProbeCase[] = [
  readGuard,
  writeGuard,
  publicBind,
  loopbackOnly,
  securityHeaders,
  ...badInputs,
  overCap,
  denseDraft,
  bigBody,
  injection,
  ...dbDown,
];
