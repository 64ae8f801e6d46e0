import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { Settings } from '../../config.js';
import { LuocdoError } from '../../errors.js';
import { ensureJars } from './jars.js';
import { layoutOf, readJsonFile, stateSchema, type Layout } from './layout.js';
import {
  isOurServer,
  JVM_FLAGS,
  startServer,
  stopServer,
  withOwnerOnlyUmask,
  writeConf,
  type Log,
} from './server.js';
import { checkJava, run } from './tools.js';

/** The local database's name: Community has one user database. */
const dbName = (settings: Settings) => settings.database ?? 'neo4j';

/** True when the local server of these settings runs now. */
export function localServerRunning(settings: Settings): boolean {
  const layout = layoutOf(settings);
  const state = readJsonFile(layout.stateFile, stateSchema);
  return !!state && isOurServer(state.pid, layout.home);
}

function localOnly(settings: Settings, what: string): void {
  if (settings.external)
    throw new LuocdoError('BAD_INPUT', `${what} works on the local database only; NEO4J_URI is set`, {
      hint: 'on a server of your own, use its neo4j-admin; or unset NEO4J_URI',
    });
}

/**
 * Runs `work` with the local server stopped (neo4j-admin's dump, load and import are offline in Community),
 * and starts it again afterwards if it was running, whether the work succeeded or not.
 */
export async function offline<T>(settings: Settings, log: Log, work: () => Promise<T>): Promise<T> {
  const wasRunning = localServerRunning(settings);
  if (wasRunning) {
    log('stopping the local Neo4j for the offline tool…');
    await stopServer(settings);
  }
  try {
    return await work();
  } finally {
    if (wasRunning) {
      log('starting the local Neo4j again…');
      await startServer(settings, log);
    }
  }
}

/** neo4j-admin from the same jars as the server, with the server's configuration. */
export async function adminTool(
  settings: Settings,
  args: string[],
  what: string,
  layout: Layout = layoutOf(settings),
): Promise<string> {
  await checkJava(settings.java);
  const lib = await ensureJars(settings);
  writeConf(layout, settings);
  const env = { ...process.env, NEO4J_HOME: layout.home, NEO4J_CONF: layout.confDir };
  const r = await withOwnerOnlyUmask(() =>
    run(
      settings.java,
      [`-Xmx${settings.heap}`, ...JVM_FLAGS, '-cp', `${lib}/*`, 'org.neo4j.cli.AdminTool', ...args],
      env,
    ),
  );
  if (r.code !== 0) throw adminFailure(settings, args, what, r);
  return r.stdout;
}

/** What the system says when a disk is full, or a file past the size it allows, in a JVM's words. */
const DISK_FULL = /No space left on device|File too large|Disk quota exceeded|Read-only file system/i;

/**
 * A failed run of neo4j-admin: its own message (not the stack trace under it), its whole output kept in the
 * data folder's logs (an import's work folder, named in its output, is removed after it), and a full disk
 * said as such.
 */
function adminFailure(
  settings: Settings,
  args: string[],
  what: string,
  r: { stdout: string; stderr: string },
): LuocdoError {
  const output = `${r.stdout}\n${r.stderr}`;
  const logs = layoutOf(settings).logsDir;
  const file = join(logs, `neo4j-admin-${args.slice(0, 2).join('-')}.log`);
  mkdirSync(logs, { recursive: true, mode: 0o700 });
  writeFileSync(file, output, { mode: 0o600 });
  const disk = DISK_FULL.exec(output);
  if (disk)
    return new LuocdoError('DATA_DIR_NOT_WRITABLE', `${what} could not write its files: ${disk[0]}`, {
      hint: `free space on the disk it writes to (${args[1] === 'dump' ? "the dump file's" : `the data folder's, ${settings.dataDir}`}), or point LUOCDO_DATA_DIR at a larger one; the tool's whole output is in ${file}`,
    });
  const words = (r.stderr || r.stdout)
    .trim()
    .split('\n')
    .filter((l) => !/^\s+at |^\s*\.\.\. \d+ more/.test(l))
    .slice(0, 6)
    .join('\n');
  return new LuocdoError('DB_ADMIN_FAILED', `${what} failed: ${words}`, {
    hint: `the tool's whole output is in ${file}`,
  });
}

/** A local database to act on: one that was started once (its store and credentials exist). */
function requireStore(settings: Settings): void {
  const layout = layoutOf(settings);
  if (!existsSync(layout.credentialsFile) || !existsSync(join(layout.storeDir, 'databases')))
    throw new LuocdoError('SERVER_NOT_RUNNING', `no local database in ${settings.dataDir}`, {
      hint: 'run `luocdo db start` once first',
    });
}

export type DumpResult = { file: string; bytes: number; seconds: number; restarted: boolean };

/** `neo4j-admin database dump` of the local graph into `file` (refused if it exists). */
export async function dumpDatabase(
  settings: Settings,
  file: string,
  log: Log = () => {},
): Promise<DumpResult> {
  localOnly(settings, 'db dump');
  requireStore(settings);
  const target = resolve(file);
  if (existsSync(target))
    throw new LuocdoError('BAD_INPUT', `${target} exists already`, { hint: 'give a new file name' });
  if (!existsSync(dirname(target)))
    throw new LuocdoError('BAD_INPUT', `no folder ${dirname(target)} for ${basename(target)}`);
  const t0 = performance.now();
  const restarted = localServerRunning(settings);
  await offline(settings, log, async () => {
    // The tool writes <database>.dump into a folder: one beside the target, so the rename is atomic.
    const tmp = mkdtempSync(join(dirname(target), '.luocdo-dump-'));
    try {
      await adminTool(settings, ['database', 'dump', `--to-path=${tmp}`, dbName(settings)], 'the dump');
      renameSync(join(tmp, `${dbName(settings)}.dump`), target);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
  return { file: target, bytes: statSync(target).size, seconds: (performance.now() - t0) / 1000, restarted };
}

export type LoadResult = { file: string; seconds: number; restarted: boolean };

/**
 * `neo4j-admin database load` of a dump into the local database, replacing what it holds. A data folder
 * never started is started once first, so that its credentials and system database exist.
 */
export async function loadDump(settings: Settings, file: string, log: Log = () => {}): Promise<LoadResult> {
  localOnly(settings, 'db load');
  const source = resolve(file);
  if (!existsSync(source) || !statSync(source).isFile())
    throw new LuocdoError('BAD_INPUT', `${source}: no such dump file`);
  const t0 = performance.now();
  if (!existsSync(layoutOf(settings).credentialsFile)) {
    await startServer(settings, log);
    await stopServer(settings);
  }
  const restarted = localServerRunning(settings);
  await offline(settings, log, async () => {
    const tmp = mkdtempSync(join(settings.dataDir, '.luocdo-load-'));
    try {
      symlinkSync(source, join(tmp, `${dbName(settings)}.dump`));
      await adminTool(
        settings,
        ['database', 'load', `--from-path=${tmp}`, '--overwrite-destination=true', dbName(settings)],
        `loading ${source}`,
      );
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
  return { file: source, seconds: (performance.now() - t0) / 1000, restarted };
}

/**
 * `neo4j-admin database import full` into a store built aside (below the data folder), then swapped in
 * with the server stopped: the graph it held stays whole until the new one is complete. `args` name the
 * CSV files; the server is started again after the swap (migrations, indexes).
 */
export async function importAside(settings: Settings, args: string[], log: Log = () => {}): Promise<void> {
  localOnly(settings, 'load');
  const aside = layoutOf({ dataDir: join(settings.dataDir, '.load-aside') });
  rmSync(aside.dataDir, { recursive: true, force: true });
  for (const d of [aside.confDir, aside.storeDir, aside.logsDir, aside.runDir])
    mkdirSync(d, { recursive: true, mode: 0o700 });
  const name = dbName(settings);
  mkdirSync(layoutOf(settings).logsDir, { recursive: true, mode: 0o700 });
  try {
    log('neo4j-admin database import full…');
    await adminTool(
      settings,
      [
        'database',
        'import',
        'full',
        // Before the files: `--nodes`/`--relationships` take several values and would swallow it.
        name,
        '--id-type=integer',
        // The cause of a failure (a full disk, a bad row) is printed only with it; the output goes to a log.
        '--verbose',
        // No field spans lines (src/ingest/csv.ts, LINE_MARK): the multiline reader is never needed.
        '--array-delimiter=U+001F',
        '--overwrite-destination=true',
        // In the data folder's own logs: the store built aside goes, with its folder, if the import fails.
        `--report-file=${join(layoutOf(settings).logsDir, 'import.report')}`,
        `--threads=${availableParallelism()}`,
        ...args,
      ],
      'the bulk import',
      aside,
    );
    const live = layoutOf(settings);
    const old = join(settings.dataDir, '.load-old');
    rmSync(old, { recursive: true, force: true });
    mkdirSync(old, { recursive: true, mode: 0o700 });
    await offline(settings, log, async () => {
      for (const part of ['databases', 'transactions']) {
        const from = join(aside.storeDir, part, name);
        const to = join(live.storeDir, part, name);
        mkdirSync(join(live.storeDir, part), { recursive: true, mode: 0o700 });
        if (existsSync(to)) renameSync(to, join(old, part));
        if (existsSync(from)) renameSync(from, to);
      }
    });
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(aside.dataDir, { recursive: true, force: true });
  }
}
