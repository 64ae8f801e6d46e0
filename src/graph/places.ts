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
/**
 * A place name read from text stops before a word that opens a sentence or another unit (`… Tỉnh ủy Quảng
 * Ngãi Thực hiện …` when a title runs into the body): no place name goes on with one of these.
 */
const NOT_A_NAME = new Set(
  'Thực Căn Để Theo Về Triển Nhằm Tiếp Kính Đề Báo Ban Ủy Uỷ Hội Sở Phòng Chi Đảng Thường Ngày Số Tại Trong'.split(
    ' ',
  ),
);
export function cutName(name: string): string {
  const words = name.split(/[ \t]+/);
  const stop = words.findIndex((w) => NOT_A_NAME.has(w));
  return (stop >= 0 ? words.slice(0, stop) : words).join(' ');
}

// A line break may stand between the tier word and the name (PDF lines), not inside the name.
const PLACE = new RegExp(`(?<![\\p{L}])(tỉnh|huyện|xã|thị xã|thị trấn|quận|phường)\\s+${NAME}`, 'gu');

/** The most named place of each tier (first named on a tie): `tỉnh Quảng Ngãi` three times beats `tỉnh Kon Tum` once. */
export function namedPlaces(text: string): Named {
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
    const name = cutName((m[2] as string).replace(/\s+/g, ' '));
    if (!name) continue;
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

const TIER_OF: Record<string, 'tỉnh' | 'huyện' | 'xã'> = {
  tỉnh: 'tỉnh',
  huyện: 'huyện',
  quận: 'huyện',
  'thị xã': 'huyện',
  'thành phố': 'huyện',
  xã: 'xã',
  phường: 'xã',
  'thị trấn': 'xã',
  // Party committees name their place after the committee: `Huyện ủy Sơn Tây`, `Tỉnh ủy Quảng Ngãi`.
  'Tỉnh ủy': 'tỉnh',
  'Thành ủy': 'tỉnh',
  'Huyện ủy': 'huyện',
  'Thị ủy': 'huyện',
  'Quận ủy': 'huyện',
};
const OWN_PLACE = new RegExp(
  `(?<![\\p{L}])(tỉnh|huyện|xã|thị xã|thị trấn|quận|phường|thành phố|(?:Tỉnh|Thành|Huyện|Thị|Quận) (?:ủy|uỷ))[ \\t]+${NAME}\\s*$`,
  'u',
);

/**
 * The unit's own place name from its canonical name: `Ủy ban nhân dân huyện Bình Sơn` → huyện, Bình Sơn;
 * `Huyện ủy Sơn Tây` → huyện, Sơn Tây; `Đảng bộ tỉnh Quảng Ngãi` → tỉnh, Quảng Ngãi.
 */
export function ownPlace(unitName: string): { tier: 'tỉnh' | 'huyện' | 'xã'; name: string } | null {
  const m = OWN_PLACE.exec(unitName);
  if (!m) return null;
  const tier = TIER_OF[(m[1] as string).replace('uỷ', 'ủy')];
  const name = cutName(m[2] as string);
  return tier && name ? { tier, name } : null;
}

/**
 * Where a report stands. Its own unit's name says first (`Ủy ban nhân dân huyện Sơn Tây`), then the body
 * above it in the header (`UBND TỈNH QUẢNG NGÃI` over `SỞ NỘI VỤ`, `ĐẢNG BỘ HUYỆN SƠN TÂY` over an Đảng ủy
 * xã), then the places its text names most.
 */
export function contextOf(
  text: string,
  issuer: { name: string; level: Level | null; parent?: string | null } | null,
): Context {
  return contextFrom(namedPlaces(text), issuer);
}

export type Named = Record<'tỉnh' | 'huyện' | 'xã', string | null>;

/** The same, from the places already counted in the text. */
export function contextFrom(
  named: Named,
  issuer: { name: string; level: Level | null; parent?: string | null } | null,
): Context {
  const own = issuer ? ownPlace(issuer.name) : null;
  const above = issuer?.parent ? ownPlace(issuer.parent) : null;
  const pick = (tier: 'tỉnh' | 'huyện' | 'xã') =>
    own?.tier === tier ? own.name : above?.tier === tier ? above.name : null;
  const level = issuer?.level ?? null;
  return {
    level,
    province: pick('tỉnh') ?? named.tỉnh,
    district: pick('huyện') ?? (level === 'tỉnh' || own?.tier === 'tỉnh' ? null : named.huyện),
    commune: pick('xã'),
  };
}
