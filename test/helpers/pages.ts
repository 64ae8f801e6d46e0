import { expect } from 'vitest';

export type Connection<N> = {
  totalCount: number;
  edges: Array<{ cursor: string; node: N }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

/**
 * Follows a connection's cursors from the first page to the last and returns every node in the order
 * the pages gave them. Each page must keep its promises: a full page while more follow, the end cursor
 * that of its last edge, the same total on every page.
 */
export async function walk<N>(
  first: number,
  page: (after: string | null) => Promise<Connection<N>>,
  maxPages = 500,
): Promise<{ nodes: N[]; total: number; pages: number }> {
  const nodes: N[] = [];
  let total: number | null = null;
  let after: string | null = null;
  for (let pages = 1; pages <= maxPages; pages++) {
    const c: Connection<N> = await page(after);
    total ??= c.totalCount;
    expect(c.totalCount, 'totalCount changes from page to page').toBe(total);
    expect(c.pageInfo.endCursor).toBe(c.edges[c.edges.length - 1]?.cursor ?? null);
    nodes.push(...c.edges.map((e) => e.node));
    if (!c.pageInfo.hasNextPage) return { nodes, total, pages };
    expect(c.edges, 'a page before the last is full').toHaveLength(first);
    after = c.pageInfo.endCursor;
  }
  throw new Error(`no last page after ${maxPages} pages`);
}
