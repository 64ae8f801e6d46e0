import { inject } from 'vitest';
import { loadSettings, type Settings } from '../../src/config.js';
import type { Db } from '../../src/store/connection.js';
import { cypher } from '../../src/store/cypher.js';
import { connect } from '../../src/store/runtime/target.js';

/** The environment that points a command (in-process or a child process) at the run's test server. */
export function testEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const n = inject('neo4j');
  return {
    ...process.env,
    NEO4J_URI: n.uri,
    NEO4J_USERNAME: n.username,
    NEO4J_PASSWORD: n.password,
    ...(n.database ? { NEO4J_DATABASE: n.database } : {}),
    ...extra,
  };
}

export function testSettings(extra: Record<string, string> = {}): Settings {
  return loadSettings(testEnv(extra));
}

export function testDb(): Db {
  return connect(testSettings());
}

/** Each test file starts from an empty graph; the schema stays. */
export async function cleanGraph(db: Db = testDb()): Promise<void> {
  await db.autoCommit(cypher('db/clean-graph'));
}
