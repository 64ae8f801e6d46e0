import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatError } from '../errors.js';
import { listArchive, type Member } from '../read/archive.js';
import type { ReadLimits, ReadOptions } from '../read/limits.js';
import type { Db } from '../store/connection.js';
import {
  awaitSearchRefresh,
  isFatal,
  writeSources,
  type IngestResult,
  type Prepared,
} from '../store/ingest.js';
import { defaultMemoryBudget, MemoryBudget, overBudget } from './budget.js';
import { extractFile, type FileLimits } from './extract-file.js';
import { ExtractPool, workerScript } from './extract-pool.js';
import { SearchQueue } from './search-queue.js';

export type Failure = { path: string; error: string };

export type IngestSummary = {
  files: number;
  added: number;
  replaced: number;
  merged: number;
  unchanged: number;
  failed: number;
  documents: number;
  citations: number;
  seconds: number;
  results: IngestResult[];
  failures: Failure[];
};

export type IngestOptions = {
  maxBytes: number;
  /** The other limits on one file (the defaults of `DEFAULT_LIMITS` where not given). */
  limits?: Partial<Omit<ReadLimits, 'maxBytes'>>;
  /** Bytes of memory the files being read at once may take (a number, or a budget shared with others). */
  memoryBudget?: number | MemoryBudget;
  concurrency: number;
  dryRun: boolean;
  /**
   * Sources per transaction. 1 (the default) is one transaction per source; more groups the new and
   * plain sources of a bulk ingest into one statement — each still whole or absent, a bad one retried
   * and failed alone — at the price of losing the whole group, not one source, to a crash.
   */
  batch?: number;
  /**
   * Worker threads that read and extract while the writer writes (0, the default: in this thread, as
   * the writer asks for each file). Ignored where the compiled worker script is absent (runs from source).
   */
  workers?: number;
  onFile?: (done: number, total: number, path: string) => void;
};

/** The path a source is known by: absolute, from the working folder, links not followed (ingest and remove). */
export function sourcePath(p: string): string {
  return resolve(p);
}

const statError = (p: string, e: NodeJS.ErrnoException): string =>
  `${p}: ${
    e.code === 'ENOENT'
      ? 'no such file or folder'
      : e.code === 'ELOOP'
        ? 'a symbolic link that loops'
        : e.message
  }`;

/**
 * Files below the given paths, folders walked recursively, hidden entries skipped, in a stable order.
 * Each real folder is walked once and each real file listed once, whatever links lead to them again: a
 * link to its own folder made the walk endless (two of them) or read one file 41 times (issue 12).
 * A .zip archive is walked as the folder it holds (issue 13): its documents are listed by their path
 * inside it (`x.zip/inner/report.docx`) and found in `members`; an archive over a limit is one failure.
 */
export async function listFiles(
  paths: string[],
  limits: ReadOptions = { maxBytes: Infinity },
): Promise<{ files: string[]; failures: Failure[]; members: Map<string, Member> }> {
  const files: string[] = [];
  const failures: Failure[] = [];
  const members = new Map<string, Member>();
  const seen = new Set<string>();
  // Synchronous calls: the walk is all a load or an ingest does until it ends, and a promise round trip
  // for each of the five calls a file costs was 0.25 ms of CPU a file (5 s of 20,000 reports' load).
  const walk = async (p: string): Promise<void> => {
    let s, real;
    try {
      s = statSync(p);
      real = realpathSync.native(p);
    } catch (e) {
      failures.push({ path: p, error: statError(p, e as NodeJS.ErrnoException) });
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    if (s.isDirectory()) {
      const entries = readdirSync(p)
        .filter((n) => !n.startsWith('.'))
        .sort();
      for (const n of entries) await walk(join(p, n));
    } else if (s.isFile()) {
      const archive = !mayBeZip(p)
        ? undefined
        : await listArchive(p, p, limits).catch((e: unknown) => {
            failures.push({ path: p, error: failureText(p, e) });
            return null;
          });
      if (archive === undefined) files.push(p);
      for (const m of archive?.members ?? []) {
        files.push(m.path);
        members.set(m.path, m);
      }
      failures.push(...(archive?.failures ?? []));
    }
  };
  for (const p of paths) await walk(sourcePath(p));
  return { files, failures, members };
}

/**
 * Whether a file begins as a zip does (a .docx, .xlsx or .odt too): only those are opened as archives (a
 * file that cannot be opened is none, and reading it says why).
 */
function mayBeZip(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head.readUInt32LE(0) === 0x04034b50;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A failure as the summary gives it: its message, naming its file. */
function failureText(path: string, e: unknown): string {
  const error = formatError(e).replace(/^error( [A-Z_]+)?: /, '');
  // A failure that is not a read error (a bug, an exhausted limit deep in a library) still names its file.
  return error.includes(path) ? error : `${path}: ${error}`;
}

type Load = {
  limits: FileLimits;
  budget: MemoryBudget;
  members: Map<string, Member>;
};

/**
 * One file read and extracted within the memory it reserved; the caller gives the memory back once the
 * result is written, since the extracted references live until then.
 */
async function load(
  path: string,
  { limits, budget, members }: Load,
): Promise<Prepared & { release: () => void }> {
  let release = () => {};
  const reserve = async (estimate: number) => {
    if (estimate > budget.total) throw overBudget(path, estimate, budget.total);
    release = await budget.reserve(estimate);
  };
  try {
    const prepared = await extractFile(path, members.get(path), limits, reserve);
    return Object.assign(prepared, { release });
  } catch (e) {
    release();
    throw e;
  }
}

type Loaded = Prepared & { release: () => void };

/**
 * The files' extractions in file order, started ahead of the writer: in a pool of worker threads when
 * there is one (the writer then writes while both cores extract), else here. At most `ahead` files are
 * extracted and not yet taken, so a fast extraction never holds a whole archive in memory.
 */
class Extractions {
  private readonly started = new Map<number, Promise<Loaded>>();
  private next = 0;

  constructor(
    private readonly files: string[],
    private readonly how: Load,
    private readonly pool: ExtractPool | null,
    private readonly ahead: number,
  ) {}

  /** The file at `i` (which the caller takes once), starting the next ones up to the bound. */
  take(i: number): Promise<Loaded> {
    for (; this.next < Math.min(this.files.length, i + 1 + this.ahead); this.next++) {
      const path = this.files[this.next] as string;
      const p = this.pool
        ? this.pool
            .extract(path, this.how.members.get(path))
            .then((x) => Object.assign(x, { release: () => {} }))
        : // In-process, a file is read when it is its turn: the budget then decides (see `load`).
          null;
      if (p) {
        p.catch(() => undefined); // handled when taken
        this.started.set(this.next, p);
      }
    }
    const p = this.started.get(i) ?? load(this.files[i] as string, this.how);
    this.started.delete(i);
    return p;
  }
}

/** What the worker hands on with a batch of extracted files: where they go and where their results go. */
type Sink = {
  db: Db | null;
  dryRun: boolean;
  results: IngestResult[];
  search: SearchQueue | null;
  fail: (path: string, e: unknown) => void;
};

/** Writes a batch (one transaction per source, or one for the batch) or, in a dry run, only counts it. */
async function store(loaded: Prepared[], { db, dryRun, results, search, fail }: Sink): Promise<void> {
  if (dryRun || !db) {
    for (const p of loaded)
      results.push({
        path: p.path,
        sha256: p.sha256,
        status: 'added',
        report: p.facts.report.key,
        documents: p.facts.documents.length + 1,
        citations: p.facts.citations.length,
      });
  } else {
    const w = await writeSources(db, loaded, { deferSearch: true });
    for (const { search: rows, ...result } of w.results) {
      results.push(result);
      await search?.add({ sha256: result.sha256, search: rows });
    }
    for (const f of w.failures) fail(f.path, f.error);
  }
}

/**
 * Reads, extracts and writes every file: one transaction per file (or per batch, see `batch`), a few
 * files in flight at once, a failing file reported and the others still landing.
 */
export async function ingestPaths(
  db: Db | null,
  paths: string[],
  opts: IngestOptions,
): Promise<IngestSummary> {
  const t0 = performance.now();
  const limits = { ...opts.limits, maxBytes: opts.maxBytes };
  const { files, failures, members } = await listFiles(paths, limits);
  const results: IngestResult[] = [];
  let next = 0;
  let done = 0;
  const search = db && !opts.dryRun ? new SearchQueue(db) : null;
  const fail = (path: string, e: unknown) => {
    if (isFatal(e)) throw e;
    failures.push({ path, error: failureText(path, e) });
  };
  const batch = Math.max(1, opts.batch ?? 1);
  const budget =
    opts.memoryBudget instanceof MemoryBudget
      ? opts.memoryBudget
      : new MemoryBudget(opts.memoryBudget ?? defaultMemoryBudget());
  const how: Load = { limits, budget, members };
  const script = (opts.workers ?? 0) > 0 ? workerScript() : null;
  const pool = script && files.length > 1 ? new ExtractPool(opts.workers ?? 1, script, limits, budget) : null;
  const concurrency = Math.max(1, opts.concurrency);
  const extractions = new Extractions(files, how, pool, pool ? batch * concurrency : 0);
  const worker = async () => {
    for (;;) {
      const first = next;
      const paths = files.slice(next, next + batch);
      next += paths.length;
      if (paths.length === 0) return;
      const loaded: Loaded[] = [];
      for (const [k, path] of paths.entries()) {
        try {
          const p = await extractions.take(first + k);
          // A worker must not wait for memory while it holds some: in a batch of several, each file's
          // reservation ends with its extraction (bulk loads are many small files); alone, with its write.
          if (paths.length > 1) p.release();
          loaded.push(p);
        } catch (e) {
          fail(path, e);
          opts.onFile?.(++done, files.length, path);
        }
      }
      try {
        await store(loaded, { db, dryRun: opts.dryRun, results, search, fail });
      } finally {
        for (const p of loaded) p.release();
      }
      for (const p of loaded) opts.onFile?.(++done, files.length, p.path);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    await pool?.close();
  }
  await search?.flush();
  if (db && !opts.dryRun && results.some((r) => r.status !== 'unchanged')) await awaitSearchRefresh(db);
  const count = (s: IngestResult['status']) => results.filter((r) => r.status === s).length;
  return {
    files: files.length + failures.filter((f) => !files.includes(f.path)).length,
    added: count('added'),
    replaced: count('replaced'),
    merged: count('merged'),
    unchanged: count('unchanged'),
    failed: failures.length,
    documents: results.reduce((n, r) => n + r.documents, 0),
    citations: results.reduce((n, r) => n + r.citations, 0),
    seconds: (performance.now() - t0) / 1000,
    results: results.sort((a, b) => a.path.localeCompare(b.path)),
    failures,
  };
}
