import { fold } from '../extract/index.js';
import type { Level } from '../extract/types.js';

/** Where a report stands: its own unit's level and the places above it, as far as the text tells. */
export type Context = {
  level: Level | null;
  province: string | null;
  district: string | null;
  commune: string | null;
};

export const slug = (s: string) =>
  fold(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const NAME = '([\\p{Lu}][\\p{Ll}]*(?:[ \\t]+[\\p{Lu}][\\p{Ll}]*){0,3})';
// A line break may stand between the tier word and the name (PDF lines), not inside the name.
const PLACE = new RegExp(`(?<![\\p{L}])(tỉnh|huyện|xã|thị xã|thị trấn|quận|phường)\\s+${NAME}`, 'gu');

/** The most named place of each tier (first named on a tie): `tỉnh Quảng Ngãi` three times beats `tỉnh Kon Tum` once. */
export function namedPlaces(text: string): Record<'tỉnh' | 'huyện' | 'xã', string | null> {
  const counts: Record<string, Map<string, { n: number; first: number }>> = {
    tỉnh: new Map(),
    huyện: new Map(),
    xã: new Map(),
  };
  for (const m of text.matchAll(PLACE)) {
    const tierWord = m[1] as string;
    const tier =
      tierWord === 'tỉnh'
        ? 'tỉnh'
        : tierWord === 'huyện' || tierWord === 'quận' || tierWord === 'thị xã'
          ? 'huyện'
          : 'xã';
    const name = (m[2] as string).replace(/\s+/g, ' ');
    const map = counts[tier] as Map<string, { n: number; first: number }>;
    const seen = map.get(name);
    map.set(name, { n: (seen?.n ?? 0) + 1, first: seen?.first ?? m.index ?? 0 });
  }
  const best = (tier: string) => {
    let out: string | null = null;
    let score = { n: 0, first: Infinity };
    for (const [name, s] of counts[tier] ?? []) {
      if (s.n > score.n || (s.n === score.n && s.first < score.first)) {
        out = name;
        score = s;
      }
    }
    return out;
  };
  return { tỉnh: best('tỉnh'), huyện: best('huyện'), xã: best('xã') };
}

/** The unit's own place name from its canonical name: `Ủy ban nhân dân huyện Bình Sơn` → huyện, Bình Sơn. */
export function ownPlace(unitName: string): { tier: 'tỉnh' | 'huyện' | 'xã'; name: string } | null {
  const m = new RegExp(
    `(?<![\\p{L}])(tỉnh|huyện|xã|thị xã|thị trấn|quận|phường|thành phố)[ \\t]+${NAME}\\s*$`,
    'u',
  ).exec(unitName);
  if (!m) return null;
  const w = m[1] as string;
  const tier =
    w === 'tỉnh'
      ? 'tỉnh'
      : w === 'huyện' || w === 'quận' || w === 'thị xã' || w === 'thành phố'
        ? 'huyện'
        : 'xã';
  return { tier, name: m[2] as string };
}

export function contextOf(text: string, issuer: { name: string; level: Level | null } | null): Context {
  const named = namedPlaces(text);
  const own = issuer ? ownPlace(issuer.name) : null;
  return {
    level: issuer?.level ?? null,
    province: own?.tier === 'tỉnh' ? own.name : named.tỉnh,
    district: own?.tier === 'huyện' ? own.name : issuer?.level === 'tỉnh' ? null : named.huyện,
    commune: own?.tier === 'xã' ? own.name : null,
  };
}
