import type { Command } from 'commander';
import { loadSettings } from '../config.js';
import { LuocdoError } from '../errors.js';
import { migrate } from '../store/migrate.js';
import { dumpDatabase, loadDump } from '../store/runtime/admin.js';
import { serverStatus, startServer, stopServer } from '../store/runtime/server.js';
import { connect } from '../store/runtime/target.js';
import { toPlain, toParam, type Plain } from '../store/values.js';
import { json, table, type Io } from './output.js';

/** `--param k=v`: the value is JSON when it parses as JSON (numbers, lists, maps), else a string. */
export function parseParam(raw: string, acc: Record<string, unknown>): Record<string, unknown> {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new LuocdoError('BAD_INPUT', `--param takes key=value, got '${raw}'`);
  const key = raw.slice(0, eq);
  const text = raw.slice(eq + 1);
  let value: unknown = text;
  try {
    value = JSON.parse(text);
  } catch {
    // not JSON: keep the string as written
  }
  return { ...acc, [key]: value };
}

type CypherOptions = { param: Record<string, unknown>; read?: boolean; json?: boolean };

/** `db cypher`: one ad hoc statement, the one place Cypher comes from the user (it is the user's own database). */
async function runCypher(io: Io, query: string, opts: CypherOptions): Promise<void> {
  const conn = connect(loadSettings());
  const params = toParam(opts.param) as Record<string, unknown>;
  const work = async (tx: Parameters<Parameters<typeof conn.read>[0]>[0]) => {
    const r = await tx.run(query, params);
    return r.records.map((rec) => {
      const row: Record<string, Plain> = {};
      for (const k of rec.keys) row[String(k)] = toPlain(rec.get(k));
      return row;
    });
  };
  const rows = opts.read ? await conn.read(work) : await conn.write(work);
  io.out(opts.json ? JSON.stringify({ rows }) : table(rows));
}

/** `db dump` and `db load` (issue 15): the offline tools, with the server stopped and started around them. */
function registerDumpLoad(db: Command, io: Io): void {
  db.command('dump')
    .description('write the local graph to a dump file (neo4j-admin; the server is stopped meanwhile)')
    .argument('<file>', 'the dump file to write (must not exist)')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { json?: boolean }) => {
      const r = await dumpDatabase(loadSettings(), file, (l) => io.err(l));
      if (opts.json) return io.out(json(r));
      io.out(`dumped to ${r.file} (${(r.bytes / 1e6).toFixed(1)} MB) in ${r.seconds.toFixed(1)} s`);
    });

  db.command('load')
    .description('replace the local graph by a dump file (neo4j-admin; the server is stopped meanwhile)')
    .argument('<file>', 'a file written by `luocdo db dump` (or neo4j-admin database dump)')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { json?: boolean }) => {
      const settings = loadSettings();
      const r = await loadDump(settings, file, (l) => io.err(l));
      if (opts.json) return io.out(json(r));
      io.out(`loaded ${r.file} in ${r.seconds.toFixed(1)} s`);
      if (!r.restarted) io.out('the server was not running: start it with `luocdo db start`');
    });
}

export function registerDb(program: Command, io: Io): void {
  const db = program.command('db').description('the Neo4j database: local runtime or NEO4J_URI');

  db.command('start')
    .description('start the local Neo4j (fetching its jars once), wait for Bolt, apply migrations')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const settings = loadSettings();
      const r = await startServer(settings, (l) => io.err(l));
      if (opts.json) return io.out(json(r));
      if (r.external) io.out(`using the existing server at ${r.uri} (NEO4J_URI); nothing started`);
      else if (r.alreadyRunning) io.out(`Neo4j is already running (pid ${r.pid}) at ${r.uri}`);
      else io.out(`Neo4j started (pid ${r.pid}) in ${(r.startMs / 1000).toFixed(1)} s at ${r.uri}`);
      if (r.migrations.applied.length) io.out(`applied migrations: ${r.migrations.applied.join(', ')}`);
      io.out(
        `connect: ${r.uri}  user: ${r.user}  password: in ${settings.external ? 'NEO4J_PASSWORD' : `${settings.dataDir}/credentials.json`}`,
      );
    });

  db.command('stop')
    .description('stop the local Neo4j cleanly')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const r = await stopServer(loadSettings());
      if (opts.json) return io.out(json(r));
      io.out(
        r.wasRunning
          ? `Neo4j (pid ${r.pid}) stopped in ${(r.stopMs / 1000).toFixed(1)} s`
          : 'Neo4j was not running',
      );
    });

  db.command('status')
    .description('whether the database answers, its version and edition')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const s = await serverStatus(loadSettings());
      if (opts.json) {
        const { pid: _pid, ...pub } = s;
        io.out(json(pub));
      } else if (s.running) {
        io.out(
          `running: Neo4j ${s.version} ${s.edition} at ${s.uri} (user ${s.user})${s.dataDir ? `, data in ${s.dataDir}` : ''}`,
        );
      } else {
        io.out(`not running (${s.uri})`);
      }
      process.exitCode = s.running ? 0 : 3;
    });

  db.command('migrate')
    .description('apply cypher/schema/*.cypher in order, once each')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const r = await migrate(connect(loadSettings()));
      if (opts.json) return io.out(json(r));
      io.out(
        r.applied.length
          ? `applied: ${r.applied.join(', ')}`
          : `schema up to date (${r.alreadyApplied.length} migrations)`,
      );
    });

  registerDumpLoad(db, io);

  db.command('cypher')
    .description('run one Cypher statement against the configured database')
    .argument('<query>', 'the statement')
    .option('--param <key=value>', 'a parameter (JSON value or string); repeatable', parseParam, {})
    .option('--read', 'run as a read transaction (routes to followers on a cluster)')
    .option('--json', 'print {"rows":[…]}')
    .action(async (query: string, opts: CypherOptions) => runCypher(io, query, opts));
}
