import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Settings } from '../config.js';
import { formatError, LuocdoError } from '../errors.js';
import { cypher, schemaFiles, splitStatements } from '../store/cypher.js';
import type { Prepared } from '../store/ingest.js';
import { rows } from '../store/run.js';
import { importAside } from '../store/runtime/admin.js';
import { startServer, type Log } from '../store/runtime/server.js';
import { layoutOf } from '../store/runtime/layout.js';
import { connect } from '../store/runtime/target.js';
import { MemoryBudget } from './budget.js';
import { BulkGraph, resolveAll } from './bulk-graph.js';
import { writeCsv } from './csv.js';
import { extractFile } from './extract-file.js';
import { ExtractPool, workerScript } from './extract-pool.js';
import { listFiles, type Failure } from './pipeline.js';

export type LoadSummary = {
  files: number;
  added: number;
  merged: number;
  unchanged: number;
  failed: number;
  nodes: number;
  relationships: number;
  seconds: number;
  /** The most resident memory this process held, in bytes (the graph is built in memory). */
  peakRss: number;
  failures: Failure[];
};

export type LoadOptions = { replace: boolean; workers: number; log?: Log };

const hasRow = z.object({ has: z.boolean() });

/** Every file read and extracted, in file order, in worker threads when the compiled script is there. */
async function extractAll(
  settings: Settings,
  files: string[],
  members: Awaited<ReturnType<typeof listFiles>>['members'],
  workers: number,
  failures: Failure[],
): Promise<Prepared[]> {
  const limits = { ...settings.readLimits, maxBytes: settings.maxFileBytes };
  // The files being read are in the workers' heaps; this heap grows with the graph by design (it is all
  // kept), so it is not what the budget watches here.
  const budget = new MemoryBudget(settings.memoryBudgetBytes, () => 0);
  const script = workers > 0 ? workerScript() : null;
  const pool = script ? new ExtractPool(workers, script, limits, budget) : null;
  try {
    const all = files.map((path) =>
      pool
        ? pool.extract(path, members.get(path))
        : extractFile(path, members.get(path), limits, async () => {}),
    );
    const out: Prepared[] = [];
    for (const [i, p] of all.entries()) {
      try {
        out.push(await p);
      } catch (e) {
        const path = files[i] as string;
        const error = formatError(e).replace(/^error( [A-Z_]+)?: /, '');
        failures.push({ path, error: error.includes(path) ? error : `${path}: ${error}` });
      }
    }
    return out;
  } finally {
    await pool?.close();
  }
}

/** The migrations that change data: recorded as applied, since the graph is written as they leave it. */
function dataMigrations(): Array<{ name: string; checksum: string }> {
  return schemaFiles()
    .filter((f) => splitStatements(f.text).some((s) => /^\s*MATCH\b/i.test(s.replace(/^\s*\/\/.*$/gm, ''))))
    .map((f) => ({ name: f.name, checksum: createHash('sha256').update(f.text).digest('hex') }));
}

/** A data folder never started: nothing to check, and no server to start only to check it. */
function isFresh(settings: Settings): boolean {
  const layout = layoutOf(settings);
  return !existsSync(layout.credentialsFile) && !existsSync(join(layout.storeDir, 'databases'));
}

/** Refuses a database that holds a graph, unless it is to be replaced. */
async function refuseGraph(settings: Settings, replace: boolean, log: Log): Promise<void> {
  await startServer(settings, log);
  const [has] = await connect(settings).read((tx) => rows(tx, 'load/has-graph', hasRow));
  if (has?.has && !replace)
    throw new LuocdoError('DB_NOT_EMPTY', `the database in ${settings.dataDir} already holds a graph`, {
      hint: 'add files to it with `luocdo ingest`, or rebuild it with `luocdo load --replace` (the old graph stays until the new one is ready)',
    });
}

/**
 * `luocdo load`: an empty database filled by Neo4j's bulk importer with the graph `ingest` of the same
 * files gives (see bulk-graph.ts), then the server started, the schema migrations applied and the
 * full-text indexes built. A database that holds a graph is refused unless `replace`.
 */
export async function loadPaths(
  settings: Settings,
  paths: string[],
  opts: LoadOptions,
): Promise<LoadSummary> {
  const t0 = performance.now();
  const log = opts.log ?? (() => {});
  if (settings.external)
    throw new LuocdoError('BAD_INPUT', 'load fills the local database only; NEO4J_URI is set', {
      hint: 'use `luocdo ingest` for a server of your own, or unset NEO4J_URI',
    });
  if (!isFresh(settings)) await refuseGraph(settings, opts.replace, log);
  const { files, failures, members } = await listFiles(paths, {
    ...settings.readLimits,
    maxBytes: settings.maxFileBytes,
  });
  log(`extracting ${files.length} files…`);
  const extracted = await extractAll(settings, files, members, opts.workers, failures);
  log('resolving identities…');
  const prepared = resolveAll(extracted);
  const graph = new BulkGraph();
  // Each source let go once it is in the graph: what stays is the graph itself.
  const queue: Array<Prepared | null> = prepared;
  for (let i = 0; i < queue.length; i++) {
    graph.add(queue[i] as Prepared);
    queue[i] = null;
  }
  graph.finish();
  for (const m of dataMigrations())
    graph.nodes.push({ id: graph.nodes.length, label: 'Migration', props: m });
  const csv = join(settings.dataDir, '.load-csv');
  rmSync(csv, { recursive: true, force: true });
  mkdirSync(csv, { recursive: true, mode: 0o700 });
  try {
    log(`writing ${graph.nodes.length} nodes and ${graph.edges.size} relationships…`);
    const args = writeCsv(csv, graph.nodes, graph.edges.values());
    await importAside(settings, args, log);
  } finally {
    rmSync(csv, { recursive: true, force: true });
  }
  await startServer(settings, log);
  await connect(settings).autoCommit(cypher('load/empty-lists'));
  return {
    files: files.length + failures.filter((f) => !files.includes(f.path)).length,
    ...graph.results,
    failed: failures.length,
    nodes: graph.nodes.length,
    relationships: graph.edges.size,
    seconds: (performance.now() - t0) / 1000,
    peakRss: process.resourceUsage().maxRSS * 1024,
    failures,
  };
}
