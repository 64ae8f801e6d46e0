import type { Db } from '../../src/store/connection.js';
import { toPlain } from '../../src/store/values.js';

async function q(db: Db, cypher: string): Promise<Record<string, unknown>[]> {
  return db.read(async (tx) =>
    (await tx.run(cypher)).records.map((r) => toPlain(r.toObject()) as Record<string, unknown>),
  );
}

/**
 * Every node and edge of the graph, sorted: with their properties (but the write times and the stored
 * drafts, which are bytes), or, with `shape`, only who is linked to whom. The properties do not depend on
 * the order sources come in either (each is chosen from all the evidence: see Ingestion in the README).
 */
export async function graphSnapshot(db: Db, shape = false): Promise<{ nodes: string[]; edges: string[] }> {
  const props = (m: unknown) =>
    shape
      ? ''
      : JSON.stringify(
          Object.entries(toPlain(m) as Record<string, unknown>)
            .filter(([k]) => k !== 'createdAt' && k !== 'ingestedAt' && k !== 'draft')
            .sort(([a], [b]) => a.localeCompare(b)),
        );
  const id = (labels: unknown, p: Record<string, unknown>) =>
    shape ? `${String(labels)} ${String(p['key'] ?? p['sha256'] ?? p['name'])}` : `${String(labels)}`;
  const nodes = await q(db, 'MATCH (n) WHERE NOT n:Migration RETURN labels(n) AS labels, properties(n) AS p');
  const edges = await q(
    db,
    'MATCH (a)-[r]->(b) RETURN coalesce(a.key, a.sha256) AS a, type(r) AS t, coalesce(b.key, b.sha256) AS b, properties(r) AS p',
  );
  return {
    nodes: nodes.map((r) => `${id(r['labels'], r['p'] as Record<string, unknown>)} ${props(r['p'])}`).sort(),
    edges: edges.map((r) => `${String(r['a'])} ${String(r['t'])} ${String(r['b'])} ${props(r['p'])}`).sort(),
  };
}
