import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import type { Settings } from '../../config.js';
import { LuocdoError } from '../../errors.js';
import { closeDrivers, openDb, type Target } from '../connection.js';
import { migrate, type MigrationResult } from '../migrate.js';
import { rows } from '../run.js';
import { ensureJars, pinnedNeo4jVersion } from './jars.js';
import {
  credentialsSchema,
  layoutOf,
  readJsonFile,
  stateSchema,
  type Layout,
  type ServerState,
} from './layout.js';
import { connect, resolveTarget } from './target.js';
import { checkJava, run } from './tools.js';

export type Log = (line: string) => void;

const componentRow = z.object({ version: z.string(), edition: z.string() });

export type ServerStatus = {
  running: boolean;
  uri: string;
  user: string;
  version: string | null;
  edition: string | null;
  dataDir: string | null;
  pid: number | null;
};

export const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
  '-XX:+UseG1GC',
  '-XX:+ExitOnOutOfMemoryError',
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** True when pid is a live (not zombie) Neo4j server of this data folder: guards against reused pids. */
export function isOurServer(pid: number, home: string): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('CommunityEntryPoint') && cmdline.includes(`--home-dir=${home}`);
  } catch {
    return false;
  }
}

/**
 * The store, its logs and the generated credentials are the owner's alone: the folder 0700 and what is in
 * it without group or other bits, also for a folder an earlier version left readable (0755/0644).
 */
export function restrictToOwner(dir: string): void {
  const walk = (path: string): void => {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) return;
    if ((st.mode & 0o077) !== 0) chmodSync(path, st.mode & 0o7700);
    if (st.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
}

/**
 * Runs `start` with the process umask at 0077, so that what a child creates (Neo4j's store and logs, the
 * admin tool's auth.ini) is born readable by its owner only: the umask is inherited at spawn.
 */
export function withOwnerOnlyUmask<T>(start: () => T): T {
  const previous = process.umask(0o077);
  try {
    return start();
  } finally {
    process.umask(previous);
  }
}

/**
 * The admin tool's arguments to set the initial password: the password is read from `argFile` (picocli
 * expands `@file` arguments), never put on a command line, where `ps` shows it to every user.
 */
export function initialPasswordArgs(lib: string, argFile: string): string[] {
  return ['-cp', `${lib}/*`, 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', `@${argFile}`];
}

function ensureWritableDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    restrictToOwner(dir);
    const probe = join(dir, `.probe-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (e) {
    throw new LuocdoError(
      'DATA_DIR_NOT_WRITABLE',
      `cannot write to the data folder ${dir}: ${(e as Error).message}`,
      {
        cause: e,
        hint: 'set LUOCDO_DATA_DIR to a folder you can write to',
      },
    );
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const srv = createServer();
    srv.once('error', () => resolvePromise(false));
    srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => resolvePromise(true)));
  });
}

export function writeConf(layout: Layout, settings: Settings): void {
  mkdirSync(layout.confDir, { recursive: true, mode: 0o700 });
  const lines = [
    '# Written by `luocdo db start` on every start; edits here are overwritten.',
    'server.default_listen_address=127.0.0.1',
    'server.bolt.enabled=true',
    `server.bolt.listen_address=127.0.0.1:${settings.boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${settings.boltPort}`,
    'server.bolt.tls_level=DISABLED',
    'server.http.enabled=false',
    'server.https.enabled=false',
    'dbms.security.auth_enabled=true',
    'dbms.usage_report.enabled=false',
    `server.memory.pagecache.size=${settings.pageCache}`,
    'db.tx_log.preallocate=false',
    'db.tx_log.rotation.size=64m',
    'db.tx_log.rotation.retention_policy=2 files',
    'db.filewatcher.enabled=false',
    // The plan cache keys on the size bucket of each list parameter; a source's lists (documents, edges,
    // citations) vary in size, so the write statement was planned again and again (a quarter of the
    // server's CPU during an ingest). Our plans are index seeks that list sizes do not change.
    'internal.cypher.use_parameter_size=false',
    // A report has 30-40 relationships of a dozen types; past 10 its relationships are grouped by type,
    // so finding its issuer reads one group instead of the whole chain (implementers on a decree with
    // 6,000 implementing reports: 24k → 6k page reads, same ingest cost).
    'db.relationship_grouping_threshold=10',
    // Neo4j merges its Lucene segments two at a time (Lucene's own default is ten), so the full-text
    // index of report texts was rewritten over and over during an ingest. Ten: 0.03-0.96 ms less server
    // CPU per report in four of four paired runs of 6,000 reports (write + search text, batches of 100).
    'internal.dbms.index.lucene.merge_factor=10',
    // Bolt otherwise waits 5 s twice on shutdown for connections that a stopping server no longer serves.
    'internal.server.bolt.connection_shutdown_wait_time=1s',
    'internal.server.bolt.thread_pool_shutdown_wait_time=1s',
    `db.transaction.timeout=${Math.ceil(settings.txTimeoutMs / 1000) + 5}s`,
    `server.directories.data=${layout.storeDir}`,
    `server.directories.logs=${layout.logsDir}`,
    `server.directories.run=${layout.runDir}`,
    `server.directories.plugins=${join(layout.home, 'plugins')}`,
    `server.directories.import=${join(layout.home, 'import')}`,
    '',
  ];
  writeFileSync(join(layout.confDir, 'neo4j.conf'), lines.join('\n'), { mode: 0o600 });
}

/** The generated password, created on first start and readable by its owner only. */
async function ensureCredentials(
  layout: Layout,
  settings: Settings,
  lib: string,
): Promise<{ user: string; password: string }> {
  let creds = readJsonFile(layout.credentialsFile, credentialsSchema);
  const authFile = join(layout.storeDir, 'dbms', 'auth.ini');
  if (!creds) {
    if (existsSync(authFile)) {
      throw new LuocdoError(
        'DB_AUTH',
        `the database in ${layout.dataDir} exists but its credentials file is gone`,
        {
          hint: `restore ${layout.credentialsFile}, or remove ${layout.dataDir} to start afresh`,
        },
      );
    }
    // Hex: a password starting with '-' would be read as an option by neo4j-admin.
    creds = { user: 'neo4j', password: randomBytes(20).toString('hex') };
    writeFileSync(layout.credentialsFile, JSON.stringify(creds) + '\n', { mode: 0o600 });
  }
  chmodSync(layout.credentialsFile, 0o600);
  if (!existsSync(authFile)) {
    const argFile = join(layout.dataDir, '.initial-password');
    writeFileSync(argFile, `${creds.password}\n`, { mode: 0o600 });
    const env = { ...process.env, NEO4J_HOME: layout.home, NEO4J_CONF: layout.confDir };
    let r: Awaited<ReturnType<typeof run>>;
    try {
      r = await withOwnerOnlyUmask(() => run(settings.java, initialPasswordArgs(lib, argFile), env));
    } finally {
      rmSync(argFile, { force: true });
    }
    if (r.code !== 0) {
      throw new LuocdoError(
        'SERVER_START_FAILED',
        `could not set the initial password: ${(r.stderr || r.stdout).trim()}`,
      );
    }
  }
  return creds;
}

function tail(file: string, lines = 8): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export type StartResult = {
  uri: string;
  user: string;
  alreadyRunning: boolean;
  external: boolean;
  pid: number | null;
  migrations: MigrationResult;
  startMs: number;
};

/** NEO4J_URI: nothing to start; the server must answer, and gets the migrations. */
async function checkExternal(settings: Settings): Promise<StartResult> {
  const db = connect(settings);
  await db.verify();
  const migrations = await migrate(db);
  return {
    uri: db.target.uri,
    user: db.target.username,
    alreadyRunning: true,
    external: true,
    pid: null,
    migrations,
    startMs: 0,
  };
}

/** Runs the server detached, its console in the logs, and records it in server.json. */
function spawnNeo4j(settings: Settings, layout: Layout, lib: string): { pid: number; uri: string } {
  const out = openSync(layout.consoleLog, 'a', 0o600);
  const child = withOwnerOnlyUmask(() =>
    spawn(
      settings.java,
      [
        `-Xms${settings.heap}`,
        `-Xmx${settings.heap}`,
        ...JVM_FLAGS,
        '-cp',
        `${lib}/*`,
        'org.neo4j.server.CommunityEntryPoint',
        `--home-dir=${layout.home}`,
        `--config-dir=${layout.confDir}`,
        '--console-mode',
      ],
      { detached: true, stdio: ['ignore', out, out], env: { ...process.env, NEO4J_HOME: layout.home } },
    ),
  );
  closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new LuocdoError('SERVER_START_FAILED', `could not run ${settings.java}`);
  child.unref();
  const uri = `bolt://127.0.0.1:${settings.boltPort}`;
  const newState: ServerState = {
    pid,
    port: settings.boltPort,
    uri,
    home: layout.home,
    startedAt: new Date().toISOString(),
    version: pinnedNeo4jVersion(),
  };
  writeFileSync(layout.stateFile, JSON.stringify(newState, null, 2) + '\n', { mode: 0o600 });
  return { pid, uri };
}

/** Starts the local Neo4j (or checks the external one), waits for Bolt, applies migrations. Idempotent. */
export async function startServer(settings: Settings, log: Log = () => {}): Promise<StartResult> {
  const t0 = performance.now();
  if (settings.external) return checkExternal(settings);
  const layout = layoutOf(settings);
  ensureWritableDir(layout.dataDir);

  const state = readJsonFile(layout.stateFile, stateSchema);
  if (state && isOurServer(state.pid, layout.home)) {
    const db = connect(settings);
    await waitForBolt(settings, db.target, state.pid, layout);
    const migrations = await migrate(db);
    return {
      uri: state.uri,
      user: db.target.username,
      alreadyRunning: true,
      external: false,
      pid: state.pid,
      migrations,
      startMs: 0,
    };
  }
  if (state) rmSync(layout.stateFile, { force: true });

  await checkJava(settings.java);
  if (!(await portIsFree(settings.boltPort))) {
    throw new LuocdoError('PORT_IN_USE', `port ${settings.boltPort} on 127.0.0.1 is already in use`, {
      hint: 'set LUOCDO_BOLT_PORT to a free port, or stop what listens there',
    });
  }
  const lib = await ensureJars(settings, log);
  for (const d of [layout.confDir, layout.storeDir, layout.logsDir, layout.runDir])
    mkdirSync(d, { recursive: true, mode: 0o700 });
  writeConf(layout, settings);
  const creds = await ensureCredentials(layout, settings, lib);

  const { pid, uri } = spawnNeo4j(settings, layout, lib);

  const target = resolveTarget(settings);
  try {
    await waitForBolt(settings, target, pid, layout);
  } catch (e) {
    if (isOurServer(pid, layout.home)) process.kill(pid, 'SIGKILL');
    rmSync(layout.stateFile, { force: true });
    throw e;
  }
  const migrations = await migrate(openDb(target, settings));
  return {
    uri,
    user: creds.user,
    alreadyRunning: false,
    external: false,
    pid,
    migrations,
    startMs: performance.now() - t0,
  };
}

async function waitForBolt(settings: Settings, target: Target, pid: number, layout: Layout): Promise<void> {
  const deadline = Date.now() + settings.startTimeoutMs;
  const db = openDb(target, settings);
  let last: unknown;
  while (Date.now() < deadline) {
    if (!isOurServer(pid, layout.home)) {
      throw new LuocdoError(
        'SERVER_START_FAILED',
        `Neo4j exited during start-up:\n${tail(layout.consoleLog)}`,
        {
          hint: `see ${layout.consoleLog} and ${join(layout.logsDir, 'debug.log')}`,
        },
      );
    }
    try {
      await db.verify();
      return;
    } catch (e) {
      last = e;
      if (e instanceof LuocdoError && e.code === 'DB_AUTH') throw e;
    }
    await sleep(250);
  }
  throw new LuocdoError(
    'SERVER_START_FAILED',
    `Neo4j did not answer on ${target.uri} within ${settings.startTimeoutMs} ms: ${(last as Error | undefined)?.message ?? ''}`,
    { hint: `see ${layout.consoleLog}` },
  );
}

export type StopResult = { wasRunning: boolean; pid: number | null; forced: boolean; stopMs: number };

/** SIGTERM, wait for the clean shutdown, then report; SIGKILL only after the wait runs out. */
export async function stopServer(settings: Settings, waitMs = 60_000): Promise<StopResult> {
  if (settings.external) {
    throw new LuocdoError(
      'SERVER_NOT_RUNNING',
      'NEO4J_URI points at a server luocdo does not manage; nothing to stop',
      {
        hint: 'unset NEO4J_URI to manage the local database',
      },
    );
  }
  await closeDrivers();
  const layout = layoutOf(settings);
  const state = readJsonFile(layout.stateFile, stateSchema);
  const t0 = performance.now();
  if (!state || !isOurServer(state.pid, layout.home)) {
    rmSync(layout.stateFile, { force: true });
    return { wasRunning: false, pid: null, forced: false, stopMs: 0 };
  }
  process.kill(state.pid, 'SIGTERM');
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline && isOurServer(state.pid, layout.home)) await sleep(100);
  let forced = false;
  if (isOurServer(state.pid, layout.home)) {
    process.kill(state.pid, 'SIGKILL');
    forced = true;
    await sleep(500);
  }
  rmSync(layout.stateFile, { force: true });
  if (forced) {
    throw new LuocdoError(
      'SERVER_STOP_FAILED',
      `Neo4j (pid ${state.pid}) did not stop within ${waitMs} ms and was killed`,
      {
        hint: `the next start recovers the store; see ${layout.consoleLog}`,
      },
    );
  }
  return { wasRunning: true, pid: state.pid, forced, stopMs: performance.now() - t0 };
}

/** What a status command reports; the password never appears here. */
export async function serverStatus(settings: Settings): Promise<ServerStatus> {
  const layout = settings.external ? undefined : layoutOf(settings);
  const state = layout ? readJsonFile(layout.stateFile, stateSchema) : undefined;
  let target: Target;
  try {
    target = resolveTarget(settings);
  } catch {
    return {
      running: false,
      uri: `bolt://127.0.0.1:${settings.boltPort}`,
      user: 'neo4j',
      version: null,
      edition: null,
      dataDir: settings.dataDir,
      pid: null,
    };
  }
  const base: ServerStatus = {
    running: false,
    uri: target.uri,
    user: target.username,
    version: null,
    edition: null,
    dataDir: layout ? settings.dataDir : null,
    pid: state?.pid ?? null,
  };
  if (layout && !(state && isOurServer(state.pid, layout.home))) return { ...base, pid: null };
  try {
    const db = openDb(target, settings);
    const [row] = await db.read((tx) => rows(tx, 'db/components', componentRow));
    return { ...base, running: true, version: row?.version ?? null, edition: row?.edition ?? null };
  } catch {
    return base;
  }
}
