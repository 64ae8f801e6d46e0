import { createHash } from 'node:crypto';
import { z } from 'zod';
import { LuocdoError } from '../errors.js';
import type { Db } from './connection.js';
import { schemaFiles, splitStatements } from './cypher.js';
import { rows, run } from './run.js';

const appliedRow = z.object({ name: z.string(), checksum: z.string() });

export type MigrationResult = { applied: string[]; alreadyApplied: string[] };

/**
 * Applies cypher/schema/*.cypher in name order, each once, recording (:Migration {name, checksum})
 * in the database. Schema statements use IF NOT EXISTS, so a file interrupted half-way is safe to rerun.
 */
export async function migrate(db: Db): Promise<MigrationResult> {
  await db.write((tx) => run(tx, 'schema-meta/migration-constraint'));
  const applied = await db.read((tx) => rows(tx, 'schema-meta/applied-migrations', appliedRow));
  const done = new Map(applied.map((m) => [m.name, m.checksum]));
  const result: MigrationResult = { applied: [], alreadyApplied: [] };
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
    for (const statement of splitStatements(file.text)) {
      await db.write((tx) => tx.run(statement));
    }
    await db.write((tx) => run(tx, 'schema-meta/record-migration', { name: file.name, checksum }));
    result.applied.push(file.name);
  }
  await db.read((tx) => run(tx, 'schema-meta/await-indexes'));
  return result;
}
