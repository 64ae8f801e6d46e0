import { isoDate } from '../../extract/dates.js';
import { fold, parseSymbol, type DocType } from '../../extract/index.js';
import { TYPE_WORDS } from '../../extract/codes.js';
import { DOC_TYPES } from '../../extract/types.js';

/**
 * A register's columns (issue 16): what an office's sổ đăng ký văn bản or a portal's export calls them.
 * Pure: no I/O, so the mapping and the reading of each row are tested without a database.
 */
export const FIELDS = ['symbol', 'issuedOn', 'title', 'issuer', 'type', 'inForce', 'link'] as const;
export type Field = (typeof FIELDS)[number];

/**
 * Each field's headers, folded (no diacritics, đ → d, lower case, `_` and punctuation as spaces); a
 * header is the field when its folded form is one of these. Order matters only in that the first field
 * to claim a column keeps it.
 */
const HEADERS: Record<Field, readonly string[]> = {
  symbol: [
    'so ky hieu',
    'so va ky hieu',
    'so hieu',
    'ky hieu',
    'so',
    'so van ban',
    'so hieu van ban',
    'symbol',
  ],
  issuedOn: [
    'ngay ban hanh',
    'ngay ky',
    'ngay thang',
    'ngay van ban',
    'ngay',
    'ngay ban hanh van ban',
    'issued on',
  ],
  title: ['trich yeu', 'trich yeu noi dung', 'ten van ban', 'tieu de', 'noi dung', 'v v', 've viec', 'title'],
  issuer: ['co quan ban hanh', 'noi ban hanh', 'don vi ban hanh', 'co quan', 'issuer', 'tac gia'],
  type: ['loai van ban', 'loai', 'hinh thuc van ban', 'the loai', 'type'],
  inForce: ['hieu luc', 'tinh trang hieu luc', 'trang thai hieu luc', 'trang thai', 'tinh trang', 'in force'],
  link: ['link', 'lien ket', 'duong dan', 'url', 'tep dinh kem', 'file', 'link van ban'],
};

export const foldHeader = (h: string): string =>
  fold(h)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A column number for each field found; `map` (`column=field`, the header as written) decides first. */
export type Mapping = Partial<Record<Field, number>>;

export function isField(s: string): s is Field {
  return (FIELDS as readonly string[]).includes(s);
}

export function mapHeaders(headers: readonly string[], map: Readonly<Record<string, Field>> = {}): Mapping {
  const out: Mapping = {};
  const taken = new Set<number>();
  const folded = headers.map(foldHeader);
  for (const [column, field] of Object.entries(map)) {
    const i = folded.indexOf(foldHeader(column));
    if (i >= 0) {
      out[field] = i;
      taken.add(i);
    }
  }
  for (const field of FIELDS) {
    if (out[field] !== undefined) continue;
    const i = folded.findIndex((h, j) => !taken.has(j) && HEADERS[field].includes(h));
    if (i >= 0) {
      out[field] = i;
      taken.add(i);
    }
  }
  return out;
}

/** What the register says of a document's force (Hiệu lực). */
export const IN_FORCE = ['in-force', 'expired', 'partly-expired', 'not-yet'] as const;
export type InForce = (typeof IN_FORCE)[number];

export function parseInForce(s: string): InForce | null {
  const f = foldHeader(s);
  if (!f) return null;
  if (/^(chua|chua co) hieu luc/.test(f)) return 'not-yet';
  if (/het hieu luc (mot phan|1 phan)/.test(f)) return 'partly-expired';
  if (/het hieu luc|khong con hieu luc|bi bai bo|da bai bo|bi thay the|het hl/.test(f)) return 'expired';
  if (/con hieu luc|dang co hieu luc|co hieu luc|^hieu luc$|con hl/.test(f)) return 'in-force';
  return null;
}

const TYPE_OF_WORD = new Map(TYPE_WORDS.map(([w, t]) => [fold(w), t] as const));

/** `Kế hoạch`, `KH`, `ke hoach` → KH; null when the cell names no type the extractor knows. */
export function parseType(s: string): DocType | null {
  const t = s.trim();
  if (!t) return null;
  const code = DOC_TYPES.find((c) => c === t || fold(c) === fold(t));
  return code ?? TYPE_OF_WORD.get(fold(t)) ?? null;
}

/** `10/7/2022`, `10-07-2022`, `10.07.2022`, `2022-07-10` (and a spreadsheet's date) → ISO; else null. */
export function parseDate(v: string | Date): string | null {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    return v.toISOString().slice(0, 10);
  }
  const s = v.trim().replace(/^ngày\s*/iu, '');
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (iso) return isoDate(iso[3] as string, iso[2] as string, iso[1] as string);
  const vn = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (vn) return isoDate(vn[1] as string, vn[2] as string, vn[3] as string);
  const words = /^(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$/iu.exec(s);
  if (words) return isoDate(words[1] as string, words[2] as string, words[3] as string);
  return null;
}

/** One row as the register gives it: its number in the file (the header is row 1) and its cells by field. */
export type RawRow = { row: number; cells: Partial<Record<Field, string | Date>> };

/** A row read: what the register says of one document. */
export type RegisterRecord = {
  row: number;
  symbol: string;
  number: string;
  type: DocType;
  issuedOn: string | null;
  year: number | null;
  title: string | null;
  issuer: string | null;
  inForce: InForce | null;
  inForceText: string | null;
  link: string | null;
};

export type BadRow = { row: number; why: string };

const text = (v: string | Date | undefined): string =>
  v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : v.replace(/\s+/g, ' ').trim();

/**
 * A symbol as registers write it: `Số 12/KH-UBND`, `12/kh-ubnd`, `QÐ` typed with U+00D0, spaces around the
 * separators; canonical (the extractor's parse) or null when it is no symbol.
 */
export function readSymbol(raw: string): ReturnType<typeof parseSymbol> | null {
  const s = raw
    .normalize('NFC')
    .replace(/\u00D0/g, 'Đ')
    .replace(/\u00F0/g, 'đ')
    .replace(/^(?:số|so)\s*[:.]?\s*/iu, '')
    .replace(/\s*([/-])\s*/g, '$1')
    .trim()
    .toUpperCase();
  if (!/^\d+[A-Z]?(?:[/-][\p{L}\d.]+)+$/u.test(s)) return null;
  const parsed = parseSymbol(s);
  return parsed.codes.some((c) => /\p{L}/u.test(c)) ? parsed : null;
}

/** One row → a record, or why it is refused (no symbol, a date that does not parse, a year its date disagrees with). */
export function readRow(r: RawRow, defaults: { issuer: string | null }): RegisterRecord | BadRow {
  const rawSymbol = text(r.cells.symbol);
  if (!rawSymbol) return { row: r.row, why: 'no symbol (Số ký hiệu is empty)' };
  const parsed = readSymbol(rawSymbol);
  if (!parsed) return { row: r.row, why: `'${rawSymbol}' is not a document symbol` };
  const rawDate = r.cells.issuedOn;
  const issuedOn = rawDate === undefined || text(rawDate) === '' ? null : parseDate(rawDate);
  if (rawDate !== undefined && text(rawDate) !== '' && issuedOn === null)
    return { row: r.row, why: `the date '${text(rawDate)}' does not parse` };
  if (parsed.numberYear !== null && issuedOn && Number(issuedOn.slice(0, 4)) !== parsed.numberYear)
    return {
      row: r.row,
      why: `${parsed.symbol} carries the year ${parsed.numberYear} but is dated ${issuedOn}`,
    };
  const typeCell = text(r.cells.type);
  const type =
    parseType(typeCell) ?? parsed.type ?? parsed.impliedType ?? (parsed.system === 'state' ? 'CV' : null);
  if (!type)
    return { row: r.row, why: `no document type (Loại văn bản '${typeCell}', symbol ${parsed.symbol})` };
  const force = text(r.cells.inForce);
  return {
    row: r.row,
    symbol: parsed.symbol,
    number: parsed.number,
    type,
    issuedOn,
    year: parsed.numberYear ?? (issuedOn ? Number(issuedOn.slice(0, 4)) : null),
    title: text(r.cells.title) || null,
    issuer: text(r.cells.issuer) || defaults.issuer,
    inForce: parseInForce(force),
    inForceText: force || null,
    link: text(r.cells.link) || null,
  };
}

export const isBad = (x: RegisterRecord | BadRow): x is BadRow => 'why' in x;
