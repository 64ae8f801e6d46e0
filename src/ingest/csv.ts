import { closeSync, createWriteStream, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import { createGzip } from 'node:zlib';
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

/** The kind a column takes once `v` is in it, as `columnsOf` decides it over all its values. */
function widen(was: Kind | undefined, v: unknown): Kind | undefined {
  const kind = kindOf(v);
  if (!kind) return was;
  if (was === undefined || was === 'string') return kind;
  if (was === 'long' && kind === 'double') return 'double';
  return was;
}

const QUOTES = /"/g;
const quote = (s: string) => `"${s.includes('"') ? s.replace(QUOTES, '""') : s}"`;

/**
 * A line break inside a field would send the file through the importer's multiline reader, whose parallel
 * form (5.26, `--multiline-fields-format=v2`) loses a quoted field that spans one of its 8 MiB blocks
 * ("Missing end for quote", then "Not an integer" for the next row's id: the 100,000-report load failed so)
 * and whose serial form is all or nothing for every file. So no field holds a line break: each is written
 * as `LINE_MARK` and a digit (the mark itself as `LINE_MARK` 0, `\n` as 1, `\r` as 2), the property is named
 * in the row's `LINE_BREAKS`, and cypher/load/line-breaks-*.cypher decode it after the import. `LINE_MARK`
 * is a Unicode noncharacter, and even one in a text comes back as it was.
 */
export const LINE_MARK = '\ufdd0';
export const LINE_BREAKS = '_lineBreaks';
const TO_MARK = /[\n\r\ufdd0]/;
const MARKED = /[\n\r\ufdd0]/g;
const MARK_CODE: Record<string, string> = { '\ufdd0': '\ufdd00', '\n': '\ufdd01', '\r': '\ufdd02' };

/** `s` with every line break (and mark) written as a mark; `s` itself when it holds none. */
export function markLineBreaks(s: string): string {
  return TO_MARK.test(s) ? s.replace(MARKED, (c) => MARK_CODE[c] as string) : s;
}

/** The inverse of `markLineBreaks`, in the order the Cypher that decodes it after the import follows. */
export function unmarkLineBreaks(s: string): string {
  return s
    .replaceAll(`${LINE_MARK}1`, '\n')
    .replaceAll(`${LINE_MARK}2`, '\r')
    .replaceAll(`${LINE_MARK}0`, LINE_MARK);
}

/** The signed bytes' decimal forms, made once: a packed text is thousands of them per row. */
const BYTE = Array.from({ length: 256 }, (_, i) => String(i < 128 ? i : i - 256));

function bytesField(v: Int8Array): string {
  let s = '"';
  for (let i = 0; i < v.length; i++) s += (i > 0 ? ARRAY_DELIMITER : '') + BYTE[(v[i] as number) & 0xff];
  return s + '"';
}

/** One field as the importer reads it; the type is the value's own (the header gives the column's). */
function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Int8Array) return bytesField(v);
  if (Array.isArray(v)) return quote(v.map(String).join(ARRAY_DELIMITER));
  return quote(String(v));
}

/** The columns of a set of property maps: each name with the one type its values take. */
function columnsOf(rows: Iterable<Props>): string[] {
  const cols = new Set<string>();
  for (const p of rows) for (const k of Object.keys(p)) cols.add(k);
  return [...cols].sort((a, b) => a.localeCompare(b));
}

/**
 * The importer reads an empty list as no value, where a write through Cypher stores `[]`: such properties
 * are listed on the node in `EMPTY_LISTS` and set after the import (cypher/load/empty-lists.cypher).
 */
export const EMPTY_LISTS = '_emptyLists';

function emptyLists(props: Props): string[] | null {
  let empty: string[] | null = null;
  for (const k in props) {
    const v = props[k];
    if (Array.isArray(v) && v.length === 0) (empty ??= []).push(k);
  }
  return empty;
}

/**
 * One node label's or relationship type's CSV, written as rows arrive: the body through a buffer of a
 * few hundred kB into gzip at its fastest level (the importer reads .csv.gz; a sixth of the bytes on
 * disk), the header (whose column types are known only once every row is seen) into its own file at the
 * end, which the importer reads first. The compression runs on libuv's threads, beside the
 * single-threaded writer: whoever writes rows awaits `drained` now and then, so what waits for it is bounded.
 */
/**
 * Whether the CSV bodies are gzipped: on (≈ 11 kB a report on disk instead of ≈ 40). It was off for a while
 * when a 100,000-report import failed; the cause was the multiline reader (see `LINE_MARK`), not gzip.
 */
export const GZIP_CSV = true;
const EXT = GZIP_CSV ? '.csv.gz' : '.csv';

export class CsvSink {
  private readonly gz: PassThrough | ReturnType<typeof createGzip>;
  private readonly done: Promise<void>;
  private buf: string[] = [];
  private size = 0;
  /** Each column's kind so far, by its index. */
  private readonly kinds: Array<Kind | undefined> = [];
  /** Whether any row has a property with a line break, marked (see `LINE_MARK`). */
  marked = false;
  /** Whether any row has an empty list (see `EMPTY_LISTS`). */
  emptied = false;
  rows = 0;

  constructor(
    private readonly dir: string,
    readonly name: string,
    private readonly ids: string[],
    private readonly columns: string[],
    private readonly nodes: boolean,
    private readonly value: (v: unknown) => unknown,
  ) {
    this.gz = GZIP_CSV ? createGzip({ level: 1 }) : new PassThrough();
    this.done = pipeline(this.gz, createWriteStream(join(dir, `${name}${EXT}`), { mode: 0o600 }));
    // A failed write is thrown by `close`; till then it must not be an unhandled rejection.
    this.done.catch(() => {});
  }

  /** Resolves once the compressor has taken what it was given (at once when it keeps up). */
  async drained(): Promise<void> {
    if (this.gz.writableNeedDrain) await once(this.gz, 'drain');
  }

  row(ids: number[], props: Props): void {
    let line = ids.join(',');
    const empty = this.nodes ? emptyLists(props) : null;
    let marked: string[] | null = null;
    const cols = this.columns;
    // The two marker columns are last: the properties before them say what they hold.
    for (let c = 0; c < cols.length; c++) {
      const k = cols[c] as string;
      let v = k === EMPTY_LISTS ? empty : k === LINE_BREAKS ? marked : this.value(props[k]);
      if (typeof v === 'string' && TO_MARK.test(v)) {
        v = markLineBreaks(v);
        (marked ??= []).push(k);
      } else if (Array.isArray(v) && k !== LINE_BREAKS && v.some((x) => TO_MARK.test(String(x)))) {
        v = v.map((x) => markLineBreaks(String(x)));
        (marked ??= []).push(k);
      }
      const was = this.kinds[c];
      // A string column may still widen; the others are settled, bar long to double.
      if (was === undefined || was === 'string' || was === 'long') this.kinds[c] = widen(was, v);
      line += ',' + (typeof v === 'string' ? quote(v) : field(v));
    }
    if (marked) this.marked = true;
    if (empty) this.emptied = true;
    // Lines joined once per flush: a string grown line by line is a tree of small pieces in the heap.
    this.buf.push(line);
    this.size += line.length;
    this.rows++;
    if (this.size > 1 << 18) this.flush();
  }

  private flush(): void {
    if (this.buf.length > 0) this.gz.write(this.buf.join('\n') + '\n');
    this.buf = [];
    this.size = 0;
  }

  /** Closes the body, writes the header; the files for the importer's argument, header first. */
  async close(): Promise<string[]> {
    this.flush();
    this.gz.end();
    await this.done;
    const header = this.columns.map((k, c) => {
      const t = this.kinds[c] ?? 'string';
      return t === 'string' ? k : `${k}:${t}`;
    });
    const head = join(this.dir, `${this.name}.header.csv`);
    const hfd = openSync(head, 'w', 0o600);
    writeSync(hfd, [...this.ids, ...header].join(',') + '\n');
    closeSync(hfd);
    return [head, join(this.dir, `${this.name}${EXT}`)];
  }
}

/**
 * The import's arguments for every sink, the labels and types whose rows hold a marked line break, and the
 * labels whose rows hold an empty list: what is written back after the import reads those alone.
 */
export type CsvFiles = { args: string[]; marked: { labels: string[]; types: string[] }; emptied: string[] };

/** Where the rows written once and never changed go (BulkGraph's SourceFiles, Citations and theirs). */
export type RowSink = {
  node(label: string, id: number, props: Props): void;
  edge(type: string, start: number, end: number, props: Props): void;
  /** Resolves once what was given is taken far enough that the caller may go on (bounded memory). */
  drained(): Promise<void>;
};

/** Two writers' files as one import's arguments (a label in both: two groups of files, as the importer allows). */
export function joinFiles(a: CsvFiles, b: CsvFiles): CsvFiles {
  const union = (x: string[], y: string[]) => [...new Set([...x, ...y])];
  return {
    args: [...a.args, ...b.args],
    marked: { labels: union(a.marked.labels, b.marked.labels), types: union(a.marked.types, b.marked.types) },
    emptied: union(a.emptied, b.emptied),
  };
}

/** CSV sinks by label and type, opened on their first row with the columns that row names. */
export class CsvWriter implements RowSink {
  private readonly nodeSinks = new Map<string, CsvSink>();
  private readonly relSinks = new Map<string, CsvSink>();

  /**
   * `value` gives each field's value as written (a text kept on disk is read back there); `prefix` starts
   * every file's name, so two writers (one in csv-worker.ts) share a folder.
   */
  constructor(
    private readonly dir: string,
    private readonly value: (v: unknown) => unknown = (v) => v,
    private readonly prefix = '',
  ) {}

  node(label: string, id: number, props: Props, columns?: string[]): void {
    let s = this.nodeSinks.get(label);
    if (!s) {
      const cols = [...(columns ?? Object.keys(props)), EMPTY_LISTS, LINE_BREAKS];
      s = new CsvSink(this.dir, `${this.prefix}nodes-${label}`, [':ID'], cols, true, this.value);
      this.nodeSinks.set(label, s);
    }
    s.row([id], props);
  }

  edge(type: string, start: number, end: number, props: Props, columns?: string[]): void {
    let s = this.relSinks.get(type);
    if (!s) {
      s = new CsvSink(
        this.dir,
        `${this.prefix}rels-${type}`,
        [':START_ID', ':END_ID'],
        [...(columns ?? Object.keys(props)), LINE_BREAKS],
        false,
        this.value,
      );
      this.relSinks.set(type, s);
    }
    s.row([start, end], props);
  }

  /** Waits until every file's compressor has taken what it was given. */
  async drained(): Promise<void> {
    for (const s of [...this.nodeSinks.values(), ...this.relSinks.values()]) await s.drained();
  }

  /** Nodes held to the end: each label's columns are every property any of them has. */
  async nodes(nodes: Iterable<GNode>): Promise<void> {
    const byLabel = new Map<string, GNode[]>();
    for (const n of nodes) {
      const l = byLabel.get(n.label);
      if (l) l.push(n);
      else byLabel.set(n.label, [n]);
    }
    for (const [label, list] of byLabel) {
      const cols = columnsOf(list.map((n) => n.props));
      for (let i = 0; i < list.length; i++) {
        const n = list[i] as GNode;
        this.node(label, n.id, n.props, cols);
        if (i % 1024 === 1023) await this.drained();
      }
    }
  }

  async edges(edges: Iterable<GEdge>): Promise<void> {
    const byType = new Map<string, GEdge[]>();
    for (const e of edges) {
      const l = byType.get(e.type);
      if (l) l.push(e);
      else byType.set(e.type, [e]);
    }
    for (const [type, list] of byType) {
      const cols = columnsOf(list.map((e) => e.props));
      for (let i = 0; i < list.length; i++) {
        const e = list[i] as GEdge;
        this.edge(type, e.start, e.end, e.props, cols);
        if (i % 1024 === 1023) await this.drained();
      }
    }
  }

  async close(): Promise<CsvFiles> {
    const args: string[] = [];
    const marked = { labels: [] as string[], types: [] as string[] };
    const emptied: string[] = [];
    for (const [kind, sinks, names] of [
      ['nodes', this.nodeSinks, marked.labels],
      ['relationships', this.relSinks, marked.types],
    ] as const)
      for (const [name, s] of sinks) {
        const files = await s.close();
        args.push(`--${kind}=${name}=${files.join(',')}`);
        if (s.marked) names.push(name);
        if (s.emptied) emptied.push(name);
      }
    return { args, marked, emptied };
  }
}
