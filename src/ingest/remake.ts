import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Known } from '../graph/known.js';
import type { Asked } from './bulk-graph.js';
import { remakeSource, type Results } from './spill.js';

export type ToRemake = { kind: 'known'; known: Known } | { kind: 'remake'; id: number; bytes: Uint8Array };
export type FromRemake =
  | { kind: 'made'; id: number; bytes: Uint8Array; asked: Asked }
  | { kind: 'failed'; id: number; message: string };

/** Sources given to a worker at once: enough that it never waits for the next, few enough to hold. */
const QUEUED = 3;

/** The compiled worker script; absent when running from the TypeScript sources (then all is made here). */
function remakeScript(): string | null {
  const path = fileURLToPath(new URL('./remake-worker.js', import.meta.url));
  return existsSync(path) ? path : null;
}

type Pending = { resolve: (r: { bytes: Uint8Array; asked: Asked }) => void; reject: (e: Error) => void };

/**
 * The sources resolution across the set makes again (half of them in the synthetic corpus), each unpacked,
 * resolved again and packed anew in a worker thread (issue 15: it was a fifth of the single-threaded graph
 * phase, done twice: once to see what it answers, once to build the graph). The packed bytes replace the
 * source's in `Results`, so the graph is built from the remade facts with nothing made again.
 */
export class RemakePool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | null = null;

  private constructor(size: number, script: string) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(script);
      w.on('message', (m: FromRemake) => this.onMessage(m));
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => this.fail(new Error(`remake worker exited (code ${code})`)));
      this.workers.push(w);
    }
  }

  /** `size` threads beside this one; null without the compiled script or with no thread asked for. */
  static open(size: number): RemakePool | null {
    const script = remakeScript();
    return script && size > 0 ? new RemakePool(size, script) : null;
  }

  private onMessage(m: FromRemake): void {
    const p = this.pending.get(m.id);
    this.pending.delete(m.id);
    if (m.kind === 'made') p?.resolve({ bytes: m.bytes, asked: m.asked });
    else p?.reject(new Error(m.message));
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  private made(w: Worker, bytes: Uint8Array): Promise<{ bytes: Uint8Array; asked: Asked }> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const m: ToRemake = { kind: 'remake', id, bytes };
      w.postMessage(m, [bytes.buffer as ArrayBuffer]);
    });
  }

  /** The sources `again` made with `known`, their bytes replaced in `results`, in their order. */
  async remake(results: Results, again: number[], known: Known): Promise<Asked[]> {
    const m: ToRemake = { kind: 'known', known };
    for (const w of this.workers) w.postMessage(m);
    const out: Asked[] = new Array<Asked>(again.length);
    let next = 0;
    const lane = async (w: Worker) => {
      for (let k = next++; k < again.length; k = next++) {
        const i = again[k] as number;
        const r = await this.made(w, rawOf(results, i));
        results.replace(i, r.bytes);
        out[k] = r.asked;
      }
    };
    // This thread takes its share too: it has nothing else to do till the round is over.
    const here = async () => {
      for (let k = next++; k < again.length; k = next++) {
        out[k] = remakeOne(results, again[k] as number, known);
        // The workers' answers are taken between two sources made here.
        await new Promise<void>((r) => setImmediate(r));
      }
    };
    // A lane that fails ends the round for every other, this thread's included: nothing is made for a load
    // that is over (and nothing written to a spill file already closed).
    const stop = (e: unknown) => {
      next = again.length;
      throw e;
    };
    const lanes = this.workers.flatMap((w) => Array.from({ length: QUEUED }, () => lane(w).catch(stop)));
    await Promise.all([...lanes, here().catch(stop)]);
    return out;
  }

  async close(): Promise<void> {
    for (const w of this.workers) w.removeAllListeners('exit');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

const rawOf = (results: Results, i: number): Uint8Array => {
  const b = results.raw(i);
  if (!b) throw new Error(`load: source ${i} has no bytes to resolve again from`);
  return b;
};

/** The same in this thread, when there is no worker script (the tests' in-process runs). */
export const remakeHere = (results: Results, again: number[], known: Known): Asked[] =>
  again.map((i) => remakeOne(results, i, known));

function remakeOne(results: Results, i: number, known: Known): Asked {
  const r = remakeSource(rawOf(results, i), known);
  results.replace(i, r.bytes);
  return { questions: r.questions, answers: r.answers };
}
