import { getHeapStatistics } from 'node:v8';
import { LuocdoError } from '../errors.js';

/**
 * Memory an ingest may spend on files being read at once, in bytes: each file reserves what it will take
 * before it is read and gives it back once its result is written, so eight big files at --concurrency 8 are read a
 * few at a time (issue 12). Waiters are served in order, so a big file is not starved by small ones.
 */
export class MemoryBudget {
  private used = 0;
  private holders = 0;
  private readonly queue: { bytes: number; grant: () => void }[] = [];
  /** The most bytes and the most files held at once: what a test (or a benchmark) checks. */
  peak = { bytes: 0, holders: 0 };

  /**
   * `heapUsed` is checked too: an estimate made before reading can be wrong (a text dense with references
   * costs more than its size says), so while any file is held a new one starts only if the heap, as it
   * is, leaves room for it. With nothing held, the next file always starts: no waiting forever on garbage.
   */
  constructor(
    readonly total: number,
    private readonly heapUsed: () => number = () => process.memoryUsage().heapUsed,
  ) {
    this.baseline = heapUsed();
  }

  private readonly baseline: number;

  private fits(bytes: number): boolean {
    if (this.holders === 0) return true;
    return this.used + bytes <= this.total && this.heapUsed() - this.baseline + bytes <= this.total;
  }

  /** Waits until `bytes` fits, takes it, and returns the function that gives it back (once). */
  async reserve(bytes: number): Promise<() => void> {
    if (bytes > this.total) throw new RangeError(`${bytes} bytes is more than the whole budget`);
    if (this.queue.length > 0 || !this.fits(bytes))
      await new Promise<void>((grant) => this.queue.push({ bytes, grant }));
    else this.take(bytes);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used -= bytes;
      this.holders--;
      this.pump();
    };
  }

  private take(bytes: number): void {
    this.used += bytes;
    this.holders++;
    this.peak = {
      bytes: Math.max(this.peak.bytes, this.used),
      holders: Math.max(this.peak.holders, this.holders),
    };
  }

  private pump(): void {
    for (let next = this.queue[0]; next && this.fits(next.bytes); next = this.queue[0]) {
      this.queue.shift();
      this.take(next.bytes);
      next.grant();
    }
  }
}

/** Half of what V8 lets this process's heap grow to: the rest is the program, the driver and garbage. */
export function defaultMemoryBudget(): number {
  return Math.floor(getHeapStatistics().heap_size_limit / 2);
}

/** A file that needs more than the whole budget: refused at once, never waited for. */
export function overBudget(path: string, estimate: number, total: number): LuocdoError {
  return new LuocdoError(
    'FILE_READ',
    `${path}: needs about ${Math.ceil(estimate / 1e6)} MB of memory to read, more than the whole ` +
      `memory budget of ${Math.floor(total / 1e6)} MB (LUOCDO_MEMORY_BUDGET_MB)`,
  );
}
