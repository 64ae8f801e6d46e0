import { fold } from '../extract/index.js';
import type { Level } from '../extract/types.js';
import { cutName, slug, type Context } from './places.js';

export type Kind = 'Đảng' | 'chính quyền' | 'đoàn thể';

export type Org = {
  key: string;
  name: string;
  shortName: string | null;
  level: Level | null;
  kind: Kind | null;
  /** The area the unit governs or sits in, as an area key, when known. */
  area: AreaRef | null;
};

export type AreaRef = { tier: 'tỉnh' | 'huyện' | 'xã'; name: string; parent: AreaRef | null };

/** Completes an area whose text stops short of its province, from what the graph knows (see known.ts). */
export type Complete = (a: AreaRef) => AreaRef;
const asWritten: Complete = (a) => a;

export function areaKey(a: AreaRef): string {
  const path: string[] = [];
  for (let x: AreaRef | null = a; x; x = x.parent) path.unshift(slug(x.name));
  return `area:${a.tier}:${path.join('/')}`;
}

const province = (ctx: Context): AreaRef | null =>
  ctx.province ? { tier: 'tỉnh', name: ctx.province, parent: null } : null;
const district = (ctx: Context, name = ctx.district): AreaRef | null =>
  name ? { tier: 'huyện', name, parent: province(ctx) } : null;
const commune = (ctx: Context, name = ctx.commune): AreaRef | null =>
  name ? { tier: 'xã', name, parent: district(ctx) } : null;

const central = (key: string, name: string, kind: Kind, shortName: string | null = null): Org => ({
  key: `org:${key}`,
  name,
  shortName,
  level: 'trung ương',
  kind,
  area: null,
});

/** Issuer codes of central bodies, for mentions that give a code and no name. */
const CENTRAL_CODES: Record<string, Org> = {
  TW: central('tw', 'Ban Chấp hành Trung ương Đảng', 'Đảng', 'BCH TW'),
  VPTW: central('vptw', 'Văn phòng Trung ương Đảng', 'Đảng', 'VPTW'),
  CP: central('cp', 'Chính phủ', 'chính quyền', 'CP'),
  TTG: central('ttg', 'Thủ tướng Chính phủ', 'chính quyền', 'TTg'),
  VPCP: central('vpcp', 'Văn phòng Chính phủ', 'chính quyền', 'VPCP'),
  QH: central('qh', 'Quốc hội', 'chính quyền', 'QH'),
  UBTVQH: central('ubtvqh', 'Ủy ban Thường vụ Quốc hội', 'chính quyền', 'UBTVQH'),
  BNV: central('bnv', 'Bộ Nội vụ', 'chính quyền', 'BNV'),
  BTC: central('btc', 'Bộ Tài chính', 'chính quyền', 'BTC'),
  BCA: central('bca', 'Bộ Công an', 'chính quyền', 'BCA'),
  BQP: central('bqp', 'Bộ Quốc phòng', 'chính quyền', 'BQP'),
  BTP: central('btp', 'Bộ Tư pháp', 'chính quyền', 'BTP'),
  BYT: central('byt', 'Bộ Y tế', 'chính quyền', 'BYT'),
  BCT: central('bct', 'Bộ Công Thương', 'chính quyền', 'BCT'),
  BGDĐT: central('bgddt', 'Bộ Giáo dục và Đào tạo', 'chính quyền', 'BGDĐT'),
  BLĐTBXH: central('bldtbxh', 'Bộ Lao động - Thương binh và Xã hội', 'chính quyền', 'BLĐTBXH'),
  NHNN: central('nhnn', 'Ngân hàng Nhà nước Việt Nam', 'chính quyền', 'NHNN'),
};

/** The code family a symbol's issuer code belongs to (`QH13` → QH, `UBTVQHH11` → UBTVQH). */
export function codeFamily(code: string): string {
  const up = code.toUpperCase();
  if (/^UBTVQH/.test(up)) return 'UBTVQH';
  if (/^QH\d/.test(up)) return 'QH';
  return up;
}

export const isCentralCode = (code: string) => codeFamily(code) in CENTRAL_CODES;

const LEVEL_WORD: Record<string, 'tỉnh' | 'huyện' | 'xã'> = {
  tinh: 'tỉnh',
  'thanh pho': 'huyện',
  huyen: 'huyện',
  quan: 'huyện',
  'thi xa': 'huyện',
  xa: 'xã',
  phuong: 'xã',
  'thi tran': 'xã',
};

function local(
  ctx: Context,
  complete: Complete,
  tier: 'tỉnh' | 'huyện' | 'xã',
  explicit: string | null,
  make: (area: AreaRef) => { key: string; name: string; kind: Kind; shortName?: string | null },
): Org | null {
  const written =
    tier === 'tỉnh'
      ? explicit
        ? { tier, name: explicit, parent: null }
        : province(ctx)
      : tier === 'huyện'
        ? district(ctx, explicit ?? ctx.district)
        : commune(ctx, explicit ?? ctx.commune);
  if (!written) return null;
  const area = complete(written);
  const m = make(area);
  return { key: m.key, name: m.name, shortName: m.shortName ?? null, level: tier, kind: m.kind, area };
}

/**
 * The trailing proper name of a phrase (`UBND huyện Sơn Tây` → Sơn Tây), if it has one: one line break may
 * stand before it (PDF lines), a blank line may not (`… Tỉnh ủy⏎⏎Thực hiện …` names no place).
 */
function properName(phrase: string, after: RegExp): string | null {
  const m = after.exec(phrase);
  if (!m) return null;
  const rest = phrase.slice(m.index + m[0].length);
  const name = /^(?:[ \t]+|[ \t]*\n[ \t]*)([\p{Lu}][\p{Ll}]*(?:[ \t]+[\p{Lu}][\p{Ll}]*){0,3})/u.exec(rest);
  return name ? cutName(name[1] as string) || null : null;
}

/**
 * The unit behind an issuer phrase (`của UBND tỉnh`) or, failing that, a symbol's issuer code, in the
 * citing report's context. Null when the text does not say which unit: never a guess.
 */
export function resolveOrg(
  phrase: string | null,
  code: string | null,
  ctx: Context,
  complete: Complete = asWritten,
): Org | null {
  if (phrase) {
    const p = phrase.replace(/^(Chủ tịch|Thường trực|TT)\s+/u, '');
    const f = fold(p);
    const found = centralOrg(p, f);
    if (found !== undefined) return found;
    const party = partyCommittee(p, f, ctx, complete);
    if (party !== undefined) return party;
    const state = localBody(p, f, ctx, complete);
    if (state !== undefined) return state;
  }
  return code ? orgOfCode(code, ctx, complete) : null;
}

/** Central bodies by the words that open the phrase; undefined when the phrase names none. */
function centralOrg(p: string, f: string): Org | undefined {
  if (/^bo chinh tri/.test(f)) return central('bo-chinh-tri', 'Bộ Chính trị', 'Đảng', 'BCT');
  if (/^ban bi thu/.test(f)) return central('ban-bi-thu', 'Ban Bí thư', 'Đảng');
  if (
    /^(ban chap hanh trung uong|bch trung uong|bch tw|trung uong dang|ban chap hanh tw|trung uong\b)/.test(f)
  )
    return CENTRAL_CODES['TW'] as Org;
  if (/^van phong trung uong/.test(f)) return CENTRAL_CODES['VPTW'] as Org;
  if (/^thu tuong/.test(f)) return CENTRAL_CODES['TTG'] as Org;
  if (/^van phong chinh phu/.test(f)) return CENTRAL_CODES['VPCP'] as Org;
  if (/^chinh phu/.test(f)) return CENTRAL_CODES['CP'] as Org;
  if (/^uy ban thuong vu quoc hoi/.test(f)) return CENTRAL_CODES['UBTVQH'] as Org;
  if (/^quoc hoi/.test(f)) return CENTRAL_CODES['QH'] as Org;
  if (/^bo [a-z]/.test(f)) {
    const name = p.split(/\s+/).slice(0, 6).join(' ');
    return central(slug(name), name, 'chính quyền');
  }
  return undefined;
}

/** A province's or district's Party committee (`Ban Thường vụ Tỉnh ủy`, `Huyện ủy Sơn Tây`). */
function partyCommittee(p: string, f: string, ctx: Context, complete: Complete): Org | null | undefined {
  if (/^(ban thuong vu |btv |thuong truc |ban chap hanh dang bo )?(tinh uy|thanh uy)/.test(f)) {
    return local(ctx, complete, 'tỉnh', properName(p, /(Tỉnh|Thành)\s+(ủy|uỷ)/u), (a) => ({
      key: `org:tu:${slug(a.name)}`,
      name: `Ban Thường vụ Tỉnh ủy ${a.name}`,
      kind: 'Đảng',
      shortName: 'BTV Tỉnh ủy',
    }));
  }
  if (/^(ban thuong vu |btv |thuong truc )?(huyen uy|thi uy|quan uy)/.test(f)) {
    return local(ctx, complete, 'huyện', properName(p, /(Huyện|Thị|Quận)\s+(ủy|uỷ)/u), (a) => ({
      key: `org:hu:${areaKey(a).slice('area:huyện:'.length)}`,
      name: `Ban Thường vụ Huyện ủy ${a.name}`,
      kind: 'Đảng',
      shortName: 'BTV Huyện ủy',
    }));
  }
  return undefined;
}

/** A People's Committee, Council or Party committee of a tier, a provincial department, a Party or state board. */
function localBody(p: string, f: string, ctx: Context, complete: Complete): Org | null | undefined {
  const unit =
    /^(ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|dang uy)\s*(tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)?/.exec(
      f,
    );
  if (unit) {
    const kindWord = unit[1] as string;
    const tier = unit[2]
      ? LEVEL_WORD[unit[2]]
      : kindWord === 'dang uy' && ctx.level === 'xã'
        ? 'xã'
        : undefined;
    if (!tier) return null;
    const explicit = properName(p, /(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)(?![\p{L}])/u);
    const base =
      kindWord.startsWith('ub') || kindWord.startsWith('uy')
        ? 'Ủy ban nhân dân'
        : kindWord === 'dang uy'
          ? 'Đảng ủy'
          : 'Hội đồng nhân dân';
    const short = base === 'Ủy ban nhân dân' ? 'ubnd' : base === 'Đảng ủy' ? 'du' : 'hdnd';
    return local(ctx, complete, tier, explicit, (a) => ({
      key: `org:${short}:${areaKey(a).slice(5)}`,
      name: `${base} ${tier} ${a.name}`,
      kind: base === 'Đảng ủy' ? 'Đảng' : 'chính quyền',
      shortName: base === 'Ủy ban nhân dân' ? `UBND ${tier} ${a.name}` : null,
    }));
  }
  if (/^so [a-z]/.test(f)) {
    const name = p.split(/\s+(?=tỉnh|thành phố)/u)[0]?.trim() ?? p;
    return local(ctx, complete, 'tỉnh', properName(p, /(tỉnh|thành phố)(?![\p{L}])/u), (a) => ({
      key: `org:so:${slug(name)}:${slug(a.name)}`,
      name: `${name} tỉnh ${a.name}`,
      kind: 'chính quyền',
    }));
  }
  if (/^ban [a-z]/.test(f)) {
    const tierWord = /\b(tinh|huyen)$/.exec(f)?.[1];
    const tier = tierWord === 'tinh' ? 'tỉnh' : tierWord === 'huyen' ? 'huyện' : null;
    if (!tier) return null;
    const name = p.replace(/\s+(tỉnh|huyện)\s*$/u, '');
    return local(ctx, complete, tier, null, (a) => ({
      key: `org:ban:${slug(name)}:${areaKey(a).slice(5)}`,
      name: `${name} ${tier} ${a.name}`,
      kind: /dan van|tuyen giao|to chuc|kiem tra/.test(f) ? 'Đảng' : 'chính quyền',
    }));
  }
  return undefined;
}

/** The unit a symbol's issuer code names in the report's context, when the phrase named none. */
function orgOfCode(code: string, ctx: Context, complete: Complete): Org | null {
  const fam = codeFamily(code);
  if (CENTRAL_CODES[fam]) return CENTRAL_CODES[fam] as Org;
  if (fam === 'TU') return resolveOrg('Tỉnh ủy', null, ctx, complete);
  if (fam === 'HU' && (ctx.level === 'xã' || ctx.level === 'huyện'))
    return resolveOrg('Huyện ủy', null, ctx, complete);
  if (fam === 'ĐU' && ctx.level === 'xã') return resolveOrg('Đảng ủy xã', null, ctx, complete);
  if (fam === 'SNV') return resolveOrg('Sở Nội vụ', null, ctx, complete);
  return null;
}

/** The reporting unit itself, from the header's canonical name. */
export function reporterOrg(name: string, ctx: Context, complete: Complete = asWritten): Org | null {
  return (
    resolveOrg(name, null, ctx, complete) ?? {
      key: `org:${slug(name)}${ctx.province ? `:${slug(ctx.province)}` : ''}`,
      name,
      shortName: null,
      level: ctx.level,
      kind: null,
      area: null,
    }
  );
}
