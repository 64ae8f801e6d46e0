import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LuocdoError, type ErrorCode } from '../errors.js';
import type { Member } from '../read/archive.js';
import type { Answers } from '../graph/facts.js';
import type { Question } from '../graph/known.js';
import type { Prepared } from '../store/ingest.js';
import { overBudget, type MemoryBudget } from './budget.js';
import type { FileLimits } from './extract-file.js';
import { packLean } from './spill.js';

export type ToWorker =
  | {
      kind: 'extract';
      id: number;
      path: string;
      member: Member | null;
      /** Without `onOcrPage`: a function cannot cross to a thread (ocrProgress asks for the pages back). */
      limits: Omit<FileLimits, 'onOcrPage'>;
      ocrProgress: boolean;
      budget: number;
      /** The result as serialized bytes and its compact part (see Packed), not as an object. */
      packed: boolean;
    }
  | { kind: 'granted'; grant: number };

export type FromWorker =
  | { kind: 'reserve'; id: number; grant: number; bytes: number }
  | { kind: 'ocrPage'; id: number; path: string; done: number; total: number }
  | { kind: 'done'; id: number; prepared: Prepared }
  | { kind: 'packed'; id: number; packed: Packed }
  | {
      kind: 'failed';
      id: number;
      over: { path: string; estimate: number; total: number } | null;
      code: ErrorCode | null;
      message: string;
      hint: string | null;
    };

/**
 * An extraction as `luocdo load` keeps it (issue 15): its Lean as compressed bytes (spill.ts packLean:
 * nothing for the collector to trace, a sixth of the serialized Prepared), and beside it what resolution
 * across the whole set reads of every source: its questions and answers.
 */
export type Packed = { bytes: Uint8Array; questions: Question[]; answers: Answers };

/** A Prepared packed: in a worker before it is posted (the bytes move, they are not copied). */
export function pack(p: Prepared): Packed {
  const b = packLean(p);
  // The compressor's buffer may be a view on a larger one: the bytes are copied out only then.
  const bytes = b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : new Uint8Array(b);
  return { bytes, questions: p.facts.questions, answers: p.facts.answers };
}

type Task = {
  id: number;
  path: string;
  member: Member | undefined;
  packed: boolean;
  resolve: (p: Prepared | Packed) => void;
  reject: (e: unknown) => void;
  releases: Array<() => void>;
  /** Bytes reserved for it: a worker that read a large file is replaced before they are given back. */
  reserved: number;
};

type Slot = { worker: Worker; task: Task | null };

/** What a file must have reserved for its worker to be replaced after it (see recycle). */
const RECYCLE_BYTES = 256 * 1024 * 1024;

/** The compiled worker script; absent when running from the TypeScript sources (the tests' in-process runs). */
export function workerScript(): string | null {
  const path = fileURLToPath(new URL('./extract-worker.js', import.meta.url));
  return existsSync(path) ? path : null;
}

/**
 * Reads and extracts files in worker threads (all cores), one file per worker at a time; each file's
 * memory is reserved from the one budget of the process before it is read, and given back once the worker
 * hands its result over (the worker's copy of the text is then garbage).
 */
export class ExtractPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    size: number,
    private readonly script: string,
    private readonly limits: FileLimits,
    private readonly budget: MemoryBudget,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.script), task: null };
    slot.worker.on('message', (m: FromWorker) => void this.onMessage(slot, m));
    slot.worker.on('error', (e) => this.onCrash(slot, e));
    slot.worker.on('exit', (code) => {
      if (!this.closed) this.onCrash(slot, new Error(`extraction worker exited (code ${code})`));
    });
    return slot;
  }

  /** A crashed worker fails its file alone and is replaced. */
  private onCrash(slot: Slot, e: Error): void {
    const task = slot.task;
    slot.task = null;
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    if (this.closed) return;
    void slot.worker.terminate();
    this.slots[i] = this.spawn();
    if (task) this.finish(task, () => task.reject(e));
    this.pump();
  }

  extract(path: string, member: Member | undefined): Promise<Prepared> {
    return this.submit(path, member, false) as Promise<Prepared>;
  }

  /** The extraction packed in the worker (see Packed). */
  extractPacked(path: string, member: Member | undefined): Promise<Packed> {
    return this.submit(path, member, true) as Promise<Packed>;
  }

  private submit(path: string, member: Member | undefined, packed: boolean): Promise<Prepared | Packed> {
    return new Promise((resolve, reject) => {
      this.waiting.push({
        id: this.nextId++,
        path,
        member,
        packed,
        resolve,
        reject,
        releases: [],
        reserved: 0,
      });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.task) continue;
      const task = this.waiting.shift();
      if (!task) return;
      slot.task = task;
      const { onOcrPage, ...limits } = this.limits;
      const m: ToWorker = {
        kind: 'extract',
        id: task.id,
        path: task.path,
        member: task.member ?? null,
        limits,
        ocrProgress: onOcrPage !== undefined,
        budget: this.budget.total,
        packed: task.packed,
      };
      slot.worker.postMessage(m);
    }
  }

  private finish(task: Task, settle: () => void): void {
    for (const r of task.releases) r();
    settle();
  }

  private async onMessage(slot: Slot, m: FromWorker): Promise<void> {
    const task = slot.task;
    if (!task || task.id !== m.id) return;
    if (m.kind === 'reserve') {
      task.releases.push(await this.budget.reserve(m.bytes));
      task.reserved += m.bytes;
      const reply: ToWorker = { kind: 'granted', grant: m.grant };
      slot.worker.postMessage(reply);
      return;
    }
    if (m.kind === 'ocrPage') {
      this.limits.onOcrPage?.(m.path, m.done, m.total);
      return;
    }
    slot.task = null;
    if (task.reserved >= RECYCLE_BYTES) await this.recycle(slot);
    if (m.kind === 'done') this.finish(task, () => task.resolve(m.prepared));
    else if (m.kind === 'packed') this.finish(task, () => task.resolve(m.packed));
    else this.finish(task, () => task.reject(failureOf(m)));
    this.pump();
  }

  /**
   * A worker whose heap held a large file is ended and replaced before the file's memory is given back:
   * V8 frees a heap lazily, so the next large file would otherwise be read beside the last one's garbage
   * (3 × 30 MB of .docx XML: 4.9 GB peak with two workers, against the budget's 2 GB).
   */
  private async recycle(slot: Slot): Promise<void> {
    const i = this.slots.indexOf(slot);
    if (i < 0 || this.closed) return;
    this.slots[i] = this.spawn();
    await slot.worker.terminate();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.waiting.splice(0)) t.reject(new Error('extraction pool closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/** A worker's failure as the error the main thread would have thrown. */
function failureOf(m: Extract<FromWorker, { kind: 'failed' }>): Error {
  if (m.over) return overBudget(m.over.path, m.over.estimate, m.over.total);
  if (m.code) return new LuocdoError(m.code, m.message, m.hint ? { hint: m.hint } : {});
  return new Error(m.message);
}
