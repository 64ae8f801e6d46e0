import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadSettings } from '../../src/config.js';
import { closeDrivers } from '../../src/store/connection.js';
import { startServer, stopServer } from '../../src/store/runtime/server.js';
import { resolveTarget } from '../../src/store/runtime/target.js';

export type TestNeo4j = {
  uri: string;
  username: string;
  password: string;
  database: string | null;
  /** The local test server's data folder; null when the run uses NEO4J_URI. */
  dataDir: string | null;
};

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePromise(port));
    });
  });
}

/** One real Neo4j for the whole run: NEO4J_URI when set, else a local server in a temporary folder. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env['NEO4J_URI']) {
    const settings = loadSettings();
    await startServer(settings); // verifies and migrates the external server
    const t = resolveTarget(settings);
    project.provide('neo4j', {
      uri: t.uri,
      username: t.username,
      password: t.password,
      database: t.database ?? null,
      dataDir: null,
    });
    await closeDrivers();
    return async () => {};
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'luocdo-test-'));
  const env = {
    ...process.env,
    LUOCDO_DATA_DIR: dataDir,
    LUOCDO_BOLT_PORT: String(await freePort()),
    LUOCDO_HEAP: '768m',
    LUOCDO_PAGECACHE: '128m',
  };
  const settings = loadSettings(env);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await closeDrivers();
    await stopServer(settings).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  // A run interrupted by Ctrl-C still stops its server.
  const onSignal = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await startServer(settings, (l) => console.log(l));
  } catch (e) {
    await stop();
    throw e;
  }
  const t = resolveTarget(settings);
  project.provide('neo4j', {
    uri: t.uri,
    username: t.username,
    password: t.password,
    database: null,
    dataDir,
  });
  await closeDrivers();
  return async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stop();
  };
}
