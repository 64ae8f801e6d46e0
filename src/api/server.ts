import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createYoga, type YogaLogger } from 'graphql-yoga';
import { pino, type Logger } from 'pino';
import { loadSettings, type ApiLimits, type Settings } from '../config.js';
import { MemoryBudget } from '../ingest/budget.js';
import type { UploadLimits } from './upload.js';
import type { Db } from '../store/connection.js';
import { projectRoot } from '../paths.js';
import { isClientError, markLimit, maskError } from './errors.js';
import { exportRoutes } from './export.js';
import { graphiqlPage } from './graphiql.js';
import { guardDb } from './guard.js';
import {
  bodyLimit,
  graphiqlAssets,
  health,
  logFailures,
  ready,
  securityHeaders,
  token,
  webPages,
} from './plugins.js';
import { makeContext, resolvers, type Loaders } from './resolvers.js';

export type ApiOptions = {
  db: Db;
  /** LUOCDO_API_TOKEN: mutations need it; reads too when protectReads. */
  token: string | null;
  protectReads: boolean;
  corsOrigins: string[];
  /** The settings' defaults when not given. */
  limits?: ApiLimits;
  /** What an uploaded file may cost (ingestFile): the settings' file limits and memory budget when not given. */
  upload?: UploadLimits;
  logger?: Logger;
};

/** The upload limits of the settings, one memory budget for all the uploads a server reads at once. */
export function uploadLimits(s: Settings): UploadLimits {
  return { maxBytes: s.maxFileBytes, limits: s.readLimits, budget: new MemoryBudget(s.memoryBudgetBytes) };
}

export const typeDefs = readFileSync(join(projectRoot(), 'src', 'api', 'schema.graphql'), 'utf8');

/** Yoga logs what it masked as an error; a client's own mistake (NOT_FOUND, LIMIT…) is already logged as a failed query. */
const yogaLogger = (log: Logger): YogaLogger => ({
  debug: (...a: unknown[]) => log.debug(a.map(String).join(' ')),
  info: (...a: unknown[]) => log.info(a.map(String).join(' ')),
  warn: (...a: unknown[]) => log.warn(a.map(String).join(' ')),
  error: (...a: unknown[]) =>
    isClientError(a[0])
      ? log.debug({ err: a[0] }, 'client error')
      : log.error({ err: a[0] }, a.slice(1).map(String).join(' ') || 'error'),
});

// Each refusal gets the LIMIT code the README promises (markLimit).
const armor = () =>
  EnvelopArmorPlugin({
    maxDepth: { n: 10, onReject: [markLimit] },
    maxAliases: { n: 15, onReject: [markLimit] },
    costLimit: { maxCost: 5000, onReject: [markLimit] },
    maxTokens: { n: 2000, onReject: [markLimit] },
    maxDirectives: { n: 20, onReject: [markLimit] },
    blockFieldSuggestion: { enabled: true },
  });

/** The GraphQL server: yoga with the armor limits, GraphiQL on /graphql, /health and /ready beside it. */
export function createApi(opts: ApiOptions) {
  const log = opts.logger ?? pino({ name: 'luocdo-api' }, pino.destination(2));
  const limits = opts.limits ?? loadSettings({}).api.limits;
  const upload = opts.upload ?? uploadLimits(loadSettings({}));
  const db = guardDb(opts.db, limits);
  const schema = makeExecutableSchema({ typeDefs, resolvers });
  // The export routes query the API itself, through the server being made here.
  let self: ((url: string, init: RequestInit) => Promise<Response>) | null = null;
  const yoga = createYoga<Record<string, unknown>, Loaders>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: { title: 'luocdo' },
    renderGraphiQL: () => graphiqlPage('/graphql', 'luocdo'),
    landingPage: false,
    // Yoga's own liveness check answers an empty 200 to any URL ending in its endpoint, before any plugin of
    // ours runs: moved aside so that /health keeps its JSON answer.
    healthCheckEndpoint: '/yoga-health',
    logging: yogaLogger(log),
    maskedErrors: { maskError },
    cors: opts.corsOrigins.length ? { origin: opts.corsOrigins, credentials: false } : false,
    context: () => makeContext(db, limits, upload),
    plugins: [
      securityHeaders(),
      bodyLimit(limits.maxBodyBytes),
      health(),
      ready(db, log),
      graphiqlAssets(log),
      webPages(log),
      exportRoutes(() => {
        if (!self) throw new Error('the export ran before the server was made');
        return self;
      }),
      token({ token: opts.token, protectReads: opts.protectReads }),
      armor(),
      logFailures(log),
    ],
  });
  self = (url, init) => Promise.resolve(yoga.fetch(url, init));
  const server: Server = createServer(yoga);
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
