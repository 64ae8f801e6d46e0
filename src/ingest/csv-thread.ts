import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Props } from './bulk-graph.js';
import type { CsvFiles, RowSink } from './csv.js';

/** A row for the CSV thread: a node (`end` is null) or a relationship. */
export type ThreadRow = { name: string; start: number; end: number | null; props: Props };

export type ToCsv = { kind: 'rows'; rows: ThreadRow[] } | { kind: 'close' };
export type FromCsv =
  { kind: 'took' } | { kind: 'closed'; files: CsvFiles } | { kind: 'failed'; message: string };

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
 * An exact copy of a byte array: a view posted as it is would copy the whole buffer it views (a packed
 * text is a view into its source's unpacked bytes), and the copy's buffer is moved, not copied again.
 */
function own(props: Props, moved: ArrayBuffer[]): Props {
  for (const k in props) {
    const v = props[k];
    if (v instanceof Int8Array) {
      const c = v.slice();
      props[k] = c;
      moved.push(c.buffer);
    }
  }
  return props;
}

/**
 * The rows that never change after they are made, formatted, marked and compressed in a thread of their
 * own (issue 15: CSV formatting was a third of the single-threaded graph phase), while this thread goes
 * on building the graph. The props are the thread's once given: a byte array in them is replaced by a copy.
 */
export class CsvThread implements RowSink {
  private rows: ThreadRow[] = [];
  private moved: ArrayBuffer[] = [];
  private inFlight = 0;
  private wake: (() => void) | null = null;
  private failure: Error | null = null;
  private closed: ((f: CsvFiles) => void) | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: FromCsv) => {
      if (m.kind === 'took') this.inFlight--;
      else if (m.kind === 'closed') this.closed?.(m.files);
      else this.failure = new Error(`CSV thread: ${m.message}`);
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
    this.push({ name: label, start: id, end: null, props: own(props, this.moved) });
  }

  edge(type: string, start: number, end: number, props: Props): void {
    this.push({ name: type, start, end, props: own(props, this.moved) });
  }

  private push(r: ThreadRow): void {
    this.rows.push(r);
    if (this.rows.length >= BATCH) this.post();
  }

  private post(): void {
    if (this.rows.length === 0) return;
    const m: ToCsv = { kind: 'rows', rows: this.rows };
    this.worker.postMessage(m, this.moved);
    this.inFlight++;
    this.rows = [];
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
