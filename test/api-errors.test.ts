import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { isClientError, maskError } from '../src/api/errors.js';
import { ERROR_CODES, LuocdoError, type ErrorCode } from '../src/errors.js';

// The error boundary alone; test/api.test.ts sees it over HTTP. The errors are made with yoga's
// createGraphQLError, so that they are of the copy of graphql that yoga itself loads.

const shown = (e: unknown) => (maskError(e, 'Unexpected error.') as GraphQLError).toJSON();

const TOLD: Partial<Record<ErrorCode, string>> = {
  BAD_INPUT: 'BAD_INPUT',
  BAD_REF: 'BAD_REF',
  AMBIGUOUS_REF: 'AMBIGUOUS_REF',
  LIMIT: 'LIMIT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  NOT_FOUND: 'NOT_FOUND',
  DB_UNAVAILABLE: 'UNAVAILABLE',
  DB_AUTH: 'UNAVAILABLE',
  SERVER_NOT_RUNNING: 'UNAVAILABLE',
  TIMEOUT: 'TIMEOUT',
};

describe('the API error boundary', () => {
  it.each(ERROR_CODES)('%s: a client code, or masked with nothing of the message', (code) => {
    const json = shown(new LuocdoError(code, 'at /srv/luocdo/.data: mind the gap', { hint: 'do this' }));
    const told = TOLD[code];
    expect(json.extensions?.['code']).toBe(told ?? 'INTERNAL_SERVER_ERROR');
    expect(isClientError(new LuocdoError(code, 'x'))).toBe(told !== undefined);
    if (told === undefined || told === 'UNAVAILABLE') {
      expect(JSON.stringify(json)).not.toMatch(/srv|gap|do this/);
    } else {
      expect(json.message).toBe('at /srv/luocdo/.data: mind the gap');
    }
  });

  it('keeps where in the query it happened, and the details a client acts on', () => {
    const cause = new LuocdoError('AMBIGUOUS_REF', 'two fit', { details: { candidates: [{ key: 'a' }] } });
    const json = shown(createGraphQLError('two fit', { path: ['document'], originalError: cause }));
    expect(json).toMatchObject({
      message: 'two fit',
      path: ['document'],
      extensions: { code: 'AMBIGUOUS_REF', candidates: [{ key: 'a' }] },
    });
  });

  it('masks anything else, and lets GraphQL’s own errors through', () => {
    const masked = shown(createGraphQLError('boom', { originalError: new TypeError('x is undefined') }));
    expect(masked.message).toBe('Unexpected error.');
    expect(JSON.stringify(masked)).not.toContain('undefined');
    const validation = createGraphQLError('Cannot query field "nope" on type "Query".');
    expect(maskError(validation, 'Unexpected error.')).toBe(validation);
  });
});
