import DataLoader from 'dataloader';
import { z } from 'zod';
import type { Db } from '../store/connection.js';
import { createHash } from 'node:crypto';
import { prepare } from '../ingest/prepare.js';
import { awaitSearchRefresh, counts, removeSource, writeSource } from '../store/ingest.js';
import { inForceOf, registryFacts, removeRegistry, type InForce } from '../store/registry.js';
import { importRead, readRegisterText } from '../ingest/registry/index.js';
import * as q from '../store/queries.js';
import { LuocdoError, recode } from '../errors.js';
import { AUDIT_CODES, type AuditCode, type AuditFinding, type AuditMention } from '../graph/audit.js';
import { audit, auditScan, auditText } from '../store/audit.js';
import type { ApiLimits } from '../config.js';
import { withDeadline, within } from './guard.js';
import { documentFields, organizationFields, sourceOf } from './staff.js';
import { find } from './find.js';
import {
  MAX_DEPTH,
  connection,
  decode,
  decodeCursor,
  checkSearchText,
  encode,
  indexCursor,
  mustResolve,
  page,
  resolveOne,
  unitCursor,
} from './common.js';
import type { TokenContext } from './plugins.js';
import { ingestUpload, readUpload, type UploadLimits } from './upload.js';

// Resolvers throw LuocdoErrors; what a client is told of each is decided in one place, errors.ts.

/** What each operation's resolvers share: the database, the limits and the request's loaders. */
export type Loaders = {
  db: Db;
  limits: ApiLimits;
  upload: UploadLimits;
  documents: DataLoader<string, q.DocRecord | null>;
  issuers: DataLoader<string, q.OrgRecord | null>;
  inForce: DataLoader<string, InForce>;
};

/** The loaders, and whether the request carried the API token (the token plugin says). */
export type Context = Loaders & TokenContext;

/** One loader per request: a page of documents costs one query for their issuers, not one each. */
export function makeContext(db: Db, limits: ApiLimits, upload: UploadLimits): Loaders {
  return {
    db,
    limits,
    upload,
    documents: new DataLoader(async (keys) => {
      const found = await q.documentsByKeys(db, keys);
      return keys.map((k) => found.get(k) ?? null);
    }),
    issuers: new DataLoader(async (keys) => {
      const found = await q.issuersByKeys(db, keys);
      return keys.map((k) => found.get(k) ?? null);
    }),
    inForce: new DataLoader(async (keys) => {
      const found = await inForceOf(db, keys);
      return keys.map((k) => found.get(k) ?? { inForce: null, link: null });
    }),
  };
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

type Args = Record<string, unknown>;

function requireToken(ctx: Context): void {
  if (!ctx.authorized)
    throw new LuocdoError('UNAUTHENTICATED', 'this operation needs the API token (Authorization: Bearer …)');
}

type PageArgs = { first?: number | null; after?: string | null };
type Resolver<A, R> = (parent: unknown, args: A, ctx: Context) => Promise<R>;
/** A root field: its arguments and the context, no parent. */
const root =
  <A, R>(fn: (args: A, ctx: Context) => Promise<R>): Resolver<A, R> =>
  (_parent, args, ctx) =>
    fn(args, ctx);

function citationConnection(dir: 'out' | 'in') {
  return async (d: q.DocRecord, a: PageArgs, ctx: Context) => {
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
  };
}

type ChainArgs = {
  ref: string;
  direction?: 'OUT' | 'IN' | 'BOTH' | null;
  maxDepth?: number | null;
  maxNodes?: number | null;
};

async function citationChain(a: ChainArgs, ctx: Context) {
  const depth = a.maxDepth ?? 3;
  const nodes = a.maxNodes ?? 200;
  if (depth < 1 || depth > MAX_DEPTH)
    throw new LuocdoError('LIMIT', `maxDepth must be between 1 and ${MAX_DEPTH}`);
  if (nodes < 1 || nodes > 500) throw new LuocdoError('LIMIT', 'maxNodes must be between 1 and 500');
  return q.citationChain(ctx.db, await mustResolve(ctx, a.ref), a.direction ?? 'OUT', depth, nodes);
}

async function implementersPage(a: { directive: string } & PageArgs, ctx: Context) {
  const d = await mustResolve(ctx, a.directive);
  const first = page(a.first);
  const cursor = decodeCursor(a.after, unitCursor);
  const after = cursor && { name: cursor[0], key: cursor[1] };
  const res = await q.implementersPage(ctx.db, d, first + 1, after);
  const units = res.units.map(implementation);
  return connection(
    units.slice(0, first),
    (i) => JSON.stringify([i.unit.name, i.unit.key]),
    units.length > first,
    res.total,
  );
}

type AuditArgs = { ref?: string | null; codes?: AuditCode[] | null } & PageArgs;

/**
 * A page of the whole graph's audit stops reading documents at this budget, full or not, and says where it
 * stopped: a page answers within 1 s on 100,000 reports (issue 14), and a rare code would otherwise read the
 * whole graph (30 s and more) for its first page.
 */
const AUDIT_SCAN_BUDGET_MS = 600;

/**
 * A whole-graph audit's cursor: where its scan goes on (an anchor document, and how many of its findings were
 * given), and the findings and errors given up to there, so each page can say "at least so many".
 */
const scanCursor = z.object({
  from: z.string(),
  skip: z.number().int().nonnegative(),
  seen: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
});

/**
 * A chain's findings are paged by their position in the sorted list. The whole graph's audit is paged in
 * Cypher (store/audit.ts auditScan): its documents in key order, each finding from one document, within a
 * time budget; its counts are those of the findings up to this page (`countComplete` false until the last),
 * as counting them all is reading the whole graph. With a token set, it needs the token; every audit has
 * LUOCDO_API_AUDIT_TIMEOUT_MS for all its queries.
 */
async function auditPage(a: AuditArgs, ctx: Context) {
  if (!a.ref && ctx.tokenSet && !ctx.authorized)
    throw new LuocdoError('UNAUTHENTICATED', 'the audit of the whole graph needs the API token; give a ref');
  const n = page(a.first ?? 100);
  const ms = ctx.limits.auditTimeoutMs;
  const db = withDeadline(ctx.db, ms, 'the audit');
  if (!a.ref) return wholeAuditPage(db, a, n, ms);
  const from = (decodeCursor(a.after, indexCursor) ?? -1) + 1;
  const findings = await within(audit(db, { ref: a.ref, codes: a.codes ?? null }), ms, 'the audit');
  const slice = findings.slice(from, from + n);
  const edges = slice.map((node, i) => ({ cursor: encode(String(from + i)), node }));
  return {
    totalCount: findings.length,
    errors: findings.filter((f) => f.severity === 'error').length,
    countComplete: true,
    edges,
    pageInfo: {
      hasNextPage: from + n < findings.length,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

async function wholeAuditPage(db: Db, a: AuditArgs, n: number, ms: number) {
  const after = decodeCursor(a.after, scanCursor);
  const budgetMs = Math.min(AUDIT_SCAN_BUDGET_MS, ms / 2);
  const p = await within(
    auditScan(db, { codes: a.codes ?? null, first: n, after, budgetMs }),
    ms,
    'the audit',
  );
  let seen = after?.seen ?? 0;
  let errors = after?.errors ?? 0;
  let skip = after?.skip ?? 0;
  let anchor = after?.from ?? null;
  const edges = p.items.map(({ anchor: at, finding: node }) => {
    skip = at === anchor ? skip + 1 : 1;
    anchor = at;
    seen++;
    if (node.severity === 'error') errors++;
    return { cursor: encode(JSON.stringify({ from: at, skip, seen, errors })), node };
  });
  return {
    totalCount: seen,
    errors,
    countComplete: p.next === null,
    edges,
    pageInfo: {
      hasNextPage: p.next !== null,
      // Where the scan stopped, past the last finding when the budget ran out first: the next page goes on
      // from there rather than reading again what this one read.
      endCursor: p.next
        ? encode(JSON.stringify({ ...p.next, seen, errors }))
        : (edges.at(-1)?.cursor ?? null),
    },
  };
}

/** A draft checked against the graph: its length capped, all its look-ups within the audit's time. */
async function auditDraft(a: { text: string }, ctx: Context) {
  return checkDraft(a.text, 'auditText', ctx);
}

/**
 * A draft dropped as a file: read by the reader `ingest` uses, then checked as auditText checks a text.
 * Reading is open like auditText, but OCR (seconds of both cores a page) only with the token when one is set.
 */
async function auditFile(a: { file: File }, ctx: Context) {
  const { text } = await readUpload(a.file, ctx.upload, ctx.authorized || !ctx.tokenSet);
  return checkDraft(text, 'auditFile', ctx);
}

async function checkDraft(text: string, field: string, ctx: Context) {
  const a = { text };
  const max = ctx.limits.auditTextMaxChars;
  if (a.text.length > max)
    throw new LuocdoError(
      'BAD_INPUT',
      `the text is ${a.text.length} characters; ${field} takes at most ${max} (LUOCDO_API_AUDIT_TEXT_MAX_CHARS)`,
    );
  const ms = ctx.limits.auditTimeoutMs;
  const r = await within(auditText(withDeadline(ctx.db, ms, 'the audit'), a.text), ms, 'the audit');
  return draftResult(r, a.text);
}

/** An audited draft as the API gives it: each reference with the codes of the findings that quote it. */
export function draftResult(r: Awaited<ReturnType<typeof auditText>>, text: string) {
  const codesAt = (start: number, end: number) => [
    ...new Set(
      r.findings.filter((f) => f.mentions.some((m) => m.start === start && m.end === end)).map((f) => f.code),
    ),
  ];
  return {
    ok: !r.findings.some((f) => f.severity === 'error'),
    findings: r.findings,
    references: r.document.references.length,
    text,
    mentions: r.mentions.map(({ reference: x, key, known }) => ({
      start: x.start,
      end: x.end,
      text: x.text,
      symbol: x.symbol,
      issuedOn: x.issuedOn,
      relation: x.relation,
      key,
      known,
      codes: codesAt(x.start, x.end),
    })),
  };
}

function searchDocuments(a: { text: string; first?: number | null }, ctx: Context) {
  checkSearchText(a.text);
  return q.search(ctx.db, a.text, page(a.first));
}

async function ingestText(a: { text: string; path: string }, ctx: Context) {
  requireToken(ctx);
  if (!a.text.trim()) throw new LuocdoError('BAD_INPUT', 'the text is empty');
  const sha256 = createHash('sha256').update(a.text).digest('hex');
  const r = await writeSource(
    ctx.db,
    prepare({ path: a.path, text: a.text, sha256, format: 'txt', bytes: Buffer.byteLength(a.text) }),
  );
  await awaitSearchRefresh(ctx.db);
  return { status: r.status, report: r.report, sha256, documents: r.documents, citations: r.citations };
}

async function ingestFile(a: { file: File }, ctx: Context) {
  requireToken(ctx);
  const results = await ingestUpload(ctx.db, a.file, ctx.upload);
  return Promise.all(
    results.map(async (r) => ({
      ...r,
      report: r.report === null ? null : await ctx.documents.load(r.report),
    })),
  );
}

async function removeSourceOf(a: { source: string }, ctx: Context) {
  requireToken(ctx);
  if (a.source.length < 6)
    throw new LuocdoError('BAD_INPUT', 'give at least 6 characters of the sha256, or the path');
  return (await removeSource(ctx.db, a.source)).map((r) => ({ sha256: r.sha, path: r.path }));
}

// Registers (issue 16).
async function registryImportOf(
  a: { text: string; format: string; path: string; issuer?: string | null },
  ctx: Context,
) {
  requireToken(ctx);
  if (a.format !== 'csv' && a.format !== 'jsonl')
    throw new LuocdoError('BAD_INPUT', `format '${a.format}': give csv or jsonl`);
  if (!a.text.trim()) throw new LuocdoError('BAD_INPUT', 'the register is empty');
  const opts = { issuer: a.issuer ?? null };
  const r = await importRead(ctx.db, await readRegisterText(a.text, a.path, a.format, opts), opts);
  await awaitSearchRefresh(ctx.db);
  return { status: r.status, sha256: r.sha256, rows: r.rows, refused: r.bad, unplaced: r.unplaced };
}

async function registryRemoveOf(a: { registry: string }, ctx: Context) {
  requireToken(ctx);
  if (a.registry.length < 8)
    throw new LuocdoError('BAD_INPUT', 'give at least 8 characters of the sha256, or the path');
  return (await removeRegistry(ctx.db, a.registry)).map((r) => ({ sha256: r.sha, path: r.path }));
}

export const resolvers = {
  Query: {
    document: root(async (a: { ref: string }, ctx) => resolveOne(ctx, a.ref)),
    candidates: root(
      async (a: { ref: string }, ctx) =>
        (await q.resolveRef(ctx.db, a.ref).catch(recode('BAD_INPUT', 'BAD_REF'))).candidates,
    ),
    documents: root(async (a: { filter?: q.DocFilter | null } & PageArgs, ctx) => {
      const r = await q.documentsPage(ctx.db, a.filter ?? {}, page(a.first), decode(a.after));
      return connection(r.items, (d) => d.key, r.hasNext, r.total);
    }),
    search: root(searchDocuments),
    implementers: root(async (a: { directive: string }, ctx) => {
      const d = await mustResolve(ctx, a.directive);
      return (await q.implementers(ctx.db, d)).map(implementation);
    }),
    implementersPage: root(implementersPage),
    unitsWithoutEvidence: root(async (a: { directive: string }, ctx) =>
      q.unitsWithoutEvidence(ctx.db, (await mustResolve(ctx, a.directive)).key),
    ),
    citationChain: root(citationChain),
    organization: root(async (a: { name: string }, ctx) => q.organizationByName(ctx.db, a.name)),
    organizations: root(async (a: { level?: string | null } & PageArgs, ctx) => {
      const r = await q.organizationsPage(ctx.db, a.level ?? null, page(a.first), decode(a.after));
      return connection(r.items, (o) => o.key, r.hasNext, r.total);
    }),
    audit: root(auditPage),
    auditText: root(auditDraft),
    auditFile: root(auditFile),
    source: root(sourceOf),
    find: root(find),
    stats: root(async (_a: Args, ctx) => {
      const c = await counts(ctx.db);
      return { ...c, documentsWithText: c.withText };
    }),
  },
  Mutation: {
    ingestText: root(ingestText),
    ingestFile: root(ingestFile),
    removeSource: root(removeSourceOf),
    registryImport: root(registryImportOf),
    registryRemove: root(registryRemoveOf),
  },
  DraftReference: {
    document: (m: { key: string | null }, _a: Args, ctx: Context) =>
      m.key ? ctx.documents.load(m.key) : null,
  },
  // The schema's AuditCode enum, value for value: makeExecutableSchema refuses a code the schema lacks.
  AuditCode: Object.fromEntries(AUDIT_CODES.map((c) => [c, c])) as Record<AuditCode, AuditCode>,
  Finding: {
    /** JSON: the values vary with the code (lists of dates, counts, names), which a JSON object carries as they are. */
    params: (f: AuditFinding) => JSON.stringify(f.params),
  },
  Document: {
    id: (d: q.DocRecord) => d.key,
    issuer: (d: q.DocRecord, _a: Args, ctx: Context) => ctx.issuers.load(d.key),
    hasText: (d: q.DocRecord) => d.hasText === true,
    citations: citationConnection('out'),
    citedBy: citationConnection('in'),
    inForce: async (d: q.DocRecord, _a: Args, ctx: Context) => (await ctx.inForce.load(d.key)).inForce,
    link: async (d: q.DocRecord, _a: Args, ctx: Context) => (await ctx.inForce.load(d.key)).link,
    registry: (d: q.DocRecord, _a: Args, ctx: Context) => registryFacts(ctx.db, d.key),
    ...documentFields,
  },
  Mention: {
    ocr: (m: AuditMention) => m.ocr === true,
    sha256: (m: AuditMention) => m.sha256 ?? null,
  },
  Organization: {
    id: (o: q.OrgRecord) => o.key,
    documents: async (o: q.OrgRecord, a: PageArgs, ctx: Context) => {
      const res = await q.organizationDocuments(ctx.db, o.key, page(a.first), decode(a.after));
      return connection(res.items, (d) => d.key, res.hasNext, res.total);
    },
    ...organizationFields,
  },
};
