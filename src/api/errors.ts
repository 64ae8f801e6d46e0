import type { GraphQLError } from 'graphql';
import { createGraphQLError, maskError as yogaMaskError } from 'graphql-yoga';
import { isLuocdoError, type ErrorCode, type LuocdoError } from '../errors.js';

/** The codes clients match on, in `errors[].extensions.code`. */
export type ApiCode =
  | 'NOT_FOUND'
  | 'BAD_REF'
  | 'AMBIGUOUS_REF'
  | 'LIMIT'
  | 'UNAUTHENTICATED'
  | 'UNAVAILABLE'
  | 'BAD_INPUT'
  | 'TIMEOUT';

/** What a client is told: its code, and a message of our own where the error's would say too much. */
type Exposed = { code: ApiCode; message?: string };

const UNAVAILABLE: Exposed = { code: 'UNAVAILABLE', message: 'the database is unavailable' };

/**
 * Every project error code and what clients learn of it: `'masked'` errors reach them as "Unexpected error."
 * with no message, stack or cause (they are about this machine: its Java, its disk, a broken query). Total, so a
 * new code cannot be added without deciding here.
 */
const EXPOSURE: Record<ErrorCode, Exposed | 'masked'> = {
  CONFIG_INVALID: 'masked',
  DB_ADMIN_FAILED: 'masked',
  DB_NOT_EMPTY: 'masked',
  JAVA_MISSING: 'masked',
  MAVEN_MISSING: 'masked',
  JARS_FETCH_FAILED: 'masked',
  PORT_IN_USE: 'masked',
  DATA_DIR_NOT_WRITABLE: 'masked',
  SERVER_START_FAILED: 'masked',
  SERVER_STOP_FAILED: 'masked',
  MIGRATION_CHANGED: 'masked',
  DB_QUERY: 'masked',
  FILE_READ: 'masked',
  SERVER_NOT_RUNNING: UNAVAILABLE,
  DB_UNAVAILABLE: UNAVAILABLE,
  DB_AUTH: UNAVAILABLE,
  BAD_INPUT: { code: 'BAD_INPUT' },
  BAD_REF: { code: 'BAD_REF' },
  AMBIGUOUS_REF: { code: 'AMBIGUOUS_REF' },
  LIMIT: { code: 'LIMIT' },
  UNAUTHENTICATED: { code: 'UNAUTHENTICATED' },
  NOT_FOUND: { code: 'NOT_FOUND' },
  TIMEOUT: { code: 'TIMEOUT' },
  API_EXPOSED: 'masked',
};

/**
 * Known by its name, not `instanceof`: graphql ships as CommonJS and as ES modules, and a process may hold both
 * copies (the test runner loads ours as the one, yoga and the executor as the other).
 */
const isGraphQLError = (e: unknown): e is GraphQLError => e instanceof Error && e.name === 'GraphQLError';

/** The project error inside what the server caught: thrown as is (a plugin) or wrapped with its path (a resolver). */
function projectErrorIn(error: unknown): LuocdoError | null {
  if (isLuocdoError(error)) return error;
  if (isGraphQLError(error) && error.originalError) return projectErrorIn(error.originalError);
  return null;
}

/** The project errors a client is told about; the server logs them as failed queries, not as its own faults. */
export function isClientError(error: unknown): boolean {
  const e = projectErrorIn(error);
  return e !== null && EXPOSURE[e.code] !== 'masked';
}

/** A project error as the client sees it, at the place in the query where it happened. */
function clientError(e: LuocdoError, exposed: Exposed, at: GraphQLError | null): GraphQLError {
  return createGraphQLError(exposed.message ?? e.message, {
    ...(at
      ? {
          nodes: at.nodes ?? null,
          source: at.source ?? null,
          positions: at.positions ?? null,
          path: at.path ?? null,
        }
      : {}),
    extensions: { ...e.details, code: exposed.code },
  });
}

/**
 * The API's one error boundary, installed as yoga's `maskedErrors.maskError`: a project error becomes the client
 * error EXPOSURE says; yoga's own and GraphQL's errors (validation, limits) pass; anything else is masked, never
 * with its stack or message, whatever NODE_ENV says.
 */
export function maskError(error: unknown, message: string): Error {
  const e = projectErrorIn(error);
  const exposed = e ? EXPOSURE[e.code] : 'masked';
  if (e && exposed !== 'masked') return clientError(e, exposed, isGraphQLError(error) ? error : null);
  return yogaMaskError(error, message, false);
}

/**
 * graphql-armor's refusals (depth, aliases, cost, tokens, directives) are GraphQL errors without a code; its
 * `onReject` hook hands each one over before it is reported, and this gives it the `LIMIT` code clients match.
 */
export function markLimit(_ctx: unknown, error: GraphQLError): void {
  (error.extensions as Record<string, unknown>)['code'] = 'LIMIT';
}

/** The same boundary for a result a plugin makes itself (a refusal before any operation runs). */
export function clientErrors(e: LuocdoError): GraphQLError[] {
  const shown = maskError(e, 'Unexpected error.');
  return [isGraphQLError(shown) ? shown : createGraphQLError('Unexpected error.')];
}
