import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initialPasswordArgs } from '../src/store/runtime/server.js';
import { freePort } from './setup/neo4j.js';
import { runCli } from './helpers/cli.js';

/** Every file and folder below `dir` (itself included) whose mode gives group or others any access. */
function openToOthers(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string): void => {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) return;
    if ((st.mode & 0o077) !== 0) out.push(`${path} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return out;
}

/** Loosens every mode below `dir` as an earlier version left them: folders 0755, files 0644. */
function loosen(dir: string): void {
  const st = lstatSync(dir);
  if (st.isSymbolicLink()) return;
  chmodSync(dir, st.isDirectory() ? 0o755 : 0o644);
  if (st.isDirectory()) for (const name of readdirSync(dir)) loosen(join(dir, name));
}

/** The command lines of every process, read from /proc until `stop` resolves. */
async function watchCommandLines(stop: Promise<unknown>): Promise<Set<string>> {
  const seen = new Set<string>();
  let done = false;
  void stop.finally(() => (done = true));
  while (!done) {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        seen.add(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '));
      } catch {
        // the process ended between the listing and the read
      }
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return seen;
}

describe('the local store is its owner’s alone', () => {
  const base = mkdtempSync(join(tmpdir(), 'luocdo-perms-'));
  const dataDir = join(base, 'data');
  let env: NodeJS.ProcessEnv = {};
  afterAll(async () => {
    await runCli(['db', 'stop'], { env });
    rmSync(base, { recursive: true, force: true });
  });

  it('never puts the password on a command line', () => {
    const args = initialPasswordArgs('/jars', '/data/.initial-password');
    expect(args.at(-1)).toBe('@/data/.initial-password');
  });

  it('sets the initial password with no process showing it, and leaves folder 0700 and files without group or other access', async () => {
    const port = await freePort();
    const inherited = Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_'));
    env = {
      ...Object.fromEntries(inherited),
      LUOCDO_DATA_DIR: dataDir,
      LUOCDO_BOLT_PORT: String(port),
      LUOCDO_HEAP: '512m',
      LUOCDO_PAGECACHE: '64m',
    };
    const start = runCli(['db', 'start'], { env });
    const [r, lines] = await Promise.all([start, watchCommandLines(start)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { password } = JSON.parse(readFileSync(join(dataDir, 'credentials.json'), 'utf8')) as {
      password: string;
    };
    // The admin tool did run while we watched (it reads its password from a file that is gone now).
    expect([...lines].some((l) => l.includes('set-initial-password'))).toBe(true);
    expect([...lines].filter((l) => l.includes(password))).toEqual([]);
    expect(existsSync(join(dataDir, '.initial-password'))).toBe(false);
    expect(lstatSync(dataDir).mode & 0o777).toBe(0o700);
    expect(lstatSync(join(dataDir, 'credentials.json')).mode & 0o777).toBe(0o600);
    expect(openToOthers(dataDir)).toEqual([]);
  });

  it('takes back a folder an earlier version left readable to all, on the next start', async () => {
    expect((await runCli(['db', 'stop'], { env })).code).toBe(0);
    loosen(dataDir);
    expect(openToOthers(dataDir).length).toBeGreaterThan(10);
    const r = await runCli(['db', 'start'], { env });
    expect(r.code).toBe(0);
    expect(lstatSync(dataDir).mode & 0o777).toBe(0o700);
    expect(openToOthers(dataDir)).toEqual([]);
    expect((await runCli(['db', 'cypher', 'RETURN 1 AS one', '--json'], { env })).stdout).toContain(
      '"one":1',
    );
  });
});
