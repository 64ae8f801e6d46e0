import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/paths.js';
import { freePort } from './setup/neo4j.js';
import { runCli } from './helpers/cli.js';

/** Sockets in LISTEN state on a port, from /proc: the addresses the server bound. */
function listenAddresses(port: number): string[] {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const out: string[] = [];
  for (const f of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(f, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const [addr, p] = (cols[1] ?? '').split(':');
      if (p === hex && cols[3] === '0A') out.push(addr ?? '');
    }
  }
  return out;
}
const LOOPBACK = new Set([
  '0100007F',
  '0000000000000000FFFF00000100007F',
  '00000000000000000000000001000000',
]);

describe('luocdo db start/status/cypher/stop on a private data folder and port', () => {
  const base = mkdtempSync(join(tmpdir(), 'luocdo-cli-'));
  const dataDir = join(base, 'data');
  let port = 0;
  let env: NodeJS.ProcessEnv = {};
  const envOf = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
    const inherited = Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_'));
    return { ...Object.fromEntries(inherited), ...extra };
  };

  beforeAll(async () => {
    port = await freePort();
    env = envOf({
      LUOCDO_DATA_DIR: dataDir,
      LUOCDO_BOLT_PORT: String(port),
      LUOCDO_HEAP: '512m',
      LUOCDO_PAGECACHE: '64m',
    });
  });
  afterAll(async () => {
    await runCli(['db', 'stop'], { env });
    rmSync(base, { recursive: true, force: true });
  });

  it('reports a database that is not running, as JSON, with a non-zero status', async () => {
    const r = await runCli(['db', 'status', '--json'], { env });
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ running: false, uri: `bolt://127.0.0.1:${port}` });
  });

  it('starts the server on 127.0.0.1 only and prints the Bolt URI', async () => {
    const r = await runCli(['db', 'start'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`bolt://127.0.0.1:${port}`);
    const addrs = listenAddresses(port);
    expect(addrs.length).toBeGreaterThan(0);
    for (const a of addrs) expect(LOOPBACK.has(a)).toBe(true);
  });

  it('keeps the generated password readable by its owner only, and never prints it', async () => {
    const creds = JSON.parse(readFileSync(join(dataDir, 'credentials.json'), 'utf8')) as { password: string };
    expect(statSync(join(dataDir, 'credentials.json')).mode & 0o077).toBe(0);
    const r = await runCli(['db', 'status', '--json'], { env });
    expect(r.code).toBe(0);
    const status = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(status).sort()).toEqual(['dataDir', 'edition', 'running', 'uri', 'user', 'version']);
    expect(status).toMatchObject({ running: true, user: 'neo4j', edition: 'community', dataDir });
    expect(status['version']).toMatch(/^5\.26\./);
    expect(r.stdout).not.toContain(creds.password);
  });

  it('is idempotent: a second start reports the running server', async () => {
    const pid = JSON.parse(readFileSync(join(dataDir, 'server.json'), 'utf8')).pid as number;
    const r = await runCli(['db', 'start', '--json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ alreadyRunning: true, pid });
  });

  it('migrates once and runs Cypher with parameters', async () => {
    const m = await runCli(['db', 'migrate', '--json'], { env });
    expect(JSON.parse(m.stdout)).toMatchObject({ applied: [] });
    const w = await runCli(
      [
        'db',
        'cypher',
        'CREATE (d:Document {key: $key, year: $year}) RETURN d.key AS key, d.year AS year',
        '--param',
        'key=cli:1',
        '--param',
        'year=2021',
        '--json',
      ],
      { env },
    );
    expect(w.code).toBe(0);
    expect(JSON.parse(w.stdout)).toEqual({ rows: [{ key: 'cli:1', year: 2021 }] });
    const t = await runCli(['db', 'cypher', 'MATCH (d:Document) RETURN d.key AS key', '--read'], { env });
    expect(t.stdout).toMatch(/key\s*\n-+\s*\ncli:1/);
    const bad = await runCli(['db', 'cypher', 'MATCH (d RETURN d'], { env });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error DB_QUERY/);
  });

  it('refuses a port that is taken, naming it', async () => {
    const r = await runCli(['db', 'start'], {
      env: envOf({ LUOCDO_DATA_DIR: join(base, 'other'), LUOCDO_BOLT_PORT: String(port) }),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PORT_IN_USE');
    expect(r.stderr).toContain(String(port));
  });

  it('refuses a port held by another program too', async () => {
    const busy = await freePort();
    const srv: Server = createServer();
    await new Promise<void>((res) => srv.listen(busy, '127.0.0.1', () => res()));
    try {
      const r = await runCli(['db', 'start'], {
        env: envOf({ LUOCDO_DATA_DIR: join(base, 'third'), LUOCDO_BOLT_PORT: String(busy) }),
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('PORT_IN_USE');
    } finally {
      srv.close();
    }
  });

  it('says clearly when the credentials are wrong', async () => {
    const r = await runCli(['db', 'status'], {
      env: envOf({
        NEO4J_URI: `bolt://127.0.0.1:${port}`,
        NEO4J_USERNAME: 'neo4j',
        NEO4J_PASSWORD: 'wrong-password',
      }),
    });
    expect(r.stdout).toContain('not running');
    const c = await runCli(['db', 'cypher', 'RETURN 1'], {
      env: envOf({
        NEO4J_URI: `bolt://127.0.0.1:${port}`,
        NEO4J_USERNAME: 'neo4j',
        NEO4J_PASSWORD: 'wrong-password',
      }),
    });
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(/^error DB_AUTH: .*NEO4J_PASSWORD/);
    expect(c.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
  });

  it('fails a running command with a clear error, not a hang, when the server is killed', async () => {
    const pid = JSON.parse(readFileSync(join(dataDir, 'server.json'), 'utf8')).pid as number;
    const pending = runCli(
      ['db', 'cypher', 'UNWIND range(1, 3000000000) AS x WITH x WHERE x < 0 RETURN count(x)'],
      {
        env,
        timeoutMs: 90_000,
      },
    );
    await new Promise((r) => setTimeout(r, 2_500));
    process.kill(pid, 'SIGKILL');
    const r = await pending;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error DB_UNAVAILABLE/);
    expect(r.ms).toBeLessThan(60_000);
    const s = await runCli(['db', 'status', '--json'], { env });
    expect(JSON.parse(s.stdout)).toMatchObject({ running: false });
  });

  it('starts again after a crash, with the data kept', async () => {
    const r = await runCli(['db', 'start'], { env });
    expect(r.code).toBe(0);
    const q = await runCli(
      ['db', 'cypher', 'MATCH (d:Document {key: "cli:1"}) RETURN count(d) AS n', '--json'],
      { env },
    );
    expect(JSON.parse(q.stdout)).toEqual({ rows: [{ n: 1 }] });
  });

  it('runs the main job: `luocdo start` loads the seeds into the empty graph and serves GraphQL until stopped', async () => {
    await runCli(['db', 'cypher', 'MATCH (n:Document) DETACH DELETE n'], { env });
    const apiPort = await freePort();
    const child = spawn(process.execPath, [join(projectRoot(), 'bin', 'luocdo.js'), 'start'], {
      env: { ...env, LUOCDO_API_PORT: String(apiPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    for (let i = 0; i < 240 && !out.includes('/graphql'); i++) await new Promise((r) => setTimeout(r, 250));
    try {
      expect(out).toMatch(/seeds: 5 files: 4 added, 0 replaced, 1 merged/);
      expect(out).toContain(`http://127.0.0.1:${apiPort}/graphql`);
      expect((await fetch(`http://127.0.0.1:${apiPort}/ready`)).status).toBe(200);
      const res = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ document(ref: "22-CT/TU") { symbol issuedOn } }' }),
      });
      expect(await res.json()).toEqual({
        data: { document: { symbol: '22-CT/TU', issuedOn: '2017-04-03' } },
      });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('stops cleanly, and a second stop is a no-op', async () => {
    const r = await runCli(['db', 'stop'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/stopped/);
    expect(listenAddresses(port)).toEqual([]);
    const again = await runCli(['db', 'stop'], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('not running');
  });

  it('refuses a data folder it cannot write to', async () => {
    const file = join(base, 'a-file');
    writeFileSync(file, 'x');
    const r = await runCli(['db', 'start'], {
      env: envOf({ LUOCDO_DATA_DIR: join(file, 'data'), LUOCDO_BOLT_PORT: String(port) }),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DATA_DIR_NOT_WRITABLE');
    expect(r.stderr).toContain('LUOCDO_DATA_DIR');
  });

  it('explains a missing Java and how to use an existing server instead', async () => {
    const r = await runCli(['db', 'start'], {
      env: envOf({
        LUOCDO_DATA_DIR: join(base, 'nojava'),
        LUOCDO_BOLT_PORT: String(port),
        LUOCDO_JAVA: '/nonexistent/java',
      }),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('JAVA_MISSING');
    expect(r.stderr).toContain('NEO4J_URI');
  });

  it('rejects an invalid setting in one line naming it', async () => {
    const r = await runCli(['db', 'status'], { env: envOf({ LUOCDO_BOLT_PORT: 'seven' }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error CONFIG_INVALID: LUOCDO_BOLT_PORT/);
  });
});
