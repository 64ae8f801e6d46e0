import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failed, held, type ProbeCase } from '../case.js';
import type { ProbeContext } from '../context.js';
import { allCommandLines, startCli } from '../processes.js';
import { serveApi } from '../served.js';
import { differences } from '../snapshot.js';

const seedFiles = (ctx: ProbeContext): string[] =>
  readdirSync(ctx.seeds)
    .filter((f) => !f.startsWith('.'))
    .sort()
    .map((f) => join(ctx.seeds, f));

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'));

/** Which documents the product's own search finds by the first words of their title, without diacritics. */
async function foundByTitle(ctx: ProbeContext): Promise<Set<string>> {
  const api = await serveApi(ctx.env);
  try {
    const r = await api.post('{ documents(first: 100) { edges { node { key title } } } }');
    if (!r.body?.data) throw new Error(`documents: ${r.text.slice(0, 200)}`);
    const docs = (
      r.body.data as { documents: { edges: Array<{ node: { key: string; title: string | null } }> } }
    ).documents.edges.map((e) => e.node);
    const found = new Set<string>();
    for (const d of docs) {
      if (!d.title) continue;
      const words = fold(d.title).split(/\s+/).slice(0, 6).join(' ');
      const s = await api.post('query($t: String!) { search(text: $t, first: 50) { key } }', { t: words });
      const keys =
        (s.body?.data as { search: Array<{ key: string }> } | null)?.search.map((x) => x.key) ?? [];
      if (keys.includes(d.key)) found.add(d.key);
    }
    return found;
  } finally {
    await api.stop();
  }
}

async function ingestEach(ctx: ProbeContext, files: string[]): Promise<string | null> {
  for (const f of files) {
    const r = await ctx.cli(['ingest', f]);
    if (r.code !== 0) return `ingest ${f}: ${r.stderr.slice(-200)}`;
  }
  return null;
}

/** A copy of a report with its own number changed: a second source that cites what the first cites. */
function sibling(ctx: ProbeContext, from: string): string {
  const text = readFileSync(from, 'utf8');
  const path = join(ctx.folder('sibling'), 'sibling.txt');
  writeFileSync(path, text.replace(/Số:\s*(\d+)/, (_m, n: string) => `Số: 9${n}`) + '\nBản sao để thử.\n');
  return path;
}

const removeRestores: ProbeCase = {
  id: 'store.remove-restores',
  area: 'store',
  tries:
    'ingest the seeds, add and remove a report citing the same documents: every property as before, search too',
  limitMs: 240_000,
  async run(ctx) {
    const seeds = seedFiles(ctx);
    await ctx.clean();
    const err = await ingestEach(ctx, [ctx.seeds]);
    if (err) return failed(err);
    const before = await ctx.snapshot();
    const searchBefore = await foundByTitle(ctx);
    const extra = sibling(ctx, seeds[seeds.length - 1] ?? '');
    const err2 = await ingestEach(ctx, [extra]);
    const rm = await ctx.cli(['remove', extra]);
    if (err2 || rm.code !== 0) return failed(err2 ?? `remove: ${rm.stderr.slice(-200)}`);
    const after = await ctx.snapshot();
    const searchAfter = await foundByTitle(ctx);
    const diff = differences(before, after);
    const lost = [...searchBefore].filter((k) => !searchAfter.has(k));
    if (diff.length) return failed(`the graph differs:\n    ${diff.join('\n    ')}`);
    if (lost.length) return failed(`search no longer finds ${lost.slice(0, 3).join(', ')}`);
    return held(
      `${before.nodes.length} nodes, ${before.edges.length} edges equal; ${searchAfter.size} found by title`,
    );
  },
};

/** The first two thirds of a report: the same document, without its signature and recipients. */
function unsignedCopy(ctx: ProbeContext, from: string): string {
  const lines = readFileSync(from, 'utf8').split('\n');
  const path = join(ctx.folder('unsigned'), 'unsigned-copy.txt');
  writeFileSync(path, lines.slice(0, Math.ceil((lines.length * 2) / 3)).join('\n'));
  return path;
}

const orderFree: ProbeCase = {
  id: 'store.order-independent',
  area: 'store',
  tries: 'the seeds and an unsigned copy, one at a time, forwards then backwards: the same graph',
  limitMs: 300_000,
  async run(ctx) {
    const seeds = seedFiles(ctx);
    const files = [...seeds, unsignedCopy(ctx, seeds[0] ?? '')];
    await ctx.clean();
    const e1 = await ingestEach(ctx, files);
    const forwards = await ctx.snapshot();
    await ctx.clean();
    const e2 = await ingestEach(ctx, [...files].reverse());
    const backwards = await ctx.snapshot();
    if (e1 || e2) return failed(e1 ?? e2 ?? '');
    const diff = differences(forwards, backwards);
    return diff.length
      ? failed(`the order changed the graph:\n    ${diff.join('\n    ')}`)
      : held(
          `${files.length} files both ways: ${forwards.nodes.length} nodes, ${forwards.edges.length} edges equal`,
        );
  },
};

const removeEqualsNever: ProbeCase = {
  id: 'store.remove-equals-never-ingested',
  area: 'store',
  tries: 'remove a signed report after its unsigned copy: the graph of the copy alone',
  limitMs: 240_000,
  async run(ctx) {
    const seeds = seedFiles(ctx);
    const signed = seeds[0] ?? '';
    const copy = unsignedCopy(ctx, signed);
    const others = seeds.slice(1);
    await ctx.clean();
    const e1 = await ingestEach(ctx, [...others, signed, copy]);
    const rm = await ctx.cli(['remove', signed]);
    const removed = await ctx.snapshot();
    await ctx.clean();
    const e2 = await ingestEach(ctx, [...others, copy]);
    const never = await ctx.snapshot();
    if (e1 || e2 || rm.code !== 0) return failed(e1 ?? e2 ?? `remove: ${rm.stderr.slice(-200)}`);
    const diff = differences(never, removed);
    return diff.length
      ? failed(`removing left a trace:\n    ${diff.join('\n    ')}`)
      : held(`${never.nodes.length} nodes, ${never.edges.length} edges equal`);
  },
};

const privateRuntime: ProbeCase = {
  id: 'store.local-runtime-private',
  area: 'store',
  tries: 'a new local database: data folder 0700, credentials 0600, the password on no command line',
  limitMs: 240_000,
  async run(ctx) {
    const dir = ctx.folder('runtime');
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const env = Object.fromEntries(Object.entries(ctx.env).filter(([k]) => !k.startsWith('NEO4J_')));
    Object.assign(env, {
      LUOCDO_DATA_DIR: join(dir, 'data'),
      LUOCDO_BOLT_PORT: String(port),
      LUOCDO_HEAP: '256m',
      LUOCDO_PAGECACHE: '32m',
    });
    const seen = new Set<string>();
    const start = startCli(['db', 'start'], { env, timeoutMs: 200_000 });
    const watch = setInterval(() => allCommandLines().forEach((c) => seen.add(c)), 25);
    const r = await start.done;
    clearInterval(watch);
    try {
      if (r.code !== 0) return failed(`db start: ${r.stderr.slice(-200)}`);
      const creds = join(dir, 'data', 'credentials.json');
      const password = (JSON.parse(readFileSync(creds, 'utf8')) as { password: string }).password;
      const onArgv = [...seen].some((c) => c.includes(password));
      const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);
      const modes = `data ${mode(join(dir, 'data'))}, credentials ${mode(creds)}`;
      const open = (statSync(join(dir, 'data')).mode & 0o077) !== 0 || (statSync(creds).mode & 0o077) !== 0;
      if (onArgv) return failed(`the password was on a command line; ${modes}`);
      return open
        ? failed(`readable by others: ${modes}`)
        : held(`${modes}; ${seen.size} command lines seen, none with the password`);
    } finally {
      await startCli(['db', 'stop'], { env, timeoutMs: 60_000 }).done;
    }
  },
};

export const storeCases: ProbeCase[] = [removeRestores, orderFree, removeEqualsNever, privateRuntime];
