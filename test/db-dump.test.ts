import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differences, fullSnapshot } from '../probe/snapshot.js';
import { loadSettings } from '../src/config.js';
import { closeDrivers } from '../src/store/connection.js';
import { connect } from '../src/store/runtime/target.js';
import { runCli } from './helpers/cli.js';
import { seedPath } from './helpers/gold.js';
import { freePort } from './setup/neo4j.js';

// Issue 15: `luocdo db dump FILE` / `luocdo db load FILE` through neo4j-admin from the server's own jars,
// on a private local server (the tool is offline: the command stops the server and starts it again).
describe('luocdo db dump and db load', () => {
  const base = mkdtempSync(join(tmpdir(), 'luocdo-dump-'));
  const dump = join(base, 'graph.dump');
  let env: NodeJS.ProcessEnv = {};
  const cli = (...args: string[]) => runCli(args, { env, timeoutMs: 300_000 });
  const snapshot = async () => {
    await closeDrivers();
    return fullSnapshot(connect(loadSettings(env)));
  };

  beforeAll(async () => {
    const inherited = Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_'));
    env = {
      ...Object.fromEntries(inherited),
      LUOCDO_DATA_DIR: join(base, 'data'),
      LUOCDO_BOLT_PORT: String(await freePort()),
      LUOCDO_HEAP: '512m',
      LUOCDO_PAGECACHE: '64m',
    };
    const r = await cli('db', 'start');
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(async () => {
    await closeDrivers();
    await cli('db', 'stop');
    rmSync(base, { recursive: true, force: true });
  });

  it('gives back the same graph after dump, wipe and load, and leaves the server running', async () => {
    const ing = await cli('ingest', join(seedPath('x'), '..'));
    expect(ing.code, ing.stderr).toBe(0);
    const before = await snapshot();
    expect(before.nodes.length).toBeGreaterThan(50);

    const d = await cli('db', 'dump', '--json', dump);
    expect(d.code, d.stderr).toBe(0);
    expect(JSON.parse(d.stdout)).toMatchObject({ file: dump, restarted: true });
    expect(existsSync(dump)).toBe(true);

    const wipe = await cli('db', 'cypher', 'MATCH (n) WHERE NOT n:Migration DETACH DELETE n');
    expect(wipe.code, wipe.stderr).toBe(0);
    expect((await snapshot()).nodes.length).toBeLessThan(before.nodes.length);

    const l = await cli('db', 'load', '--json', dump);
    expect(l.code, l.stderr).toBe(0);
    expect(JSON.parse(l.stdout)).toMatchObject({ restarted: true });
    expect(differences(await snapshot(), before)).toEqual([]);
    expect((await cli('db', 'status')).code).toBe(0);
  }, 600_000);

  it('refuses to overwrite a file, and names a missing or broken dump', async () => {
    const d = await cli('db', 'dump', dump);
    expect(d.code).not.toBe(0);
    expect(d.stderr).toContain('exists already');
    const missing = await cli('db', 'load', join(base, 'nothing.dump'));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('no such dump file');
    const junk = join(base, 'junk.dump');
    writeFileSync(junk, 'not a dump');
    const bad = await cli('db', 'load', junk);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('DB_ADMIN_FAILED');
    // The failed load started the server again, on the graph it had.
    expect((await cli('db', 'status')).code).toBe(0);
  }, 600_000);
});
