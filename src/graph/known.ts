import { areaKey, type AreaRef } from './organizations.js';
import { slug, type Context } from './places.js';

/**
 * What the graph already holds that a source's text leaves open (DESIGN §1: the issuer is resolved from
 * the citing document's context and from what the graph knows of it), in two kinds:
 * - where an area is: `place:huyện:son-tay` → every area of that tier and name whose path reaches its
 *   province (`Sơn Tây` in Quảng Ngãi), so a report that names no province still finds its district;
 * - which dated documents carry a symbol of one body: `sym:22-CT/TU|TU@quang-ngai` → their keys, so an
 *   undated mention joins the one known document instead of making a second.
 * A unique answer decides; none or several leave the mention as open as its text.
 */
export type Known = {
  areas: ReadonlyMap<string, readonly AreaRef[]>;
  dated: ReadonlyMap<string, readonly string[]>;
};

export const NOTHING_KNOWN: Known = { areas: new Map(), dated: new Map() };

/** A question a source's resolution put to the graph, with the answer it got (the keys found, sorted). */
export type Question =
  | { key: string; kind: 'place'; tier: AreaRef['tier']; slug: string; depth: number; answer: string[] }
  | { key: string; kind: 'sym'; symbol: string; prefix: string; answer: string[] };

const DEPTH: Record<AreaRef['tier'], number> = { tỉnh: 1, huyện: 2, xã: 3 };

export const placeKey = (tier: AreaRef['tier'], name: string) => `place:${tier}:${slug(name)}`;
/** `prefix` is the key of a dated document up to its year: `22-CT/TU|TU@quang-ngai|`. */
export const symKey = (prefix: string) => `sym:${prefix.replace(/\|$/, '')}`;

/** An area whose chain of parents reaches its province. */
export function isFull(a: AreaRef): boolean {
  let n = 0;
  let top: AreaRef = a;
  for (let x: AreaRef | null = a; x; x = x.parent) {
    n++;
    top = x;
  }
  return top.tier === 'tỉnh' && n === DEPTH[a.tier];
}

/** The area of a chain at a tier, if the chain has one. */
export const tierOf = (a: AreaRef | null, tier: AreaRef['tier']): AreaRef | null => {
  for (let x = a; x; x = x.parent) if (x.tier === tier) return x;
  return null;
};

/**
 * Puts questions to what is known and remembers them with their answers: the source records them,
 * so that when the graph learns more (a later report places the district) the source is resolved again.
 */
export class Asker {
  readonly questions = new Map<string, Question>();
  constructor(private readonly known: Known) {}

  /** The one known full area of this tier and name, or null. */
  place(tier: AreaRef['tier'], name: string): AreaRef | null {
    const key = placeKey(tier, name);
    const found = this.known.areas.get(key) ?? [];
    this.questions.set(key, {
      key,
      kind: 'place',
      tier,
      slug: slug(name),
      depth: DEPTH[tier],
      answer: found.map(areaKey).sort(),
    });
    return found.length === 1 ? (found[0] as AreaRef) : null;
  }

  /** The one known dated document of a symbol and body (`prefix`: its key up to the year), or null. */
  dated(symbol: string, prefix: string): string | null {
    const key = symKey(prefix);
    const found = [...(this.known.dated.get(key) ?? [])].sort();
    this.questions.set(key, { key, kind: 'sym', symbol, prefix, answer: found });
    return found.length === 1 ? (found[0] as string) : null;
  }

  /** An area completed from the graph when its own chain stops short of its province. */
  complete = (a: AreaRef): AreaRef => {
    if (isFull(a)) return a;
    let top = a;
    while (top.parent) top = top.parent;
    const found = this.place(top.tier, top.name);
    if (!found) return a;
    // Graft the known chain above the area's own top: the names below it are the text's.
    const graft = (x: AreaRef): AreaRef =>
      x === top ? { ...x, parent: found.parent } : { ...x, parent: x.parent ? graft(x.parent) : null };
    const out = graft(a);
    return isFull(out) ? out : a;
  };
}

/** The report's context completed by the graph where its text stops short (no province named). */
export function completeContext(ctx: Context, ask: Asker): Context {
  const own: AreaRef | null = ctx.commune
    ? { tier: 'xã', name: ctx.commune, parent: chainFrom(ctx, 'huyện') }
    : chainFrom(ctx, 'huyện');
  if (!own || isFull(own)) return ctx;
  const full = ask.complete(own);
  const province = tierOf(full, 'tỉnh')?.name ?? null;
  // A province the text names outranks the graph's: a chain that disagrees with it is another place.
  if (!isFull(full) || (ctx.province && province && slug(ctx.province) !== slug(province))) return ctx;
  return {
    ...ctx,
    province: ctx.province ?? province,
    district: ctx.district ?? tierOf(full, 'huyện')?.name ?? null,
  };
}

/** The chain the context names from a tier up, stopping at the first tier it does not name. */
function chainFrom(ctx: Context, tier: 'huyện' | 'tỉnh'): AreaRef | null {
  if (tier === 'huyện')
    return ctx.district ? { tier, name: ctx.district, parent: chainFrom(ctx, 'tỉnh') } : null;
  return ctx.province ? { tier, name: ctx.province, parent: null } : null;
}

/**
 * The slug that stands for a context's missing province or district in the key of a document whose issuer
 * it cannot name (`22-CT/TU|TU@?son-tay|2017`): the highest place the text does name, so that two unplaced
 * districts' directives of one number stay two documents. Empty when the context names no place or lacks none.
 */
export function contextHint(ctx: Context): string {
  if (ctx.province && (ctx.district || !ctx.commune)) return '';
  return slug(ctx.district ?? ctx.commune ?? '');
}

/** Two bodies of knowledge as one (the graph's, and what the other sources of a batch will write). */
export function mergeKnown(a: Known, b: Known): Known {
  const areas = new Map<string, AreaRef[]>();
  for (const m of [a.areas, b.areas])
    for (const [k, v] of m) {
      const have = areas.get(k) ?? [];
      for (const x of v) if (!have.some((h) => areaKey(h) === areaKey(x))) have.push(x);
      areas.set(k, have);
    }
  const dated = new Map<string, string[]>();
  for (const m of [a.dated, b.dated])
    for (const [k, v] of m) dated.set(k, [...new Set([...(dated.get(k) ?? []), ...v])]);
  return { areas, dated };
}
