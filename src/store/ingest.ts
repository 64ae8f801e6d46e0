import type { ManagedTransaction } from 'neo4j-driver';
import { EXTRACTOR_VERSION, extractDocument } from '../extract/index.js';
import { graphFacts, searchText, withReportKey, type GraphFacts } from '../graph/facts.js';
import { sameReport } from '../graph/identity.js';
import type { Db } from './connection.js';
import { cypher } from './cypher.js';
import { toParam, toPlain } from './values.js';

export type Prepared = {
  path: string;
  sha256: string;
  format: string;
  bytes: number;
  facts: GraphFacts;
};

export type IngestStatus = 'added' | 'unchanged' | 'replaced' | 'merged';

export type IngestResult = {
  path: string;
  sha256: string;
  status: IngestStatus;
  report: string;
  documents: number;
  citations: number;
};

/** Extraction and the graph facts, before any database work (pure, so it can run while the last write commits). */
export function prepare(input: {
  path: string;
  text: string;
  sha256: string;
  format: string;
  bytes: number;
}): Prepared {
  const doc = extractDocument(input.text, { path: input.path, sha256: input.sha256, format: input.format });
  return {
    path: input.path,
    sha256: input.sha256,
    format: input.format,
    bytes: input.bytes,
    facts: graphFacts(doc, input.text),
  };
}

const run = (tx: ManagedTransaction, name: string, params: Record<string, unknown>) =>
  tx.run(cypher(name), toParam(params) as Record<string, unknown>);

/** Takes one source out of the graph, inside the caller's transaction. */
export async function removeSourceTx(tx: ManagedTransaction, sha: string): Promise<boolean> {
  const r = await run(tx, 'remove/source-documents', { sha });
  const row = r.records[0];
  if (!row) return false;
  const keys = [row.get('report') as string, ...(row.get('cited') as string[])];
  await run(tx, 'remove/source-edges', { sha, keys });
  await run(tx, 'remove/source-citations', { sha });
  await run(tx, 'remove/source-file', { sha });
  await run(tx, 'remove/orphans', { keys });
  return true;
}

/**
 * Writes one source in one transaction: an unchanged file is a no-op; a changed file at the same path
 * replaces exactly its own citations and edges; a near-identical extraction of a report already in the
 * graph becomes a second SourceFile of that Document.
 */
export async function writeSource(db: Db, p: Prepared): Promise<IngestResult> {
  return db.write(async (tx) => {
    let g = p.facts;
    const reporter = g.reporter
      ? { ...g.reporter, searchText: searchText(`${g.reporter.name} ${g.reporter.shortName ?? ''}`) }
      : null;
    const probe = (await run(tx, 'ingest/probe', { sha: p.sha256, path: p.path, org: reporter })).records[0];
    if (probe?.get('version') === EXTRACTOR_VERSION) {
      return {
        path: p.path,
        sha256: p.sha256,
        status: 'unchanged',
        report: probe.get('doc') as string,
        documents: 0,
        citations: 0,
      };
    }
    let status: IngestStatus = 'added';
    if (probe?.get('version') != null) await removeSourceTx(tx, p.sha256);
    for (const old of (probe?.get('older') as string[] | undefined) ?? []) {
      await removeSourceTx(tx, old);
      status = 'replaced';
    }
    type Candidate = { key: string; title: string | null; refKeys: string[] | null; contentKeyed: boolean };
    for (const c of (probe?.get('candidates') as Candidate[] | undefined) ?? []) {
      if (c.key === g.report.key) continue;
      if (
        !sameReport(
          { title: g.report.title, refKeys: g.refKeys },
          { title: c.title, refKeys: c.refKeys ?? [] },
        )
      )
        continue;
      if (status === 'added') status = 'merged';
      const moved =
        g.report.symbol && c.contentKeyed
          ? await run(tx, 'ingest/rekey-document', { from: c.key, to: g.report.key })
          : null;
      if (!moved || moved.records.length === 0) g = withReportKey(g, c.key);
      break;
    }
    await run(tx, 'ingest/write-source', {
      r: g.report,
      areas: g.areas,
      orgs: g.organizations.map((o) => ({ ...o, searchText: searchText(`${o.name} ${o.shortName ?? ''}`) })),
      docs: g.documents.map((d) => ({
        ...d,
        searchText: searchText(`${d.symbol ?? ''} ${d.name ?? ''} ${d.title ?? ''}`),
      })),
      issuedBy: g.issuedBy,
      edges: g.edges,
      citations: g.citations,
      sha: p.sha256,
      source: {
        path: p.path,
        format: p.format,
        bytes: p.bytes,
        version: EXTRACTOR_VERSION,
        refKeys: g.refKeys,
      },
      person: g.person,
    });
    return {
      path: p.path,
      sha256: p.sha256,
      status,
      report: g.report.key,
      documents: g.documents.length + 1,
      citations: g.citations.length,
    };
  });
}

/** Waits until the full-text indexes (updated after commit) show what was written. */
export async function awaitSearchRefresh(db: Db): Promise<void> {
  await db.read((tx) => tx.run(cypher('ingest/await-search-refresh')));
}

/** Removes a source named by sha256 (or a prefix) or path; false when there is none. */
export async function removeSource(db: Db, ref: string): Promise<{ sha: string; path: string }[]> {
  return db.write(async (tx) => {
    const found = (await run(tx, 'ingest/find-source-by-ref', { ref })).records.map((r) => ({
      sha: r.get('sha') as string,
      path: r.get('path') as string,
    }));
    for (const f of found) await removeSourceTx(tx, f.sha);
    return found;
  });
}

export type Counts = {
  documents: number;
  withText: number;
  sources: number;
  citations: number;
  organizations: number;
  relationships: number;
};

export async function counts(db: Db): Promise<Counts> {
  return db.read(async (tx) => {
    const r = (await tx.run(cypher('db/counts'))).records[0];
    const n = (k: string) => Number(toPlain(r?.get(k) ?? 0));
    return {
      documents: n('documents'),
      withText: n('withText'),
      sources: n('sources'),
      citations: n('citations'),
      organizations: n('organizations'),
      relationships: n('relationships'),
    };
  });
}
