import type { ApiLimits, Settings } from '../config.js';
import { isLuocdoError, LuocdoError } from '../errors.js';
import { openDb, type Db, type DriverTimeouts, type ReadOptions, type Work } from '../store/connection.js';
import { resolveTarget } from '../store/runtime/target.js';

// The API fails fast when the database does not answer: each read has a budget, and while the database is
// known to be down every operation is told UNAVAILABLE at once instead of waiting out the driver's retries.

/**
 * The API driver's timeouts, within a read's budget: the connection (TCP connect, and the handshake a hung
 * server never answers) gets three quarters of it, so that an unreachable server is told apart from a slow
 * query; retries a quarter (one retry after the driver's first one-second pause, at most).
 */
export function apiDriverTimeouts(readTimeoutMs: number): DriverTimeouts {
  const connect = Math.max(50, Math.floor((readTimeoutMs * 3) / 4));
  return {
    connectionTimeoutMs: connect,
    acquisitionTimeoutMs: connect,
    maxRetryTimeMs: Math.floor(readTimeoutMs / 4),
  };
}

/** The database as the API's driver reaches it (see apiDriverTimeouts). */
export function apiDb(settings: Settings): Db {
  return openDb(resolveTarget(settings), {
    txTimeoutMs: settings.txTimeoutMs,
    driver: apiDriverTimeouts(settings.api.limits.readTimeoutMs),
  });
}

/**
 * Closed: operations run. Open (after the database was unreachable): refused at once. Once `probeAfterMs` has
 * passed, one operation is let through as a probe (half open): its success closes the breaker, its failure
 * opens it again; the others are still refused meanwhile. Recovery is seen within about `probeAfterMs`.
 */
export class Breaker {
  private openedAt: number | null = null;
  private probing = false;
  constructor(private readonly probeAfterMs = 1_000) {}

  /** Whether an operation may run now; false means refuse it at once. */
  admit(): boolean {
    if (this.openedAt === null) return true;
    if (this.probing || Date.now() - this.openedAt < this.probeAfterMs) return false;
    this.probing = true;
    return true;
  }

  /** The outcome of an admitted operation. */
  record(ok: boolean): void {
    this.probing = false;
    if (ok) this.openedAt = null;
    else this.openedAt = Date.now();
  }

  get open(): boolean {
    return this.openedAt !== null;
  }
}

/** Only an unreachable database opens the breaker: a slow or failed query says nothing about the others. */
const unreachable = (e: unknown) => isLuocdoError(e) && e.code === 'DB_UNAVAILABLE';

/** Refused without trying: clients see `extensions.circuit: "open"`, and may retry in a second. */
const refused = () =>
  new LuocdoError('DB_UNAVAILABLE', 'the database is unavailable (it did not answer a moment ago)', {
    details: { circuit: 'open' },
  });

function timedOut(ms: number, what: string): LuocdoError {
  return new LuocdoError('TIMEOUT', `${what} ran past ${ms} ms`);
}

/** `p`, or TIMEOUT when it has not settled within `ms`; the work behind `p` is bounded by its own timeouts. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut(ms, what)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/**
 * The API's view of the database: reads within their budget (the server cancels the transaction at the same
 * time), and every operation through the breaker. /ready's check is never refused, and its answer counts.
 */
export function guardDb(db: Db, limits: Pick<ApiLimits, 'readTimeoutMs'>, breaker = new Breaker()): Db {
  const guarded = async <T>(run: () => Promise<T>): Promise<T> => {
    if (!breaker.admit()) throw refused();
    try {
      const r = await run();
      breaker.record(true);
      return r;
    } catch (e) {
      // A probe that failed for another reason (a timeout, a bad query) still reached the database.
      breaker.record(!unreachable(e));
      throw e;
    }
  };
  return {
    target: db.target,
    read<T>(work: Work<T>, opts?: ReadOptions) {
      const ms = opts?.timeoutMs ?? limits.readTimeoutMs;
      return guarded(() => within(db.read(work, { ...opts, timeoutMs: ms }), ms, 'the query'));
    },
    write: (work) => guarded(() => db.write(work)),
    autoCommit: (query, params) => guarded(() => db.autoCommit(query, params)),
    async verify() {
      try {
        await db.verify();
        breaker.record(true);
      } catch (e) {
        if (unreachable(e)) breaker.record(false);
        throw e;
      }
    },
  };
}

/**
 * A Db for one costly operation (a whole audit): all its reads share one deadline, each with what is left of
 * it as its transaction timeout, and none starts once it has passed.
 */
export function withDeadline(db: Db, ms: number, what: string): Db {
  const deadline = Date.now() + ms;
  return {
    ...db,
    read<T>(work: Work<T>, opts?: ReadOptions) {
      const left = deadline - Date.now();
      if (left <= 0) return Promise.reject(timedOut(ms, what));
      return db.read(work, { ...opts, timeoutMs: left });
    },
  };
}
