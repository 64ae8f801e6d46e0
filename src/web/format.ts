// Words and dates as the documents write them. The pages compose every Vietnamese word they show except a
// document's `label`, which the API makes (shared with the CLI).

/** A type code as its name: the codes of src/extract/codes.ts, which the page cannot import (it reads only the API). */
export const TYPE_NAMES: Readonly<Record<string, string>> = {
  NQLT: 'Nghị quyết liên tịch',
  TTLT: 'Thông tư liên tịch',
  HP: 'Hiến pháp',
  BL: 'Bộ luật',
  PL: 'Pháp lệnh',
  NQ: 'Nghị quyết',
  NĐ: 'Nghị định',
  QĐ: 'Quyết định',
  QyĐ: 'Quy định',
  QĐi: 'Quy định',
  CT: 'Chỉ thị',
  TT: 'Thông tư',
  KL: 'Kết luận',
  KH: 'Kế hoạch',
  CTr: 'Chương trình',
  HD: 'Hướng dẫn',
  TB: 'Thông báo',
  TTri: 'Thông tri',
  BC: 'Báo cáo',
  TTr: 'Tờ trình',
  QC: 'Quy chế',
  ĐA: 'Đề án',
  PA: 'Phương án',
  CV: 'Công văn',
  CĐ: 'Công điện',
  BB: 'Biên bản',
  ĐL: 'Điều lệ',
  SL: 'Sắc lệnh',
  LCT: 'Lệnh',
  L: 'Luật',
};

export const typeName = (code: string): string => TYPE_NAMES[code] ?? code;

/**
 * An ISO date (YYYY-MM-DD) as documents write it (Nghị định 30/2020/NĐ-CP): a day below 10 and the months
 * 1 and 2 take a leading zero, other months none — `03/4/2017`, `05/02/2020`.
 */
export function vnDate(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!m) return iso ?? '';
  const [, y, mo, d] = m;
  const month = Number(mo);
  return `${d}/${month <= 2 ? mo : String(month)}/${y}`;
}

/** A relation read from the document that makes it (OUT) or from the one it points at (IN). */
const RELATION_NAMES: Record<string, readonly [string, string]> = {
  BASED_ON: ['Căn cứ', 'Được lấy làm căn cứ bởi'],
  IMPLEMENTS: ['Triển khai thực hiện', 'Được triển khai bởi'],
  REPORTS_ON: ['Báo cáo về', 'Được báo cáo bởi'],
  RESPONDS_TO: ['Trả lời, phúc đáp', 'Được trả lời bởi'],
  AMENDS: ['Sửa đổi, bổ sung', 'Được sửa đổi, bổ sung bởi'],
  REPLACES: ['Thay thế', 'Bị thay thế bởi'],
  REPEALS: ['Bãi bỏ', 'Bị bãi bỏ bởi'],
  GUIDES: ['Hướng dẫn', 'Được hướng dẫn bởi'],
  CITES: ['Dẫn chiếu', 'Được dẫn chiếu bởi'],
};

export function relationName(relation: string, direction: 'OUT' | 'IN' = 'OUT'): string {
  const names = RELATION_NAMES[relation];
  if (!names) return relation;
  return direction === 'IN' ? names[1] : names[0];
}

/** The order of the lược đồ's groups: what the document stands on first, plain citations last. */
export const RELATION_ORDER = [
  'BASED_ON',
  'IMPLEMENTS',
  'REPORTS_ON',
  'RESPONDS_TO',
  'AMENDS',
  'REPLACES',
  'REPEALS',
  'GUIDES',
  'CITES',
];

/** One colour per relation, for the chain's picture and its legend. */
export const RELATION_COLOURS: Record<string, string> = {
  BASED_ON: '#6a3d9a',
  IMPLEMENTS: '#1f78b4',
  REPORTS_ON: '#33a02c',
  RESPONDS_TO: '#b15928',
  AMENDS: '#e31a1c',
  REPLACES: '#ff7f00',
  REPEALS: '#a50026',
  GUIDES: '#008080',
  CITES: '#777777',
};

export const SEVERITY_NAMES: Record<string, string> = {
  error: 'Lỗi',
  warning: 'Cảnh báo',
  info: 'Lưu ý',
};

/** A number with the thousands separated as Vietnamese writes them (1.234). */
export const count = (n: number): string => n.toLocaleString('vi-VN');
