import { createHash } from 'node:crypto';
import { LuocdoError } from '../errors.js';
import type { Db } from './connection.js';
import { cypher, schemaFiles, splitStatements } from './cypher.js';

export type MigrationResult = { applied: string[]; alreadyApplied: string[] };

/**
 * Applies cypher/schema/*.cypher in name order, each once, recording (:Migration {name, checksum})
 * in the database. Schema statements use IF NOT EXISTS, so a file interrupted half-way is safe to rerun.
 */
export async function migrate(db: Db): Promise<MigrationResult> {
  await db.write((tx) => tx.run(cypher('schema-meta/migration-constraint')));
  const done = await db.read(async (tx) => {
    const r = await tx.run(cypher('schema-meta/applied-migrations'));
    return new Map(r.records.map((rec) => [rec.get('name') as string, rec.get('checksum') as string]));
  });
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
    await db.write((tx) => tx.run(cypher('schema-meta/record-migration'), { name: file.name, checksum }));
    result.applied.push(file.name);
  }
  await db.read((tx) => tx.run(cypher('schema-meta/await-indexes')));
  return result;
}
