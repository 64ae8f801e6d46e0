import type { ManagedTransaction, QueryResult } from 'neo4j-driver';
import type { z } from 'zod';
import { LuocdoError } from '../errors.js';
import { cypher } from './cypher.js';
import { toParam, toPlain } from './values.js';

export type Params = Record<string, unknown>;

/** The named query each failed driver error came from: `explain` puts the name in the one-line error. */
const failedQuery = new WeakMap<object, string>();

/** The name of the query `run` was running when `e` was thrown, if any. */
export function queryOf(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null ? failedQuery.get(e) : undefined;
}

/**
 * Runs cypher/<name>.cypher in the caller's transaction, integers sent as Neo4j integers (`toParam`).
 * A failure is rethrown unchanged, so the driver still retries what is transient; the query's name is
 * remembered beside it for the error the connection makes of it (`explain`).
 */
export async function run(tx: ManagedTransaction, name: string, params: Params = {}): Promise<QueryResult> {
  try {
    return await tx.run(cypher(name), toParam(params) as Params);
  } catch (e) {
    if (typeof e === 'object' && e !== null && !failedQuery.has(e)) failedQuery.set(e, name);
    throw e;
  }
}

/**
 * The rows of a named query as plain values (`toPlain`), each checked against `schema`: a row of another
 * shape is a DB_QUERY error naming the query and the field, never a wrong value passed on.
 */
export async function rows<S extends z.ZodType>(
  tx: ManagedTransaction,
  name: string,
  schema: S,
  params: Params = {},
): Promise<Array<z.output<S>>> {
  const result = await run(tx, name, params);
  return result.records.map((record) => {
    const parsed = schema.safeParse(toPlain(record.toObject()));
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : 'the row';
    throw new LuocdoError(
      'DB_QUERY',
      `query ${name} returned a row of another shape: ${field}: ${issue?.message ?? 'invalid'}`,
      { hint: `cypher/${name}.cypher and the row schema in src/store disagree; is the schema migrated?` },
    );
  });
}
