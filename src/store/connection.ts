import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { LuocdoError } from '../errors.js';
import { queryOf } from './run.js';
import { closeDrivers, drivers } from './drivers.js';

/**
 * Which server to talk to, and how it was chosen (for messages). The caller decides it (the local
 * runtime's files or NEO4J_URI: see runtime/target.ts); the connection only uses it.
 */
export type Target = {
  uri: string;
  username: string;
  password: string;
  database: string | undefined;
  local: boolean;
  /** Names the setting or file the connection came from, for one-line errors. */
  source: string;
};

/** One driver per process and server: the driver owns the connection pool and the routing table. */
export type DbOptions = { txTimeoutMs: number };

export function driverFor(target: Target, opts: DbOptions): Driver {
  const key = `${target.uri}\u0000${target.username}\u0000${target.password}`;
  let d = drivers.get(key);
  if (!d) {
    d = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password), {
      connectionTimeout: 5_000,
      connectionAcquisitionTimeout: 10_000,
      maxTransactionRetryTime: Math.min(opts.txTimeoutMs, 15_000),
      userAgent: 'luocdo',
    });
    drivers.set(key, d);
  }
  return d;
}

export { closeDrivers };

/** Maps driver failures to one-line errors naming the setting at fault. */
export function explain(e: unknown, target: Target): LuocdoError {
  if (e instanceof LuocdoError) return e;
  const code = (e as { code?: unknown }).code;
  const full = e instanceof Error ? e.message : String(e);
  // The driver's connection errors carry a paragraph of advice; the cause is what a person needs.
  const caused = /Caused by: (.*)$/s.exec(full);
  const message = (caused?.[1] ?? full).split('\n')[0];
  if (
    code === 'Neo.ClientError.Security.Unauthorized' ||
    code === 'Neo.ClientError.Security.AuthenticationRateLimit'
  ) {
    const where = target.local ? target.source : 'NEO4J_USERNAME / NEO4J_PASSWORD';
    return new LuocdoError('DB_AUTH', `the server at ${target.uri} refused the credentials from ${where}`, {
      cause: e,
      hint: target.local
        ? 'the credentials file does not match the database; see the README'
        : 'check NEO4J_USERNAME and NEO4J_PASSWORD',
    });
  }
  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    /ECONNREFUSED|connect|closed/i.test(message ?? '')
  ) {
    return new LuocdoError(
      'DB_UNAVAILABLE',
      `cannot reach Neo4j at ${target.uri} (${target.source}): ${message}`,
      {
        cause: e,
        hint: target.local ? 'start it with `luocdo db start`' : 'check NEO4J_URI and that the server is up',
      },
    );
  }
  // A named query's failure names it (see `run`); an ad hoc statement's (`db cypher`) is the server's words.
  const query = queryOf(e);
  return new LuocdoError(
    'DB_QUERY',
    query ? `query ${query}: ${message ?? 'failed'}` : (message ?? 'query failed'),
    {
      cause: e,
    },
  );
}

export type Work<T> = (tx: ManagedTransaction) => Promise<T>;

export type Db = {
  target: Target;
  read<T>(work: Work<T>): Promise<T>;
  write<T>(work: Work<T>): Promise<T>;
  verify(): Promise<void>;
  /** For `CALL { … } IN TRANSACTIONS`, which only runs outside a managed transaction. */
  autoCommit(query: string, params?: Record<string, unknown>): Promise<void>;
};

/** Every read goes through executeRead and every write through executeWrite, so a cluster can route and retry. */
export function openDb(target: Target, opts: DbOptions): Db {
  const driver = driverFor(target, opts);
  const config = { timeout: opts.txTimeoutMs };
  const withSession = async <T>(mode: 'READ' | 'WRITE', work: Work<T>): Promise<T> => {
    const session = driver.session({
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(target.database ? { database: target.database } : {}),
    });
    try {
      return mode === 'READ'
        ? await session.executeRead(work, config)
        : await session.executeWrite(work, config);
    } catch (e) {
      throw explain(e, target);
    } finally {
      await session.close().catch(() => undefined);
    }
  };
  const sessionConfig = target.database ? { database: target.database } : {};
  return {
    target,
    async autoCommit(query, params = {}) {
      const session = driver.session(sessionConfig);
      try {
        await session.run(query, params, config);
      } catch (e) {
        throw explain(e, target);
      } finally {
        await session.close().catch(() => undefined);
      }
    },
    read: (work) => withSession('READ', work),
    write: (work) => withSession('WRITE', work),
    async verify() {
      try {
        await driver.getServerInfo(target.database ? { database: target.database } : {});
      } catch (e) {
        throw explain(e, target);
      }
    },
  };
}
