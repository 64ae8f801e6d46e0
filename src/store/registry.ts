import type { ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { answerKeys, searchText, type Draft, type GraphFacts } from '../graph/facts.js';
import type { Db } from './connection.js';
import { settle, settleDocuments } from './ingest.js';
import { resolveWithGraph } from './knowledge.js';
import { rows, run } from './run.js';

/** One register row for the store: its position, what it says beyond the facts, and its graph facts. */
export type RegistryWrite = {
  row: number;
  inForce: string | null;
  inForceText: string | null;
  link: string | null;
  year: number | null;
  draft: Draft;
  facts: GraphFacts;
};

export type RegistryMeta = {
  sha256: string;
  path: string;
  format: string;
  bytes: number;
  encoding: string;
  issuer: string | null;
  rows: number;
  badRows: number;
  version: string;
};

const orgSearchText = (o: { name: string; shortName: string | null }) =>
  searchText(`${o.name} ${o.shortName ?? ''}`);

/** The statement's row for one register row: its document, provenance, units, and what its title cites. */
export function rowParams(sha: string, w: RegistryWrite) {
  const g = w.facts;
  const issuer = new Map(g.issuedBy.map((r) => [r.doc, r.org]));
  const rels = new Map<string, string[]>();
  const facts: GraphFacts['edges'] = [];
  for (const e of g.edges) {
    if (e.from !== g.report.key) facts.push(e);
    else rels.set(e.to, [...(rels.get(e.to) ?? []), e.rel]);
  }
  const targets = g.documents.map((d) => ({
    key: d.key,
    type: d.type,
    number: d.number,
    symbol: d.symbol,
    year: d.year,
    issuedOn: d.issuedOn,
    title: d.title,
    name: d.name,
    ambiguous: d.ambiguous,
    searchText: searchText(`${d.symbol ?? ''} ${d.name ?? ''} ${d.title ?? ''}`),
    issuer: issuer.get(d.key) ?? null,
    rels: rels.get(d.key) ?? [],
    citations: g.citations
      .filter((c) => c.docKey === d.key)
      .map(({ docKey: _k, ...c }) => ({
        ...c,
        inferred: c.inferred || null,
        facts: c.facts.length > 0 ? c.facts : null,
      })),
  }));
  return {
    key: `${sha}:${w.row}`,
    row: w.row,
    doc: {
      key: g.report.key,
      type: g.report.type,
      number: g.report.number,
      symbol: g.report.symbol,
      year: w.year ?? g.report.year,
      issuedOn: g.report.issuedOn,
      title: g.report.title,
      // Its issuer's place or its year unknown: the key says it (graph/identity).
      ambiguous: g.report.key.includes('@?') || g.report.key.endsWith('|?'),
    },
    issuer: issuer.get(g.report.key) ?? null,
    inForce: w.inForce,
    inForceText: w.inForceText,
    link: w.link,
    areas: g.areas,
    orgs: g.organizations.map((o) => ({ ...o, searchText: orgSearchText(o) })),
    targets,
    facts,
  };
}

const freshRow = z.object({ fresh: z.boolean(), pending: z.boolean() });

export type RegistryImport = {
  sha256: string;
  status: 'added' | 'unchanged';
  rows: number;
  documents: string[];
};

/**
 * Writes a register: its node first (an import of bytes already in the graph stops there: a no-op), then
 * its rows in batches, one transaction each (whole or absent), each resolved with what the graph knows;
 * then the sources whose questions its dated documents answer are resolved again (`settle`).
 */
export async function importRegistry(
  db: Db,
  meta: RegistryMeta,
  entries: readonly RegistryWrite[],
  opts: { batch?: number; onBatch?: (done: number) => void } = {},
): Promise<RegistryImport> {
  const begin = () => db.write((tx) => rows(tx, 'registry/begin', freshRow, { ...meta, sha: meta.sha256 }));
  let [begun] = await begin();
  // An import that stopped half-way left its register pending: it is taken out and made again.
  if (begun && !begun.fresh && begun.pending) {
    await removeRegistry(db, meta.sha256);
    [begun] = await begin();
  }
  if (!begun?.fresh) return { sha256: meta.sha256, status: 'unchanged', rows: 0, documents: [] };
  try {
    return await writeRows(db, meta, entries, opts);
  } catch (e) {
    // The batches already written go too, so that a failed import leaves nothing behind and can be run again.
    await removeRegistry(db, meta.sha256).catch(() => undefined);
    throw e;
  }
}

async function writeRows(
  db: Db,
  meta: RegistryMeta,
  entries: readonly RegistryWrite[],
  opts: { batch?: number; onBatch?: (done: number) => void },
): Promise<RegistryImport> {
  const size = Math.max(1, opts.batch ?? 2000);
  const answers = new Set<string>();
  const documents: string[] = [];
  for (let i = 0; i < entries.length; i += size) {
    const batch = entries.slice(i, i + size);
    await db.write(async (tx) => {
      const resolved = await resolveWithGraph(tx, batch);
      await run(tx, 'registry/write-rows', {
        sha: meta.sha256,
        rows: resolved.map((w) => rowParams(meta.sha256, w)),
      });
      const keys = resolved.flatMap((w) => [w.facts.report.key, ...w.facts.documents.map((d) => d.key)]);
      await settleDocuments(tx, keys, false);
      for (const w of resolved) {
        documents.push(w.facts.report.key);
        for (const k of answerKeys(w.facts)) answers.add(k);
      }
    });
    opts.onBatch?.(Math.min(i + size, entries.length));
  }
  await db.write((tx) => run(tx, 'registry/finish', { sha: meta.sha256, answers: [...answers].sort() }));
  await settle(db, [], [...answers]);
  return { sha256: meta.sha256, status: 'added', rows: entries.length, documents };
}

const touchedRow = z.object({
  described: z.array(z.string()),
  cited: z.array(z.string()),
  units: z.array(z.string()),
});
const foundRow = z.object({ sha: z.string(), path: z.string() });
const keyRow = z.object({ key: z.string() });
const answersRow = z.object({ answers: z.array(z.string()) });

/**
 * Takes a batch of a register's documents out in the caller's transaction: what its rows and their titles
 * alone asserted of them goes; the documents left are settled. A register of 100,000 rows goes in many
 * transactions, not one that would outlast the timeout.
 */
async function removeBatchTx(tx: ManagedTransaction, sha: string, docs: readonly string[]): Promise<void> {
  const [t] = await rows(tx, 'registry/touched', touchedRow, { sha, docs });
  if (!t) return;
  const keys = [...new Set([...t.described, ...t.cited])];
  await run(tx, 'registry/remove-edges', { sha, docs });
  await run(tx, 'registry/remove-records', { sha, docs });
  await run(tx, 'registry/edge-quotes', { docs: t.described });
  await run(tx, 'remove/orphans', { keys });
  await run(tx, 'remove/orphan-units', { units: [...new Set(t.units)], people: [] });
  await settleDocuments(tx, keys, false);
}

/** One register out, a batch of its documents per transaction, then the register itself; what it answered. */
async function removeOne(db: Db, sha: string, batch: number): Promise<string[]> {
  const docs = (await db.read((tx) => rows(tx, 'registry/described', keyRow, { sha }))).map((r) => r.key);
  for (let i = 0; i < docs.length; i += batch) {
    const part = docs.slice(i, i + batch);
    await db.write((tx) => removeBatchTx(tx, sha, part));
  }
  const [gone] = await db.write((tx) => rows(tx, 'registry/remove-registry', answersRow, { sha }));
  return gone?.answers ?? [];
}

/** Removes the registers a ref names (sha256, a prefix of 8 or more, or the path); what they answered is resolved again. */
export async function removeRegistry(
  db: Db,
  ref: string,
  opts: { batch?: number } = {},
): Promise<Array<{ sha: string; path: string }>> {
  const found = await db.read((tx) => rows(tx, 'registry/find', foundRow, { ref }));
  const answers: string[] = [];
  // What the register answered (places, dated documents): its askers are resolved again once it is out.
  for (const f of found)
    for (const k of await removeOne(db, f.sha, Math.max(1, opts.batch ?? 500))) answers.push(k);
  if (answers.length > 0) await settle(db, [], [...new Set(answers)]);
  return found;
}

export const registryFactRow = z.object({
  path: z.string(),
  sha256: z.string(),
  row: z.number(),
  symbol: z.string().nullable(),
  issuedOn: z.string().nullable(),
  title: z.string().nullable(),
  type: z.string().nullable(),
  inForce: z.string().nullable(),
  inForceText: z.string().nullable(),
  link: z.string().nullable(),
});
export type RegistryFact = z.infer<typeof registryFactRow>;

/** The register rows that describe a document: where each of its register facts came from. */
export const registryFacts = (db: Db, key: string): Promise<RegistryFact[]> =>
  db.read((tx) => rows(tx, 'registry/document-facts', registryFactRow, { key }));

const inForceRow = z.object({
  key: z.string(),
  inForce: z.string().nullable(),
  link: z.string().nullable(),
});
export type InForce = { inForce: string | null; link: string | null };
/**
 * Documents' force and link as the registers that describe them say (null when none does), for many keys
 * in one query: a page of documents asks once (the API's loader), not once per field and document.
 */
export async function inForceOf(db: Db, keys: readonly string[]): Promise<Map<string, InForce>> {
  const found = await db.read((tx) => rows(tx, 'registry/in-force', inForceRow, { keys: [...keys] }));
  return new Map(found.map((r) => [r.key, { inForce: r.inForce, link: r.link }]));
}
