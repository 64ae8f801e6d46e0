import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CASES } from '../probe/cases.js';
import { probeContext } from '../probe/context.js';
import { runCase } from '../probe/runner.js';
import { closeDrivers } from '../src/store/connection.js';
import { testEnv } from './helpers/db.js';

/**
 * `npm run probe`'s cases, against the run's test server: every abuse, bad-input, crash and concurrency case
 * the project defends against, so that CI fails the day one of them stops holding.
 */
describe('the reliability and security probe', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'luocdo-probe-test-'));
  const env = Object.fromEntries(Object.entries(testEnv()).filter(([k]) => !k.startsWith('LUOCDO_API')));
  const ctx = probeContext(env, inject('neo4j').dataDir, scratch);

  beforeAll(() => ctx.clean());
  afterAll(async () => {
    await ctx.clean();
    await closeDrivers();
    rmSync(scratch, { recursive: true, force: true });
  });

  for (const c of CASES) {
    it(
      `${c.id}: ${c.tries}`,
      async () => {
        const v = await runCase(c, ctx);
        expect(v.held, v.detail).toBe(true);
      },
      c.limitMs + 30_000,
    );
  }
});
