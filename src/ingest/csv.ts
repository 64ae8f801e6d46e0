import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { GEdge, GNode, Props } from './bulk-graph.js';

/** Between the items of a list in a CSV field: a control character no text of ours holds. */
export const ARRAY_DELIMITER = '\u001f';

type Kind = 'string' | 'long' | 'double' | 'boolean' | 'string[]' | 'byte[]';

function kindOf(v: unknown): Kind | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'long' : 'double';
  if (v instanceof Int8Array) return 'byte[]';
  if (Array.isArray(v)) return 'string[]';
  return 'string';
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

function field(v: unknown, kind: Kind): string {
  if (v === null || v === undefined) return '';
  if (kind === 'string[]') return quote((v as unknown[]).map(String).join(ARRAY_DELIMITER));
  if (kind === 'byte[]') return quote(Array.from(v as Int8Array).join(ARRAY_DELIMITER));
  if (kind === 'string') return quote(String(v));
  return String(v);
}

/** The columns of a set of property maps: each name with the one type its values take. */
function columnsOf(rows: Iterable<Props>): Array<[string, Kind]> {
  const cols = new Map<string, Kind>();
  for (const p of rows)
    for (const [k, v] of Object.entries(p)) {
      const kind = kindOf(v);
      if (!kind) {
        if (!cols.has(k)) cols.set(k, 'string');
        continue;
      }
      const was = cols.get(k);
      if (was === undefined || was === 'string') cols.set(k, kind);
      else if (was === 'long' && kind === 'double') cols.set(k, 'double');
    }
  return [...cols.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** Writes a file in chunks, so the whole CSV never sits in memory as one string. */
class Out {
  private fd: number;
  private buf: string[] = [];
  private size = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w', 0o600);
  }
  line(s: string): void {
    this.buf.push(s, '\n');
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

const header = (cols: Array<[string, Kind]>) => cols.map(([k, t]) => (t === 'string' ? k : `${k}:${t}`));

/**
 * The importer reads an empty list as no value, where a write through Cypher stores `[]`: such properties
 * are listed on the node in `EMPTY_LISTS` and set after the import (cypher/load/empty-lists.cypher).
 */
export const EMPTY_LISTS = '_emptyLists';

function markEmptyLists(n: GNode): void {
  const empty = Object.entries(n.props)
    .filter(([, v]) => Array.isArray(v) && v.length === 0)
    .map(([k]) => k);
  if (empty.length > 0) n.props[EMPTY_LISTS] = empty;
}

/** The import's arguments: one node file per label, one relationship file per type. */
export function writeCsv(dir: string, nodes: GNode[], edges: Iterable<GEdge>): string[] {
  const args: string[] = [];
  for (const n of nodes) markEmptyLists(n);
  const byLabel = new Map<string, GNode[]>();
  for (const n of nodes) {
    const l = byLabel.get(n.label);
    if (l) l.push(n);
    else byLabel.set(n.label, [n]);
  }
  for (const [label, list] of byLabel) {
    const cols = columnsOf(list.map((n) => n.props));
    const file = join(dir, `nodes-${label}.csv`);
    const out = new Out(file);
    out.line([':ID', ...header(cols)].join(','));
    for (const n of list) out.line([String(n.id), ...cols.map(([k, t]) => field(n.props[k], t))].join(','));
    out.close();
    args.push(`--nodes=${label}=${file}`);
  }
  const byType = new Map<string, GEdge[]>();
  for (const e of edges) {
    const l = byType.get(e.type);
    if (l) l.push(e);
    else byType.set(e.type, [e]);
  }
  for (const [type, list] of byType) {
    const cols = columnsOf(list.map((e) => e.props));
    const file = join(dir, `rels-${type}.csv`);
    const out = new Out(file);
    out.line([':START_ID', ':END_ID', ...header(cols)].join(','));
    for (const e of list)
      out.line([String(e.start), String(e.end), ...cols.map(([k, t]) => field(e.props[k], t))].join(','));
    out.close();
    args.push(`--relationships=${type}=${file}`);
  }
  return args;
}
