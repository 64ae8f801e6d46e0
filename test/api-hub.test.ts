import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfiledPlan } from 'neo4j-driver';
import { closeDrivers } from '../src/store/connection.js';
import { cypher } from '../src/store/cypher.js';
import { toParam } from '../src/store/values.js';
import { ingestPaths } from '../src/ingest/pipeline.js';
import { startApi, type TestApi } from './helpers/api.js';
import { cleanGraph, testDb } from './helpers/db.js';
import { walk, type Connection } from './helpers/pages.js';
import { RELATIONS } from '../src/extract/types.js';

// A hub (issue 14): a decree cited by more documents than a page holds, by reports of as many units, dated
// so that the order is checkable: two reports a day (their order then the key's), and one report with no
// date (last). The lược đồ's group of the hub and its implementers are read a page at a time; the pages
// together must be the whole list, in its order, each item once, and the counts those of the documents.

const PLACES = [
  'An Bình',
  'An Hải',
  'An Phú',
  'Bình Châu',
  'Bình Hải',
  'Bình Hiệp',
  'Bình Khương',
  'Bình Long',
  'Bình Minh',
  'Bình Nguyên',
  'Bình Phước',
  'Bình Tân',
  'Bình Thạnh',
  'Bình Thuận',
  'Bình Trị',
  'Bình Trung',
  'Đức Chánh',
  'Đức Hiệp',
  'Đức Lân',
  'Đức Minh',
  'Đức Nhuận',
  'Đức Phong',
  'Hành Dũng',
  'Hành Đức',
  'Hành Minh',
  'Hành Nhân',
  'Hành Phước',
];
const HUB = 'Nghị định số 127/2015/NĐ-CP ngày 14/12/2015 của Chính phủ';

/** The i-th xã's report on the decree, dated the (i/2)-th day of March 2023; the last one undated. */
function report(i: number, place: string): string {
  const dated = i < PLACES.length - 1;
  return [
    'ỦY BAN NHÂN DÂN',
    `XÃ ${place.toUpperCase()}`,
    '',
    `Số: ${i + 1}/BC-UBND`,
    '',
    dated ? `${place}, ngày ${1 + Math.floor(i / 2)} tháng 3 năm 2023` : '',
    '',
    'BÁO CÁO',
    `Sơ kết thực hiện ${HUB} về công tác văn thư`,
    '',
    `Xã ${place} thuộc huyện Bình Sơn, tỉnh Quảng Ngãi. Ủy ban nhân dân xã báo cáo kết quả như sau.`,
    '',
    `Tiếp tục quán triệt triển khai thực hiện ${HUB} về công tác văn thư.`,
    '',
    `Trên đây là báo cáo sơ kết thực hiện Nghị định số 127/2015/NĐ-CP của Ủy ban nhân dân xã ${place}./.`,
    '',
    'TM. ỦY BAN NHÂN DÂN',
    'CHỦ TỊCH',
    '',
    'Nguyễn Văn An',
  ].join('\n');
}

type Entry = { cursor: string; mentions: number; document: { key: string; issuedOn: string | null } };
type Group = { relation: string; direction: string; totalCount: number; entries: Entry[] };
type Impl = { unit: { key: string; name: string }; via: Array<{ document: { key: string } }> };
const ENTRY = 'cursor mentions document { key issuedOn }';
const IMPL = 'unit { key name } via { relation document { key } }';

const db = testDb();
const dir = mkdtempSync(join(tmpdir(), 'luocdo-hub-'));
let api: TestApi;
let hub = '';

async function data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { body } = await api.gql<T>(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as T;
}

/** Newest first, a document with no date last, then by key: the order the lược đồ promises. */
const newestFirst = (a: Entry['document'], b: Entry['document']) =>
  (b.issuedOn ?? '').localeCompare(a.issuedOn ?? '') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

beforeAll(async () => {
  await cleanGraph(db);
  PLACES.forEach((p, i) => writeFileSync(join(dir, `bc-${i}.txt`), report(i, p)));
  const s = await ingestPaths(db, [dir], { maxBytes: 5e6, concurrency: 2, dryRun: false });
  expect(s.failures).toEqual([]);
  expect(s.added).toBe(PLACES.length);
  api = await startApi(db);
  hub = (await data<{ document: { key: string } }>('{ document(ref: "127/2015/NĐ-CP") { key } }')).document
    .key;
});
afterAll(async () => {
  await api.close();
  await closeDrivers();
  rmSync(dir, { recursive: true, force: true });
});

/** The reports, as the graph holds them: each report's key and date. */
async function reports(): Promise<Entry['document'][]> {
  const r = await data<{ documents: { edges: Array<{ node: Entry['document'] & { type: string } }> } }>(
    '{ documents(filter: { type: "BC" }, first: 100) { edges { node { key issuedOn type } } } }',
  );
  return r.documents.edges.map((e) => ({ key: e.node.key, issuedOn: e.node.issuedOn }));
}

describe('a hub’s lược đồ: groups larger than a page', () => {
  it('counts each group’s documents, and gives the newest first, ties by key, the undated last', async () => {
    const all = await reports();
    expect(all).toHaveLength(PLACES.length);
    expect(all.filter((d) => d.issuedOn === null)).toHaveLength(1);
    const r = await data<{ document: { related: Group[] } }>(
      `query($k: String!) { document(ref: $k) { related(firstPerGroup: 5) { relation direction totalCount entries { ${ENTRY} } } } }`,
      { k: hub },
    );
    const incoming = r.document.related.filter((g) => g.direction === 'IN');
    expect(incoming.length).toBeGreaterThan(0);
    for (const g of incoming) {
      expect(g.totalCount, `${g.relation} IN`).toBe(PLACES.length);
      expect(g.entries.map((e) => e.document)).toEqual([...all].sort(newestFirst).slice(0, 5));
    }
  });

  it('walks every group page by page: all its documents, once each, in the order of the first page', async () => {
    const all = [...(await reports())].sort(newestFirst);
    const r = await data<{ document: { related: Group[] } }>(
      `query($k: String!) { document(ref: $k) { related(firstPerGroup: 1) { relation direction totalCount } } }`,
      { k: hub },
    );
    for (const g of r.document.related.filter((x) => x.direction === 'IN')) {
      const walked = await walk<Entry['document']>(4, async (after) => {
        const p = await data<{
          document: {
            relatedPage: { totalCount: number; entries: Entry[]; pageInfo: Connection<unknown>['pageInfo'] };
          };
        }>(
          `query($k: String!, $r: String!, $a: String) { document(ref: $k) { relatedPage(relation: $r, direction: IN, first: 4, after: $a) { totalCount entries { ${ENTRY} } pageInfo { hasNextPage endCursor } } } }`,
          { k: hub, r: g.relation, a: after },
        );
        const c = p.document.relatedPage;
        return { ...c, edges: c.entries.map((e) => ({ cursor: e.cursor, node: e.document })) };
      });
      expect(walked.total).toBe(PLACES.length);
      expect(walked.pages).toBe(Math.ceil(PLACES.length / 4));
      expect(walked.nodes).toEqual(all);
    }
  });
});

describe('a hub’s implementers: more units than a page', () => {
  it('pages the units by name: every unit once, as the whole list gives them', async () => {
    const whole = await data<{ implementers: Impl[] }>(
      `query($k: String!) { implementers(directive: $k) { ${IMPL} } }`,
      { k: hub },
    );
    const names = whole.implementers.map((i) => i.unit.name);
    expect(names).toHaveLength(PLACES.length);
    expect(names).toEqual(PLACES.map((p) => `Ủy ban nhân dân xã ${p}`).sort((a, b) => (a < b ? -1 : 1)));
    const walked = await walk<Impl>(4, async (after) => {
      const r = await data<{ implementersPage: Connection<Impl> }>(
        `query($k: String!, $a: String) { implementersPage(directive: $k, first: 4, after: $a) {
           totalCount edges { cursor node { ${IMPL} } } pageInfo { hasNextPage endCursor } } }`,
        { k: hub, a: after },
      );
      return r.implementersPage;
    });
    expect(walked.total).toBe(PLACES.length);
    expect(walked.pages).toBe(Math.ceil(PLACES.length / 4));
    expect(walked.nodes).toEqual(whole.implementers);
  });
});

/** The db hits of a named query's plan (PROFILE), every operator's. */
async function dbHits(name: string, params: Record<string, unknown>): Promise<number> {
  const sum = (p: ProfiledPlan): number => p.dbHits + p.children.reduce((n, c) => n + sum(c), 0);
  return db.read(async (tx) => {
    const r = await tx.run(`PROFILE ${cypher(name)}`, toParam(params) as Record<string, unknown>);
    const plan = r.summary.profile;
    if (!plan) throw new Error('no profile');
    return sum(plan);
  });
}

describe('what a hub’s page reads (PROFILE, db hits: a count, not a time)', () => {
  // The hub's Citations: three per report. The page of a group was read from the hub's side, each of its
  // entries through all of them (1.1 M db hits for a page of 127/2015/NĐ-CP's 3,981 at 100,000 reports).
  it('a group’s page finds each entry’s mentions from the entry, not through the hub’s every Citation', async () => {
    const cited = await db.read(async (tx) =>
      Number(
        (
          await tx.run('MATCH (:Document {key: $k})<-[r:REFERS_TO]-() RETURN count(r) AS n', { k: hub })
        ).records[0]?.get('n'),
      ),
    );
    expect(cited).toBeGreaterThanOrEqual(2 * PLACES.length);
    const r = await data<{ document: { related: Group[] } }>(
      `query($k: String!) { document(ref: $k) { related(firstPerGroup: 1) { relation direction } } }`,
      { k: hub },
    );
    for (const g of r.document.related) {
      const hits = (limit: number) =>
        dbHits('api/related-page', { key: hub, ...g, limit, afterOn: null, afterKey: null });
      // What each entry of a page adds: through the hub's Citations it is at least one db hit each.
      const perEntry = ((await hits(PLACES.length)) - (await hits(1))) / (PLACES.length - 1);
      expect(perEntry, `${g.relation} ${g.direction}`).toBeLessThan(cited);
    }
  });

  it('counts the groups by degree: as many db hits whatever the hub’s size', async () => {
    const hits = await dbHits('api/related-groups', { key: hub, relations: [...RELATIONS] });
    expect(hits).toBeLessThan(PLACES.length);
  });
});
