// parseRef reads a reference with the extractor; it moves to graph/ (issue 17, item 6), and these go with it.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { fold, extractDocument, parseSymbol } from '../extract/index.js';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { TYPE_WORDS } from '../extract/codes.js';
import { LuocdoError } from '../errors.js';
import type { z } from 'zod';
import { searchText } from '../graph/facts.js';
import type { Db } from './connection.js';
import {
  chainRow,
  citationCountRow,
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

/** A named read query's rows, checked against `schema`, in a read transaction of its own. */
const rows = <S extends z.ZodType>(db: Db, name: string, schema: S, params: Params = {}) =>
  db.read((tx) => txRows(tx, name, schema, params));

const docs = async (db: Db, name: string, params: Params) =>
  (await rows(db, name, docRow, params)).map((r) => r.doc);

export type ParsedRef =
  | { kind: 'key'; key: string }
  | { kind: 'symbol'; symbol: string; issuedOn: string | null }
  | { kind: 'number'; type: string; number: string };

const FOLDED_TYPE_WORDS = TYPE_WORDS.map(([w, t]) => [fold(w), t] as const).sort(
  (a, b) => b[0].length - a[0].length,
);

/**
 * Any way people write a document's number: `22-CT/TU`, `chi thi so 22 - ct/tu`,
 * `Kết luận số 114-KL/TW ngày 14 tháng 7 năm 2015 của Ban Bí thư`, `chi thi 22`, or a graph key.
 */
export function parseRef(ref: string): ParsedRef {
  const raw = ref.trim();
  if (!raw || raw.length > 500)
    throw new LuocdoError('BAD_INPUT', 'a document reference is 1 to 500 characters');
  if (raw.includes('|') || /^(text|name|num):/.test(raw)) return { kind: 'key', key: raw };
  const found = extractDocument(raw).references.find((r) => r.symbol);
  if (found?.symbol) return { kind: 'symbol', symbol: found.symbol, issuedOn: found.issuedOn };
  // Without diacritics the type words are not recognised; the symbol alone still is.
  const sym =
    /(\d{1,5})\s*([-/])\s*(?:(\d{4})\s*\/\s*)?([a-zđ]+)\s*([-/])\s*([a-zđ0-9]+(?:\s*-\s*[a-zđ0-9]+)*)/iu.exec(
      raw,
    );
  if (sym) {
    const symbol = parseSymbol(sym[0].replace(/\s+/g, '')).symbol;
    return { kind: 'symbol', symbol, issuedOn: null };
  }
  const f = fold(raw);
  for (const [word, type] of FOLDED_TYPE_WORDS) {
    const m = new RegExp(`(?:^|\\s)${word}(?:\\s+so)?\\s*:?\\s*(\\d{1,5})(?!\\d)`).exec(f);
    if (m) return { kind: 'number', type, number: m[1] as string };
  }
  throw new LuocdoError(
    'BAD_INPUT',
    `'${raw}' names no document: give a number such as 22-CT/TU or "Chỉ thị số 22"`,
  );
}

export type Resolved = { doc: DocRecord | null; candidates: DocRecord[] };

/** The documents a reference may mean; one when it is unambiguous. */
export async function resolveRef(db: Db, ref: string): Promise<Resolved> {
  const p = parseRef(ref);
  let found: DocRecord[];
  if (p.kind === 'key') found = await docs(db, 'api/documents-by-keys', { keys: [p.key] });
  else if (p.kind === 'symbol')
    found = await docs(db, 'api/documents-by-symbol', { symbol: p.symbol, issuedOn: p.issuedOn });
  else found = await docs(db, 'api/documents-by-number', { type: p.type, number: p.number });
  if (found.length === 0 && p.kind === 'number') {
    // `chi thi 22` may be written `22` or `022` in the number.
    found = await docs(db, 'api/documents-by-number', { type: p.type, number: p.number.padStart(2, '0') });
  }
  return { doc: found.length === 1 ? (found[0] ?? null) : null, candidates: found };
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
  }));
  return { items: items.slice(0, first), hasNext: items.length > first, total: count[0]?.[direction] ?? 0 };
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
