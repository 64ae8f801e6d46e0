import { createConnection, createServer, type Server, type Socket } from 'node:net';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadSettings } from '../src/config.js';
import { LuocdoError } from '../src/errors.js';
import { closeDrivers, openDb } from '../src/store/connection.js';
import { cypher } from '../src/store/cypher.js';
import { migrate } from '../src/store/migrate.js';
import { rows, run } from '../src/store/run.js';
import { connect, resolveTarget } from '../src/store/runtime/target.js';
import { toParam, toPlain } from '../src/store/values.js';
import { cleanGraph, testDb, testEnv, testSettings } from './helpers/db.js';

describe('the connection to a real Neo4j', () => {
  const db = testDb();
  beforeAll(() => cleanGraph(db));
  afterAll(() => closeDrivers());

  it('reads the server version and edition from dbms.components()', async () => {
    const row = await db.read(async (tx) => (await tx.run(cypher('db/components'))).records[0]);
    expect(row?.get('version')).toMatch(/^5\.26\./);
    expect(['community', 'enterprise']).toContain(row?.get('edition'));
  });

  it('turns integers into numbers and dates into ISO strings, both ways', async () => {
    const rows = await db.write(async (tx) => {
      const r = await tx.run(
        'CREATE (d:Document {key: $key, year: $year, issuedOn: date($on)}) RETURN d.year AS year, d.issuedOn AS on, valueType(d.year) AS t, d',
        toParam({ key: 'test:1', year: 2020, on: '2020-06-04' }) as Record<string, unknown>,
      );
      return r.records.map((rec) => toPlain(rec.toObject()));
    });
    expect(rows[0]).toMatchObject({ year: 2020, on: '2020-06-04', t: 'INTEGER NOT NULL' });
    expect(toPlain(rows[0])).toMatchObject({ d: { key: 'test:1', _labels: ['Document'] } });
    expect(() => toPlain(neo4j.int('9007199254740993'))).toThrow(RangeError);
  });

  it('names the named query that failed in its one-line error', async () => {
    // documents-by-keys needs $keys: the server refuses it, and the error says which file it was.
    const err = await db.read((tx) => run(tx, 'api/documents-by-keys')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LuocdoError);
    expect(err).toMatchObject({ code: 'DB_QUERY' });
    expect((err as Error).message).toMatch(/^query api\/documents-by-keys: .*keys/);
  });

  it('checks every row against its schema and names the query and the field that differ', async () => {
    const counts = await db.read((tx) => rows(tx, 'db/counts', z.object({ documents: z.number() })));
    expect(counts).toEqual([{ documents: expect.any(Number) }]);
    const err = await db
      .read((tx) => rows(tx, 'db/counts', z.object({ documents: z.string() })))
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DB_QUERY' });
    expect((err as Error).message).toMatch(/^query db\/counts returned a row of another shape: documents: /);
  });

  it('applies each migration once and records it in the database', async () => {
    const again = await migrate(db);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toContain('001_core');
    const names = await db.read(async (tx) =>
      (await tx.run('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS n')).records[0]?.get('n'),
    );
    expect(names).toEqual(expect.arrayContaining(['document_key', 'source_sha', 'citation_key']));
  });

  it('refuses a migration whose file changed after it was applied', async () => {
    await db.write((tx) => tx.run("MATCH (m:Migration {name: '001_core'}) SET m.checksum = 'tampered'"));
    await expect(migrate(db)).rejects.toMatchObject({ code: 'MIGRATION_CHANGED' });
    await db.write((tx) => tx.run("MATCH (m:Migration {name: '001_core'}) DELETE m"));
    const r = await migrate(db); // IF NOT EXISTS makes the re-application harmless
    expect(r.applied).toEqual(['001_core']);
  });

  it('names the settings at fault when the password is wrong', async () => {
    const bad = connect(loadSettings(testEnv({ NEO4J_PASSWORD: 'not-the-password' })));
    const err = await bad.verify().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LuocdoError);
    expect(err).toMatchObject({ code: 'DB_AUTH' });
    expect((err as Error).message).toContain('NEO4J_PASSWORD');
  });

  it('gives a one-line error for an unreachable server', async () => {
    const gone = connect(loadSettings(testEnv({ NEO4J_URI: 'bolt://127.0.0.1:1' })));
    const err = await gone.verify().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DB_UNAVAILABLE' });
    expect((err as Error).message).toContain('NEO4J_URI');
    expect((err as Error).message.split('\n')).toHaveLength(1);
  });

  // CALL … IN TRANSACTIONS runs only in an auto-commit transaction: the server itself says which kind it was.
  const implicitOnly = 'UNWIND [1, 2] AS x CALL (x) { RETURN x * 2 AS y } IN TRANSACTIONS RETURN sum(y) AS s';

  it('runs a one-statement read as an auto-commit transaction, and refuses a second statement in it', async () => {
    const one = await db.read(async (tx) => (await tx.run(implicitOnly)).records[0]?.get('s'), {
      single: true,
    });
    expect(Number(one)).toBe(6);
    const managed = await db.read((tx) => tx.run(implicitOnly)).catch((e: unknown) => e);
    expect((managed as Error).message).toMatch(/implicit transaction/i);
    const twice = await db
      .read(
        async (tx) => {
          await tx.run('RETURN 1');
          return tx.run('RETURN 2');
        },
        { single: true },
      )
      .catch((e: unknown) => e);
    expect((twice as Error).message).toMatch(/second statement/);
  });

  it('stops a one-statement read at its own timeout with TIMEOUT, as a managed read', async () => {
    const slow = 'UNWIND range(1, 100000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n';
    const err = await db
      .read((tx) => tx.run(slow), { single: true, timeoutMs: 200 })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'TIMEOUT' });
  });

  it('tries a one-statement read again while the server cannot be reached, as a managed read is', async () => {
    // A port that refuses connections until a proxy to the test server starts listening on it 1.5 s later.
    const real = new URL(resolveTarget(testSettings()).uri.replace(/^neo4j/, 'bolt'));
    const spare = createServer();
    const port = await new Promise<number>((r) =>
      spare.listen(0, '127.0.0.1', () => r((spare.address() as { port: number }).port)),
    );
    await new Promise((r) => spare.close(r));
    const target = { ...resolveTarget(testSettings()), uri: `bolt://127.0.0.1:${port}` };
    const timeouts = { connectionTimeoutMs: 1_000, acquisitionTimeoutMs: 2_000, maxRetryTimeMs: 15_000 };
    const late = openDb(target, { txTimeoutMs: 30_000, driver: timeouts });
    let proxy: Server | undefined;
    const sockets: Socket[] = [];
    let proxyError: Error | undefined;
    const opened = setTimeout(() => {
      proxy = createServer((c) => {
        sockets.push(c);
        const up = createConnection(Number(real.port), real.hostname);
        sockets.push(up);
        c.pipe(up).pipe(c);
        c.on('error', () => up.destroy());
        up.on('error', () => c.destroy());
      })
        // The port was free a moment ago; taken since, the read below fails on its budget instead.
        .on('error', (e) => (proxyError = e))
        .listen(port, '127.0.0.1');
    }, 1_500);
    try {
      const t0 = Date.now();
      const got = await late.read(async (tx) => (await tx.run('RETURN 7 AS n')).records[0]?.get('n'), {
        single: true,
      });
      expect(proxyError).toBeUndefined();
      expect(Number(got)).toBe(7);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(1_400);
      // With a budget too short for the proxy to come, the same read fails as unreachable, in one line.
      const gone = openDb(
        { ...target, uri: 'bolt://127.0.0.1:1' },
        { txTimeoutMs: 30_000, driver: { ...timeouts, maxRetryTimeMs: 500 } },
      );
      const err = await gone.read((tx) => tx.run('RETURN 1'), { single: true }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'DB_UNAVAILABLE' });
      expect((err as Error).message.split('\n')).toHaveLength(1);
    } finally {
      clearTimeout(opened);
      for (const c of sockets) c.destroy();
      await new Promise((r) => (proxy ? proxy.close(r) : r(undefined)));
    }
  });

  it('validates every setting with a message naming it', () => {
    expect(() => loadSettings({ NEO4J_URI: 'http://x:7474' })).toThrow(/NEO4J_URI/);
    expect(() => loadSettings({ LUOCDO_BOLT_PORT: '99999' })).toThrow(/LUOCDO_BOLT_PORT/);
    expect(() => loadSettings({ LUOCDO_HEAP: 'lots' })).toThrow(/LUOCDO_HEAP/);
    expect(loadSettings({ NEO4J_URI: 'neo4j+s://db.example:7687', NEO4J_PASSWORD: 'x' }).external?.uri).toBe(
      'neo4j+s://db.example:7687',
    );
  });
});
