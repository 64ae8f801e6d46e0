import * as pages from '../store/pages.js';
import * as q from '../store/queries.js';
import { checkSearchText, page } from './common.js';
import type { Context } from './resolvers.js';

/** Full-text matches the facets are counted over: enough for any page of them a person reads. */
export const FIND_MAX_MATCHES = 500;
const FIND_MAX_UNITS = 10;

export type FindArgs = {
  text: string;
  type?: string | null;
  year?: number | null;
  issuer?: string | null;
  first?: number | null;
};

type Match = pages.FindMatch;
type Facet = { value: string; count: number; name: string | null };
type Narrow = 'type' | 'year' | 'issuer';

const valueOf = (m: Match, by: Narrow): string | null =>
  by === 'type'
    ? m.doc.type
    : by === 'year'
      ? m.doc.year === null
        ? null
        : String(m.doc.year)
      : (m.issuer?.key ?? null);

/** Whether a match passes the filters, leaving out `except` (a facet is counted under the other filters). */
function passes(m: Match, a: FindArgs, except?: Narrow): boolean {
  return (
    (except === 'type' || !a.type || m.doc.type === a.type) &&
    (except === 'year' || a.year == null || m.doc.year === a.year) &&
    (except === 'issuer' || !a.issuer || m.issuer?.key === a.issuer)
  );
}

/** One facet: each value's count among the matches the other filters keep, most first. */
function facet(matches: Match[], a: FindArgs, by: Narrow): Facet[] {
  const counts = new Map<string, Facet>();
  for (const m of matches) {
    const v = valueOf(m, by);
    if (v === null || !passes(m, a, by)) continue;
    const f = counts.get(v) ?? {
      value: v,
      count: 0,
      name: by === 'issuer' ? (m.issuer?.name ?? null) : null,
    };
    f.count++;
    counts.set(v, f);
  }
  return [...counts.values()].sort((x, y) => y.count - x.count || x.value.localeCompare(y.value));
}

/** The documents a written form names (several when only the number is known), or none when it names none. */
async function byReference(ctx: Context, text: string): Promise<Match[]> {
  let found: q.DocRecord[];
  try {
    found = (await q.resolveRef(ctx.db, text)).candidates;
  } catch {
    return []; // Not a reference: the words are searched instead.
  }
  if (found.length === 0) return [];
  const issuers = await q.issuersByKeys(
    ctx.db,
    found.map((d) => d.key),
  );
  return found.map((doc) => {
    const o = issuers.get(doc.key);
    return { doc, issuer: o ? { key: o.key, name: o.name } : null };
  });
}

/**
 * The one search box: a written form resolves as `document`/`candidates` do (a number several documents
 * share lists them all: `ambiguous`), anything else is searched in titles and text; units by name beside.
 */
export async function find(a: FindArgs, ctx: Context) {
  checkSearchText(a.text);
  const first = page(a.first);
  const query = q.searchQuery(a.text);
  const referenced = await byReference(ctx, a.text);
  const matches =
    referenced.length > 0 || !query ? referenced : await pages.findMatches(ctx.db, query, FIND_MAX_MATCHES);
  const organizations = query ? await pages.organizationsByName(ctx.db, query, FIND_MAX_UNITS) : [];
  return {
    documents: matches
      .filter((m) => passes(m, a))
      .slice(0, first)
      .map((m) => m.doc),
    organizations,
    ambiguous: referenced.length > 1,
    types: facet(matches, a, 'type'),
    years: facet(matches, a, 'year'),
    issuers: facet(matches, a, 'issuer'),
  };
}
