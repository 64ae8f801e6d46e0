import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The project's root folder (where package.json names luocdo), whether we run from src/ or dist/src/. */
export function projectRoot(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const parsed = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown };
      if (parsed.name === 'luocdo') return (cached = dir);
    }
    const up = dirname(dir);
    if (up === dir)
      throw new Error('luocdo: cannot find the project root above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export const cypherDir = (): string => join(projectRoot(), 'cypher');
