import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Props } from './bulk-graph.js';
import type { CsvFiles, RowSink } from './csv.js';

/**
 * A label's or type's rows as the CSV thread is told of them once: `columns` are the first row's keys (the
 * columns `CsvWriter` opens the file with), and each row after is its values in that order.
 */
export type ThreadSink = { node: boolean; name: string; columns: string[] };

/**
 * Rows as one flat array (a structured clone of plain values, no object and no key per row): each row is
 * its sink's index, its start id, its end id (-1 for a node), then its sink's column values.
 */
export type ToCsv = { kind: 'rows'; sinks: Array<[number, ThreadSink]>; flat: unknown[] } | { kind: 'close' };
/** A failure carries the system's error code (ENOSPC, EFBIG…), so that the load can say what ran out. */
export type FromCsv =
  | { kind: 'took' }
  | { kind: 'closed'; files: CsvFiles }
  | { kind: 'failed'; message: string; code: string | null };

/** Rows a message carries: one structured clone per few hundred rows, not per row. */
const BATCH = 256;
/** Batches posted but not yet written: what the main thread holds for the CSV thread is bounded by it. */
const IN_FLIGHT = 16;

/** The compiled worker script; absent when running from the TypeScript sources (then the rows stay here). */
export function csvWorkerScript(): string | null {
  const path = fileURLToPath(new URL('./csv-worker.js', import.meta.url));
  return existsSync(path) ? path : null;
}

/**
 * The rows that never change after they are made, formatted, marked and compressed in a thread of their
 * own (issue 15: CSV formatting was a third of the single-threaded graph phase), while this thread goes
 * on building the graph. The props are the thread's once given: a byte array in them is replaced by a copy.
 */
export class CsvThread implements RowSink {
  private flat: unknown[] = [];
  private rows = 0;
  private readonly sinks = new Map<string, [number, ThreadSink]>();
  private declared: Array<[number, ThreadSink]> = [];
  private moved: ArrayBuffer[] = [];
  private inFlight = 0;
  private wake: (() => void) | null = null;
  private failure: Error | null = null;
  private closed: ((f: CsvFiles) => void) | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: FromCsv) => {
      if (m.kind === 'took') this.inFlight--;
      else if (m.kind === 'closed') this.closed?.(m.files);
      else
        this.failure = Object.assign(new Error(`CSV thread: ${m.message}`), m.code ? { code: m.code } : {});
      this.poke();
    });
    worker.on('error', (e) => {
      this.failure = e;
      this.poke();
    });
    worker.on('exit', (code) => {
      this.failure ??= new Error(`CSV thread exited (code ${code})`);
      this.poke();
    });
  }

  /** A thread writing into `dir` with its files' names starting `prefix`; null without the compiled script. */
  static open(dir: string, prefix: string): CsvThread | null {
    const script = csvWorkerScript();
    return script ? new CsvThread(new Worker(script, { workerData: { dir, prefix } })) : null;
  }

  private poke(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  node(label: string, id: number, props: Props): void {
    this.push(true, label, id, -1, props);
  }

  edge(type: string, start: number, end: number, props: Props): void {
    this.push(false, type, start, end, props);
  }

  private sink(node: boolean, name: string, props: Props): [number, ThreadSink] {
    const key = `${node ? 'n' : 'r'}:${name}`;
    let s = this.sinks.get(key);
    if (!s) {
      s = [this.sinks.size, { node, name, columns: Object.keys(props) }];
      this.sinks.set(key, s);
      this.declared.push(s);
    }
    return s;
  }

  private push(node: boolean, name: string, start: number, end: number, props: Props): void {
    const [i, s] = this.sink(node, name, props);
    const flat = this.flat;
    flat.push(i, start, end);
    for (const k of s.columns) {
      const v = props[k];
      if (v instanceof Int8Array) {
        // A view posted as it is would copy the whole buffer it views (a packed text is a view into its
        // source's unpacked bytes): an exact copy instead, whose buffer is moved, not copied again.
        const c = v.slice();
        this.moved.push(c.buffer);
        flat.push(c);
      } else flat.push(v);
    }
    if (++this.rows >= BATCH) this.post();
  }

  private post(): void {
    if (this.rows === 0) return;
    const m: ToCsv = { kind: 'rows', sinks: this.declared, flat: this.flat };
    this.worker.postMessage(m, this.moved);
    this.inFlight++;
    this.flat = [];
    this.rows = 0;
    this.declared = [];
    this.moved = [];
  }

  private async until(done: () => boolean): Promise<void> {
    while (!done()) {
      if (this.failure) throw this.failure;
      await new Promise<void>((r) => (this.wake = r));
    }
    if (this.failure) throw this.failure;
  }

  async drained(): Promise<void> {
    this.post();
    await this.until(() => this.inFlight <= IN_FLIGHT);
  }

  /** Every row written and every file closed: their import arguments. The thread ends. */
  async close(): Promise<CsvFiles> {
    this.post();
    let files: CsvFiles | null = null;
    this.closed = (f) => (files = f);
    const m: ToCsv = { kind: 'close' };
    this.worker.postMessage(m);
    try {
      await this.until(() => files !== null);
      return files as unknown as CsvFiles;
    } finally {
      this.worker.removeAllListeners('exit');
      await this.worker.terminate();
    }
  }

  /** Ends the thread at once (a failed load): its files are removed with the work folder. */
  async abort(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
