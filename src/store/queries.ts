import { fold } from '../extract/index.js';
import type { DocumentProps } from '../graph/facts.js';
import { narrow, numberForms, parseRef, whatDecides } from '../graph/refs.js';
import type { Db } from './connection.js';
import { cypher } from './cypher.js';
import { toParam, toPlain, type Plain } from './values.js';

export type Row = Record<string, Plain>;
export type DocRecord = DocumentProps & { hasText: boolean; [k: string]: Plain };
export type OrgRecord = {
  key: string;
  name: string;
  shortName: string | null;
  level: string | null;
  kind: string | null;
};

async function rows(db: Db, name: string, params: Record<string, unknown> = {}): Promise<Row[]> {
  return db.read(async (tx) =>
    (await tx.run(cypher(name), toParam(params) as Record<string, unknown>)).records.map(
      (r) => toPlain(r.toObject()) as Row,
    ),
  );
}

const doc = (v: Plain | undefined) => v as unknown as DocRecord;

/** A candidate as the look-up queries return it: the document and who the graph says issued it. */
const candidate = (r: Row): DocRecord & { issuers: string[] } => ({
  ...doc(r['doc']),
  issuers: (r['issuers'] as string[] | undefined) ?? [],
});

export type Resolved = { doc: DocRecord | null; candidates: DocRecord[] };

/**
 * The documents a reference may mean (see src/graph/refs.ts for the forms it takes and how a date, year
 * or issuer decides); one when it is unambiguous.
 */
export async function resolveRef(db: Db, ref: string): Promise<Resolved> {
  const p = parseRef(ref);
  let found: Array<DocRecord & { issuers: string[] }>;
  if (p.kind === 'key') found = (await rows(db, 'api/documents-by-keys', { keys: [p.key] })).map(candidate);
  else if (p.kind === 'symbol')
    found = (
      await rows(db, 'api/documents-by-symbol', { symbols: p.symbols, issuedOn: p.issuedOn, year: p.year })
    ).map(candidate);
  else
    found = (await rows(db, 'api/documents-by-number', { type: p.type, numbers: numberForms(p.number) })).map(
      candidate,
    );
  const kept = narrow(p, found).map(({ issuers: _issuers, ...d }) => d as DocRecord);
  return { doc: kept.length === 1 ? (kept[0] as DocRecord) : null, candidates: kept };
}

/** Why a reference fits several documents, and what to add: for the messages that list them. */
export function ambiguityMessage(ref: string, candidates: readonly DocRecord[]): string {
  return `'${ref}' fits ${candidates.length} documents: ${candidates.map((d) => `${d.symbol ?? d.name ?? d.key} ${d.issuedOn ?? '?'}`).join('; ')}; ${whatDecides(candidates.map((d) => ({ ...d, issuers: [] })))}`;
}

export async function documentsByKeys(db: Db, keys: readonly string[]): Promise<Map<string, DocRecord>> {
  const out = new Map<string, DocRecord>();
  for (const r of await rows(db, 'api/documents-by-keys', { keys })) {
    const d = doc(r['doc']);
    out.set(d.key, d);
  }
  return out;
}

export async function issuersByKeys(db: Db, keys: readonly string[]): Promise<Map<string, OrgRecord>> {
  const out = new Map<string, OrgRecord>();
  for (const r of await rows(db, 'api/issuers-by-keys', { keys }))
    out.set(r['key'] as string, r['org'] as unknown as OrgRecord);
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
  const [page, count] = await Promise.all([
    rows(db, 'api/documents-page', { ...params, after, limit: first + 1 }),
    rows(db, 'api/documents-count', params),
  ]);
  const items = page.map((r) => doc(r['doc']));
  return { items: items.slice(0, first), hasNext: items.length > first, total: Number(count[0]?.['n'] ?? 0) };
}

/** Lucene query from free text: folded like the index, special characters escaped, all words required. */
export function searchQuery(text: string): string | null {
  const words = fold(text)
    .replace(/[^a-z0-9/\- ]+/g, ' ')
    .split(/\s+/)
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
  return (await rows(db, 'api/search', { query, limit: first })).map((r) => doc(r['doc']));
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
    rows(db, direction === 'out' ? 'api/citations-out' : 'api/citations-in', {
      key,
      after,
      limit: first + 1,
    }),
    rows(db, 'api/citations-count', { key }),
  ]);
  const items = page.map((r) => {
    const c = r['citation'] as Row;
    return {
      cursor: c['key'] as string,
      doc: doc(r['doc']),
      relation: c['relation'] as string,
      quote: c['quote'] as string,
      inFootnote: c['inFootnote'] as boolean,
      inferred: c['inferred'] === true,
    };
  });
  return {
    items: items.slice(0, first),
    hasNext: items.length > first,
    total: Number(count[0]?.[direction] ?? 0),
  };
}

export type Evidence = {
  document: DocRecord;
  via: DocRecord;
  relation: string;
  target: DocRecord;
  quote: string | null;
};
export type Implementation = {
  unit: OrgRecord;
  evidence: Evidence[];
  firstOn: string | null;
  lastOn: string | null;
};

type EvidenceRow = Omit<Evidence, 'via' | 'target'> & { via: DocRecord | null };

/** The queries leave out what the caller holds already: the target, and `via` when it is the document. */
const evidenceOf = (rows: EvidenceRow[], target: DocRecord): Evidence[] =>
  rows.map((e) => ({ ...e, via: e.via ?? e.document, target }));

/** Units with evidence of implementing `target` (see cypher/api/implementers.cypher). */
export async function implementers(db: Db, target: DocRecord): Promise<Implementation[]> {
  return (await rows(db, 'api/implementers', { key: target.key })).map((r) => ({
    unit: r['unit'] as unknown as OrgRecord,
    evidence: evidenceOf(r['evidence'] as unknown as EvidenceRow[], target),
    firstOn: (r['firstOn'] as string | null) ?? null,
    lastOn: (r['lastOn'] as string | null) ?? null,
  }));
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
  type Unit = { unit: OrgRecord; evidence: EvidenceRow[]; firstOn: string | null; lastOn: string | null };
  const [r] = await rows(db, 'api/implementers-page', {
    key: target.key,
    limit,
    afterName: after?.name ?? null,
    afterKey: after?.key ?? null,
  });
  return {
    total: Number(r?.['total'] ?? 0),
    units: ((r?.['units'] ?? []) as unknown as Unit[]).map((u) => ({
      unit: u.unit,
      evidence: evidenceOf(u.evidence, target),
      firstOn: u.firstOn ?? null,
      lastOn: u.lastOn ?? null,
    })),
  };
}

export async function unitsWithoutEvidence(db: Db, key: string): Promise<OrgRecord[]> {
  return (await rows(db, 'api/units-without-evidence', { key })).map(
    (r) => r['unit'] as unknown as OrgRecord,
  );
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
      for (const r of await rows(db, `api/chain-${d}`, { frontier, limit: maxNodes * 4 })) {
        const e: ChainEdge = {
          from: r['from'] as string,
          to: r['to'] as string,
          relation: r['relation'] as string,
          quote: (r['quote'] as string | null) ?? null,
        };
        edges.set(`${e.from}|${e.relation}|${e.to}`, e);
        const b = doc(r['doc']);
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
  const r = await rows(db, 'api/organization-search', { query, limit: 1 });
  return (r[0]?.['org'] as unknown as OrgRecord | undefined) ?? null;
}

export async function organizationsPage(db: Db, level: string | null, first: number, after: string | null) {
  const [page, count] = await Promise.all([
    rows(db, 'api/organizations-page', { level, after, limit: first + 1 }),
    rows(db, 'api/organizations-count', { level }),
  ]);
  const items = page.map((r) => r['org'] as unknown as OrgRecord);
  return { items: items.slice(0, first), hasNext: items.length > first, total: Number(count[0]?.['n'] ?? 0) };
}

export async function organizationDocuments(db: Db, key: string, first: number, after: string | null) {
  const [page, count] = await Promise.all([
    rows(db, 'api/organization-documents', { key, after, limit: first + 1 }),
    rows(db, 'api/organization-documents-count', { key }),
  ]);
  const items = page.map((r) => doc(r['doc']));
  return { items: items.slice(0, first), hasNext: items.length > first, total: Number(count[0]?.['n'] ?? 0) };
}
