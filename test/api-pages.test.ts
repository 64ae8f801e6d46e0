import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../src/store/audit.js';
import { closeDrivers } from '../src/store/connection.js';
import { ingestPaths } from '../src/ingest/pipeline.js';
import { startApi, type TestApi } from './helpers/api.js';
import { cleanGraph, testDb } from './helpers/db.js';
import { seedPath } from './helpers/gold.js';
import { walk, type Connection } from './helpers/pages.js';

// Every cursor connection of the API walked page by page on the seeds: the pages together must be the
// whole list, in its order, each item once. A cursor that points one item too early or too late shows
// as a repeated or a missing item.

const db = testDb();
let api: TestApi;
const PAGE = 'totalCount pageInfo { hasNextPage endCursor } edges { cursor node';

beforeAll(async () => {
  await cleanGraph(db);
  const s = await ingestPaths(db, [seedPath('.')], { maxBytes: 5e6, concurrency: 2, dryRun: false });
  expect(s.failed).toBe(0);
  api = await startApi(db);
});
afterAll(async () => {
  await api.close();
  await closeDrivers();
});

/** `query` has `$first` and `$after`; `pick` finds the connection in the answer. */
function pager<N>(query: string, pick: (data: Record<string, unknown>) => unknown, vars = {}) {
  return (first: number) =>
    walk(first, async (after) => {
      const { body } = await api.gql(query, { ...vars, first, after });
      expect(body.errors).toBeUndefined();
      return pick(body.data ?? {}) as Connection<N>;
    });
}

/** The walk in small pages gives what one page of up to 100 gives, and that is every item. */
async function samePagedAsWhole<N>(pages: (first: number) => ReturnType<typeof walk<N>>, small: number) {
  const whole = await pages(100);
  expect(whole.pages, 'the list fits one page of 100').toBe(1);
  expect(whole.nodes).toHaveLength(whole.total);
  const paged = await pages(small);
  expect(paged.pages).toBe(Math.max(1, Math.ceil(whole.total / small)));
  expect(paged.total).toBe(whole.total);
  expect(paged.nodes).toEqual(whole.nodes);
  return whole;
}

const unique = (xs: unknown[]) => new Set(xs.map((x) => JSON.stringify(x))).size;

describe('walking every connection page by page', () => {
  it('documents, with and without a filter', async () => {
    type D = { key: string };
    const docs = pager<D>(
      `query($first: Int, $after: String, $f: DocumentFilter) { documents(filter: $f, first: $first, after: $after) { ${PAGE} { key } } } }`,
      (d) => d['documents'],
    );
    const all = await samePagedAsWhole(docs, 9);
    const stats = await api.gql<{ stats: { documents: number } }>('{ stats { documents } }');
    expect(all.total).toBe(stats.body.data?.stats.documents);
    expect(unique(all.nodes)).toBe(all.total);
    const withText = pager<D>(
      `query($first: Int, $after: String) { documents(filter: { hasText: true }, first: $first, after: $after) { ${PAGE} { key } } } }`,
      (d) => d['documents'],
    );
    expect((await samePagedAsWhole(withText, 1)).total).toBe(4);
  });

  it('organizations, and an organization’s documents', async () => {
    type O = { key: string; name: string };
    const orgs = pager<O>(
      `query($first: Int, $after: String) { organizations(first: $first, after: $after) { ${PAGE} { key name } } } }`,
      (d) => d['organizations'],
    );
    const all = await samePagedAsWhole(orgs, 4);
    expect(all.total).toBeGreaterThan(8);
    expect(unique(all.nodes)).toBe(all.total);
    const ofUnit = pager<{ key: string }>(
      `query($first: Int, $after: String) { organization(name: "Ủy ban nhân dân tỉnh Quảng Ngãi") { documents(first: $first, after: $after) { ${PAGE} { key } } } } }`,
      (d) => (d['organization'] as Record<string, unknown>)['documents'],
    );
    const docs = await samePagedAsWhole(ofUnit, 2);
    expect(docs.total).toBeGreaterThan(3);
    expect(unique(docs.nodes)).toBe(docs.total);
  });

  it('what a document cites, and who cites it', async () => {
    type C = { node: { key: string }; relation: string; quote: string };
    const edge = 'totalCount pageInfo { hasNextPage endCursor } edges { cursor relation quote node { key } }';
    const cites = (field: 'citations' | 'citedBy', ref: string) =>
      pager<C>(
        `query($first: Int, $after: String, $r: String!) { document(ref: $r) { ${field}(first: $first, after: $after) { ${edge} } } }`,
        (d) => {
          const c = (d['document'] as Record<string, unknown>)[field] as Connection<unknown> & {
            edges: Array<C & { cursor: string }>;
          };
          // The walk collects nodes; a citation is its edge, relation and quote included.
          return { ...c, edges: c.edges.map((e) => ({ cursor: e.cursor, node: e })) };
        },
        { r: ref },
      );
    const plan = await samePagedAsWhole(cites('citedBy', '70/KH-UBND'), 1);
    expect(plan.total).toBeGreaterThanOrEqual(2);
    const report = await samePagedAsWhole(cites('citations', '39/BC-UBND'), 4);
    expect(report.total).toBeGreaterThan(8);
    const citedBy = await samePagedAsWhole(cites('citedBy', '22-CT/TU'), 1);
    expect(citedBy.total).toBeGreaterThanOrEqual(2);
  });

  it('the audit, whole and by code, the same findings as the audit itself gives', async () => {
    type F = {
      code: string;
      message: string;
      documents: Array<{ key: string }>;
      mentions: Array<{ path: string | null; start: number }>;
    };
    // The whole graph's audit is paged through its documents within a time budget (store/audit.ts
    // auditScan): its totalCount counts the findings up to each page (countComplete on the last), and a page
    // may stop short, so it is walked to its end here rather than by `walk`'s rules for a counted list.
    const scan = async (codes: string[] | null, first: number) => {
      const nodes: F[] = [];
      let after: string | null = null;
      for (let pages = 0; ; pages++) {
        expect(pages, 'the scan ends').toBeLessThan(500);
        type Page = Connection<F> & { countComplete: boolean };
        const r: { body: { data?: { audit: Page } | null; errors?: unknown } } = await api.gql<{
          audit: Page;
        }>(
          `query($first: Int, $after: String, $c: [AuditCode!]) { audit(codes: $c, first: $first, after: $after) { countComplete ${PAGE} { code message documents { key } mentions { path start } } } } }`,
          { first, after, c: codes },
        );
        expect(r.body.errors).toBeUndefined();
        const c: Page | undefined = r.body.data?.audit;
        nodes.push(...(c?.edges.map((e) => e.node) ?? []));
        expect(c?.edges.length).toBeLessThanOrEqual(first);
        expect(c?.totalCount).toBe(nodes.length);
        expect(c?.countComplete).toBe(!c?.pageInfo.hasNextPage);
        if (!c?.pageInfo.hasNextPage) return nodes;
        after = c.pageInfo.endCursor;
      }
    };
    const json = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
    const all = await scan(null, 7);
    const direct = await audit(db, {});
    expect(json(all)).toEqual(
      json(
        direct.map((f) => ({
          code: f.code,
          message: f.message,
          documents: f.documents.map((d) => ({ key: d.key })),
          mentions: f.mentions.map((m) => ({ path: m.path, start: m.start })),
        })),
      ),
    );
    expect(unique(all)).toBe(all.length);
    expect(json(await scan(null, 100))).toEqual(json(all));
    const dangling = await scan(['DANGLING'], 5);
    expect(dangling.length).toBeGreaterThan(40);
    expect(dangling.every((f) => f.code === 'DANGLING')).toBe(true);
  });

  it('implementers, a unit at a time', async () => {
    type I = { unit: { key: string } };
    const whole = await api.gql<{ implementers: I[] }>(
      '{ implementers(directive: "70/KH-UBND") { unit { key } } }',
    );
    const units = pager<I>(
      `query($first: Int, $after: String) { implementersPage(directive: "70/KH-UBND", first: $first, after: $after) { ${PAGE} { unit { key } } } } }`,
      (d) => d['implementersPage'],
    );
    const all = await samePagedAsWhole(units, 1);
    expect(all.nodes).toEqual(whole.body.data?.implementers);
    expect(all.total).toBeGreaterThanOrEqual(2);
  });
});
