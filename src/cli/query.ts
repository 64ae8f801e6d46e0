import type { Command } from 'commander';
import { checkExposure, exposureLines } from '../api/exposure.js';
import { apiDb } from '../api/guard.js';
import { createApi, listen, uploadLimits } from '../api/server.js';
import { loadSettings } from '../config.js';
import { LuocdoError } from '../errors.js';
import type { Db } from '../store/connection.js';
import * as q from '../store/queries.js';
import { connect } from '../store/runtime/target.js';
import { documentLabel } from '../graph/label.js';
import { intOption, json, table, type Io } from './output.js';

async function one(db: Db, ref: string): Promise<q.DocRecord> {
  const r = await q.resolveRef(db, ref);
  if (r.candidates.length > 1) throw new LuocdoError('BAD_INPUT', q.ambiguityMessage(ref, r.candidates));
  if (!r.doc) throw new LuocdoError('BAD_INPUT', `no document '${ref}' in the graph`);
  return r.doc;
}

type Label = (d: q.DocRecord) => string;

/**
 * Names for a table: the symbol people search for, and a report known only by its content by its readable
 * name (graph/label.ts: unit, type, date), never its `text:` key. Their issuers cost one query.
 */
async function labeller(db: Db, docs: readonly q.DocRecord[]): Promise<Label> {
  const bare = [...new Set(docs.filter((d) => !d.symbol && !d.name).map((d) => d.key))];
  const issuers = bare.length ? await q.issuersByKeys(db, bare) : new Map<string, q.OrgRecord>();
  return (d) => d.symbol ?? d.name ?? documentLabel(d, issuers.get(d.key)?.name);
}

/**
 * Starts the API and resolves when the process is asked to stop. Beyond loopback it says what the network
 * may do, and refuses to open the reads to it unless told (see api/exposure.ts).
 */
export async function serve(
  io: Io,
  opts: { port?: number; host?: string; public?: boolean } = {},
): Promise<void> {
  const settings = loadSettings();
  const api = {
    ...settings.api,
    host: opts.host ?? settings.api.host,
    public: opts.public || settings.api.public,
  };
  checkExposure(api);
  const { server } = createApi({
    db: apiDb(settings),
    token: api.token,
    protectReads: api.protectReads,
    corsOrigins: api.corsOrigins,
    limits: api.limits,
    upload: uploadLimits(settings),
  });
  const bound = await listen(server, opts.port ?? api.port, api.host);
  io.out(`GraphQL (GraphiQL in a browser) at http://${api.host}:${bound}/graphql; /health, /ready`);
  for (const line of exposureLines(api)) io.err(`note: ${line}`);
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** `show`: a document, its issuer, what it cites and who cites it. */
async function show(io: Io, ref: string, opts: { json?: boolean }): Promise<void> {
  const db = connect(loadSettings());
  const d = await one(db, ref);
  const [issuer, out, inn] = await Promise.all([
    q.issuersByKeys(db, [d.key]),
    q.citations(db, d.key, 'out', 100, null),
    q.citations(db, d.key, 'in', 100, null),
  ]);
  const label = await labeller(db, [d, ...out.items.map((i) => i.doc), ...inn.items.map((i) => i.doc)]);
  const data = {
    ...d,
    issuer: issuer.get(d.key) ?? null,
    cites: out.items.map((i) => ({ document: label(i.doc), relation: i.relation })),
    citedBy: inn.items.map((i) => ({ document: label(i.doc), relation: i.relation, quote: i.quote })),
  };
  if (opts.json) return io.out(json(data));
  io.out(
    `${label(d)}  ${d.issuedOn ?? ''}  ${data.issuer?.name ?? ''}\n${d.title ?? ''}\nkey: ${d.key}  text: ${d.hasText ? 'yes' : 'no (known by citation)'}`,
  );
  if (data.cites.length) io.out(`\ncites (${out.total}):\n${table(data.cites)}`);
  if (data.citedBy.length)
    io.out(
      `\ncited by (${inn.total}):\n${table(data.citedBy.map((c) => ({ document: c.document, relation: c.relation })))}`,
    );
}

/** `trace`: the units with evidence of implementing a directive, and those without. */
async function trace(io: Io, ref: string, opts: { json?: boolean }): Promise<void> {
  const db = connect(loadSettings());
  const d = await one(db, ref);
  const [impl, none] = await Promise.all([q.implementers(db, d), q.unitsWithoutEvidence(db, d.key)]);
  if (opts.json) return io.out(json({ directive: d, implementers: impl, withoutEvidence: none }));
  const label = await labeller(db, [
    d,
    ...impl.flatMap((i) => i.evidence.flatMap((e) => [e.document, e.target])),
  ]);
  io.out(`${label(d)} ${d.issuedOn ?? ''}: ${impl.length} implementing units`);
  io.out(
    table(
      impl.flatMap((i) =>
        i.evidence.map((e) => ({
          unit: i.unit.name,
          document: label(e.document),
          relation: e.relation,
          target: label(e.target),
          on: e.document.issuedOn ?? '',
        })),
      ),
    ),
  );
  if (none.length) io.out(`\nno evidence yet: ${none.map((u) => u.name).join('; ')}`);
}

/** `chain`: the citation chain from a document, as a table of links. */
async function chain(
  io: Io,
  ref: string,
  opts: { in?: boolean; both?: boolean; depth: number; json?: boolean },
): Promise<void> {
  if (!(opts.depth >= 1 && opts.depth <= 6)) throw new LuocdoError('BAD_INPUT', '--depth takes 1 to 6');
  const db = connect(loadSettings());
  const d = await one(db, ref);
  const g = await q.citationChain(db, d, opts.both ? 'BOTH' : opts.in ? 'IN' : 'OUT', opts.depth);
  if (opts.json) return io.out(json(g));
  const label = await labeller(db, g.nodes);
  const byKey = new Map(g.nodes.map((n) => [n.key, n]));
  const name = (k: string) => {
    const n = byKey.get(k);
    return n ? label(n) : k;
  };
  io.out(`${g.nodes.length} documents, ${g.edges.length} links`);
  io.out(table(g.edges.map((e) => ({ from: name(e.from), relation: e.relation, to: name(e.to) }))));
}

export function registerQueries(program: Command, io: Io): void {
  program
    .command('serve')
    .description('serve the GraphQL API (127.0.0.1:4000 unless told otherwise)')
    .option('--port <n>', 'port', intOption(0, 65535))
    .option('--host <host>', 'address to listen on (beyond loopback: see --public)')
    .option('--public', 'listen beyond loopback even with the reads open to the network')
    .action(async (opts: { port?: number; host?: string; public?: boolean }) => serve(io, opts));

  program
    .command('show')
    .description('a document by any written form of its number')
    .argument('<ref>')
    .option('--json', 'machine-readable output')
    .action(async (ref: string, opts: { json?: boolean }) => show(io, ref, opts));

  program
    .command('trace')
    .description('which units implemented a directive, with the evidence')
    .argument('<ref>')
    .option('--json', 'machine-readable output')
    .action(async (ref: string, opts: { json?: boolean }) => trace(io, ref, opts));

  program
    .command('chain')
    .description('the citation chain from a document (what it cites; --in: who cites it)')
    .argument('<ref>')
    .option('--in', 'follow citations into the document')
    .option('--both', 'both directions')
    .option('--depth <n>', 'levels (1-6)', intOption(1, 6), 3)
    .option('--json', 'machine-readable output')
    .action(async (ref: string, opts: { in?: boolean; both?: boolean; depth: number; json?: boolean }) =>
      chain(io, ref, opts),
    );
}
