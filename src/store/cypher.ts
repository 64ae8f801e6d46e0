import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cypherDir } from '../paths.js';

const cache = new Map<string, string>();

/** A named query from cypher/<name>.cypher; queries are never assembled from user input. */
export function cypher(name: string): string {
  let q = cache.get(name);
  if (q === undefined) {
    q = readFileSync(join(cypherDir(), `${name}.cypher`), 'utf8').trim();
    cache.set(name, q);
  }
  return q;
}

/** Splits a schema file into statements: `;` at the end of a line ends one; `//` lines are comments. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !/^\s*\/\//.test(line))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export type SchemaFile = { name: string; text: string };

export function schemaFiles(): SchemaFile[] {
  const dir = join(cypherDir(), 'schema');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => ({ name: f.replace(/\.cypher$/, ''), text: readFileSync(join(dir, f), 'utf8') }));
}
