import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { LuocdoError } from '../../errors.js';
import { decodeTextDetected } from '../../read/text.js';
import { FIELDS, mapHeaders, type Field, type Mapping, type RawRow } from './fields.js';

export type RegisterFormat = 'xlsx' | 'csv' | 'jsonl';

/** A register as read: its header row, the mapping found, and each data row's cells by field. */
export type RegisterTable = {
  path: string;
  sha256: string;
  format: RegisterFormat;
  bytes: number;
  encoding: string;
  headers: string[];
  mapping: Mapping;
  rows: RawRow[];
};

type Cell = string | Date;
type Grid = { headerRow: number; headers: string[]; body: Array<{ row: number; cells: Cell[] }> };

export function formatOf(path: string): RegisterFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  if (ext === '.xls')
    throw new LuocdoError('BAD_INPUT', `${path}: .xls (Excel 97–2003) is not read`, {
      hint: 'no well-kept reader of the old binary format is on the registry: save it as .xlsx or .csv',
    });
  throw new LuocdoError(
    'BAD_INPUT',
    `${path}: a register is .xlsx, .csv or .jsonl, not '${ext || 'no extension'}'`,
  );
}

/** Reads a register file whole (it is checked against `maxBytes` before reading). */
export async function readRegisterFile(
  path: string,
  opts: { maxBytes: number; map?: Readonly<Record<string, Field>> },
): Promise<RegisterTable> {
  const format = formatOf(path);
  const size = (await stat(path)).size;
  if (size > opts.maxBytes)
    throw new LuocdoError('BAD_INPUT', `${path}: ${size} bytes, over LUOCDO_MAX_FILE_MB`, {
      hint: 'raise LUOCDO_MAX_FILE_MB or split the register',
    });
  const bytes = await readFile(path);
  return readRegister(bytes, path, format, opts.map ?? {});
}

/** A register from its bytes (the API passes text; the CLI a file). */
export async function readRegister(
  bytes: Uint8Array,
  path: string,
  format: RegisterFormat,
  map: Readonly<Record<string, Field>> = {},
): Promise<RegisterTable> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let grid: Grid;
  let encoding = 'utf-8';
  if (format === 'xlsx') grid = await xlsxGrid(bytes, path);
  else {
    const decoded = decodeTextDetected(bytes, path);
    encoding = decoded.legacy.encoding;
    const text = decoded.text.replace(/^\uFEFF/, '');
    grid = format === 'csv' ? csvGrid(text, path) : jsonlGrid(text, path);
  }
  const mapping = mapHeaders(grid.headers, map);
  if (mapping.symbol === undefined)
    throw new LuocdoError(
      'BAD_INPUT',
      `${path}: no column of symbols (Số ký hiệu) among: ${grid.headers.join(', ')}`,
      {
        hint: "name it with --map 'COLUMN=symbol'",
      },
    );
  const rows = grid.body.map(({ row, cells }) => {
    const out: RawRow['cells'] = {};
    for (const f of FIELDS) {
      const i = mapping[f];
      const v = i === undefined ? undefined : cells[i];
      if (v !== undefined) out[f] = v;
    }
    return { row, cells: out };
  });
  return { path, sha256, format, bytes: bytes.length, encoding, headers: grid.headers, mapping, rows };
}

/** The header row is the first of the first twenty that names a symbol column (titles and notes may stand above it). */
function findHeader(lines: Cell[][]): number {
  for (let i = 0; i < Math.min(lines.length, 20); i++) {
    const headers = (lines[i] ?? []).map((c) => (typeof c === 'string' ? c : ''));
    if (mapHeaders(headers).symbol !== undefined) return i;
  }
  return 0;
}

function gridOf(lines: Array<{ row: number; cells: Cell[] }>): Grid {
  const at = findHeader(lines.map((l) => l.cells));
  const head = lines[at];
  return {
    headerRow: head?.row ?? 1,
    headers: (head?.cells ?? []).map((c) => (typeof c === 'string' ? c.trim() : '')),
    body: lines
      .slice(at + 1)
      .filter((l) => l.cells.some((c) => (typeof c === 'string' ? c.trim() !== '' : true))),
  };
}

/** RFC 4180 CSV with `,`, `;` or tab (whichever the header line has most of); quotes may hold line breaks. */
export function csvGrid(text: string, path: string): Grid {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length] as const);
  const delim = counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const lines: Array<{ row: number; cells: Cell[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delim) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      lines.push({ row: start, cells });
      cells = [];
      cell = '';
      start = ++line;
    } else cell += ch;
  }
  if (quoted)
    throw new LuocdoError('BAD_INPUT', `${path}: a quoted cell opened on line ${start} never closes`);
  if (cell !== '' || cells.length > 0) lines.push({ row: start, cells: [...cells, cell] });
  return gridOf(lines);
}

/** JSON lines: one object a line, its keys the headers (the union of all lines' keys, in order met). */
export function jsonlGrid(text: string, path: string): Grid {
  const objects: Array<{ row: number; o: Record<string, unknown> }> = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (!l.trim()) return;
    let o: unknown;
    try {
      o = JSON.parse(l);
    } catch (e) {
      throw new LuocdoError('BAD_INPUT', `${path}: line ${i + 1} is not JSON: ${(e as Error).message}`);
    }
    if (typeof o !== 'object' || o === null || Array.isArray(o))
      throw new LuocdoError('BAD_INPUT', `${path}: line ${i + 1} is not a JSON object`);
    objects.push({ row: i + 1, o: o as Record<string, unknown> });
  });
  const headers = [...new Set(objects.flatMap(({ o }) => Object.keys(o)))];
  const str = (v: unknown): string =>
    v === null || v === undefined
      ? ''
      : typeof v === 'string'
        ? v
        : typeof v === 'number'
          ? String(v)
          : JSON.stringify(v);
  return {
    headerRow: 0,
    headers,
    body: objects.map(({ row, o }) => ({ row, cells: headers.map((h) => str(o[h])) })),
  };
}

/** The value of a spreadsheet cell as text (or a date): rich text joined, a link's address, a formula's result. */
function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  // A link shows its words; a cell that shows only a word or two (`Xem`, `Tải về`) stands for its address.
  if ('hyperlink' in v) {
    const shown = typeof v.text === 'string' ? v.text : '';
    return shown.length > 12 || !v.hyperlink ? shown : v.hyperlink;
  }
  if ('result' in v) return cellValue((v.result ?? null) as ExcelJS.CellValue);
  if ('error' in v) return '';
  return '';
}

async function xlsxGrid(bytes: Uint8Array, path: string): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings ask for its own Buffer type; a Node Buffer is what it reads.
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new LuocdoError('BAD_INPUT', `${path}: not a readable .xlsx workbook: ${(e as Error).message}`);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new LuocdoError('BAD_INPUT', `${path}: the workbook has no sheet`);
  const lines: Array<{ row: number; cells: Cell[] }> = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellValue(row.getCell(c).value));
    lines.push({ row: n, cells });
  });
  return gridOf(lines);
}
