/**
 * A document's name as people write it, in Vietnamese (issue 14): the type word, the number, the date as
 * documents write it (`03/4/2017`) and the issuer: `Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh
 * ủy`. A report known only by its content (key `text:…`) is named by its unit, type and date: `Báo cáo của
 * UBND huyện Bình Sơn, 20/4/2022`. The key never shows: it means nothing to a reader. Pure: the page (through
 * the API's `label`) and the CLI name documents by this one function.
 */

/** The type word of each type code, as a sentence begins it. */
export const TYPE_NAMES: Readonly<Record<string, string>> = {
  HP: 'Hiến pháp',
  BL: 'Bộ luật',
  L: 'Luật',
  PL: 'Pháp lệnh',
  NQ: 'Nghị quyết',
  NQLT: 'Nghị quyết liên tịch',
  NĐ: 'Nghị định',
  QĐ: 'Quyết định',
  QyĐ: 'Quy định',
  QĐi: 'Quy định',
  CT: 'Chỉ thị',
  TT: 'Thông tư',
  TTLT: 'Thông tư liên tịch',
  KL: 'Kết luận',
  KH: 'Kế hoạch',
  CTr: 'Chương trình',
  HD: 'Hướng dẫn',
  TB: 'Thông báo',
  BC: 'Báo cáo',
  TTr: 'Tờ trình',
  QC: 'Quy chế',
  ĐA: 'Đề án',
  PA: 'Phương án',
  CV: 'Công văn',
  CĐ: 'Công điện',
  BB: 'Biên bản',
  ĐL: 'Điều lệ',
  TTri: 'Thông tri',
  LCT: 'Lệnh',
  SL: 'Sắc lệnh',
};

/** The type word of a code; a code the table lacks is a `Văn bản` (a document), never the bare code. */
export const typeName = (type: string | null | undefined): string =>
  (type ? TYPE_NAMES[type] : undefined) ?? 'Văn bản';

/**
 * An ISO date as documents write it (Nghị định 30/2020/NĐ-CP, Phụ lục I): a day below 10 and the months 1
 * and 2 take a leading zero, other months none: `03/4/2017`, `05/02/2020`. The pages' src/web/format.ts
 * writes dates by the same rule (held equal by test/unit/label-web.test.ts: the page cannot import this).
 */
export function vnDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const month = Number(m[2]);
  return `${m[3]}/${month <= 2 ? m[2] : String(month)}/${m[1]}`;
}

export type Labelled = {
  type?: string | null;
  number?: string | null;
  symbol?: string | null;
  name?: string | null;
  title?: string | null;
  issuedOn?: string | null;
  year?: number | null;
};

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The date part: `ngày 03/4/2017`, else `năm 2017`, else nothing. */
function when(d: Labelled, sep: 'ngày' | ','): string {
  if (d.issuedOn) return sep === 'ngày' ? ` ngày ${vnDate(d.issuedOn)}` : `, ${vnDate(d.issuedOn)}`;
  if (d.year) return sep === 'ngày' ? ` năm ${d.year}` : `, ${d.year}`;
  return '';
}

/**
 * The readable name of a document; `issuer` is its issuing unit's name when known. A name the document has
 * (`Luật Đất đai`) stands for the type and number.
 */
export function documentLabel(d: Labelled, issuer?: string | null): string {
  const by = issuer ? ` của ${oneLine(issuer)}` : '';
  const type = typeName(d.type);
  if (d.symbol || d.number) return `${type} số ${d.symbol ?? d.number}${when(d, 'ngày')}${by}`;
  if (d.name) return `${oneLine(d.name)}${when(d, 'ngày')}${by}`;
  // Known only by its content: its unit, else its title, tells it from the others of its type.
  if (issuer) return `${type}${by}${when(d, ',')}`;
  if (d.title) return `${type} “${oneLine(d.title)}”${when(d, ',')}`;
  return `${type}${when(d, ',')}`;
}
