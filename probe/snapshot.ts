import type { Db } from '../src/store/connection.js';
import { cypher } from '../src/store/cypher.js';
import { toPlain } from '../src/store/values.js';

/** Properties that differ between two writes of the same thing by design: times, and stored drafts (bytes). */
const VOLATILE = new Set(['createdAt', 'ingestedAt', 'updatedAt', 'draft']);

const plainProps = (m: unknown): string =>
  JSON.stringify(
    Object.entries(toPlain(m) as Record<string, unknown>)
      .filter(([k]) => !VOLATILE.has(k))
      .sort(([a], [b]) => a.localeCompare(b)),
  );

async function rowsOf(db: Db, name: string): Promise<Record<string, unknown>[]> {
  return db.read(async (tx) =>
    (await tx.run(cypher(name))).records.map((r) => toPlain(r.toObject()) as Record<string, unknown>),
  );
}

export type GraphSnapshot = { nodes: string[]; edges: string[] };

/** Every node and edge with every property (but the volatile ones), sorted: two graphs equal on it are equal. */
export async function fullSnapshot(db: Db): Promise<GraphSnapshot> {
  const nodes = await rowsOf(db, 'probe/nodes');
  const edges = await rowsOf(db, 'probe/edges');
  return {
    nodes: nodes.map((r) => `${String(r['labels'])} ${plainProps(r['p'])}`).sort(),
    edges: edges
      .map((r) => `${String(r['a'])} ${String(r['t'])} ${String(r['b'])} ${plainProps(r['p'])}`)
      .sort(),
  };
}

/** The entries of a snapshot line (its properties), by name. */
function entriesOf(line: string): Map<string, string> {
  const at = line.indexOf(' [');
  try {
    const pairs = JSON.parse(line.slice(at + 1)) as Array<[string, unknown]>;
    return new Map(pairs.map(([k, v]) => [k, JSON.stringify(v)]));
  } catch {
    return new Map();
  }
}

/** What differs between two lines about the same node or edge: the properties, by name. */
function changed(a: string, b: string): string {
  const ea = entriesOf(a);
  const eb = entriesOf(b);
  const names = [...new Set([...ea.keys(), ...eb.keys()])].filter((k) => ea.get(k) !== eb.get(k));
  const key = ea.get('key') ?? ea.get('sha256') ?? ea.get('name') ?? a.slice(0, 60);
  return `${key}: ${names.map((k) => `${k} ${ea.get(k) ?? '∅'} ≠ ${eb.get(k) ?? '∅'}`.slice(0, 200)).join('; ')}`;
}

const identity = (line: string): string => {
  const e = entriesOf(line);
  return `${line.slice(0, line.indexOf(' ['))} ${e.get('key') ?? e.get('sha256') ?? e.get('name') ?? ''}`;
};

/** The first differences between two snapshots, for a verdict a person can follow; empty when equal. */
export function differences(a: GraphSnapshot, b: GraphSnapshot, max = 4): string[] {
  const out: string[] = [];
  for (const kind of ['nodes', 'edges'] as const) {
    const inA = new Set(a[kind]);
    const inB = new Set(b[kind]);
    const onlyA = a[kind].filter((l) => !inB.has(l));
    const onlyB = b[kind].filter((l) => !inA.has(l));
    const byId = new Map(onlyB.map((l) => [identity(l), l]));
    for (const line of onlyA) {
      const twin = byId.get(identity(line));
      if (twin !== undefined) byId.delete(identity(line));
      out.push(twin !== undefined ? `≠ ${changed(line, twin)}` : `- ${line.slice(0, 200)}`);
    }
    for (const line of byId.values()) out.push(`+ ${line.slice(0, 200)}`);
  }
  return out.length > max ? [...out.slice(0, max), `… ${out.length - max} more`] : out;
}
