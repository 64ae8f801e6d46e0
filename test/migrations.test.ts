import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypherDir } from '../src/paths.js';
import { closeDrivers } from '../src/store/connection.js';
import { splitStatements } from '../src/store/cypher.js';
import { removeSource } from '../src/store/ingest.js';
import { toPlain } from '../src/store/values.js';
import { cleanGraph, testDb } from './helpers/db.js';

const db = testDb();
const q = async (cypher: string) =>
  db.read(async (tx) =>
    (await tx.run(cypher)).records.map((r) => toPlain(r.toObject()) as Record<string, unknown>),
  );

afterAll(() => closeDrivers());

describe('migration 004: edge support moves from lists on edges to the sources’ own records', () => {
  beforeAll(async () => {
    await cleanGraph(db);
    // A graph as ingest wrote it before: two reports (sha a, b) citing the same decree, whose issuer
    // and the fact "plan AMENDS decree" both reports asserted, each edge listing its sources.
    await db.autoCommit(`
      CREATE (ra:Document {key: 'ra', hasText: true}), (rb:Document {key: 'rb', hasText: true}),
             (d:Document {key: 'dec', hasText: false}), (p:Document {key: 'plan', hasText: false}),
             (u:Organization {key: 'unit'}), (cp:Organization {key: 'cp'}),
             (sa:SourceFile {sha256: 'a', path: 'a.txt'})-[:OF]->(ra), (sb:SourceFile {sha256: 'b', path: 'b.txt'})-[:OF]->(rb),
             (ra)-[:ISSUED_BY {sources: ['a']}]->(u), (rb)-[:ISSUED_BY {sources: ['b']}]->(u),
             (d)-[:ISSUED_BY {sources: ['a', 'b']}]->(cp),
             (p)-[:AMENDS {sources: ['a', 'b']}]->(d),
             (ra)-[:CITES {sources: ['a']}]->(d), (rb)-[:CITES {sources: ['b']}]->(d),
             (ra)-[:BASED_ON {sources: ['a']}]->(p), (rb)-[:BASED_ON {sources: ['b']}]->(p)
      WITH ra, rb, d, p
      UNWIND [[ra, 'a'], [rb, 'b']] AS x
      WITH x[0] AS r, x[1] AS sha, d, p
      CREATE (r)-[:HAS_CITATION]->(:Citation {key: sha + ':0', source: sha, relation: 'CITES', quote: 'cites ' + sha})-[:REFERS_TO]->(d)
      CREATE (r)-[:HAS_CITATION]->(:Citation {key: sha + ':1', source: sha, relation: 'BASED_ON', quote: 'based ' + sha})-[:REFERS_TO]->(p)`);
    const text = readFileSync(join(cypherDir(), 'schema', '004_edge_support.cypher'), 'utf8');
    for (const statement of splitStatements(text)) await db.autoCommit(statement);
  });

  it('records issuer, facts and quotes, and leaves no list on any edge', async () => {
    expect(await q('MATCH (s:SourceFile) RETURN s.sha256 AS sha, s.issuer AS issuer ORDER BY sha')).toEqual([
      { sha: 'a', issuer: 'unit' },
      { sha: 'b', issuer: 'unit' },
    ]);
    expect(
      await q(
        "MATCH (c:Citation)-[:REFERS_TO]->(:Document {key: 'dec'}) RETURN c.issuer AS issuer ORDER BY c.key",
      ),
    ).toEqual([{ issuer: 'cp' }, { issuer: 'cp' }]);
    expect(
      await q(
        "MATCH (c:Citation)-[:REFERS_TO]->(:Document {key: 'plan'}) RETURN c.facts AS facts ORDER BY c.key",
      ),
    ).toEqual([{ facts: ['AMENDS>dec'] }, { facts: ['AMENDS>dec'] }]);
    expect(await q("MATCH (:Document {key: 'ra'})-[r:CITES]->() RETURN r.quote AS quote")).toEqual([
      { quote: 'cites a' },
    ]);
    expect(await q('MATCH ()-[r]->() WHERE r.sources IS NOT NULL RETURN count(r) AS n')).toEqual([{ n: 0 }]);
  });

  it('so removal keeps what the other source still asserts, and takes the rest', async () => {
    await removeSource(db, 'a');
    expect(await q("MATCH (:Document {key: 'dec'})-[:ISSUED_BY]->(o) RETURN o.key AS o")).toEqual([
      { o: 'cp' },
    ]);
    expect(await q("MATCH (:Document {key: 'plan'})-[r:AMENDS]->() RETURN count(r) AS n")).toEqual([
      { n: 1 },
    ]);
    expect(await q("MATCH (:Document {key: 'ra'})-[r]->() RETURN count(r) AS n")).toEqual([{ n: 0 }]);
    await removeSource(db, 'b');
    expect(await q('MATCH (d:Document) RETURN count(d) AS n')).toEqual([{ n: 0 }]);
  });
});
