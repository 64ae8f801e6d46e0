import { startCli, peakRssMb, type Running } from './processes.js';

export type Gql = {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> } | null;
  text: string;
  ms: number;
};

export type Served = {
  base: string;
  pid: number | undefined;
  /** Peak resident memory of the server process so far. */
  peakRssMb(): number;
  post(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<Gql>;
  fetch(path: string, init?: RequestInit): Promise<Gql>;
  stop(): Promise<void>;
  running: Running;
};

async function asGql(res: Response, t0: number): Promise<Gql> {
  const text = await res.text();
  let body: Gql['body'] = null;
  try {
    body = JSON.parse(text) as Gql['body'];
  } catch {
    // a page or a plain-text refusal: kept as text
  }
  return { status: res.status, headers: res.headers, body, text, ms: Date.now() - t0 };
}

/**
 * `luocdo serve --port 0` in a child process, as an office would run it; resolves once it prints its address.
 * Rejects with what it printed when it exits first (a refusal to start is some cases' expected outcome).
 */
export async function serveApi(env: NodeJS.ProcessEnv, args: string[] = []): Promise<Served> {
  const running = startCli(['serve', '--port', '0', ...args], { env, timeoutMs: 30 * 60_000 });
  const { child } = running;
  let seen = '';
  const base = await new Promise<string>((resolve, reject) => {
    const onData = (b: Buffer) => {
      seen += b.toString();
      const m = /(http:\/\/[\d.:[\]a-z]+:\d+)\/graphql/i.exec(seen);
      if (m?.[1]) resolve(m[1].replace('0.0.0.0', '127.0.0.1'));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void running.done.then((r) => reject(new Error(`serve ended (${String(r.code)}): ${seen.slice(-500)}`)));
  });
  const fetchGql = async (path: string, init: RequestInit = {}) => {
    const t0 = Date.now();
    return asGql(await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(60_000) }), t0);
  };
  return {
    base,
    pid: child.pid,
    running,
    peakRssMb: () => peakRssMb(child.pid),
    fetch: fetchGql,
    post: (query, variables = {}, headers = {}) =>
      fetchGql('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      }),
    async stop() {
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await running.done;
      clearTimeout(t);
    },
  };
}
