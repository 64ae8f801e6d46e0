import { z } from 'zod';
import { LuocdoError, recode } from '../errors.js';
import { searchText } from '../graph/facts.js';
import * as q from '../store/queries.js';
import type { Context } from './resolvers.js';

// What the resolvers share: page sizes, cursors, connections, and a reference resolved to one document.

export const MAX_FIRST = 100;
export const MAX_DEPTH = 6;

export function page(first: number | null | undefined): number {
  const n = first ?? 20;
  if (n < 0 || n > MAX_FIRST) throw new LuocdoError('LIMIT', `first must be between 0 and ${MAX_FIRST}`);
  return n;
}

export const encode = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
export function decode(cursor: string | null | undefined): string | null {
  if (cursor == null) return null;
  const s = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!s || encode(s) !== cursor) throw new LuocdoError('BAD_INPUT', 'invalid cursor');
  return s;
}

/** A cursor whose text is JSON of a given shape: anything else is the same BAD_INPUT as a mangled cursor. */
export function decodeCursor<S extends z.ZodType>(
  cursor: string | null | undefined,
  schema: S,
): z.infer<S> | null {
  const s = decode(cursor);
  if (s === null) return null;
  let parsed;
  try {
    parsed = schema.safeParse(JSON.parse(s));
  } catch {
    throw new LuocdoError('BAD_INPUT', 'invalid cursor');
  }
  if (!parsed.success) throw new LuocdoError('BAD_INPUT', 'invalid cursor');
  return parsed.data;
}

/** A page of units is keyed by the last unit's name and key. */
export const unitCursor = z.tuple([z.string(), z.string()]);
/** A page of findings by the last finding's position in the sorted list. */
export const indexCursor = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export function connection<T>(items: T[], keyOf: (t: T) => string, hasNext: boolean, total: number) {
  const edges = items.map((node) => ({ cursor: encode(keyOf(node)), node }));
  return {
    totalCount: total,
    edges,
    pageInfo: { hasNextPage: hasNext, endCursor: edges[edges.length - 1]?.cursor ?? null },
  };
}

/** A reference that names nothing is BAD_REF; one that several documents fit, AMBIGUOUS_REF with them. */
export async function resolveOne(ctx: Context, ref: string): Promise<q.DocRecord | null> {
  const r = await q.resolveRef(ctx.db, ref).catch(recode('BAD_INPUT', 'BAD_REF'));
  // The look-up read each candidate's issuer: the request's loader need not ask again.
  for (const [key, org] of r.issuerOf) ctx.issuers.prime(key, org);
  if (r.candidates.length > 1) {
    throw new LuocdoError(
      'AMBIGUOUS_REF',
      `'${ref}' fits ${r.candidates.length} documents; add the date or the issuer`,
      {
        details: {
          candidates: r.candidates.map((d) => ({ key: d.key, symbol: d.symbol, issuedOn: d.issuedOn })),
        },
      },
    );
  }
  return r.doc;
}

export async function mustResolve(ctx: Context, ref: string): Promise<q.DocRecord> {
  const d = await resolveOne(ctx, ref);
  if (!d) throw new LuocdoError('NOT_FOUND', `no document '${ref}' in the graph`);
  return d;
}

/** Words and characters `search` and `find` take: each word is a clause of the full-text query, and Lucene caps those. */
export const SEARCH_MAX_WORDS = 64;
export const SEARCH_MAX_CHARS = 2_000;

export function checkSearchText(text: string): void {
  // Characters first: the words of a megabyte are not worth counting.
  const words = text.length > SEARCH_MAX_CHARS ? null : searchText(text).split(' ').filter(Boolean).length;
  if (words === null || words > SEARCH_MAX_WORDS)
    throw new LuocdoError(
      'BAD_INPUT',
      `search takes at most ${SEARCH_MAX_WORDS} words and ${SEARCH_MAX_CHARS} characters (given: ` +
        `${words === null ? '' : `${words} words, `}${text.length} characters)`,
    );
}
