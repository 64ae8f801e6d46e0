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
  'NOT_FOUND',
  'FILE_READ',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class LuocdoError extends Error {
  readonly code: ErrorCode;
  /** A hint for the person at the terminal: what to do next. */
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; hint?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LuocdoError';
    this.code = code;
    this.hint = options.hint;
  }
}

export function isLuocdoError(e: unknown): e is LuocdoError {
  return e instanceof LuocdoError;
}

/** One line for a terminal: code, message, hint. */
export function formatError(e: unknown): string {
  if (isLuocdoError(e)) return `error ${e.code}: ${e.message}${e.hint ? `\n  hint: ${e.hint}` : ''}`;
  if (e instanceof Error) return `error: ${e.message}`;
  return `error: ${String(e)}`;
}
