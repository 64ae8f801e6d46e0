import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadSettings } from '../config.js';
import { isLuocdoError, LuocdoError } from '../errors.js';
import {
  dryRun,
  importRead,
  isField,
  readRegisterPath,
  type Field,
  type RegisterOptions,
  type RegisterResult,
} from '../ingest/registry/index.js';
import { removeRegistry } from '../store/registry.js';
import { connect } from '../store/runtime/target.js';
import { errorLine, intOption, json, printable, type Io } from './output.js';

/** `--map 'Số/Ký hiệu=symbol'`, repeatable: a column named by its header as written, and the field it is. */
function mapOption(value: string, prev: Record<string, Field> = {}): Record<string, Field> {
  const at = value.lastIndexOf('=');
  const column = value.slice(0, at).trim();
  const field = value.slice(at + 1).trim();
  if (at <= 0 || !column || !isField(field))
    throw new LuocdoError(
      'BAD_INPUT',
      `--map '${value}': give COLUMN=FIELD, FIELD one of symbol, issuedOn, title, issuer, type, inForce, link`,
    );
  return { ...prev, [column]: field };
}

type ImportOpts = {
  json?: boolean;
  dryRun?: boolean;
  issuer?: string;
  map?: Record<string, Field>;
  batch?: number;
};

const resultLine = (r: RegisterResult) =>
  r.status === 'unchanged'
    ? `${printable(r.path)}: already imported (${r.sha256.slice(0, 12)}), nothing written`
    : `${printable(r.path)}: ${r.rows} rows imported, ${r.bad.length} refused (${r.sha256.slice(0, 12)})`;

/** A warning, not a failure: the rows land, but apart from the documents reports cite with their issuer. */
function warnUnplaced(io: Io, file: string, rows: readonly number[]): void {
  if (rows.length === 0) return;
  const some = rows.slice(0, 5).join(', ') + (rows.length > 5 ? ', …' : '');
  const one = rows.length === 1;
  io.err(
    `${printable(file)}: no issuer for ${rows.length} ${one ? 'row' : 'rows'} (${some}), and ${one ? 'its number does' : 'their numbers do'} not tell it: ` +
      `${one ? 'its document stays' : 'their documents stay'} apart from the same numbers cited with an issuer; for an office's own register ` +
      `give --issuer (e.g. --issuer 'UBND tỉnh Quảng Ngãi'), or map its issuer column with --map`,
  );
}

export function registerRegistry(program: Command, io: Io): void {
  const registry = program
    .command('registry')
    .description("registers of documents: an office's or a portal's list");
  registry
    .command('import')
    .description('import registers (.xlsx, .csv, .jsonl): each row a document, its title read for references')
    .argument('<files...>', 'register files')
    .option('--json', 'machine-readable summary')
    .option('--dry-run', 'show the columns found and the first rows as read; write nothing')
    .option(
      '--issuer <name>',
      "the body whose own register it is, for rows that name none (e.g. 'UBND tỉnh Quảng Ngãi')",
    )
    .option('--map <column=field>', 'a column for a field, by its header (repeatable)', mapOption)
    .option('--batch <n>', 'rows per transaction (default 2000)', intOption(1, 10000))
    .action(async (files: string[], opts: ImportOpts) => {
      const settings = loadSettings();
      const ro: RegisterOptions = {
        issuer: opts.issuer ?? null,
        ...(opts.map ? { map: opts.map } : {}),
        ...(opts.batch ? { batch: opts.batch } : {}),
      };
      const db = opts.dryRun ? null : connect(settings);
      const out: unknown[] = [];
      let failed = false;
      for (const file of files) {
        try {
          const read = await readRegisterPath(resolve(file), settings.maxFileBytes, ro);
          for (const b of read.bad) io.err(`${printable(file)}: row ${b.row}: ${printable(b.why)}`);
          if (read.bad.length > 0) failed = true;
          if (!db) {
            const shown = dryRun(read);
            warnUnplaced(io, file, shown.unplaced);
            out.push(shown);
            if (!opts.json) io.out(json(shown));
            continue;
          }
          const r = await importRead(db, read, ro);
          warnUnplaced(io, file, r.unplaced);
          out.push(r);
          if (!opts.json) io.out(resultLine(r));
        } catch (e) {
          if (isLuocdoError(e) && (e.code === 'DB_UNAVAILABLE' || e.code === 'DB_AUTH')) throw e;
          failed = true;
          io.err(errorLine(e));
        }
      }
      if (opts.json) io.out(json(out));
      if (failed) process.exitCode = 1;
    });
  registry
    .command('remove')
    .description(
      'take a register out again (sha256, a prefix of 8 or more, or its path): what it alone asserted goes',
    )
    .argument('<register>', 'sha256 or path')
    .option('--json', 'machine-readable output')
    .action(async (ref: string, opts: { json?: boolean }) => {
      const db = connect(loadSettings());
      let removed = await removeRegistry(db, ref.toLowerCase());
      if (removed.length === 0) removed = await removeRegistry(db, resolve(ref));
      if (opts.json) io.out(json({ removed }));
      else if (removed.length === 0) io.out(`no register matches ${printable(ref)}`);
      else for (const r of removed) io.out(`removed ${r.sha.slice(0, 12)} ${printable(r.path)}`);
      if (removed.length === 0) process.exitCode = 1;
    });
}
