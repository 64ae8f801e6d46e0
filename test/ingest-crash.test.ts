import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from '../bench/corpus.js';
import { loadSettings } from '../src/config.js';
import { closeDrivers } from '../src/store/connection.js';
import { prepare } from '../src/ingest/prepare.js';
import { connect } from '../src/store/runtime/target.js';
import { toPlain } from '../src/store/values.js';
import { runCli } from './helpers/cli.js';
import { freePort } from './setup/neo4j.js';

/** A server killed in the middle of an ingest leaves no half-written document, and a rerun completes it. */
describe('a server stopped in the middle of an ingest', () => {
  const base = mkdtempSync(join(tmpdir(), 'luocdo-crash-'));
  const corpus = join(base, 'corpus');
  let env: NodeJS.ProcessEnv = {};
  const COUNT = 240;

  beforeAll(async () => {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_')),
    );
    env = {
      ...inherited,
      LUOCDO_DATA_DIR: join(base, 'data'),
      LUOCDO_BOLT_PORT: String(await freePort()),
      LUOCDO_HEAP: '512m',
      LUOCDO_PAGECACHE: '64m',
    };
    mkdirSync(corpus);
    for (const r of reports(7, COUNT)) writeFileSync(join(corpus, r.name), r.text);
    const s = await runCli(['db', 'start'], { env });
    expect(s.code).toBe(0);
  });
  afterAll(async () => {
    await closeDrivers();
    await runCli(['db', 'stop'], { env });
    rmSync(base, { recursive: true, force: true });
  });

  const rows = async (cypher: string) => {
    const db = connect(loadSettings({ ...env }));
    return db.read(async (tx) =>
      (await tx.run(cypher)).records.map((r) => toPlain(r.toObject()) as Record<string, unknown>),
    );
  };

  it('fails the ingest with a clear error, keeps every landed source whole, and a rerun completes', async () => {
    const pending = runCli(['ingest', corpus, '--concurrency', '4'], { env, timeoutMs: 180_000 });
    // Wait until some sources have landed, then kill the server without warning.
    for (let i = 0; i < 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const [c] = await rows('MATCH (s:SourceFile) RETURN count(s) AS n').catch(() => [{ n: 0 }]);
      if (Number(c?.['n']) >= 10) break;
    }
    const pid = JSON.parse(readFileSync(join(base, 'data', 'server.json'), 'utf8')).pid as number;
    process.kill(pid, 'SIGKILL');
    const r = await pending;
    await closeDrivers();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/DB_UNAVAILABLE|FILE_READ/);

    expect((await runCli(['db', 'start'], { env })).code).toBe(0);
    // Every source that landed has all its citations and its report; nothing landed half.
    const landed = await rows(
      'MATCH (s:SourceFile)-[:OF]->(d:Document) OPTIONAL MATCH (c:Citation {source: s.sha256}) RETURN s.path AS path, d.hasText AS hasText, count(c) AS citations',
    );
    expect(landed.length).toBeGreaterThan(0);
    expect(landed.length).toBeLessThan(COUNT);
    for (const l of landed) {
      const text = readFileSync(l['path'] as string, 'utf8');
      const expected = prepare({ path: l['path'] as string, text, sha256: 'x', format: 'txt', bytes: 0 })
        .facts.citations.length;
      expect(l['citations'], l['path'] as string).toBe(expected);
      expect(l['hasText']).toBe(true);
    }
    const [orphans] = await rows(
      'MATCH (c:Citation) WHERE NOT EXISTS { MATCH (:SourceFile {sha256: c.source}) } RETURN count(c) AS n',
    );
    expect(orphans?.['n']).toBe(0);

    const again = await runCli(['ingest', corpus, '--json'], { env, timeoutMs: 300_000 });
    expect(again.code).toBe(0);
    const s = JSON.parse(again.stdout) as {
      unchanged: number;
      added: number;
      merged: number;
      failed: number;
    };
    expect(s.failed).toBe(0);
    expect(s.unchanged).toBe(landed.length);
    expect(s.unchanged + s.added + s.merged).toBe(COUNT);
    const [total] = await rows('MATCH (s:SourceFile) RETURN count(s) AS n');
    expect(total?.['n']).toBe(COUNT);
    // Search text written in batches: what the crash cut off was written by the rerun.
    const [searchless] = await rows(
      'MATCH (s:SourceFile)-[:OF]->(d:Document) WHERE s.searchPending OR d.searchText IS NULL RETURN count(s) AS n',
    );
    expect(searchless?.['n']).toBe(0);
  }, 400_000);
});
