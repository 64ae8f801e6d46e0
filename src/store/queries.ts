import type { z } from 'zod';
import { searchText } from '../graph/facts.js';
import { narrow, numberForms, parseRef, whatDecides } from '../graph/refs.js';
import type { Db } from './connection.js';
import {
  chainRow,
  citationCountRow,
  candidateRow,
  citationRow,
  countRow,
  docRow,
  implementationRecord,
  implementersPageRow,
  issuerRow,
  orgRow,
  unitRow,
  type DocRecord,
  type OrgRecord,
} from './records.js';
import { rows as txRows, type Params } from './run.js';

export type { DocRecord, OrgRecord } from './records.js';

/**
 * A named read query's rows, checked against `schema`, in a read transaction of its own: one statement, so
 * an auto-commit one (connection.ts `single`).
 */
const rows = <S extends z.ZodType>(db: Db, name: string, schema: S, params: Params = {}) =>
  db.read((tx) => txRows(tx, name, schema, params), { single: true });

const docs = async (db: Db, name: string, params: Params) =>
  (await rows(db, name, docRow, params)).map((r) => r.doc);

/** Candidates as the look-up queries return them: the document and who the graph says issued it. */
const candidates = async (db: Db, name: string, params: Params) =>
  (await rows(db, name, candidateRow, params)).map((r) => ({
    ...r.doc,
    issuers: r.issuers,
    issuer: r.issuer,
  }));

/** `issuerOf`: each candidate's issuer as the API shows it (issuers-by-keys), for a request's loader to keep. */
export type Resolved = {
  doc: DocRecord | null;
  candidates: DocRecord[];
  issuerOf: Map<string, OrgRecord | null>;
};

/**
 * The documents a reference may mean (see src/graph/refs.ts for the forms it takes and how a date, year
 * or issuer decides); one when it is unambiguous.
 */
export async function resolveRef(db: Db, ref: string): Promise<Resolved> {
  const p = parseRef(ref);
  let found: Array<DocRecord & { issuers: string[]; issuer: OrgRecord | null }>;
  if (p.kind === 'key') found = await candidates(db, 'api/documents-by-keys', { keys: [p.key] });
  else if (p.kind === 'symbol')
    found = await candidates(db, 'api/documents-by-symbol', {
      symbols: p.symbols,
      issuedOn: p.issuedOn,
      year: p.year,
    });
  else
    found = await candidates(db, 'api/documents-by-number', { type: p.type, numbers: numberForms(p.number) });
  const issuerOf = new Map<string, OrgRecord | null>();
  const kept = narrow(p, found).map(({ issuers: _issuers, issuer, ...d }): DocRecord => {
    issuerOf.set(d.key, issuer);
    return d;
  });
  return { doc: kept.length === 1 ? (kept[0] ?? null) : null, candidates: kept, issuerOf };
}

/** Why a reference fits several documents, and what to add: for the messages that list them. */
export function ambiguityMessage(ref: string, candidates: readonly DocRecord[]): string {
  return `'${ref}' fits ${candidates.length} documents: ${candidates.map((d) => `${d.symbol ?? d.name ?? d.key} ${d.issuedOn ?? '?'}`).join('; ')}; ${whatDecides(candidates.map((d) => ({ ...d, issuers: [] })))}`;
}

export async function documentsByKeys(db: Db, keys: readonly string[]): Promise<Map<string, DocRecord>> {
  const out = new Map<string, DocRecord>();
  for (const d of await docs(db, 'api/documents-by-keys', { keys })) out.set(d.key, d);
  return out;
}

export async function issuersByKeys(db: Db, keys: readonly string[]): Promise<Map<string, OrgRecord>> {
  const out = new Map<string, OrgRecord>();
  for (const r of await rows(db, 'api/issuers-by-keys', issuerRow, { keys })) out.set(r.key, r.org);
  return out;
}

export type DocFilter = {
  type?: string | null;
  year?: number | null;
  hasText?: boolean | null;
  issuer?: string | null;
};

export async function documentsPage(
  db: Db,
  filter: DocFilter,
  first: number,
  after: string | null,
): Promise<{ items: DocRecord[]; hasNext: boolean; total: number }> {
  const params = {
    type: filter.type ?? null,
    year: filter.year ?? null,
    hasText: filter.hasText ?? null,
    issuer: filter.issuer ?? null,
  };
  const [items, count] = await Promise.all([
    docs(db, 'api/documents-page', { ...params, after, limit: first + 1 }),
    rows(db, 'api/documents-count', countRow, params),
  ]);
  return { items: items.slice(0, first), hasNext: items.length > first, total: count[0]?.n ?? 0 };
}

/** Lucene query from free text: folded as the index is (`searchText`), special characters escaped, all words required. */
export function searchQuery(text: string): string | null {
  const words = searchText(text)
    .split(' ')
    .filter(Boolean)
    .map((w) => w.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&'));
  if (words.length === 0) return null;
  return words.length > 1
    ? `"${words.join(' ')}" OR (${words.map((w) => `+${w}`).join(' ')})`
    : (words[0] as string);
}

export async function search(db: Db, text: string, first: number): Promise<DocRecord[]> {
  const query = searchQuery(text);
  if (!query) return [];
  return docs(db, 'api/search', { query, limit: first });
}

export type CitationItem = {
  cursor: string;
  doc: DocRecord;
  relation: string;
  quote: string;
  inFootnote: boolean;
  inferred: boolean;
};

export async function citations(
  db: Db,
  key: string,
  direction: 'out' | 'in',
  first: number,
  after: string | null,
): Promise<{ items: CitationItem[]; hasNext: boolean; total: number }> {
  const [page, count] = await Promise.all([
    rows(db, direction === 'out' ? 'api/citations-out' : 'api/citations-in', citationRow, {
      key,
      after,
      limit: first + 1,
    }),
    rows(db, 'api/citations-count', citationCountRow, { key }),
  ]);
  const items = page.map(({ citation: c, doc }) => ({
    cursor: c.key,
    doc,
    relation: c.relation,
    quote: c.quote,
    inFootnote: c.inFootnote,
    inferred: c.inferred === true,
  }));
  return { items: items.slice(0, first), hasNext: items.length > first, total: count[0]?.[direction] ?? 0 };
}

export type Evidence = {
  document: DocRecord;
  via: DocRecord;
  relation: string;
  target: DocRecord;
  quote: string | null;
  /** The quote came from a text read by OCR: a person should check it against the scan. */
  ocr: boolean;
};
export type Implementation = {
  unit: OrgRecord;
  evidence: Evidence[];
  firstOn: string | null;
  lastOn: string | null;
};

/** The queries leave out what the caller holds already: the target, and `via` when it is the document. */
const implementationOf = (r: z.output<typeof implementationRecord>, target: DocRecord): Implementation => ({
  ...r,
  evidence: r.evidence.map((e) => ({ ...e, via: e.via ?? e.document, target })),
});

/** Units with evidence of implementing `target` (see cypher/api/implementers.cypher). */
export async function implementers(db: Db, target: DocRecord): Promise<Implementation[]> {
  return (await rows(db, 'api/implementers', implementationRecord, { key: target.key })).map((r) =>
    implementationOf(r, target),
  );
}

/**
 * A page of `implementers`, units ordered by name then key, after the unit `after` names; `limit` + 1
 * are fetched to tell whether more follow. `total` counts every unit.
 */
export async function implementersPage(
  db: Db,
  target: DocRecord,
  limit: number,
  after: { name: string; key: string } | null,
): Promise<{ total: number; units: Implementation[] }> {
  const [r] = await rows(db, 'api/implementers-page', implementersPageRow, {
    key: target.key,
    limit,
    afterName: after?.name ?? null,
    afterKey: after?.key ?? null,
  });
  return { total: r?.total ?? 0, units: (r?.units ?? []).map((u) => implementationOf(u, target)) };
}

export async function unitsWithoutEvidence(db: Db, key: string): Promise<OrgRecord[]> {
  return (await rows(db, 'api/units-without-evidence', unitRow, { key })).map((r) => r.unit);
}

export type ChainEdge = { from: string; to: string; relation: string; quote: string | null };

/** A citation chain, breadth first, one query per level, at most `maxNodes` documents. */
export async function citationChain(
  db: Db,
  start: DocRecord,
  direction: 'OUT' | 'IN' | 'BOTH',
  maxDepth: number,
  maxNodes = 500,
): Promise<{ nodes: DocRecord[]; edges: ChainEdge[] }> {
  const nodes = new Map<string, DocRecord>([[start.key, start]]);
  const edges = new Map<string, ChainEdge>();
  let frontier = [start.key];
  for (let depth = 0; depth < maxDepth && frontier.length > 0 && nodes.size < maxNodes; depth++) {
    const dirs = direction === 'BOTH' ? ['out', 'in'] : [direction.toLowerCase()];
    const next: string[] = [];
    for (const d of dirs) {
      for (const r of await rows(db, `api/chain-${d}`, chainRow, { frontier, limit: maxNodes * 4 })) {
        const { doc: b, ...e } = r;
        edges.set(`${e.from}|${e.relation}|${e.to}`, e);
        if (!nodes.has(b.key) && nodes.size < maxNodes) {
          nodes.set(b.key, b);
          next.push(b.key);
        }
      }
    }
    frontier = next;
  }
  const kept = [...edges.values()].filter((e) => nodes.has(e.from) && nodes.has(e.to));
  return { nodes: [...nodes.values()], edges: kept };
}

export async function organizationByName(db: Db, name: string): Promise<OrgRecord | null> {
  const query = searchQuery(name);
  if (!query) return null;
  const [r] = await rows(db, 'api/organization-search', orgRow, { query, limit: 1 });
  return r?.org ?? null;
}

export async function organizationsPage(db: Db, level: string | null, first: number, after: string | null) {
  const [page, count] = await Promise.all([
    rows(db, 'api/organizations-page', orgRow, { level, after, limit: first + 1 }),
    rows(db, 'api/organizations-count', countRow, { level }),
  ]);
  const items = page.map((r) => r.org);
  return { items: items.slice(0, first), hasNext: items.length > first, total: count[0]?.n ?? 0 };
}

export async function organizationDocuments(db: Db, key: string, first: number, after: string | null) {
  const [items, count] = await Promise.all([
    docs(db, 'api/organization-documents', { key, after, limit: first + 1 }),
    rows(db, 'api/organization-documents-count', countRow, { key }),
  ]);
  return { items: items.slice(0, first), hasNext: items.length > first, total: count[0]?.n ?? 0 };
}
