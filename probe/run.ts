import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDrivers } from '../src/store/connection.js';
import { CASES } from './cases.js';
import { probeContext } from './context.js';
import { runCli } from './processes.js';
import { runCase, verdictLine } from './runner.js';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 7687));
    });
  });

/** The probe's own database: NEO4J_URI when set, else a new local server in the scratch folder. */
async function database(
  scratch: string,
): Promise<{ env: NodeJS.ProcessEnv; dataDir: string | null; stop(): Promise<void> }> {
  if (process.env['NEO4J_URI'])
    return { env: { ...process.env }, dataDir: null, stop: async () => undefined };
  const dataDir = join(scratch, 'database');
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_') && !k.startsWith('LUOCDO_API')),
    ),
    LUOCDO_DATA_DIR: dataDir,
    LUOCDO_BOLT_PORT: String(await freePort()),
    LUOCDO_HEAP: '768m',
    LUOCDO_PAGECACHE: '128m',
  };
  const r = await runCli(['db', 'start'], { env, timeoutMs: 240_000 });
  if (r.code !== 0) throw new Error(`the probe's database did not start: ${r.stderr.slice(-400)}`);
  return { env, dataDir, stop: async () => void (await runCli(['db', 'stop'], { env, timeoutMs: 60_000 })) };
}

async function main(argv: string[]): Promise<number> {
  const only = argv.filter((a) => !a.startsWith('--'));
  const cases = CASES.filter(
    (c) => only.length === 0 || only.some((o) => c.id.startsWith(o) || c.area === o),
  );
  if (argv.includes('--list')) {
    for (const c of cases) console.log(`| \`${c.id}\` | ${c.tries} |`);
    return 0;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'luocdo-probe-'));
  const db = await database(scratch);
  const ctx = probeContext(db.env, db.dataDir, scratch);
  let failures = 0;
  try {
    console.log(
      `probe: ${cases.length} cases against ${db.dataDir ? `a new local database in ${db.dataDir}` : process.env['NEO4J_URI']}`,
    );
    for (const c of cases) {
      const v = await runCase(c, ctx);
      if (!v.held) failures++;
      console.log(verdictLine(v, c));
    }
    await ctx.clean();
  } finally {
    await closeDrivers();
    await db.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`probe: ${cases.length - failures} held, ${failures} failed`);
  return failures ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`probe: ${(e as Error).message}`);
    process.exit(2);
  },
);
