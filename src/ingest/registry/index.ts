import { EXTRACTOR_VERSION } from '../../extract/index.js';
import type { Db } from '../../store/connection.js';
import { importRegistry, type RegistryImport, type RegistryWrite } from '../../store/registry.js';
import { entryOf } from './facts.js';
import { isBad, readRow, type BadRow, type Field, type RegisterRecord } from './fields.js';
import { readRegister, readRegisterFile, type RegisterFormat, type RegisterTable } from './read.js';

export { formatOf, type RegisterFormat } from './read.js';
export { isField, FIELDS, type Field } from './fields.js';

export type RegisterOptions = {
  issuer?: string | null;
  map?: Readonly<Record<string, Field>>;
  batch?: number;
  onBatch?: (done: number, total: number) => void;
};

/** A register read and checked: the good rows as records, the bad with their row number and why. */
export type RegisterRead = { table: RegisterTable; records: RegisterRecord[]; bad: BadRow[] };

export function checkRows(table: RegisterTable, issuer: string | null): RegisterRead {
  const records: RegisterRecord[] = [];
  const bad: BadRow[] = [];
  for (const r of table.rows) {
    const x = readRow(r, { issuer });
    if (isBad(x)) bad.push(x);
    else records.push(x);
  }
  return { table, records, bad };
}

/** The rows as the store takes them: each read as ingestion reads a document (see facts.ts). */
export function writesOf(read: RegisterRead): RegistryWrite[] {
  return read.records.map((r) => {
    const e = entryOf(read.table.sha256, r);
    return {
      row: r.row,
      inForce: r.inForce,
      inForceText: r.inForceText,
      link: r.link,
      year: r.year,
      draft: e.draft,
      facts: e.facts,
    };
  });
}

/**
 * The rows whose issuer neither the register (no issuer column, no --issuer) nor the number itself tells
 * (`70/KH-UBND` of which UBND?): their documents cannot be the same nodes as those a report cites with its
 * issuer, so the person importing is told, by row number.
 */
export const unplacedRows = (writes: readonly RegistryWrite[]): number[] =>
  writes.filter((w) => w.facts.report.key.includes('@?')).map((w) => w.row);

export type RegisterResult = RegistryImport & { path: string; bad: BadRow[]; unplaced: number[] };

/** Reads, checks and writes one register; its bad rows are reported, the rest land. */
export async function importRead(
  db: Db,
  read: RegisterRead,
  opts: RegisterOptions = {},
): Promise<RegisterResult> {
  const t = read.table;
  const writes = writesOf(read);
  const result = await importRegistry(
    db,
    {
      sha256: t.sha256,
      path: t.path,
      format: t.format,
      bytes: t.bytes,
      encoding: t.encoding,
      issuer: opts.issuer ?? null,
      rows: read.records.length,
      badRows: read.bad.length,
      version: EXTRACTOR_VERSION,
    },
    writes,
    {
      ...(opts.batch !== undefined ? { batch: opts.batch } : {}),
      onBatch: (done) => opts.onBatch?.(done, writes.length),
    },
  );
  return { ...result, path: t.path, bad: read.bad, unplaced: unplacedRows(writes) };
}

export async function readRegisterPath(
  path: string,
  maxBytes: number,
  opts: RegisterOptions = {},
): Promise<RegisterRead> {
  const table = await readRegisterFile(path, { maxBytes, ...(opts.map ? { map: opts.map } : {}) });
  return checkRows(table, opts.issuer ?? null);
}

export async function readRegisterText(
  text: string,
  name: string,
  format: RegisterFormat,
  opts: RegisterOptions = {},
): Promise<RegisterRead> {
  const table = await readRegister(new TextEncoder().encode(text), name, format, opts.map ?? {});
  return checkRows(table, opts.issuer ?? null);
}

/** What a dry run shows: the columns found for each field and the first rows as they will be read. */
export function dryRun(read: RegisterRead, first = 5) {
  const t = read.table;
  const mapping = Object.fromEntries(
    Object.entries(t.mapping).map(([field, i]) => [field, t.headers[i] ?? `column ${i + 1}`]),
  );
  const rows = writesOf({ ...read, records: read.records.slice(0, first) }).map((w, i) => ({
    ...(read.records[i] as RegisterRecord),
    key: w.facts.report.key,
    references: w.facts.citations.map((c) => ({ text: c.text, relation: c.relation, key: c.docKey })),
  }));
  return {
    path: t.path,
    format: t.format,
    encoding: t.encoding,
    mapping,
    rows,
    bad: read.bad,
    total: t.rows.length,
    // Only the rows that name no issuer can be unplaced: the others are not read again here.
    unplaced: unplacedRows(writesOf({ ...read, records: read.records.filter((r) => r.issuer === null) })),
  };
}
