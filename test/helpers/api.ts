import type { Server } from 'node:http';
import { pino } from 'pino';
import { createApi, listen } from '../../src/api/server.js';
import { loadSettings, type ApiLimits } from '../../src/config.js';
import type { Db } from '../../src/store/connection.js';

export type GqlBody<T> = {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; candidates?: unknown[] } }>;
};

export type TestApi = {
  base: string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GqlBody<T> }>;
  close(): Promise<void>;
};

/** The real API on a free loopback port, spoken to over HTTP as a client would. */
export async function startApi(
  db: Db,
  token: string | null = null,
  opts: { protectReads?: boolean; limits?: Partial<ApiLimits> } = {},
): Promise<TestApi> {
  const { server }: { server: Server } = createApi({
    db,
    token,
    protectReads: opts.protectReads ?? false,
    corsOrigins: [],
    limits: { ...loadSettings({}).api.limits, ...opts.limits },
    logger: pino({ level: 'silent' }),
  });
  const base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  return {
    base,
    async gql<T>(
      query: string,
      variables: Record<string, unknown> = {},
      headers: Record<string, string> = {},
    ) {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as GqlBody<T> };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
