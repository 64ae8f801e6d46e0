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

/**
 * How long the driver waits for the server. `connectionTimeoutMs` only covers the TCP connect: a server that
 * accepts and never answers the handshake is caught by `acquisitionTimeoutMs`. `maxRetryTimeMs` is the budget
 * within which a transaction is tried again after a transient error (a deadlock) or an unreachable server.
 */
export type DriverTimeouts = {
  connectionTimeoutMs: number;
  acquisitionTimeoutMs: number;
  maxRetryTimeMs: number;
};

/** One driver per process, server and timeouts: the driver owns the connection pool and the routing table. */
export type DbOptions = { txTimeoutMs: number; driver?: DriverTimeouts };

/**
 * The commands' timeouts: a server that is down makes a command fail within seconds (retries at about 0, 1, 3
 * and 7 s, then DB_UNAVAILABLE), not after half a minute; a deadlock is still tried again four times.
 */
export const commandTimeouts = (txTimeoutMs: number): DriverTimeouts => ({
  connectionTimeoutMs: 3_000,
  acquisitionTimeoutMs: 5_000,
  maxRetryTimeMs: Math.min(txTimeoutMs, 5_000),
});

export function driverFor(target: Target, opts: DbOptions): Driver {
  const t = opts.driver ?? commandTimeouts(opts.txTimeoutMs);
  const timeouts = `${t.connectionTimeoutMs}/${t.acquisitionTimeoutMs}/${t.maxRetryTimeMs}`;
  const key = `${target.uri}\u0000${target.username}\u0000${target.password}\u0000${timeouts}`;
  let d = drivers.get(key);
  if (!d) {
    d = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password), {
      connectionTimeout: t.connectionTimeoutMs,
      connectionAcquisitionTimeout: t.acquisitionTimeoutMs,
      maxTransactionRetryTime: t.maxRetryTimeMs,
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
  // The server stopped a transaction that ran past its timeout (LUOCDO_TX_TIMEOUT_MS, or a read's own budget).
  if (typeof code === 'string' && code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    const query = queryOf(e);
    return new LuocdoError('TIMEOUT', `${query ? `query ${query}` : 'the query'} ran past its time limit`, {
      cause: e,
      hint: 'narrow the query, or raise the timeout (see the README settings)',
    });
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

/**
 * A read's own transaction timeout, in place of the Db's (the API gives reads a shorter budget). `single`:
 * the work runs one statement, which may then run as an auto-commit transaction (see `readSingle`); a
 * second statement in it is an error.
 */
export type ReadOptions = { timeoutMs?: number; single?: boolean };

export type Db = {
  target: Target;
  read<T>(work: Work<T>, opts?: ReadOptions): Promise<T>;
  write<T>(work: Work<T>): Promise<T>;
  verify(): Promise<void>;
  /** For `CALL { … } IN TRANSACTIONS`, which only runs outside a managed transaction. */
  autoCommit(query: string, params?: Record<string, unknown>): Promise<void>;
};

/** How long lock conflicts between writers are tried again, on top of the driver's own short budget. */
const LOCK_RETRY_MS = 60_000;

/** A deadlock or a lock wait the server broke off: another writer held what this one needed. */
const isLockConflict = (e: unknown): boolean =>
  /^Neo\.TransientError\.Transaction\.(DeadlockDetected|LockClientStopped|LockAcquisitionTimeout)$/.test(
    String((e as { code?: unknown }).code ?? ''),
  );

/**
 * The driver's retry budget is kept short so that a command fails fast when the server is down; lock
 * conflicts between concurrent writers (many reports citing the same decree at --concurrency 8) are a
 * different matter, and are tried again here, with a growing, jittered pause, for up to a minute.
 */
async function writeWithLockRetries<T>(attempt: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (!isLockConflict(e) || Date.now() - started > LOCK_RETRY_MS) throw e;
      const pause = Math.min(2_000, 50 * 2 ** Math.min(i, 6)) * (0.5 + Math.random());
      await new Promise((r) => setTimeout(r, pause));
    }
  }
}

/**
 * Every read goes to a READ session (executeRead, or a one-statement auto-commit read) and every write
 * through executeWrite, so a cluster can route them, and what is transient is tried again.
 */
export function openDb(target: Target, opts: DbOptions): Db {
  const driver = driverFor(target, opts);
  const config = { timeout: opts.txTimeoutMs };
  const withSession = async <T>(
    mode: 'READ' | 'WRITE',
    work: Work<T>,
    timeout = config.timeout,
  ): Promise<T> => {
    const session = driver.session({
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(target.database ? { database: target.database } : {}),
    });
    try {
      return mode === 'READ'
        ? await session.executeRead(work, { timeout })
        : await writeWithLockRetries(() => session.executeWrite(work, { timeout }));
    } catch (e) {
      throw explain(e, target);
    } finally {
      await session.close().catch(() => undefined);
    }
  };
  const sessionConfig = target.database ? { database: target.database } : {};
  const maxRetryMs = (opts.driver ?? commandTimeouts(opts.txTimeoutMs)).maxRetryTimeMs;
  /**
   * One statement as an auto-commit transaction: no BEGIN and COMMIT round trips around it, which on a key
   * look-up were a third of the server's CPU and 40 % of the driver's. The driver retries managed
   * transactions only, so what is transient (a cluster member gone, a leader switch) is tried again here
   * (a read is safe to run again), with a pause growing from 1 s as the driver's does, within the same
   * budget counted from the first attempt (the driver counts from the first failure): an attempt that
   * itself took longer than the budget is not tried again.
   */
  const readSingle = async <T>(work: Work<T>, timeout: number): Promise<T> => {
    const started = Date.now();
    for (let i = 0; ; i++) {
      const session = driver.session({ defaultAccessMode: neo4j.session.READ, ...sessionConfig });
      let ran = false;
      // A ManagedTransaction's one public member is `run` (its private field is why the cast is needed):
      // here the session's, once.
      const tx = {
        run(query: Parameters<ManagedTransaction['run']>[0], params?: Record<string, unknown>) {
          if (ran) throw new Error('a single-statement read ran a second statement');
          ran = true;
          return session.run(query, params, { timeout });
        },
      } as unknown as ManagedTransaction;
      try {
        return await work(tx);
      } catch (e) {
        if (!neo4j.isRetryableError(e) || Date.now() - started > maxRetryMs) throw explain(e, target);
      } finally {
        await session.close().catch(() => undefined);
      }
      const pause = Math.min(maxRetryMs, 1_000 * 2 ** i) * (0.8 + 0.4 * Math.random());
      await new Promise((r) => setTimeout(r, pause));
    }
  };
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
    read: (work, o) =>
      o?.single
        ? readSingle(work, o.timeoutMs ?? config.timeout)
        : withSession('READ', work, o?.timeoutMs ?? config.timeout),
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
