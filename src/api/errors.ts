import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { isLuocdoError } from '../errors.js';

/** Stable codes for clients: NOT_FOUND, BAD_REF, AMBIGUOUS_REF, LIMIT, UNAUTHENTICATED, UNAVAILABLE. */
export type ApiCode =
  'NOT_FOUND' | 'BAD_REF' | 'AMBIGUOUS_REF' | 'LIMIT' | 'UNAUTHENTICATED' | 'UNAVAILABLE' | 'BAD_INPUT';

/** Made by yoga's own GraphQLError, so the server recognises it as meant for the client and never masks it. */
export function apiError(code: ApiCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return createGraphQLError(message, { extensions: { code, ...extra } });
}

/** Project errors become client errors with a code; anything else stays masked by the server. */
export function asApiError(e: unknown, badInput: ApiCode = 'BAD_INPUT'): unknown {
  if (!isLuocdoError(e)) return e;
  if (e.code === 'BAD_INPUT') return apiError(badInput, e.message);
  if (e.code === 'DB_UNAVAILABLE' || e.code === 'DB_AUTH' || e.code === 'SERVER_NOT_RUNNING')
    return apiError('UNAVAILABLE', 'the database is unavailable');
  return e;
}
