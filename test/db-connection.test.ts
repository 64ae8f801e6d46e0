import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadSettings } from '../src/config.js';
import { LuocdoError } from '../src/errors.js';
import { closeDrivers } from '../src/store/connection.js';
import { cypher } from '../src/store/cypher.js';
import { migrate } from '../src/store/migrate.js';
import { rows, run } from '../src/store/run.js';
import { connect } from '../src/store/runtime/target.js';
import { toParam, toPlain } from '../src/store/values.js';
import { cleanGraph, testDb, testEnv } from './helpers/db.js';

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

  it('validates every setting with a message naming it', () => {
    expect(() => loadSettings({ NEO4J_URI: 'http://x:7474' })).toThrow(/NEO4J_URI/);
    expect(() => loadSettings({ LUOCDO_BOLT_PORT: '99999' })).toThrow(/LUOCDO_BOLT_PORT/);
    expect(() => loadSettings({ LUOCDO_HEAP: 'lots' })).toThrow(/LUOCDO_HEAP/);
    expect(loadSettings({ NEO4J_URI: 'neo4j+s://db.example:7687', NEO4J_PASSWORD: 'x' }).external?.uri).toBe(
      'neo4j+s://db.example:7687',
    );
  });
});
