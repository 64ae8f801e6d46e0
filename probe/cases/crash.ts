import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { reports } from '../../bench/corpus.js';
import { cypher } from '../../src/store/cypher.js';
import { failed, held, type ProbeCase } from '../case.js';
import type { ProbeContext } from '../context.js';
import { startCli } from '../processes.js';
import { differences } from '../snapshot.js';

const COUNT = 120;

function corpus(ctx: ProbeContext, name: string): string {
  const dir = ctx.folder(name);
  for (const r of reports(11, COUNT)) writeFileSync(join(dir, r.name), r.text);
  return dir;
}

async function sources(ctx: ProbeContext): Promise<number> {
  const rows = await ctx.db.read(async (tx) => (await tx.run(cypher('db/counts'))).records);
  return Number(rows[0]?.get('sources') ?? 0);
}

/** The graph a whole, undisturbed ingest of the folder gives: what every scenario must end at. */
async function reference(ctx: ProbeContext, dir: string) {
  await ctx.clean();
  const r = await ctx.cli(['ingest', dir], { timeoutMs: 240_000 });
  if (r.code !== 0) throw new Error(`the reference ingest failed: ${r.stderr.slice(-200)}`);
  return ctx.snapshot();
}

const killedIngest: ProbeCase = {
  id: 'crash.ingest-killed',
  area: 'crash',
  tries: `kill -9 an ingest of ${COUNT} reports midway, ingest again: the graph of one whole ingest`,
  limitMs: 420_000,
  async run(ctx) {
    const dir = corpus(ctx, 'killed');
    const whole = await reference(ctx, dir);
    await ctx.clean();
    // Batches of 10 (the batch path ingest takes by default), so that the kill lands between and within
    // batches: with the default 100, the 120 reports land in two steps, often before the kill.
    const running = startCli(['ingest', dir, '--concurrency', '4', '--batch', '10'], {
      env: ctx.env,
      timeoutMs: 240_000,
    });
    let landed = 0;
    for (let i = 0; i < 400 && landed < COUNT / 4; i++) {
      await new Promise((r) => setTimeout(r, 100));
      landed = await sources(ctx);
    }
    running.child.kill('SIGKILL');
    await running.done;
    const partial = await sources(ctx);
    const again = await ctx.cli(['ingest', dir], { timeoutMs: 240_000 });
    const after = await ctx.snapshot();
    const diff = differences(whole, after);
    if (again.code !== 0) return failed(`the second ingest failed: ${again.stderr.slice(-200)}`);
    if (partial >= COUNT) return failed(`the ingest ended before it could be killed (${partial} sources)`);
    return diff.length
      ? failed(`killed at ${partial} sources; the graph differs:\n    ${diff.join('\n    ')}`)
      : held(
          `killed at ${partial}/${COUNT} sources; after a rerun, ${whole.nodes.length} nodes and ${whole.edges.length} edges equal`,
        );
  },
};

const parallelIngests: ProbeCase = {
  id: 'crash.parallel-ingests',
  area: 'crash',
  tries: `three ingests of the same ${COUNT} reports at once: all succeed, the graph of one`,
  limitMs: 420_000,
  async run(ctx) {
    const dir = corpus(ctx, 'parallel');
    const whole = await reference(ctx, dir);
    await ctx.clean();
    const runs = await Promise.all(
      [0, 1, 2].map(
        () => startCli(['ingest', dir, '--concurrency', '3'], { env: ctx.env, timeoutMs: 300_000 }).done,
      ),
    );
    const after = await ctx.snapshot();
    const bad = runs.filter((r) => r.code !== 0);
    const diff = differences(whole, after);
    if (bad.length) return failed(`${bad.length} of 3 failed: ${bad[0]?.stderr.slice(-200) ?? ''}`);
    return diff.length
      ? failed(`the graph differs:\n    ${diff.join('\n    ')}`)
      : held(
          `3 × ${COUNT} reports at once: ${whole.nodes.length} nodes, ${whole.edges.length} edges as one ingest`,
        );
  },
};

const ingestDatabaseDown: ProbeCase = {
  id: 'crash.ingest-database-down',
  area: 'crash',
  tries: '`ingest` while Neo4j is down: gives up within seconds, saying so, with a non-zero exit',
  limitMs: 120_000,
  async run(ctx) {
    const dir = corpus(ctx, 'down');
    const hole = createServer(() => undefined);
    const port = await new Promise<number>((resolve) =>
      hole.listen(0, '127.0.0.1', () => {
        const a = hole.address();
        resolve(typeof a === 'object' && a ? a.port : 0);
      }),
    );
    await new Promise<void>((resolve) => hole.close(() => resolve()));
    const env = { ...ctx.env, NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: 'unused-password' };
    const r = await startCli(['ingest', dir], { env, timeoutMs: 100_000 }).done;
    const said = r.stderr.trim().split('\n').slice(-1)[0]?.slice(0, 160) ?? '';
    const what = `exit ${String(r.code)} after ${r.ms} ms: ${said}`;
    // Before: the driver's retry budget, 30 s and more, per source in flight.
    return r.code !== 0 &&
      !r.timedOut &&
      r.ms < 15_000 &&
      /UNAVAILABLE|unavailable|not running|refused/i.test(r.stderr)
      ? held(what)
      : failed(what);
  },
};

export const crashCases: ProbeCase[] = [killedIngest, parallelIngests, ingestDatabaseDown];
