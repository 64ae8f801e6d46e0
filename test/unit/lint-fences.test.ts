import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

/** The floors of src/ are kept by `npm run lint` (eslint.config.js): each case is one import in one file. */
const eslint = new ESLint({ cwd: projectRoot() });

async function fenced(file: string, line: string): Promise<boolean> {
  const [result] = await eslint.lintText(`${line}\n`, { filePath: `${projectRoot()}/${file}` });
  return (result?.messages ?? []).some((m) => m.ruleId === '@typescript-eslint/no-restricted-imports');
}

describe('the import fences', () => {
  it.each([
    ['src/extract/x.ts', "import { openDb } from '../store/connection.js';"],
    ['src/extract/x.ts', "import { readDocument } from '../read/index.js';"],
    ['src/extract/mentions/x.ts', "import { graphFacts } from '../../graph/facts.js';"],
    ['src/extract/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/extract/x.ts', "import { loadSettings } from '../config.js';"],
    ['src/graph/x.ts', "import { readDocument } from '../read/index.js';"],
    ['src/graph/x.ts', "import { run } from '../store/run.js';"],
    ['src/graph/x.ts', "import neo4j from 'neo4j-driver';"],
    ['src/store/x.ts', "import { readDocument } from '../read/index.js';"],
    ['src/store/x.ts', "import { prepare } from '../ingest/prepare.js';"],
    ['src/store/x.ts', "import { extractDocument } from '../extract/index.js';"],
    ['src/store/x.ts', "import type { Level } from '../extract/types.js';"],
    ['src/store/runtime/x.ts', "import { fold } from '../../extract/index.js';"],
    ['src/ingest/x.ts', "import { serve } from '../cli/query.js';"],
    ['src/api/x.ts', "import { serve } from '../cli/query.js';"],
    ['src/web/x.ts', "import * as q from '../store/queries.js';"],
  ])('refuses in %s: %s', async (file, line) => {
    expect(await fenced(file, line)).toBe(true);
  });

  it.each([
    ['src/extract/x.ts', "import { LuocdoError } from '../errors.js';"],
    ['src/extract/mentions/x.ts', "import { fold } from '../codes.js';"],
    ['src/graph/x.ts', "import { fold } from '../extract/index.js';"],
    ['src/store/x.ts', "import type { ExtractedDocument } from '../extract/index.js';"],
    ['src/store/x.ts', "import { searchText } from '../graph/facts.js';"],
    ['src/ingest/x.ts', "import { readDocument } from '../read/index.js';"],
    ['src/ingest/x.ts', "import { extractDocument } from '../extract/index.js';"],
    ['src/web/x.ts', "import { createApi } from '../api/server.js';"],
  ])('allows in %s: %s', async (file, line) => {
    expect(await fenced(file, line)).toBe(false);
  });
});
