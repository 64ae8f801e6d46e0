import { createHash } from 'node:crypto';
import { z } from 'zod';
import { LuocdoError } from '../errors.js';
import type { Db } from './connection.js';
import { schemaFiles, splitStatements, type SchemaFile } from './cypher.js';
import { rows, run } from './run.js';

const appliedRow = z.object({ name: z.string(), checksum: z.string() });

export type MigrationResult = { applied: string[]; alreadyApplied: string[] };

const CREATES_INDEX = /^CREATE\s+(?:\w+\s+)?INDEX\s+(\w+)\s+IF\s+NOT\s+EXISTS\b/i;
const DROPS_INDEX = /^DROP\s+INDEX\s+(\w+)\s+IF\s+EXISTS\b/i;

/**
 * The statements to run for the pending migrations, in order, less each index creation that a later
 * pending statement drops: on a new or bulk-imported store (every migration pending) an index would be
 * built over the whole graph only to be dropped and built again (002 makes the full-text indexes, 003
 * remakes them; issue 15). The drop, `IF EXISTS`, is then a no-op, and the end state the same; a database
 * that has the first migration applied still runs the drop and the new creation.
 */
export function pendingStatements(
  pending: readonly SchemaFile[],
): Array<{ name: string; statements: string[] }> {
  const plan = pending.map((f) => ({ name: f.name, statements: splitStatements(f.text) }));
  const dropped = new Set<string>();
  for (let i = plan.length - 1; i >= 0; i--) {
    const p = plan[i] as (typeof plan)[number];
    const kept: string[] = [];
    for (let j = p.statements.length - 1; j >= 0; j--) {
      const st = p.statements[j] as string;
      const created = CREATES_INDEX.exec(st)?.[1];
      if (created !== undefined && dropped.has(created)) {
        dropped.delete(created);
        continue;
      }
      const gone = DROPS_INDEX.exec(st)?.[1];
      if (gone !== undefined) dropped.add(gone);
      kept.unshift(st);
    }
    p.statements = kept;
  }
  return plan;
}

/**
 * Applies cypher/schema/*.cypher in name order, each once, recording (:Migration {name, checksum})
 * in the database. Schema statements use IF NOT EXISTS, so a file interrupted half-way is safe to rerun.
 */
export async function migrate(db: Db): Promise<MigrationResult> {
  await db.write((tx) => run(tx, 'schema-meta/migration-constraint'));
  const applied = await db.read((tx) => rows(tx, 'schema-meta/applied-migrations', appliedRow));
  const done = new Map(applied.map((m) => [m.name, m.checksum]));
  const result: MigrationResult = { applied: [], alreadyApplied: [] };
  const pending: Array<SchemaFile & { checksum: string }> = [];
  for (const file of schemaFiles()) {
    const checksum = createHash('sha256').update(file.text).digest('hex');
    const previous = done.get(file.name);
    if (previous !== undefined) {
      if (previous !== checksum) {
        throw new LuocdoError(
          'MIGRATION_CHANGED',
          `schema migration ${file.name} changed after it was applied`,
          {
            hint: 'add a new numbered file under cypher/schema instead of editing an applied one',
          },
        );
      }
      result.alreadyApplied.push(file.name);
      continue;
    }
    pending.push({ ...file, checksum });
  }
  const plan = pendingStatements(pending);
  for (const [i, file] of pending.entries()) {
    for (const statement of plan[i]?.statements ?? []) {
      await db.write((tx) => tx.run(statement));
    }
    await db.write((tx) =>
      run(tx, 'schema-meta/record-migration', { name: file.name, checksum: file.checksum }),
    );
    result.applied.push(file.name);
  }
  await db.read((tx) => run(tx, 'schema-meta/await-indexes'));
  return result;
}
