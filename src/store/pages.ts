import { z } from 'zod';
import type { Db } from './connection.js';
import { docRecord, orgRow, type DocRecord, type OrgRecord } from './records.js';
import { rows as txRows, type Params } from './run.js';

/**
 * The reads of the staff pages (issue 14): the lược đồ of a document, its sources, a source's text and
 * references, a unit's years. Each is a named query under cypher/api/; rows are checked like the others'.
 */
const rows = <S extends z.ZodType>(db: Db, name: string, schema: S, params: Params = {}) =>
  db.read((tx) => txRows(tx, name, schema, params), { single: true });

const maybe = z.string().nullable();

export type Direction = 'OUT' | 'IN';

const groupRow = z.object({ relation: z.string(), direction: z.enum(['OUT', 'IN']), n: z.number() });
export type RelatedGroupCount = z.infer<typeof groupRow>;

/** How many documents each of `relations` links to `key`, each way; empty groups are not rows. */
export function relatedGroups(
  db: Db,
  key: string,
  relations: readonly string[],
): Promise<RelatedGroupCount[]> {
  return rows(db, 'api/related-groups', groupRow, { key, relations: [...relations] });
}

const quoteRecord = z.object({
  text: z.string(),
  sha256: maybe,
  path: maybe,
  start: z.number().nullable(),
  end: z.number().nullable(),
  ocr: z.boolean(),
});
const relatedRow = z.object({
  issued: z.string(),
  doc: docRecord,
  mentions: z.number(),
  inferred: z.boolean(),
  quotes: z.array(quoteRecord),
});
export type RelatedItem = z.infer<typeof relatedRow>;
/** Where a page of a group stops: the last document's date ('' when it has none) and key. */
export type RelatedAfter = { issued: string; key: string };

/** A page of one group, newest first; `limit` + 1 are asked for by the caller to tell whether more follow. */
export function relatedPage(
  db: Db,
  key: string,
  relation: string,
  direction: Direction,
  limit: number,
  after: RelatedAfter | null,
): Promise<RelatedItem[]> {
  return rows(db, 'api/related-page', relatedRow, {
    key,
    relation,
    direction,
    limit,
    afterOn: after?.issued ?? null,
    afterKey: after?.key ?? null,
  });
}

export const sourceSummary = z.object({
  sha256: z.string(),
  path: z.string(),
  format: z.string(),
  encoding: maybe.default(null),
  encodingDecidedBy: maybe.default(null),
  ocr: z.boolean(),
  ocrConfidence: z.number().nullable().default(null),
  ingestedAt: maybe.default(null),
});
export type SourceSummary = z.infer<typeof sourceSummary>;

export async function documentSources(db: Db, key: string): Promise<SourceSummary[]> {
  return (await rows(db, 'api/document-sources', z.object({ source: sourceSummary }), { key })).map(
    (r) => r.source,
  );
}

export type { DocRecord };

const sourceRow = z.object({ source: sourceSummary, textZ: maybe, doc: docRecord });
const mentionRow = z.object({
  mention: z.object({
    start: z.number(),
    end: z.number(),
    text: z.string(),
    relation: z.string(),
    inFootnote: z.boolean(),
    inferred: z.boolean(),
  }),
  doc: docRecord.nullable(),
});

export type SourceRecord = z.infer<typeof sourceRow>;

/** The sources a sha256 prefix names: one, none, or two when it is not enough to tell. */
export function sourcesByPrefix(db: Db, prefix: string): Promise<SourceRecord[]> {
  return rows(db, 'api/source', sourceRow, { prefix });
}

/** A source's references in the order of its text, each with the document it refers to. */
export async function sourceMentions(db: Db, sha: string) {
  return (await rows(db, 'api/source-mentions', mentionRow, { sha })).map((r) => ({
    ...r.mention,
    document: r.doc,
  }));
}

const findRow = z.object({
  doc: docRecord,
  issuer: z.object({ key: z.string(), name: z.string() }).nullable(),
});
export type FindMatch = z.infer<typeof findRow>;

/** Full-text matches for the search box, best first, at most `max`, each with its issuer. */
export function findMatches(db: Db, query: string, max: number): Promise<FindMatch[]> {
  return rows(db, 'api/find', findRow, { query, max });
}

/** Units whose name matches, best first. */
export async function organizationsByName(db: Db, query: string, limit: number): Promise<OrgRecord[]> {
  return (await rows(db, 'api/organization-search', orgRow, { query, limit })).map((r) => r.org);
}

const yearRow = z.object({ year: z.number(), issued: z.number(), implemented: z.number() });

/** A unit's documents per year: issued, and those that report on or implement another. */
export function organizationYears(db: Db, key: string): Promise<Array<z.infer<typeof yearRow>>> {
  return rows(db, 'api/organization-years', yearRow, { key });
}

/** A page of the documents a unit reported on or implemented, newest first, and how many there are. */
export async function organizationImplemented(
  db: Db,
  key: string,
  limit: number,
  after: RelatedAfter | null,
): Promise<{ items: RelatedItem[]; total: number }> {
  const [items, count] = await Promise.all([
    rows(db, 'api/organization-implemented', relatedRow, {
      key,
      limit,
      afterOn: after?.issued ?? null,
      afterKey: after?.key ?? null,
    }),
    rows(db, 'api/organization-implemented-count', z.object({ n: z.number() }), { key }),
  ]);
  return { items, total: count[0]?.n ?? 0 };
}
