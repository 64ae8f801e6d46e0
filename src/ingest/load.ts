import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Settings } from '../config.js';
import { formatError, LuocdoError } from '../errors.js';
import { cypher, schemaFiles, splitStatements } from '../store/cypher.js';
import { rows } from '../store/run.js';
import { importAside } from '../store/runtime/admin.js';
import { startServer, type Log } from '../store/runtime/server.js';
import { layoutOf } from '../store/runtime/layout.js';
import { connect } from '../store/runtime/target.js';
import { MemoryBudget } from './budget.js';
import { BulkGraph, resolveAllAsync, type Asked, type Resolved } from './bulk-graph.js';
import { RemakePool, remakeHere } from './remake.js';
import { CsvWriter, joinFiles, LINE_MARK, type CsvFiles, type RowSink } from './csv.js';
import { CsvThread } from './csv-thread.js';
import { extractFile } from './extract-file.js';
import { ExtractPool, pack, workerScript } from './extract-pool.js';
import { Results, Texts, textOf } from './spill.js';
import { listFiles, type Failure } from './pipeline.js';

/**
 * One step of a load: how long it took, the CPU this process spent in it (all its threads; the importer's
 * and the server's JVMs are apart), and the most memory this process held by its end.
 */
export type LoadPhase = { name: string; seconds: number; cpuSeconds: number; peakRss: number };

export type LoadSummary = {
  files: number;
  added: number;
  merged: number;
  unchanged: number;
  failed: number;
  nodes: number;
  relationships: number;
  seconds: number;
  /** The most resident memory this process held, in bytes (the importer's JVM is apart: LUOCDO_HEAP). */
  peakRss: number;
  /** Extracted sources written to the spill file, beyond LUOCDO_LOAD_MEMORY_MB. */
  spilled: number;
  /** The most bytes the spill, kept-text and CSV files took on disk at once (before the importer's store). */
  peakDiskBytes: number;
  phases: LoadPhase[];
  failures: Failure[];
};

/** How far a long phase is: files extracted, or sources written into the graph, of all of them. */
export type LoadProgress = (phase: 'extract' | 'graph', done: number, total: number) => void;

export type LoadOptions = { replace: boolean; workers: number; log?: Log; onProgress?: LoadProgress };

const hasRow = z.object({ has: z.boolean() });

/** Phase timings and the peak RSS by each phase's end (maxRSS counts the worker threads too). */
class Phases {
  readonly list: LoadPhase[] = [];
  private t = performance.now();
  private cpu = process.cpuUsage();
  end(name: string): void {
    const now = performance.now();
    const cpu = process.cpuUsage(this.cpu);
    this.list.push({
      name,
      seconds: (now - this.t) / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakRss: process.resourceUsage().maxRSS * 1024,
    });
    this.t = now;
    this.cpu = process.cpuUsage();
  }
}

export type Extracted = { asked: Array<Asked | undefined>; results: Results };

/**
 * Every file read and extracted, in worker threads when the compiled script is there, each result kept
 * packed (in memory up to the limit, then in the spill file) as it arrives, whatever the order.
 */
export async function extractAll(
  settings: Settings,
  files: string[],
  members: Awaited<ReturnType<typeof listFiles>>['members'],
  opts: { workers: number; spill: string; onProgress?: LoadProgress | undefined },
  failures: Failure[],
): Promise<Extracted> {
  const limits = { ...settings.readLimits, maxBytes: settings.maxFileBytes };
  // The files being read are in the workers' heaps: this heap holds packed results, bounded on their own.
  const budget = new MemoryBudget(settings.memoryBudgetBytes, () => 0);
  const script = opts.workers > 0 ? workerScript() : null;
  const pool = script ? new ExtractPool(opts.workers, script, limits, budget) : null;
  const results = new Results(settings.loadMemoryBytes, opts.spill);
  const asked: Array<Asked | undefined> = [];
  const failed: Array<Failure | undefined> = [];
  try {
    const one = async (i: number) => {
      const path = files[i] as string;
      try {
        const p = pool
          ? await pool.extractPacked(path, members.get(path))
          : pack(await extractFile(path, members.get(path), limits, async () => {}));
        results.put(i, p.bytes);
        asked[i] = { questions: p.questions, answers: p.answers };
      } catch (e) {
        const error = formatError(e).replace(/^error( [A-Z_]+)?: /, '');
        failed[i] = { path, error: error.includes(path) ? error : `${path}: ${error}` };
      }
    };
    // A few files queued per worker, not a promise per file of a million.
    let next = 0;
    let done = 0;
    const lane = async () => {
      for (let i = next++; i < files.length; i = next++) {
        await one(i);
        opts.onProgress?.('extract', ++done, files.length);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, opts.workers) * 2 }, lane));
    // In file order, whatever order the workers finished in.
    for (const f of failed) if (f) failures.push(f);
    return { asked, results };
  } catch (e) {
    results.close();
    throw e;
  } finally {
    await pool?.close();
  }
}

/**
 * The graph from the packed sources, in file order, each let go once it is in: the SourceFiles and
 * Citations go to `out` as they are made; the rest (documents, units, areas, people, questions and the
 * edges between them) is written at the end. The sources resolution makes again are made in `workers`
 * threads (this one among them), their packed bytes replaced, so the graph reads the remade facts.
 */
export async function buildGraph(
  x: Extracted,
  files: number,
  out: RowSink,
  texts: Texts,
  workers = 0,
  onProgress?: LoadProgress,
): Promise<BulkGraph> {
  // This thread makes its share of them too: one thread fewer than asked for.
  const pool = RemakePool.open(workers - 1);
  let answered: Resolved['answered'];
  try {
    ({ answered } = await resolveAllAsync(x.asked, async (again, known) =>
      pool ? pool.remake(x.results, again, known) : remakeHere(x.results, again, known),
    ));
  } finally {
    await pool?.close();
  }
  // Resolved: the questions and answers (a few kB a source) go before the graph grows.
  x.asked.length = 0;
  const graph = new BulkGraph(out, texts);
  for (let i = 0; i < files; i++) {
    const p = x.results.get(i);
    x.results.drop(i);
    const questions = answered.get(i);
    // A file that failed has no result: it is counted all the same.
    if (p) graph.add({ ...p, facts: questions ? { ...p.facts, questions } : p.facts });
    // The CSV files' compressors run beside this thread: it waits for them only when they fall behind.
    if (i % 64 === 63) {
      await out.drained();
      onProgress?.('graph', i + 1, files);
    }
  }
  onProgress?.('graph', files, files);
  graph.finish();
  return graph;
}

/** The bytes of the files in a folder (the load's work folder is flat). */
const folderBytes = (dir: string): number =>
  readdirSync(dir).reduce((t, f) => t + statSync(join(dir, f)).size, 0);

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

/** Refuses a server of one's own (NEO4J_URI), and a database that holds a graph unless it is to be replaced. */
async function refuseGraph(settings: Settings, replace: boolean, log: Log): Promise<void> {
  if (settings.external)
    throw new LuocdoError('BAD_INPUT', 'load fills the local database only; NEO4J_URI is set', {
      hint: 'use `luocdo ingest` for a server of your own, or unset NEO4J_URI',
    });
  await startServer(settings, log);
  const [has] = await connect(settings).read((tx) => rows(tx, 'load/has-graph', hasRow));
  if (has?.has && !replace)
    throw new LuocdoError('DB_NOT_EMPTY', `the database in ${settings.dataDir} already holds a graph`, {
      hint: 'add files to it with `luocdo ingest`, or rebuild it with `luocdo load --replace` (the old graph stays until the new one is ready)',
    });
}

/** What a full disk, or a limit on a file's size, is to a write (`errno` codes). */
const DISK_FULL: Readonly<Record<string, string>> = {
  ENOSPC: 'no space is left on its disk',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'a file grew past the size the system allows',
  EROFS: 'its disk is read-only',
};

/**
 * A write of the load's work files (spill, kept texts, CSV: in this thread or the CSV thread) that failed
 * for want of disk, said as such and naming the folder; null for any other failure. It comes before the
 * import's swap: the graph that was there is whole.
 */
function diskFailure(e: unknown, work: string): LuocdoError | null {
  const code = (e as { code?: unknown } | null)?.code;
  const why = typeof code === 'string' ? DISK_FULL[code] : undefined;
  if (e instanceof LuocdoError || why === undefined) return null;
  return new LuocdoError(
    'DATA_DIR_NOT_WRITABLE',
    `the load's work files in ${work} could not be written: ${why} (${String(code)})`,
    {
      cause: e,
      hint: 'free space on that disk, or point LUOCDO_DATA_DIR at a larger one (a load takes ≈ 26 kB a report of work files at most, then ≈ 61 kB a report of store); the graph that was there is unchanged',
    },
  );
}

/** What the importer cannot write, written through Cypher: empty lists, and line breaks (csv.ts `LINE_MARK`). */
async function afterImport(settings: Settings, csv: CsvFiles, log: Log): Promise<void> {
  const db = connect(settings);
  const t0 = performance.now();
  const { marked, emptied } = csv;
  if (emptied.length > 0) await db.autoCommit(cypher('load/empty-lists'), { labels: emptied });
  if (marked.labels.length > 0)
    await db.autoCommit(cypher('load/line-breaks-nodes'), { labels: marked.labels, mark: LINE_MARK });
  if (marked.types.length > 0)
    await db.autoCommit(cypher('load/line-breaks-rels'), { types: marked.types, mark: LINE_MARK });
  log(`empty lists and line breaks written back in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** The imported store served: the server started, the schema made, and what the importer cannot write written. */
async function serve(settings: Settings, csv: CsvFiles, log: Log): Promise<void> {
  log('Neo4j on the new store: schema migrations and index builds…');
  const started = await startServer(settings, log);
  // A server that was running (a --replace) was started again by the swap, which applied the migrations.
  log(
    started.alreadyRunning
      ? 'Neo4j restarted on the new store after the swap, schema migrations applied, indexes online'
      : `Neo4j started, ${started.migrations.applied.length} schema migrations applied, indexes online in ${(started.startMs / 1000).toFixed(1)} s`,
  );
  await afterImport(settings, csv, log);
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
  const phases = new Phases();
  const log = opts.log ?? (() => {});
  if (settings.external || !isFresh(settings)) await refuseGraph(settings, opts.replace, log);
  const { files, failures, members } = await listFiles(paths, {
    ...settings.readLimits,
    maxBytes: settings.maxFileBytes,
  });
  phases.end('list');
  const work = join(settings.dataDir, '.load-csv');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true, mode: 0o700 });
  let graph: BulkGraph;
  let csv: CsvFiles;
  let spilled = 0;
  let peakDisk = 0;
  try {
    log(`extracting ${files.length} files…`);
    const spill = join(work, 'sources.spill');
    const x = await extractAll(settings, files, members, { ...opts, spill }, failures);
    phases.end('extract');
    spilled = x.results.spilled;
    log(
      `resolving identities and writing the graph${spilled > 0 ? ` (${spilled} sources spilled to disk)` : ''}…`,
    );
    const kept = join(work, 'texts.spill');
    const texts = new Texts(kept);
    const out = new CsvWriter(work, textOf(texts));
    // The rows never changed after they are made are written in a thread of their own, beside this one.
    const thread = CsvThread.open(work, 'streamed-');
    try {
      try {
        graph = await buildGraph(x, files.length, thread ?? out, texts, opts.workers, opts.onProgress);
        peakDisk = folderBytes(work);
      } finally {
        x.results.close();
        rmSync(spill, { force: true });
      }
      const migrations = dataMigrations().map((m) => ({ id: graph.newId(), label: 'Migration', props: m }));
      await out.nodes([...graph.nodes, ...migrations]);
      await out.edges(graph.edges());
      csv = await out.close();
      if (thread) csv = joinFiles(await thread.close(), csv);
      peakDisk = Math.max(peakDisk, folderBytes(work));
    } finally {
      await thread?.abort();
      texts.close();
      // Every kept text is in the CSV files now: its bytes are not left beside the store being built.
      rmSync(kept, { force: true });
    }
    phases.end('graph+csv');
    await importAside(settings, csv.args, log);
    phases.end('import');
  } catch (e) {
    throw diskFailure(e, work) ?? e;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  await serve(settings, csv, log);
  phases.end('start+migrations');
  return {
    files: files.length + failures.filter((f) => !files.includes(f.path)).length,
    ...graph.results,
    failed: failures.length,
    nodes: graph.nodes.length + graph.streamed.nodes + dataMigrations().length,
    relationships: graph.edgeCount + graph.streamed.relationships,
    seconds: (performance.now() - t0) / 1000,
    peakRss: process.resourceUsage().maxRSS * 1024,
    spilled,
    peakDiskBytes: peakDisk,
    phases: phases.list,
    failures,
  };
}
