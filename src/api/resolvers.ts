import DataLoader from 'dataloader';
import { z } from 'zod';
import type { Db } from '../store/connection.js';
import { createHash } from 'node:crypto';
import { awaitSearchRefresh, counts, prepare, removeSource, writeSource } from '../store/ingest.js';
import * as q from '../store/queries.js';
import { AUDIT_CODES, audit, auditText } from '../store/audit.js';
import { apiError, asApiError } from './errors.js';

export type Context = {
  db: Db;
  authorized: boolean;
  documents: DataLoader<string, q.DocRecord | null>;
  issuers: DataLoader<string, q.OrgRecord | null>;
};

/** One loader per request: a page of documents costs one query for their issuers, not one each. */
export function makeContext(db: Db, authorized: boolean): Context {
  return {
    db,
    authorized,
    documents: new DataLoader(async (keys) => {
      const found = await q.documentsByKeys(db, keys);
      return keys.map((k) => found.get(k) ?? null);
    }),
    issuers: new DataLoader(async (keys) => {
      const found = await q.issuersByKeys(db, keys);
      return keys.map((k) => found.get(k) ?? null);
    }),
  };
}

const MAX_FIRST = 100;
const MAX_DEPTH = 6;

function page(first: number | null | undefined): number {
  const n = first ?? 20;
  if (n < 0 || n > MAX_FIRST) throw apiError('LIMIT', `first must be between 0 and ${MAX_FIRST}`);
  return n;
}

/** An Implementation as the schema names it: `via` is the evidence, each step's document `through`. */
const implementation = (i: q.Implementation) => ({
  unit: i.unit,
  firstOn: i.firstOn,
  lastOn: i.lastOn,
  via: i.evidence.map((e) => ({
    document: e.document,
    relation: e.relation,
    target: e.target,
    through: e.via,
    quote: e.quote,
  })),
});

const unitCursor = z.tuple([z.string(), z.string()]);

/** A page of units is keyed by the last unit's name and key. */
function decodeUnitCursor(cursor: string | null | undefined): { name: string; key: string } | null {
  const s = decode(cursor);
  if (s === null) return null;
  let parsed;
  try {
    parsed = unitCursor.safeParse(JSON.parse(s));
  } catch {
    throw apiError('BAD_INPUT', 'invalid cursor');
  }
  if (!parsed.success) throw apiError('BAD_INPUT', 'invalid cursor');
  return { name: parsed.data[0], key: parsed.data[1] };
}

const encode = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
function decode(cursor: string | null | undefined): string | null {
  if (cursor == null) return null;
  const s = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!s || encode(s) !== cursor) throw apiError('BAD_INPUT', 'invalid cursor');
  return s;
}

function connection<T>(items: T[], keyOf: (t: T) => string, hasNext: boolean, total: number) {
  const edges = items.map((node) => ({ cursor: encode(keyOf(node)), node }));
  return {
    totalCount: total,
    edges,
    pageInfo: { hasNextPage: hasNext, endCursor: edges[edges.length - 1]?.cursor ?? null },
  };
}

async function resolveOne(ctx: Context, ref: string): Promise<q.DocRecord | null> {
  let r: q.Resolved;
  try {
    r = await q.resolveRef(ctx.db, ref);
  } catch (e) {
    throw asApiError(e, 'BAD_REF');
  }
  if (r.candidates.length > 1) {
    throw apiError(
      'AMBIGUOUS_REF',
      `'${ref}' fits ${r.candidates.length} documents; add the date or the issuer`,
      {
        candidates: r.candidates.map((d) => ({ key: d.key, symbol: d.symbol, issuedOn: d.issuedOn })),
      },
    );
  }
  return r.doc;
}

async function mustResolve(ctx: Context, ref: string): Promise<q.DocRecord> {
  const d = await resolveOne(ctx, ref);
  if (!d) throw apiError('NOT_FOUND', `no document '${ref}' in the graph`);
  return d;
}

type Args = Record<string, unknown>;
const wrap =
  <A extends Args, R>(fn: (args: A, ctx: Context) => Promise<R>) =>
  async (_parent: unknown, args: A, ctx: Context): Promise<R> => {
    try {
      return await fn(args, ctx);
    } catch (e) {
      throw asApiError(e);
    }
  };

function requireToken(ctx: Context): void {
  if (!ctx.authorized)
    throw apiError('UNAUTHENTICATED', 'this operation needs the API token (Authorization: Bearer …)');
}

type PageArgs = { first?: number | null; after?: string | null };

function citationConnection(dir: 'out' | 'in') {
  return async (d: q.DocRecord, a: PageArgs, ctx: Context) => {
    try {
      const res = await q.citations(ctx.db, d.key, dir, page(a.first), decode(a.after));
      const edges = res.items.map((i) => ({
        cursor: encode(i.cursor),
        node: i.doc,
        relation: i.relation,
        quote: i.quote,
        inFootnote: i.inFootnote,
        inferred: i.inferred,
      }));
      return {
        totalCount: res.total,
        edges,
        pageInfo: { hasNextPage: res.hasNext, endCursor: edges[edges.length - 1]?.cursor ?? null },
      };
    } catch (e) {
      throw asApiError(e);
    }
  };
}

export const resolvers = {
  Query: {
    document: wrap(async (a: { ref: string }, ctx) => resolveOne(ctx, a.ref)),
    candidates: wrap(async (a: { ref: string }, ctx) => {
      try {
        return (await q.resolveRef(ctx.db, a.ref)).candidates;
      } catch (e) {
        throw asApiError(e, 'BAD_REF');
      }
    }),
    documents: wrap(
      async (a: { filter?: q.DocFilter | null; first?: number | null; after?: string | null }, ctx) => {
        const r = await q.documentsPage(ctx.db, a.filter ?? {}, page(a.first), decode(a.after));
        return connection(r.items, (d) => d.key, r.hasNext, r.total);
      },
    ),
    search: wrap(async (a: { text: string; first?: number | null }, ctx) =>
      q.search(ctx.db, a.text, page(a.first)),
    ),
    implementers: wrap(async (a: { directive: string }, ctx) => {
      const d = await mustResolve(ctx, a.directive);
      return (await q.implementers(ctx.db, d)).map(implementation);
    }),
    implementersPage: wrap(
      async (a: { directive: string; first?: number | null; after?: string | null }, ctx) => {
        const d = await mustResolve(ctx, a.directive);
        const first = page(a.first);
        const after = decodeUnitCursor(a.after);
        const res = await q.implementersPage(ctx.db, d, first + 1, after);
        const units = res.units.map(implementation);
        return connection(
          units.slice(0, first),
          (i) => JSON.stringify([i.unit.name, i.unit.key]),
          units.length > first,
          res.total,
        );
      },
    ),
    unitsWithoutEvidence: wrap(async (a: { directive: string }, ctx) =>
      q.unitsWithoutEvidence(ctx.db, (await mustResolve(ctx, a.directive)).key),
    ),
    citationChain: wrap(
      async (
        a: {
          ref: string;
          direction?: 'OUT' | 'IN' | 'BOTH' | null;
          maxDepth?: number | null;
          maxNodes?: number | null;
        },
        ctx,
      ) => {
        const depth = a.maxDepth ?? 3;
        const nodes = a.maxNodes ?? 200;
        if (depth < 1 || depth > MAX_DEPTH)
          throw apiError('LIMIT', `maxDepth must be between 1 and ${MAX_DEPTH}`);
        if (nodes < 1 || nodes > 500) throw apiError('LIMIT', 'maxNodes must be between 1 and 500');
        return q.citationChain(ctx.db, await mustResolve(ctx, a.ref), a.direction ?? 'OUT', depth, nodes);
      },
    ),
    organization: wrap(async (a: { name: string }, ctx) => q.organizationByName(ctx.db, a.name)),
    organizations: wrap(
      async (a: { level?: string | null; first?: number | null; after?: string | null }, ctx) => {
        const r = await q.organizationsPage(ctx.db, a.level ?? null, page(a.first), decode(a.after));
        return connection(r.items, (o) => o.key, r.hasNext, r.total);
      },
    ),
    audit: wrap(
      async (
        a: { ref?: string | null; codes?: string[] | null; first?: number | null; after?: string | null },
        ctx,
      ) => {
        const unknown = (a.codes ?? []).filter((c) => !(AUDIT_CODES as readonly string[]).includes(c));
        if (unknown.length) throw apiError('BAD_INPUT', `unknown code ${unknown.join(', ')}`);
        let findings;
        try {
          findings = await audit(ctx.db, { ref: a.ref ?? null, codes: a.codes ?? null });
        } catch (e) {
          throw asApiError(e, 'BAD_REF');
        }
        const n = page(a.first ?? 100);
        const from = a.after ? Number(decode(a.after)) + 1 : 0;
        const slice = findings.slice(from, from + n);
        const edges = slice.map((node, i) => ({ cursor: encode(String(from + i)), node }));
        return {
          totalCount: findings.length,
          errors: findings.filter((f) => f.severity === 'error').length,
          edges,
          pageInfo: {
            hasNextPage: from + n < findings.length,
            endCursor: edges[edges.length - 1]?.cursor ?? null,
          },
        };
      },
    ),
    auditText: wrap(async (a: { text: string }, ctx) => {
      const r = await auditText(ctx.db, a.text);
      return {
        ok: !r.findings.some((f) => f.severity === 'error'),
        findings: r.findings,
        references: r.document.references.length,
      };
    }),
    stats: wrap(async (_a: Args, ctx) => {
      const c = await counts(ctx.db);
      return { ...c, documentsWithText: c.withText };
    }),
  },
  Mutation: {
    ingestText: wrap(async (a: { text: string; path: string }, ctx) => {
      requireToken(ctx);
      if (!a.text.trim()) throw apiError('BAD_INPUT', 'the text is empty');
      const sha256 = createHash('sha256').update(a.text).digest('hex');
      const r = await writeSource(
        ctx.db,
        prepare({ path: a.path, text: a.text, sha256, format: 'txt', bytes: Buffer.byteLength(a.text) }),
      );
      await awaitSearchRefresh(ctx.db);
      return { status: r.status, report: r.report, sha256, documents: r.documents, citations: r.citations };
    }),
    removeSource: wrap(async (a: { source: string }, ctx) => {
      requireToken(ctx);
      if (a.source.length < 6)
        throw apiError('BAD_INPUT', 'give at least 6 characters of the sha256, or the path');
      return (await removeSource(ctx.db, a.source)).map((r) => ({ sha256: r.sha, path: r.path }));
    }),
  },
  Document: {
    id: (d: q.DocRecord) => d.key,
    issuer: (d: q.DocRecord, _a: Args, ctx: Context) => ctx.issuers.load(d.key),
    hasText: (d: q.DocRecord) => d.hasText === true,
    citations: citationConnection('out'),
    citedBy: citationConnection('in'),
  },
  Organization: {
    id: (o: q.OrgRecord) => o.key,
    documents: async (o: q.OrgRecord, a: PageArgs, ctx: Context) => {
      try {
        const res = await q.organizationDocuments(ctx.db, o.key, page(a.first), decode(a.after));
        return connection(res.items, (d) => d.key, res.hasNext, res.total);
      } catch (e) {
        throw asApiError(e);
      }
    },
  },
};
