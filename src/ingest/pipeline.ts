import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatError } from '../errors.js';
import { readDocument } from '../read/index.js';
import type { Db } from '../store/connection.js';
import {
  awaitSearchRefresh,
  isFatal,
  writeSources,
  type IngestResult,
  type Prepared,
} from '../store/ingest.js';
import { prepare } from './prepare.js';
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
  concurrency: number;
  dryRun: boolean;
  /**
   * Sources per transaction. 1 (the default) is one transaction per source; more groups the new and
   * plain sources of a bulk ingest into one statement — each still whole or absent, a bad one retried
   * and failed alone — at the price of losing the whole group, not one source, to a crash.
   */
  batch?: number;
  onFile?: (done: number, total: number, path: string) => void;
};

/** Files below the given paths, folders walked recursively, hidden entries skipped, in a stable order. */
export async function listFiles(paths: string[]): Promise<{ files: string[]; failures: Failure[] }> {
  const files: string[] = [];
  const failures: Failure[] = [];
  const walk = async (p: string): Promise<void> => {
    let s;
    try {
      s = await stat(p);
    } catch (e) {
      failures.push({
        path: p,
        error: `${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message}`,
      });
      return;
    }
    if (s.isDirectory()) {
      const entries = (await readdir(p)).filter((n) => !n.startsWith('.')).sort();
      for (const n of entries) await walk(join(p, n));
    } else if (s.isFile()) {
      files.push(p);
    }
  };
  for (const p of paths) await walk(resolve(p));
  return { files, failures };
}

async function load(path: string, maxBytes: number): Promise<Prepared> {
  const bytes = await readFile(path);
  const read = await readDocument(bytes, path, { maxBytes });
  return prepare({
    path,
    text: read.text,
    sha256: read.sha256,
    format: read.format,
    bytes: read.bytes,
    ...(read.pageStarts ? { pageStarts: read.pageStarts } : {}),
  });
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
  const { files, failures } = await listFiles(paths);
  const results: IngestResult[] = [];
  let next = 0;
  let done = 0;
  const search = db && !opts.dryRun ? new SearchQueue(db) : null;
  const fail = (path: string, e: unknown) => {
    if (isFatal(e)) throw e;
    failures.push({ path, error: formatError(e).replace(/^error( [A-Z_]+)?: /, '') });
  };
  const batch = Math.max(1, opts.batch ?? 1);
  const worker = async () => {
    for (;;) {
      const paths = files.slice(next, next + batch);
      next += paths.length;
      if (paths.length === 0) return;
      const loaded: Prepared[] = [];
      for (const path of paths) {
        try {
          loaded.push(await load(path, opts.maxBytes));
        } catch (e) {
          fail(path, e);
          opts.onFile?.(++done, files.length, path);
        }
      }
      if (opts.dryRun || !db) {
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
      for (const p of loaded) opts.onFile?.(++done, files.length, p.path);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, worker));
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
