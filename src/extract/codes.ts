import { alternation } from './patterns.js';
import { ISSUER_START_WORDS, words } from './tables/words.js';
import type { DocType, Level } from './types.js';

/** Type words as written in running text, longest first so that `Thông tư liên tịch` wins over `Thông tư`. */
export const TYPE_WORDS: ReadonlyArray<readonly [string, DocType]> = [
  ['nghị quyết liên tịch', 'NQLT'],
  ['thông tư liên tịch', 'TTLT'],
  ['quy chế phối hợp', 'QC'],
  // A Party committee's notice of its conclusions (`Thông báo kết luận số 342-TB/HU`): a Thông báo.
  ['thông báo kết luận', 'TB'],
  ['hiến pháp', 'HP'],
  ['bộ luật', 'BL'],
  ['pháp lệnh', 'PL'],
  ['nghị quyết', 'NQ'],
  ['nghị định', 'NĐ'],
  ['quyết định', 'QĐ'],
  ['quy định', 'QyĐ'],
  ['chỉ thị', 'CT'],
  ['thông tư', 'TT'],
  ['kết luận', 'KL'],
  ['kế hoạch', 'KH'],
  ['chương trình', 'CTr'],
  ['hướng dẫn', 'HD'],
  ['thông báo', 'TB'],
  ['thông tri', 'TTri'],
  ['báo cáo', 'BC'],
  ['tờ trình', 'TTr'],
  ['quy chế', 'QC'],
  ['đề án', 'ĐA'],
  ['phương án', 'PA'],
  ['công văn', 'CV'],
  ['công điện', 'CĐ'],
  ['biên bản', 'BB'],
  ['văn bản', 'CV'],
  ['điều lệ', 'ĐL'],
  ['sắc lệnh', 'SL'],
  ['lệnh', 'LCT'],
  ['luật', 'L'],
];

/** Type codes as they appear inside symbols, with their canonical spelling. */
const TYPE_CODES: ReadonlyArray<readonly [string, DocType]> = [
  ['HP', 'HP'],
  ['BL', 'BL'],
  ['L', 'L'],
  ['PL', 'PL'],
  ['NQ', 'NQ'],
  ['NQLT', 'NQLT'],
  ['NĐ', 'NĐ'],
  ['QĐ', 'QĐ'],
  ['QyĐ', 'QyĐ'],
  ['QĐi', 'QĐi'],
  ['CT', 'CT'],
  ['TT', 'TT'],
  ['TTLT', 'TTLT'],
  ['KL', 'KL'],
  ['KH', 'KH'],
  ['CTr', 'CTr'],
  ['HD', 'HD'],
  ['TB', 'TB'],
  ['BC', 'BC'],
  ['TTr', 'TTr'],
  ['QC', 'QC'],
  ['QCPH', 'QC'],
  ['ĐA', 'ĐA'],
  ['PA', 'PA'],
  ['CV', 'CV'],
  ['CĐ', 'CĐ'],
  ['BB', 'BB'],
  ['TTri', 'TTri'],
  ['LCT', 'LCT'],
  ['SL', 'SL'],
  ['HDLT', 'HD'],
  ['KHLT', 'KH'],
  ['QĐLT', 'QĐ'],
  ['CTLT', 'CT'],
  ['TBLT', 'TB'],
];
export const KNOWN_TYPE_CODES: readonly string[] = TYPE_CODES.map(([c]) => c);
const TYPE_CODE_BY_UPPER = new Map(TYPE_CODES.map(([code, type]) => [code.toUpperCase(), { code, type }]));

/** The type a code in a symbol stands for, and how it is spelled canonically; undefined when not a type code. */
export function typeCode(code: string): { code: string; type: DocType } | undefined {
  return TYPE_CODE_BY_UPPER.get(code.toUpperCase());
}

/**
 * Codes of issuers whose names appear in running text, to complete number-only references
 * (`Chỉ thị 05 của Bộ Chính trị` → 05-CT/TW). Patterns are matched against the folded, lower-case issuer phrase.
 */
const ISSUER_PATTERNS: ReadonlyArray<readonly [RegExp, string, 'party' | 'state']> = [
  [
    /^(bo chinh tri|ban bi thu|ban chap hanh trung uong|bch trung uong|bch tw|trung uong dang|ban chap hanh tw)/,
    'TW',
    'party',
  ],
  [/^van phong trung uong/, 'VPTW', 'party'],
  [/^(ban thuong vu |thuong truc |ban chap hanh dang bo )?(tinh uy|thanh uy)/, 'TU', 'party'],
  [/^(ban thuong vu |thuong truc )?(huyen uy|thi uy)/, 'HU', 'party'],
  [/^(ban thuong vu |thuong truc )?quan uy/, 'QU', 'party'],
  [/^(ban thuong vu |ban chap hanh )?dang uy/, 'ĐU', 'party'],
  [/^thu tuong/, 'TTg', 'state'],
  [/^chinh phu/, 'CP', 'state'],
  [/^van phong chinh phu/, 'VPCP', 'state'],
  [/^uy ban thuong vu quoc hoi/, 'UBTVQH', 'state'],
  [/^quoc hoi/, 'QH', 'state'],
  [/^chu tich nuoc/, 'CTN', 'state'],
  [/^hoi dong nha nuoc/, 'HĐNN', 'state'],
  [/^hoi dong tham phan/, 'HĐTP', 'state'],
  [/^(toa an nhan dan toi cao|tand toi cao)/, 'TANDTC', 'state'],
  [/^(vien kiem sat nhan dan toi cao|vksnd toi cao)/, 'VKSNDTC', 'state'],
  [/^kiem toan nha nuoc/, 'KTNN', 'state'],
  [/^(chu tich )?(ubnd|uy ban nhan dan)/, 'UBND', 'state'],
  [/^(thuong truc )?(hdnd|hoi dong nhan dan)/, 'HĐND', 'state'],
  [/^bo tai chinh/, 'BTC', 'state'],
  [/^bo cong thuong/, 'BCT', 'state'],
  [/^bo y te/, 'BYT', 'state'],
  [/^bo cong an/, 'BCA', 'state'],
  [/^bo quoc phong/, 'BQP', 'state'],
  [/^bo tu phap/, 'BTP', 'state'],
  [/^bo noi vu/, 'BNV', 'state'],
  [/^bo lao dong/, 'BLĐTBXH', 'state'],
  [/^bo giao duc/, 'BGDĐT', 'state'],
  [/^bo ke hoach/, 'BKHĐT', 'state'],
  [/^bo tai nguyen/, 'BTNMT', 'state'],
  [/^bo nong nghiep/, 'BNNPTNT', 'state'],
  [/^bo xay dung/, 'BXD', 'state'],
  [/^bo giao thong/, 'BGTVT', 'state'],
  [/^bo thong tin/, 'BTTTT', 'state'],
  [/^bo van hoa/, 'BVHTTDL', 'state'],
  [/^bo khoa hoc/, 'BKHCN', 'state'],
  [/^bo ngoai giao/, 'BNG', 'state'],
  [/^ngan hang nha nuoc/, 'NHNN', 'state'],
  [/^so noi vu/, 'SNV', 'state'],
];

const foldCache = new Map<string, string>();

/** Folds Vietnamese to ASCII lower case (đ → d), collapsing white space; for matching, never for output. */
export function fold(s: string): string {
  // Type words and issuer phrases repeat on every page: remember the short ones.
  const cached = s.length <= 48 ? foldCache.get(s) : undefined;
  if (cached !== undefined) return cached;
  const out = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  if (s.length <= 48) {
    if (foldCache.size > 50_000) foldCache.clear();
    foldCache.set(s, out);
  }
  return out;
}

export function issuerCode(phrase: string): { code: string; system: 'party' | 'state' } | undefined {
  const f = fold(phrase);
  for (const [re, code, system] of ISSUER_PATTERNS) if (re.test(f)) return { code, system };
  return undefined;
}

/** The level of a unit from its name: the word for the administrative tier it names. */
export function levelOf(name: string): Level | null {
  const f = fold(name);
  if (
    /^(bo chinh tri|ban bi thu|ban chap hanh trung uong|chinh phu|thu tuong|quoc hoi|uy ban thuong vu quoc hoi|bo [a-z]|van phong chinh phu|van phong trung uong|ngan hang nha nuoc)/.test(
      f,
    )
  ) {
    return 'trung ương';
  }
  if (/\b(xa|phuong|thi tran)\b/.test(f)) return 'xã';
  if (/\b(huyen|quan|thi xa|huyen uy|quan uy|thi uy)\b/.test(f)) return 'huyện';
  if (/\b(tinh|tinh uy|thanh uy|so [a-z]+)\b/.test(f) || /^so /.test(f)) return 'tỉnh';
  if (/\bthanh pho\b/.test(f)) return 'huyện';
  return null;
}

/** Words that open an issuer phrase after `của`: a unit, never a topic. */
export const ISSUER_START = new RegExp(`^(?:${alternation(words(ISSUER_START_WORDS))})(?![\\p{L}])`, 'u');
/** The same in any case: only for text written without capitals (a register's lower-cased export). */
export const ISSUER_START_ANY_CASE = new RegExp(ISSUER_START.source, 'iu');
