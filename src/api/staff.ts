import { z } from 'zod';
import { LuocdoError } from '../errors.js';
import { RELATIONS } from '../extract/types.js';
import { documentLabel } from '../graph/label.js';
import { documentFindings } from '../store/audit.js';
import * as pages from '../store/pages.js';
import { unpackText } from '../store/packed.js';
import type { DocRecord, OrgRecord } from '../store/queries.js';
import { decodeCursor, encode, page } from './common.js';
import { withDeadline, within } from './guard.js';
import type { Context } from './resolvers.js';

// The fields of the staff pages (issue 14): what the page reads and nothing it says; only `label` is words.

const relatedCursor = z.tuple([z.string(), z.string()]);

/** Rows as the schema's RelatedConnection: one per document, its cursor its date and key. */
function entriesOf(items: pages.RelatedItem[], first: number, total: number) {
  const entries = items.slice(0, first).map((i) => ({
    cursor: encode(JSON.stringify([i.issued, i.doc.key])),
    document: i.doc,
    mentions: i.mentions,
    quotes: i.quotes,
    inferred: i.inferred,
  }));
  return {
    totalCount: total,
    entries,
    pageInfo: { hasNextPage: items.length > first, endCursor: entries[entries.length - 1]?.cursor ?? null },
  };
}

const afterOf = (after: string | null | undefined): pages.RelatedAfter | null => {
  const c = decodeCursor(after, relatedCursor);
  return c && { issued: c[0], key: c[1] };
};

/** A page of one group of the lược đồ: documents (one row each), newest first. */
export async function relatedConnection(
  ctx: Context,
  key: string,
  relation: string,
  direction: pages.Direction,
  first: number,
  after: string | null | undefined,
  total: number | null,
) {
  const items = await pages.relatedPage(ctx.db, key, relation, direction, first + 1, afterOf(after));
  const count =
    total ??
    (await pages.relatedGroups(ctx.db, key, RELATIONS)).find(
      (g) => g.relation === relation && g.direction === direction,
    )?.n ??
    0;
  return entriesOf(items, first, count);
}

type RelatedPageArgs = {
  relation: string;
  direction: 'OUT' | 'IN' | 'BOTH';
  first?: number | null;
  after?: string | null;
};

/**
 * The findings of the graph's audit that name the document: found from the document itself, not by auditing
 * its whole chain and filtering (seconds on a large graph for a document cited thousands of times).
 */
async function findings(d: DocRecord, ctx: Context) {
  const ms = ctx.limits.auditTimeoutMs;
  return within(documentFindings(withDeadline(ctx.db, ms, 'the audit'), d.key), ms, 'the audit');
}

export const documentFields = {
  label: async (d: DocRecord, _a: unknown, ctx: Context) =>
    documentLabel(d, (await ctx.issuers.load(d.key))?.name),
  sources: (d: DocRecord, _a: unknown, ctx: Context) => pages.documentSources(ctx.db, d.key),
  related: async (d: DocRecord, a: { firstPerGroup?: number | null }, ctx: Context) => {
    const n = page(a.firstPerGroup);
    const groups = await pages.relatedGroups(ctx.db, d.key, RELATIONS);
    return Promise.all(
      groups.map(async (g) => ({
        relation: g.relation,
        direction: g.direction,
        ...(await relatedConnection(ctx, d.key, g.relation, g.direction, n, null, g.n)),
      })),
    );
  },
  relatedPage: (d: DocRecord, a: RelatedPageArgs, ctx: Context) => {
    if (a.direction === 'BOTH') throw new LuocdoError('BAD_INPUT', 'relatedPage takes OUT or IN, one group');
    return relatedConnection(ctx, d.key, a.relation, a.direction, page(a.first), a.after, null);
  },
  findings: (d: DocRecord, _a: unknown, ctx: Context) => findings(d, ctx),
};

/** A source by sha256 or a prefix of at least 8 hex digits; a prefix two sources share is BAD_INPUT. */
export async function sourceOf(a: { sha256: string }, ctx: Context) {
  const prefix = a.sha256.trim().toLowerCase();
  if (!/^[0-9a-f]{8,64}$/.test(prefix))
    throw new LuocdoError('BAD_INPUT', 'sha256: give the hash or at least 8 of its hex digits');
  const found = await pages.sourcesByPrefix(ctx.db, prefix);
  if (found.length > 1)
    throw new LuocdoError('BAD_INPUT', `'${prefix}' begins the sha256 of several sources; give more of it`);
  const s = found[0];
  if (!s) return null;
  return {
    ...s.source,
    document: s.doc,
    // Sources stored before the text was kept have none: null, which the page says.
    text: s.textZ === null ? null : unpackText(s.textZ),
    mentions: () => pages.sourceMentions(ctx.db, s.source.sha256),
  };
}

export const organizationFields = {
  years: (o: OrgRecord, _a: unknown, ctx: Context) => pages.organizationYears(ctx.db, o.key),
  implemented: async (o: OrgRecord, a: { first?: number | null; after?: string | null }, ctx: Context) => {
    const first = page(a.first);
    const r = await pages.organizationImplemented(ctx.db, o.key, first + 1, afterOf(a.after));
    return entriesOf(r.items, first, r.total);
  },
};
