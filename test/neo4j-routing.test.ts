import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differences, fullSnapshot } from '../probe/snapshot.js';
import { closeDrivers } from '../src/store/connection.js';
import { connect } from '../src/store/runtime/target.js';
import { startApi, type TestApi } from './helpers/api.js';
import { runCli } from './helpers/cli.js';
import { cleanGraph, testDb, testEnv, testSettings } from './helpers/db.js';
import { seedPath } from './helpers/gold.js';

// Issue 15: a cluster (Enterprise, Aura) is used through a `neo4j://` URI, where the driver asks the server
// for a routing table and sends reads and writes where it says. A single instance answers that too (its
// advertised address is the one it listens on), so the whole path is tested here against the local server.
const routed = (uri: string) => uri.replace(/^bolt:\/\//, 'neo4j://');
const seeds = join(seedPath('x'), '..');

const QUERIES = [
  '{ stats { documents organizations citations } }',
  '{ document(ref: "22-CT/TU") { key symbol title issuedOn issuer { name } hasText citedBy(first: 50) { totalCount edges { quote relation node { key } } } } }',
  '{ candidates(ref: "chi thi 22") { key } }',
  '{ documents(first: 100) { totalCount edges { node { key symbol } } } }',
  '{ search(text: "ke hoach", first: 10) { key } }',
  '{ implementers(directive: "70/KH-UBND") { unit { key name } via { quote relation document { key } } } }',
  '{ implementersPage(directive: "22-CT/TU", first: 5) { totalCount edges { node { unit { key } } } } }',
  '{ unitsWithoutEvidence(directive: "22-CT/TU") { key } }',
  '{ citationChain(ref: "22-CT/TU", direction: IN, maxDepth: 3) { nodes { key } edges { from to relation } } }',
  '{ organizations(first: 50) { totalCount edges { node { key name level } } } }',
  '{ audit(first: 50) { edges { node { code params } } } }',
];

let viaBolt: TestApi;
let viaRouting: TestApi;

beforeAll(async () => {
  expect(testSettings().external?.uri).toMatch(/^bolt:\/\//);
});
afterAll(async () => {
  await viaBolt?.close();
  await viaRouting?.close();
  await closeDrivers();
});

describe('everything through a neo4j:// URI (routing on a single instance)', () => {
  it('ingests the same graph as through bolt://', async () => {
    const db = testDb();
    await cleanGraph(db);
    const bolt = await runCli(['ingest', '--one-by-one', seeds], { env: testEnv() });
    expect(bolt.code, bolt.stderr).toBe(0);
    const expected = await fullSnapshot(db);
    await cleanGraph(db);
    const env = testEnv({ NEO4J_URI: routed(testEnv()['NEO4J_URI'] ?? '') });
    const r = await runCli(['ingest', '--json', seeds], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ added: 4, merged: 1, failed: 0 });
    expect(differences(await fullSnapshot(db), expected)).toEqual([]);
    const read = await runCli(
      ['db', 'cypher', '--read', '--json', 'MATCH (d:Document) RETURN count(d) AS n'],
      {
        env,
      },
    );
    expect(read.code, read.stderr).toBe(0);
  }, 300_000);

  it('serves every query of the API as through bolt://', async () => {
    const routedDb = connect(testSettings({ NEO4J_URI: routed(testEnv()['NEO4J_URI'] ?? '') }));
    expect(routedDb.target.uri).toMatch(/^neo4j:\/\//);
    await routedDb.verify();
    viaBolt = await startApi(testDb());
    viaRouting = await startApi(routedDb);
    for (const q of QUERIES) {
      const a = await viaBolt.gql(q);
      const b = await viaRouting.gql(q);
      expect(a.body.errors, q).toBeUndefined();
      expect(b.status, q).toBe(200);
      expect(b.body, q).toEqual(a.body);
    }
    const stats = await viaRouting.gql<{ stats: { documents: number } }>(QUERIES[0] ?? '');
    expect(stats.body.data?.stats.documents).toBeGreaterThan(20);
  });
});
