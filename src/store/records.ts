import { z } from 'zod';
import type { DocumentProps } from '../graph/facts.js';

/**
 * What the named queries return, checked row by row (see `rows` in run.ts): the shapes the queries'
 * projections promise, so that a query and its reader cannot drift apart unnoticed.
 */
const maybe = z.string().nullable();

/** A document as the queries project it: `d {.key, .type, .number, …, .hasText}`. */
export const docRecord = z.object({
  key: z.string(),
  type: z.string(),
  number: maybe,
  symbol: maybe,
  year: z.number().int().nullable(),
  issuedOn: maybe,
  title: maybe,
  name: maybe,
  hasText: z.boolean(),
}) satisfies z.ZodType<DocumentProps & { hasText: boolean }>;
export type DocRecord = z.infer<typeof docRecord>;

/** A unit as the queries project it: `o {.key, .name, .shortName, .level, .kind}`. */
export const orgRecord = z.object({
  key: z.string(),
  name: z.string(),
  shortName: maybe,
  level: maybe,
  kind: maybe,
});
export type OrgRecord = z.infer<typeof orgRecord>;

/** One step of evidence; `via` is null when it is the document itself (cypher/api/implementers.cypher). */
export const evidenceRecord = z.object({
  document: docRecord,
  via: docRecord.nullable(),
  relation: z.string(),
  quote: maybe,
  /** Every Citation giving the quote came from a text read by OCR. */
  ocr: z.boolean(),
});

export const implementationRecord = z.object({
  unit: orgRecord,
  evidence: z.array(evidenceRecord),
  firstOn: maybe,
  lastOn: maybe,
});

export const docRow = z.object({ doc: docRecord });
/**
 * A look-up's candidate: the document, the keys of the units the graph says issued it (none from a key), and
 * the one of them the API shows (`issuer`), read in the same query.
 */
export const candidateRow = z.object({
  doc: docRecord,
  issuers: z.array(z.string()).default([]),
  issuer: orgRecord.nullable(),
});
export const orgRow = z.object({ org: orgRecord });
export const unitRow = z.object({ unit: orgRecord });
export const countRow = z.object({ n: z.number() });
export const issuerRow = z.object({ key: z.string(), org: orgRecord });
export const citationRow = z.object({
  citation: z.object({
    key: z.string(),
    relation: z.string(),
    quote: z.string(),
    inFootnote: z.boolean(),
    // Set only on a link made by inference (an undated mention joined to the one dated document).
    inferred: z.boolean().nullish(),
  }),
  doc: docRecord,
});
export const citationCountRow = z.object({ out: z.number(), in: z.number() });
export const implementersPageRow = z.object({ total: z.number(), units: z.array(implementationRecord) });
export const chainRow = z.object({
  from: z.string(),
  to: z.string(),
  relation: z.string(),
  quote: maybe,
  doc: docRecord,
});
