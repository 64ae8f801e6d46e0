import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_CODES } from '../src/graph/audit.js';
import { auditScan, documentFindings, names, type ScanCursor } from '../src/store/audit.js';
import { closeDrivers } from '../src/store/connection.js';
import { startApi } from './helpers/api.js';
import { cleanGraph, testDb } from './helpers/db.js';

// A graph built to hold one finding of every code (and two on some documents, so that a page may stop inside
// one document's findings), written as the ingest writes it: the findings it must give are listed here, by
// code and documents, from how it is built, not from another output of the audit.
const db = testDb();
afterAll(() => closeDrivers());

type Doc = { key: string; symbol?: string; hasText: boolean; issuedOn?: string; type?: string };
const DOCS: Doc[] = [
  { key: 'r1', hasText: true, issuedOn: '2021-06-01', type: 'BC' },
  { key: 'r2', hasText: true, issuedOn: '2023-01-05', type: 'BC' },
  { key: 'r3', hasText: true, issuedOn: '2021-01-05', type: 'BC' },
  { key: 'd1', symbol: '12/KH-UBND', hasText: false },
  { key: 'd2', symbol: '13/KH-UBND', hasText: true, issuedOn: '2021-03-03' },
  { key: 'd3', symbol: '18/2000/CT-TTg', hasText: false },
  { key: 'd4', symbol: '7/CT-TTg', hasText: true },
  { key: 'd5', symbol: '30/KH-UBND', hasText: true, issuedOn: '2021-03-10' },
  { key: 'd6', symbol: '17/KH-UBND', hasText: true },
  { key: 'd6b', symbol: '17/KH-UBND', hasText: true, issuedOn: '2021-04-20' },
  { key: 'd7', symbol: '5/NQ-UBTVQHK11', hasText: false },
  { key: 'd8', symbol: '3/2150/QĐ-UBND', hasText: true },
  { key: 'd9', symbol: '10/2019/QĐ-UBND', hasText: true, issuedOn: '2019-04-03' },
  { key: 'n9', symbol: '20/2022/QĐ-UBND', hasText: true, issuedOn: '2022-06-01' },
  { key: 'k1', symbol: '1/KH-UBND', hasText: true },
  { key: 'k2', symbol: '2/KH-UBND', hasText: true },
  { key: 'd12', symbol: '40-KH/HU', hasText: true, issuedOn: '2020-01-01' },
  { key: 'e1', symbol: '9/2015/QĐ-UBND', hasText: true, issuedOn: '2015-02-02' },
  { key: 'f1', symbol: '11/2016/QĐ-UBND', hasText: true, issuedOn: '2016-05-05' },
];
// Citations: report, document, the date the mention gives, and how it was linked.
const CITES: Array<[string, string, string | null, Record<string, boolean>?]> = [
  ['r1', 'd1', null],
  ['r1', 'd2', '2021-03-05'],
  ['r1', 'd3', '2001-05-05'],
  ['r1', 'd6', null, { ambiguous: true }],
  ['r1', 'd7', null],
  ['r3', 'd5', '2021-03-10'],
  ['r2', 'd9', '2019-04-03'],
  ['r2', 'd12', null, { inferred: true }],
];
const GRAPH = `
UNWIND $docs AS x CREATE (d:Document) SET d = x
WITH count(*) AS _
UNWIND range(0, size($cites) - 1) AS i
WITH i, $cites[i] AS c
MATCH (r:Document {key: c.from}), (d:Document {key: c.to})
CREATE (r)-[:HAS_CITATION]->(:Citation {key: 'c' + i, quote: 'Thực hiện ' + d.symbol + '.', start: 10, end: 10 + size(d.symbol),
  text: d.symbol, issuedOn: c.on, source: 'sha-' + c.from, ambiguous: c.ambiguous, inferred: c.inferred})-[:REFERS_TO]->(d)
WITH count(*) AS _
MATCH (d4:Document {key: 'd4'}), (n9:Document {key: 'n9'}), (d9:Document {key: 'd9'}), (k1:Document {key: 'k1'}),
      (k2:Document {key: 'k2'}), (r1:Document {key: 'r1'}), (r3:Document {key: 'r3'}), (e1:Document {key: 'e1'}),
      (f1:Document {key: 'f1'})
CREATE (d4)-[:ISSUED_BY]->(:Organization {key: 'o-ttg', name: 'Thủ tướng Chính phủ', level: 'central', kind: 'government'}),
       (d4)-[:ISSUED_BY]->(:Organization {key: 'o-bd', name: 'UBND tỉnh Bình Định', level: 'province', kind: 'people-committee'}),
       (n9)-[:REPLACES]->(d9),
       (k1)-[:IMPLEMENTS]->(k2), (k2)-[:IMPLEMENTS]->(k1),
       (:SourceFile {sha256: 'sha-r1', path: 'a/r1.txt', format: 'txt'})-[:OF]->(r1),
       (:SourceFile {sha256: 'sha-r1-copy', path: 'a/r1 (copy).txt', format: 'txt'})-[:OF]->(r1),
       (:SourceFile {sha256: 'sha-r3', path: 'a/r3.pdf', format: 'pdf', ocr: true, ocrConfidence: 71.0})-[:OF]->(r3),
       (:SourceFile {sha256: 'sha-f1', path: 'a/f1.txt', format: 'txt', issuedOn: '2016-05-05'})-[:OF]->(f1),
       (r3)-[:IMPLEMENTS]->(e1)
CREATE (g:Registry {path: 'dm/danh-muc.csv'}),
       (g)-[:HAS_ROW]->(:RegistryRow {row: 3, inForce: 'expired', inForceText: 'Hết hiệu lực'})-[:DESCRIBES]->(e1),
       (g)-[:HAS_ROW]->(:RegistryRow {row: 4, issuedOn: '2016-05-06'})-[:DESCRIBES]->(f1)`;

// Each finding the graph holds: its code and the keys of the documents it names, in the finding's order.
const EXPECTED: Array<[string, string[]]> = [
  ['DANGLING', ['d1']],
  ['DANGLING', ['d3']],
  ['DANGLING', ['d7']],
  ['DATE_CONFLICT', ['d2']],
  ['NUMBER_YEAR_MISMATCH', ['d3']],
  ['ISSUER_CONFLICT', ['d4']],
  ['CITED_BEFORE_ISSUED', ['r3', 'd5']],
  ['AMBIGUOUS', ['d6', 'd6b']],
  ['UNKNOWN_CODE', ['d7']],
  ['MALFORMED_SYMBOL', ['d8']],
  ['SUPERSEDED', ['r2', 'd9', 'n9']],
  ['CYCLE', ['k1', 'k2']],
  ['DUPLICATE_SOURCE', ['r1']],
  ['INFERRED_LINK', ['r2', 'd12']],
  ['DOUBTFUL_TEXT', ['r3']],
  ['EXPIRED', ['r3', 'e1']],
  ['REGISTER_CONFLICT', ['f1']],
];
const said = (code: string, keys: string[]) =>
  `${code} ${code === 'CYCLE' ? [...keys].sort().join(',') : keys.join(',')}`;
const of = (f: { code: string; documents: ReadonlyArray<{ key: string }> }) =>
  said(
    f.code,
    f.documents.map((d) => d.key),
  );
const expected = EXPECTED.map(([code, keys]) => said(code, keys)).sort();

describe('the audit on a graph built to hold every code', () => {
  beforeAll(async () => {
    await cleanGraph(db);
    const cites = CITES.map(([from, to, on, how]) => ({
      from,
      to,
      on,
      ambiguous: how?.['ambiguous'] ?? null,
      inferred: how?.['inferred'] ?? null,
    }));
    await db.write((tx) => tx.run(GRAPH, { docs: DOCS, cites }));
  });

  it('covers every code', () => {
    expect(new Set(EXPECTED.map(([c]) => c))).toEqual(new Set(AUDIT_CODES));
  });

  it('pages the whole audit, 1, 2 or 3 at a time, across chunks of 1 to 3 documents: every finding once', async () => {
    for (const first of [1, 2, 3])
      for (const chunk of [1, 2, 3, 500]) {
        const got: string[] = [];
        let after: ScanCursor | null = null;
        let pages = 0;
        do {
          const p: Awaited<ReturnType<typeof auditScan>> = await auditScan(db, {
            first,
            after,
            chunk,
            budgetMs: Infinity,
          });
          expect(p.items.length).toBeLessThanOrEqual(first);
          got.push(...p.items.map((a) => of(a.finding)));
          after = p.next;
          expect(++pages, 'the scan ends').toBeLessThan(100);
        } while (after);
        expect(got.sort(), `first ${first}, chunk ${chunk}`).toEqual(expected);
      }
  });

  it('pages it over GraphQL by opaque cursors; the counts are "at least" until the last page', async () => {
    const api = await startApi(db);
    type Page = {
      totalCount: number;
      errors: number;
      countComplete: boolean;
      edges: Array<{ cursor: string; node: { code: string; documents: Array<{ key: string }> } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    try {
      for (const first of [1, 2, 3]) {
        const got: string[] = [];
        let after: string | null = null;
        let last: Page | undefined;
        do {
          const r: { body: { data?: { audit: Page } | null; errors?: unknown } } = await api.gql<{
            audit: Page;
          }>(
            `query($first: Int, $after: String) { audit(first: $first, after: $after) {
              totalCount errors countComplete edges { cursor node { code documents { key } } }
              pageInfo { hasNextPage endCursor } } }`,
            { first, after },
          );
          expect(r.body.errors).toBeUndefined();
          last = r.body.data?.audit;
          got.push(...(last?.edges.map((e) => of(e.node)) ?? []));
          expect(last?.totalCount).toBe(got.length);
          expect(last?.countComplete).toBe(!last?.pageInfo.hasNextPage);
          after = last?.pageInfo.hasNextPage ? last.pageInfo.endCursor : null;
        } while (after);
        expect(got.sort(), `first ${first}`).toEqual(expected);
        // Errors: NUMBER_YEAR_MISMATCH, ISSUER_CONFLICT, CITED_BEFORE_ISSUED, MALFORMED_SYMBOL, CYCLE.
        expect(last?.errors).toBe(5);
      }
      // A chain's cursor (a position) is no cursor of the whole graph's scan.
      const bad = await api.gql('{ audit(first: 1, after: "MA") { totalCount } }');
      expect(JSON.stringify(bad.body.errors)).toContain('invalid cursor');
    } finally {
      await api.close();
    }
  });

  it('gives each document, from it alone, the findings that name it, in every role', async () => {
    for (const { key } of DOCS) {
      const want = EXPECTED.filter(([code, keys]) =>
        names(code, { documents: keys.map((k) => ({ key: k })) }, key),
      ).map(([code, keys]) => said(code, keys));
      const got = (await documentFindings(db, key)).map(of);
      expect(got.sort(), key).toEqual(want.sort());
    }
    // The roles besides the one cited: the report, the one that replaced, a step of a cycle.
    expect((await documentFindings(db, 'r3')).map((f) => f.code).sort()).toEqual([
      'CITED_BEFORE_ISSUED',
      'DOUBTFUL_TEXT',
      'EXPIRED',
    ]);
    expect((await documentFindings(db, 'n9')).map((f) => f.code)).toEqual(['SUPERSEDED']);
    expect((await documentFindings(db, 'k2')).map((f) => f.code)).toEqual(['CYCLE']);
    // An alternative of an ambiguous mention is not given the mention's finding.
    expect(await documentFindings(db, 'd6b')).toEqual([]);
  });
});
