import { timingSafeEqual } from 'node:crypto';
import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { LuocdoError } from '../errors.js';
import type { Db } from '../store/connection.js';
import { clientErrors } from './errors.js';
import { ASSET_PREFIX, graphiqlAsset } from './graphiql.js';
import { WEB_PREFIX, WEB_ROUTES, webAsset, webPage } from './web.js';

// Small yoga plugins, one concern each; the server is yoga and these, nothing in front of it.

type Fetch = { Response: typeof Response };
const json = (fetchAPI: Fetch, status: number, body: unknown) =>
  new fetchAPI.Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** GET /health: the process answers. */
export function health(): Plugin {
  return {
    onRequest({ url, fetchAPI, endResponse }) {
      if (url.pathname === '/health') endResponse(json(fetchAPI, 200, { status: 'ok' }));
    },
  };
}

/** GET /ready: the database answers too (503 with the reason when it does not). */
export function ready(db: Db, log: Logger): Plugin {
  return useReadinessCheck({
    endpoint: '/ready',
    check: async ({ fetchAPI }) => {
      try {
        await db.verify();
        return json(fetchAPI, 200, { status: 'ready' });
      } catch (e) {
        log.warn({ err: (e as Error).message }, 'not ready');
        return json(fetchAPI, 503, { status: 'unavailable', reason: 'database' });
      }
    },
  });
}

/** GET /graphiql/<file>: the GraphiQL page's scripts and styles, from this process (see graphiql.ts). */
export function graphiqlAssets(log: Logger): Plugin {
  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (request.method !== 'GET' || !url.pathname.startsWith(ASSET_PREFIX)) return;
      let asset;
      try {
        asset = graphiqlAsset(url.pathname.slice(ASSET_PREFIX.length));
      } catch (e) {
        log.error({ err: (e as Error).message, url: url.pathname }, 'GraphiQL asset unreadable');
        const headers = { 'content-type': 'text/plain' };
        endResponse(new fetchAPI.Response('GraphiQL asset unreadable', { status: 500, headers }));
        return;
      }
      if (asset) {
        const headers = { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' };
        endResponse(new fetchAPI.Response(asset.body, { status: 200, headers }));
      }
    },
  };
}

/**
 * The staff's pages (issue 14): GET of an address in WEB_ROUTES answers its page, GET /tep/<file> the pages'
 * scripts and styles. The pages run nothing themselves: they read through /graphql like any client, so the
 * token and the armor guard them as they guard GraphiQL.
 */
export function webPages(log: Logger): Plugin {
  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (request.method !== 'GET') return;
      const route = Object.hasOwn(WEB_ROUTES, url.pathname) ? WEB_ROUTES[url.pathname] : undefined;
      if (route) {
        const params = Object.fromEntries(url.searchParams);
        const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' };
        endResponse(new fetchAPI.Response(webPage(route, params), { status: 200, headers }));
        return;
      }
      if (!url.pathname.startsWith(WEB_PREFIX)) return;
      let asset;
      try {
        asset = webAsset(url.pathname.slice(WEB_PREFIX.length));
      } catch (e) {
        log.error({ err: (e as Error).message, url: url.pathname }, 'web asset unreadable');
        const headers = { 'content-type': 'text/plain' };
        endResponse(new fetchAPI.Response('web asset unreadable', { status: 500, headers }));
        return;
      }
      const headers = asset
        ? { 'content-type': asset.type, 'cache-control': 'no-cache' }
        : { 'content-type': 'text/plain; charset=utf-8' };
      endResponse(
        new fetchAPI.Response(asset ? asset.body : 'không có tệp này', {
          status: asset ? 200 : 404,
          headers,
        }),
      );
    },
  };
}

function tokenMatches(header: string | null, token: string | null): boolean {
  if (!token || !header) return false;
  const given = Buffer.from(header.replace(/^Bearer\s+/i, ''));
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/** What the token plugin adds to each operation's context: whether a token is set, and whether it came. */
export type TokenContext = { authorized: boolean; tokenSet: boolean };

/**
 * LUOCDO_API_TOKEN. Every operation's context says whether the request carried it (mutations ask); with
 * protectReads, an operation without it is refused with a 401 before it runs, whether it came by GET or POST.
 * The GraphiQL page and its files need no token: they run nothing (a person puts the token in the page's
 * headers pane, and its queries carry it).
 */
export function token(opts: { token: string | null; protectReads: boolean }): Plugin<TokenContext> {
  const carries = (request: Request) => tokenMatches(request.headers.get('authorization'), opts.token);
  return {
    onParams({ request, setResult }) {
      if (!opts.protectReads || carries(request)) return;
      setResult({
        errors: clientErrors(new LuocdoError('UNAUTHENTICATED', 'the API token is required')),
        extensions: { http: { status: 401 } },
      });
    },
    onContextBuilding({ context, extendContext }) {
      extendContext({ authorized: carries(context.request), tokenSet: opts.token !== null });
    },
  };
}

// The GraphiQL page runs only this server's scripts and styles (no inline script: see graphiql.ts) and talks
// to this server only; every other answer is data, which may load nothing at all. Neither may be framed.
const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** Security headers on every answer: a CSP (the page's own, or none at all for data), no framing, no sniffing. */
export function securityHeaders(): Plugin {
  return {
    onResponse({ response }) {
      const html = response.headers.get('content-type')?.startsWith('text/html') ?? false;
      response.headers.set('content-security-policy', html ? PAGE_POLICY : DATA_POLICY);
      response.headers.set('x-frame-options', 'DENY');
      response.headers.set('x-content-type-options', 'nosniff');
      response.headers.set('referrer-policy', 'no-referrer');
    },
  };
}

/**
 * A request body beyond `maxBytes` (LUOCDO_API_MAX_BODY_MB) is refused from its Content-Length, before any
 * of it is read, with 413, and the connection closed so that the rest is never read either. A body without a
 * length (chunked) could only be measured by reading it: refused with 411.
 */
export function bodyLimit(maxBytes: number): Plugin {
  const refuse = (fetchAPI: Fetch, status: number, message: string) =>
    new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: 'LIMIT' } }] }), {
      status,
      headers: { 'content-type': 'application/json', connection: 'close' },
    });
  return {
    onRequest({ request, fetchAPI, endResponse }) {
      const length = request.headers.get('content-length');
      if (length !== null) {
        if (Number(length) > maxBytes)
          endResponse(refuse(fetchAPI, 413, `the request body is larger than ${maxBytes} bytes`));
      } else if (request.headers.has('transfer-encoding')) {
        endResponse(refuse(fetchAPI, 411, 'a request body needs a Content-Length'));
      }
    },
  };
}

/** Every failed operation is logged with its query, whatever the client was told. */
export function logFailures(log: Logger): Plugin {
  return {
    onExecute({ args }) {
      const started = performance.now();
      return {
        onExecuteDone({ result }) {
          const errors =
            'errors' in result
              ? (result.errors as ReadonlyArray<{ message: string }> | undefined)
              : undefined;
          if (errors?.length) {
            log.warn(
              {
                operation: args.operationName,
                query: args.document.loc?.source.body.slice(0, 2000),
                errors: errors.map((e) => e.message),
                ms: Math.round(performance.now() - started),
              },
              'query failed',
            );
          }
        },
      };
    },
  };
}
