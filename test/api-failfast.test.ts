import { writeFileSync, mkdtempSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiDb } from '../src/api/guard.js';
import { loadSettings } from '../src/config.js';
import { closeDrivers } from '../src/store/connection.js';
import { startApi, type GqlBody, type TestApi } from './helpers/api.js';
import { runCli } from './helpers/cli.js';
import { testEnv } from './helpers/db.js';
import { freePort } from './setup/neo4j.js';

// The API when the database does not answer (issue 12): it used to hang 15–33 s per query on the driver's
// retries. Now each query is told UNAVAILABLE within its budget (2 s), and while the database is known
// down at once, through a circuit breaker that lets one probe through a second later. The test Neo4j is
// shared, so it is never stopped: the API is pointed at a port where nothing listens, at a server that
// accepts and never answers, and at a proxy to the test Neo4j that is switched off and on.

/** Generous: what used to take 15–33 s must come well within it, on a noisy machine. */
const BOUND_MS = 8_000;

type Sockets = Set<Socket>;
function listenOn(
  port: number,
  onConnection: (c: Socket, all: Sockets) => void,
): Promise<{ server: Server; sockets: Sockets }> {
  const sockets: Sockets = new Set();
  const server = createServer((c) => {
    sockets.add(c);
    c.on('close', () => sockets.delete(c));
    c.on('error', () => undefined);
    onConnection(c, sockets);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ server, sockets }));
  });
}

async function shut(l: { server: Server; sockets: Sockets }): Promise<void> {
  for (const s of l.sockets) s.destroy();
  await new Promise<void>((r) => l.server.close(() => r()));
}

/** A server that accepts every connection and never says a word: a hung database. */
const hung = (port: number) => listenOn(port, () => undefined);

/** A TCP proxy to the test Neo4j: switched off, its port refuses connections and the open ones are cut. */
function proxyTo(target: URL, port: number) {
  return listenOn(port, (c, all) => {
    const up = connect(Number(target.port), target.hostname);
    all.add(up);
    up.on('error', () => c.destroy());
    c.on('close', () => up.destroy());
    up.on('close', () => c.destroy());
    c.pipe(up).pipe(c);
  });
}

const apiAt = (port: number) =>
  startApi(apiDb(loadSettings(testEnv({ NEO4J_URI: `bolt://127.0.0.1:${port}` }))));

type Timed = { ms: number; status: number; body: GqlBody<{ stats: { documents: number } }> };
async function stats(api: TestApi): Promise<Timed> {
  const t0 = Date.now();
  const r = await api.gql<{ stats: { documents: number } }>('{ stats { documents } }');
  return { ...r, ms: Date.now() - t0 };
}
const codeOf = (r: Timed) => r.body.errors?.[0]?.extensions?.code;
const circuitOf = (r: Timed) => (r.body.errors?.[0]?.extensions as { circuit?: string } | undefined)?.circuit;

afterAll(() => closeDrivers());

describe('the API with its database down', () => {
  it('answers 20 concurrent queries UNAVAILABLE promptly when nothing listens on the Bolt port', async () => {
    const api = await apiAt(await freePort());
    try {
      const all = await Promise.all(Array.from({ length: 20 }, () => stats(api)));
      for (const r of all) {
        expect(codeOf(r)).toBe('UNAVAILABLE');
        expect(r.ms).toBeLessThan(BOUND_MS);
      }
      expect((await fetch(`${api.base}/ready`)).status).toBe(503);
      // The breaker is open: the next query is refused without trying.
      expect(circuitOf(await stats(api))).toBe('open');
    } finally {
      await api.close();
    }
  }, 60_000);

  it('answers 20 concurrent queries UNAVAILABLE promptly when the server accepts and never answers', async () => {
    const port = await freePort();
    const server = await hung(port);
    const api = await apiAt(port);
    try {
      const all = await Promise.all(Array.from({ length: 20 }, () => stats(api)));
      for (const r of all) {
        expect(codeOf(r)).toBe('UNAVAILABLE');
        expect(r.ms).toBeLessThan(BOUND_MS);
      }
      expect(circuitOf(await stats(api))).toBe('open');
    } finally {
      await api.close();
      await closeDrivers();
      await shut(server);
    }
  }, 60_000);

  it('answers again within about a second of the database coming back', async () => {
    const port = await freePort();
    const target = new URL(testEnv()['NEO4J_URI'] ?? '');
    let proxy = await proxyTo(target, port);
    const api = await apiAt(port);
    try {
      expect((await stats(api)).body.data?.stats.documents).toBeGreaterThanOrEqual(0);
      await shut(proxy);
      const down = await stats(api);
      expect(codeOf(down)).toBe('UNAVAILABLE');
      expect(down.ms).toBeLessThan(BOUND_MS);
      proxy = await proxyTo(target, port);
      // Bounded wait for the probe a second after the breaker opened; polled, not timed.
      await expect
        .poll(async () => (await stats(api)).body.data?.stats.documents ?? null, {
          timeout: 5_000,
          interval: 200,
        })
        .not.toBeNull();
    } finally {
      await api.close();
      await shut(proxy);
    }
  }, 60_000);
});

describe('the ingest command with its database down', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luocdo-failfast-'));
  const file = join(dir, 'a.txt');
  writeFileSync(file, 'Thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy.');

  it('gives up with DB_UNAVAILABLE in seconds when nothing listens (it took 16–32 s)', async () => {
    const r = await runCli(['ingest', file], {
      env: testEnv({ NEO4J_URI: `bolt://127.0.0.1:${await freePort()}` }),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DB_UNAVAILABLE');
    expect(r.ms).toBeLessThan(12_000);
  }, 60_000);

  it('gives up and exits when the server accepts and never answers (it hung until the server let go)', async () => {
    const port = await freePort();
    const server = await hung(port);
    try {
      const r = await runCli(['ingest', file], {
        env: testEnv({ NEO4J_URI: `bolt://127.0.0.1:${port}` }),
        timeoutMs: 50_000,
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('DB_UNAVAILABLE');
      expect(r.ms).toBeLessThan(30_000);
    } finally {
      await shut(server);
    }
  }, 60_000);
});
