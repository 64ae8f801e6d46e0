import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { projectRoot } from '../paths.js';

// The staff's pages (issue 14): a shell per address, every script and style from WEB_PREFIX, served by this
// process (offices are often on closed networks: no CDN, no outside font). The pages' code is src/web, built
// by `npm run build` into dist/src/web; it reads only through /graphql, like any other client.
const require = createRequire(import.meta.url);

export const WEB_PREFIX = '/tep/';

type Route = { page: string; title: string };
/** The pages by their address; the page's script sets a fuller title once it knows what it shows. */
export const WEB_ROUTES: Readonly<Record<string, Route>> = {
  '/': { page: 'search', title: 'Tìm văn bản' },
  '/van-ban': { page: 'document', title: 'Văn bản' },
  '/don-vi': { page: 'unit', title: 'Đơn vị' },
  '/ra-soat': { page: 'review', title: 'Rà soát liên kết' },
  '/kiem-tra': { page: 'check', title: 'Kiểm tra dự thảo' },
  '/nguon': { page: 'source', title: 'Văn bản nguồn' },
  '/nap': { page: 'ingest', title: 'Nạp văn bản' },
};

const JS = 'text/javascript; charset=utf-8';
const webDir = () => join(projectRoot(), 'dist', 'src', 'web');
// The graph library is a file of its package (its ES build), loaded by the document page only when the
// chain is opened.
// Its `exports` name no package.json: found from its CommonJS entry, which sits beside the ES build.
const cytoscapeFile = () => join(dirname(require.resolve('cytoscape')), 'cytoscape.esm.min.mjs');

const cache = new Map<string, { body: string; type: string }>();

function locate(name: string): { file: string; type: string } | null {
  if (name === 'cytoscape.js') return { file: cytoscapeFile(), type: JS };
  if (name === 'style.css')
    return { file: join(projectRoot(), 'src', 'web', 'style.css'), type: 'text/css; charset=utf-8' };
  // Only the compiled modules of src/web and its pages folder, by a plain name: never a path that climbs.
  if (/^(pages\/)?[a-z][a-z0-9-]*\.js$/.test(name)) return { file: join(webDir(), name), type: JS };
  return null;
}

/** One of the pages' files by its name under WEB_PREFIX; null for anything else (or a file not built). */
export function webAsset(name: string): { body: string; type: string } | null {
  const hit = cache.get(name);
  if (hit) return hit;
  const where = locate(name);
  if (!where) return null;
  let body: string;
  try {
    body = readFileSync(where.file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const asset = { body, type: where.type };
  cache.set(name, asset);
  return asset;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// The stylesheet's id is the one cytoscape looks for before it writes a <style> element of its own (which
// the CSP refuses): ours carries its one rule instead.
/** The shell of a page: its settings as a JSON block (data, never run), its script a module from WEB_PREFIX. */
export function webPage(route: Route, params: Record<string, string>): string {
  const config = JSON.stringify({ page: route.page, params, graphql: '/graphql' }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(route.title)} — Lược đồ</title>
<link rel="stylesheet" href="${WEB_PREFIX}style.css" id="__________cytoscape_stylesheet">
<script id="luocdo-config" type="application/json">${config}</script>
<script type="module" src="${WEB_PREFIX}app.js"></script>
</head>
<body>
<a class="skip" href="#noi-dung">Bỏ qua, tới nội dung</a>
<header id="dau-trang"></header>
<main id="noi-dung" tabindex="-1"></main>
<noscript><p>Trang này cần JavaScript. Dùng GraphiQL tại <a href="/graphql">/graphql</a>.</p></noscript>
</body>
</html>
`;
}
