import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSettings } from '../src/config.js';
import type { Db } from '../src/store/connection.js';
import { cypher } from '../src/store/cypher.js';
import { projectRoot } from '../src/paths.js';
import { connect } from '../src/store/runtime/target.js';
import { runCli, type Run, type RunOptions } from './processes.js';
import { fullSnapshot, type GraphSnapshot } from './snapshot.js';

/** What every case gets: the database to abuse, a scratch folder, and the product's own commands. */
export type ProbeContext = {
  /** The environment that points the CLI at the probe's database (no API token in it). */
  env: NodeJS.ProcessEnv;
  /** The local server's data folder; null when the probe runs against NEO4J_URI. */
  dataDir: string | null;
  seeds: string;
  db: Db;
  /** A fresh, empty folder of this run for the case's files. */
  folder(name: string): string;
  clean(): Promise<void>;
  snapshot(): Promise<GraphSnapshot>;
  cli(args: string[], opts?: Partial<RunOptions>): Promise<Run>;
};

export function probeContext(env: NodeJS.ProcessEnv, dataDir: string | null, scratch: string): ProbeContext {
  const db = connect(loadSettings(env));
  let n = 0;
  return {
    env,
    dataDir,
    seeds: join(projectRoot(), 'seeds'),
    db,
    folder(name) {
      const dir = join(scratch, `${String(++n).padStart(2, '0')}-${name}`);
      mkdirSync(dir, { recursive: true });
      return dir;
    },
    clean: () => db.autoCommit(cypher('db/clean-graph')),
    snapshot: () => fullSnapshot(db),
    cli: (args, opts = {}) => runCli(args, { env, ...opts }),
  };
}

/** The CLI's environment with a few settings changed. */
export const withEnv = (ctx: ProbeContext, extra: Record<string, string>): NodeJS.ProcessEnv => ({
  ...ctx.env,
  ...extra,
});
