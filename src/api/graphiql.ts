import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// GraphiQL served from this process, not from a CDN: staff networks are often closed to the internet,
// and yoga's built-in page fetches its scripts from one (it stays on "Loading…" there).
const require = createRequire(import.meta.url);

type Asset = { pkg: string; file: string; type: string };
const ASSETS: Record<string, Asset> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

// The UMD builds are files of the packages, not entry points their `exports` name: found from the
// package folder.
const fileOf = (a: Asset) => join(dirname(require.resolve(`${a.pkg}/package.json`)), a.file);

export const ASSET_PREFIX = '/graphiql/';

// Text files all: kept as strings, which every Response takes as a body.
const cache = new Map<string, string>();

// The page's own script, a file rather than inline so that the Content-Security-Policy allows scripts from
// this server only; its settings come from a JSON block of the page, which is data and never runs.
const START = `const config = JSON.parse(document.getElementById('graphiql-config').textContent);
const fetcher = GraphiQL.createFetcher({ url: new URL(config.endpoint, location.href).href });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery: config.query }),
);
`;

const PAGE_CSS = 'body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }\n';

/** One of the page's files by its name under ASSET_PREFIX; null for anything else. */
export function graphiqlAsset(name: string): { body: string; type: string } | null {
  if (name === 'start.js') return { body: START, type: 'text/javascript; charset=utf-8' };
  if (name === 'page.css') return { body: PAGE_CSS, type: 'text/css; charset=utf-8' };
  const a = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  if (!a) return null;
  let body = cache.get(name);
  if (!body) {
    body = readFileSync(fileOf(a), 'utf8');
    cache.set(name, body);
  }
  return { body, type: `${a.type}; charset=utf-8` };
}

const DEFAULT_QUERY = `# Which units implemented a directive, with the sentence that says so:
{
  implementers(directive: "22-CT/TU") {
    unit { name level }
    firstOn
    via { relation quote document { symbol title } }
  }
}
`;

/** The GraphiQL page: every script and style from ASSET_PREFIX. */
export function graphiqlPage(endpoint: string, title: string): string {
  const config = JSON.stringify({ endpoint, query: DEFAULT_QUERY }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="stylesheet" href="${ASSET_PREFIX}graphiql.css">
<link rel="stylesheet" href="${ASSET_PREFIX}page.css">
</head>
<body>
<div id="graphiql">Loading ${title}…</div>
<script src="${ASSET_PREFIX}react.js"></script>
<script src="${ASSET_PREFIX}react-dom.js"></script>
<script src="${ASSET_PREFIX}graphiql.js"></script>
<script id="graphiql-config" type="application/json">${config}</script>
<script src="${ASSET_PREFIX}start.js"></script>
</body>
</html>
`;
}
