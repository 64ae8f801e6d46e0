/** The one error type of the project. `code` is stable: tools and tests match on it, never on the message. */
export const ERROR_CODES = [
  'CONFIG_INVALID',
  'JAVA_MISSING',
  'MAVEN_MISSING',
  'JARS_FETCH_FAILED',
  'PORT_IN_USE',
  'DATA_DIR_NOT_WRITABLE',
  'SERVER_START_FAILED',
  'SERVER_NOT_RUNNING',
  'SERVER_STOP_FAILED',
  'DB_UNAVAILABLE',
  'DB_AUTH',
  'DB_QUERY',
  'MIGRATION_CHANGED',
  'BAD_INPUT',
  /** A document reference that names no document (no number in it, or too long). */
  'BAD_REF',
  /** A reference several documents fit; `details.candidates` lists them. */
  'AMBIGUOUS_REF',
  /** A page size, depth or node count beyond what is served. */
  'LIMIT',
  /** An operation that needs the API token, asked without it. */
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'FILE_READ',
  /** An operation that ran past its time budget (the server's work was cancelled). */
  'TIMEOUT',
  /** A server asked to listen beyond loopback with its data open to the network, and not told it may. */
  'API_EXPOSED',
  // Issue 15 (bulk load, dump and load of the local store):
  /** neo4j-admin (dump, load, import) failed; the message carries its own words. */
  'DB_ADMIN_FAILED',
  /** `luocdo load` asked to fill a database that already holds a graph. */
  'DB_NOT_EMPTY',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorOptions = {
  cause?: unknown;
  hint?: string;
  details?: Readonly<Record<string, unknown>>;
};

export class LuocdoError extends Error {
  readonly code: ErrorCode;
  /** A hint for the person at the terminal: what to do next. */
  readonly hint: string | undefined;
  /** Facts a program may act on (the candidates of an ambiguous reference); the API sends them to clients. */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message: string, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LuocdoError';
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
  }
}

export function isLuocdoError(e: unknown): e is LuocdoError {
  return e instanceof LuocdoError;
}

/**
 * For `.catch`: a project error of code `from` thrown again as `to`, anything else as it was. The reference
 * parser says BAD_INPUT for a reference that names nothing; where a reference is the input, that is BAD_REF.
 */
export function recode(from: ErrorCode, to: ErrorCode): (e: unknown) => never {
  return (e) => {
    if (!isLuocdoError(e) || e.code !== from) throw e;
    const options: ErrorOptions = { cause: e };
    if (e.hint !== undefined) options.hint = e.hint;
    if (e.details !== undefined) options.details = e.details;
    throw new LuocdoError(to, e.message, options);
  };
}

/** One line for a terminal: code, message, hint. */
export function formatError(e: unknown): string {
  if (isLuocdoError(e)) return `error ${e.code}: ${e.message}${e.hint ? `\n  hint: ${e.hint}` : ''}`;
  if (e instanceof Error) return `error: ${e.message}`;
  return `error: ${String(e)}`;
}
