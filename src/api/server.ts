import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createYoga, type Plugin, type YogaLogger } from 'graphql-yoga';
import { pino, type Logger } from 'pino';
import type { Db } from '../store/connection.js';
import { projectRoot } from '../paths.js';
import { ASSET_PREFIX, graphiqlAsset, graphiqlPage } from './graphiql.js';
import { makeContext, resolvers, type Context } from './resolvers.js';

export type ApiOptions = {
  db: Db;
  /** LUOCDO_API_TOKEN: mutations need it; reads too when protectReads. */
  token: string | null;
  protectReads: boolean;
  corsOrigins: string[];
  logger?: Logger;
};

export const typeDefs = readFileSync(join(projectRoot(), 'src', 'api', 'schema.graphql'), 'utf8');

function tokenMatches(header: string | null, token: string | null): boolean {
  if (!token || !header) return false;
  const given = Buffer.from(header.replace(/^Bearer\s+/i, ''));
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

const yogaLogger = (log: Logger): YogaLogger => ({
  debug: (...a: unknown[]) => log.debug(a.map(String).join(' ')),
  info: (...a: unknown[]) => log.info(a.map(String).join(' ')),
  warn: (...a: unknown[]) => log.warn(a.map(String).join(' ')),
  error: (...a: unknown[]) => log.error({ err: a[0] }, a.slice(1).map(String).join(' ') || 'error'),
});

/** Every failed operation is logged with its query, whatever the client was told. */
function logFailures(log: Logger): Plugin {
  return {
    onExecute({ args }) {
      const started = performance.now();
      return {
        onExecuteDone({ result }) {
          const errors =
            'errors' in result
              ? (result.errors as ReadonlyArray<{ message: string }> | undefined)
              : undefined;
          if (errors?.length) {
            log.warn(
              {
                operation: args.operationName,
                query: args.document.loc?.source.body.slice(0, 2000),
                errors: errors.map((e) => e.message),
                ms: Math.round(performance.now() - started),
              },
              'query failed',
            );
          }
        },
      };
    },
  };
}

/** The GraphQL server: yoga with the armor limits, GraphiQL on /graphql, /health and /ready beside it. */
export function createApi(opts: ApiOptions) {
  const log = opts.logger ?? pino({ name: 'luocdo-api' }, pino.destination(2));
  const schema = makeExecutableSchema({ typeDefs, resolvers });
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: { title: 'luocdo' },
    renderGraphiQL: () => graphiqlPage('/graphql', 'luocdo'),
    landingPage: false,
    logging: yogaLogger(log),
    maskedErrors: true,
    cors: opts.corsOrigins.length ? { origin: opts.corsOrigins, credentials: false } : false,
    context: ({ request }) => {
      const authorized = tokenMatches(request.headers.get('authorization'), opts.token);
      return makeContext(opts.db, authorized);
    },
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: 10 },
        maxAliases: { n: 15 },
        costLimit: { maxCost: 5000 },
        maxTokens: { n: 2000 },
        maxDirectives: { n: 20 },
        blockFieldSuggestion: { enabled: true },
      }),
      {
        onRequest({ request, fetchAPI, endResponse }) {
          if (!opts.protectReads || tokenMatches(request.headers.get('authorization'), opts.token)) return;
          if (new URL(request.url).pathname !== '/graphql' || request.method === 'GET') return;
          endResponse(
            new fetchAPI.Response(
              JSON.stringify({
                errors: [{ message: 'the API token is required', extensions: { code: 'UNAUTHENTICATED' } }],
              }),
              {
                status: 401,
                headers: { 'content-type': 'application/json' },
              },
            ),
          );
        },
      },
      logFailures(log),
    ],
  });

  const server: Server = createServer(async (req, res) => {
    const url = req.url ?? '/';
    if (url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (url === '/ready') {
      try {
        await opts.db.verify();
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ready"}');
      } catch (e) {
        log.warn({ err: (e as Error).message }, 'not ready');
        res
          .writeHead(503, { 'content-type': 'application/json' })
          .end('{"status":"unavailable","reason":"database"}');
      }
      return;
    }
    if (url.startsWith(ASSET_PREFIX) && req.method === 'GET') {
      let asset;
      try {
        asset = graphiqlAsset(url.slice(ASSET_PREFIX.length));
      } catch (e) {
        log.error({ err: (e as Error).message, url }, 'GraphiQL asset unreadable');
        res.writeHead(500, { 'content-type': 'text/plain' }).end('GraphiQL asset unreadable');
        return;
      }
      if (asset) {
        res
          .writeHead(200, { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' })
          .end(asset.body);
        return;
      }
    }
    await yoga.handle(req, res);
  });
  return { server, yoga, log };
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}
