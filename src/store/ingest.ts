import type { ManagedTransaction } from 'neo4j-driver';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { isLuocdoError, LuocdoError } from '../errors.js';
import {
  answerKeys,
  factsOf,
  searchText,
  withReportKey,
  type DocRow,
  type Draft,
  type GraphFacts,
} from '../graph/facts.js';
import { NEAR_DUPLICATE, sameReport } from '../graph/identity.js';
import { NOTHING_KNOWN, placeKey } from '../graph/known.js';
import { areaKey } from '../graph/organizations.js';
import type { Db } from './connection.js';
import { answerText, questionRow, resolveWithGraph, staleSources, type AnswerRow } from './knowledge.js';
import { rows, run } from './run.js';
import { toPlain } from './values.js';

/**
 * A source ready to write: its graph facts as its text alone resolves them (the write resolves them again
 * with what the graph knows), and the draft they are made from.
 */
export type Prepared = {
  path: string;
  sha256: string;
  format: string;
  bytes: number;
  /**
   * The extractor that made the facts: a source stored by another version is extracted again (one resolved
   * again from its stored draft keeps the version that read it).
   */
  extractorVersion: string;
  /** The report's folded title, which near-identical extractions of one report share. */
  titleKey: string | null;
  /** How the text's encoding was decided (`utf-8`, `tcvn3`, `vni`…, by `font` or `trial`), when the reader said. */
  encoding?: { encoding: string; decidedBy: string; confidence: number; doubtful: boolean };
  /** Pages of a scanned PDF read by OCR, and tesseract's mean confidence in their words (0–100). */
  ocr?: { pages: number; meanConfidence: number };
  facts: GraphFacts;
  /** What the facts are made from, kept so that the write can resolve them again with the graph. */
  draft: Draft;
  /** The text the Citations' offsets index, packed (store/packed.ts); absent for a source stored without it. */
  textZ?: string;
};

export type IngestStatus = 'added' | 'unchanged' | 'replaced' | 'merged';

export type IngestResult = {
  path: string;
  sha256: string;
  status: IngestStatus;
  report: string;
  documents: number;
  citations: number;
};

/** A draft as stored on its SourceFile: only a source whose resolution asked the graph keeps one. */
const packDraft = (g: GraphFacts, d: Draft): Int8Array | null => {
  if (g.questions.length === 0) return null;
  const b = gzipSync(JSON.stringify(d));
  return new Int8Array(b.buffer, b.byteOffset, b.byteLength);
};
const unpackDraft = (b: Int8Array): Draft =>
  JSON.parse(gunzipSync(Buffer.from(b.buffer, b.byteOffset, b.byteLength)).toString('utf8')) as Draft;

const touchedRow = z.object({
  report: z.string(),
  cited: z.array(z.string()),
  answers: z.array(z.string()),
  units: z.array(z.string()),
  people: z.array(z.string()),
});

const keyRow = z.object({ key: z.string() });
const removedRow = touchedRow.extend({
  evidence: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))),
});

/**
 * What a removal leaves to do once the source is out: the questions it answered; its report's key and the
 * documents it cited, which the caller settles (`settleDocuments`) once its own writes are done; what its
 * Citations said of each (`[key, ...evidence]`, see `evidenceOf`) and the documents that went with it.
 */
export type Removed = {
  answers: string[];
  report: string;
  cited: string[];
  evidence: Array<Array<string | number | boolean | null>>;
  deleted: string[];
};

/**
 * Takes one source out of the graph, inside the caller's transaction; null when it is not there, else
 * what is left to do (see `Removed`).
 */
export async function removeSourceTx(tx: ManagedTransaction, sha: string): Promise<Removed | null> {
  const [row] = await rows(tx, 'remove/source-documents', removedRow, { sha });
  if (!row) return null;
  const keys = [row.report, ...row.cited];
  await run(tx, 'remove/source-edges', { sha, keys });
  await run(tx, 'remove/edge-inference', { sha });
  await run(tx, 'remove/source-citations', { sha });
  await run(tx, 'remove/edge-quotes', { report: row.report, keys });
  await run(tx, 'remove/source-file', { sha });
  const deleted = await rows(tx, 'remove/orphans', keyRow, { keys });
  await run(tx, 'remove/orphan-units', { units: [...new Set(row.units)], people: row.people });
  const [rekeyed] = await rows(tx, 'remove/report-key', keyRow, { key: row.report });
  return {
    answers: row.answers,
    report: rekeyed?.key ?? row.report,
    cited: row.cited,
    evidence: row.evidence,
    deleted: deleted.map((d) => d.key),
  };
}

/** What one Citation says of the document it refers to, as settle-documents reads it. */
const evidenceOf = (c: WriteParams['targets'][number]['citations'][number]) =>
  JSON.stringify([
    c.evidence.title ?? null,
    c.evidence.type ?? null,
    c.evidence.number ?? null,
    c.evidence.name ?? null,
    c.evidence.year ?? null,
    c.evidence.issuedOn ?? null,
    c.ambiguous ?? null,
  ]);

/**
 * The documents to settle after sources were removed and, in the same transaction, one written again
 * (`written`, or nothing): each removed source's report, and each document it cited unless it still
 * stands and the write's Citations say of it exactly what the removed ones said. That document's evidence
 * is then the same as when it was last settled, and so is what it shows: settling it again would read
 * every Citation of it (a decree cited by thousands, for each of its citers written again) to change nothing.
 */
export function toSettle(removed: readonly Removed[], written: WriteParams | null): string[] {
  const net = new Map<string, Map<string, number>>();
  const add = (key: string, e: string, n: number) => {
    const m = net.get(key) ?? new Map<string, number>();
    net.set(key, m.set(e, (m.get(e) ?? 0) + n));
  };
  for (const r of removed)
    for (const [key, ...e] of r.evidence) if (typeof key === 'string') add(key, JSON.stringify(e), 1);
  for (const t of written?.targets ?? []) for (const c of t.citations) add(t.key, evidenceOf(c), -1);
  const deleted = new Set(removed.flatMap((r) => r.deleted));
  const same = (key: string) =>
    !deleted.has(key) && [...(net.get(key)?.values() ?? [1])].every((n) => n === 0);
  return removed.flatMap((r) => [r.report, ...r.cited.filter((k) => !same(k))]);
}

/**
 * A document's text for the full-text index. `force`: a report's, chosen from its copies' texts in the
 * graph (`text` is null). Else a cited document's text, folded from the symbol, name and title it was made
 * of, written only while the document still shows those (see cypher/ingest/write-search-text.cypher).
 */
export type SearchRow = {
  key: string;
  text: string | null;
  force: boolean;
  symbol: string | null;
  name: string | null;
  title: string | null;
};

const settledRow = z.object({
  key: z.string(),
  hasText: z.boolean(),
  symbol: z.string().nullable(),
  name: z.string().nullable(),
  title: z.string().nullable(),
  searchText: z.string().nullable(),
});

/**
 * Settles what each document shows from all its evidence (cypher/ingest/settle-documents.cypher), inside
 * the caller's transaction: a report's search text too unless `deferSearch`; a cited document whose symbol,
 * name or title changed gets its folded text now, by the one function that makes it (`searchText`).
 */
export async function settleDocuments(
  tx: ManagedTransaction,
  keys: readonly string[],
  deferSearch: boolean,
): Promise<void> {
  if (keys.length === 0) return;
  const settled = await rows(tx, 'ingest/settle-documents', settledRow, {
    keys: [...new Set(keys)].sort(),
    search: !deferSearch,
  });
  const changed = settled
    .filter((d) => !d.hasText)
    .map((d) => ({ ...docSearchRow(d), was: d.searchText }))
    .filter((r) => r.text !== r.was)
    .map(({ was: _was, ...r }) => r);
  if (changed.length > 0) await run(tx, 'ingest/write-search-text', { rows: changed, shas: [] });
}

export type WriteOptions = {
  /**
   * Leave the full-text search text to `writeSearchText`, called for many sources at once: the index
   * is refreshed once per transaction that touches it, and one refresh per report made Lucene's
   * segment merges a third of the server's work during a bulk ingest.
   */
  deferSearch?: boolean;
};

export type WriteResult = IngestResult & { search: SearchRow[] };

/** The search text of what one source writes: its report's (from its copies) and the documents it names. */
export function searchRows(g: GraphFacts): SearchRow[] {
  return [
    { key: g.report.key, text: null, force: true, symbol: null, name: null, title: null },
    ...g.documents.map(docSearchRow),
  ];
}

const docSearchRow = (d: {
  key: string;
  symbol: string | null;
  name: string | null;
  title: string | null;
}) => ({
  key: d.key,
  text: docSearchText(d),
  force: false,
  symbol: d.symbol,
  name: d.name,
  title: d.title,
});

const docSearchText = (d: { symbol: string | null; name: string | null; title: string | null }) =>
  searchText(`${d.symbol ?? ''} ${d.name ?? ''} ${d.title ?? ''}`);
const orgSearchText = (o: { name: string; shortName: string | null }) =>
  searchText(`${o.name} ${o.shortName ?? ''}`);

/**
 * The write statement's parameters: one row per document the source names (the report included),
 * carrying its issuer, the report's edges to it and its Citations; the facts between other documents.
 */
export function writeParams(p: Prepared, g: GraphFacts, deferSearch: boolean) {
  const issuer = new Map(g.issuedBy.map((r) => [r.doc, r.org]));
  // Edge types only: the statement takes each edge's quote from the Citations on the same row, so the
  // sentence crosses the wire once (a sixth of the parameters).
  const rels = new Map<string, string[]>();
  const facts: GraphFacts['edges'] = [];
  for (const e of g.edges) {
    if (e.from !== g.report.key) facts.push(e);
    else rels.set(e.to, [...(rels.get(e.to) ?? []), e.rel]);
  }
  const cites = new Map<
    string,
    Array<
      Omit<GraphFacts['citations'][number], 'facts' | 'docKey' | 'inferred' | 'evidence'> & {
        facts: string[] | null;
        // Absent unless true, as DESIGN §3 reads it: `inferred: true` until confirmed.
        inferred: true | null;
        evidence: GraphFacts['citations'][number]['evidence'];
      }
    >
  >();
  for (const { docKey, ...c } of g.citations)
    cites.set(docKey, [
      ...(cites.get(docKey) ?? []),
      { ...c, inferred: c.inferred || null, facts: c.facts.length > 0 ? c.facts : null },
    ]);
  const row = (d: DocRow, searchText: string | null) => ({
    key: d.key,
    type: d.type,
    number: d.number,
    symbol: d.symbol,
    year: d.year,
    issuedOn: d.issuedOn,
    title: d.title,
    name: d.name,
    ambiguous: d.ambiguous,
    searchText,
    issuer: issuer.get(d.key) ?? null,
    rels: rels.get(d.key) ?? [],
    citations: cites.get(d.key) ?? [],
  });
  // Deferred, the text is folded once, by `searchRows`, not here as well.
  const targets = [
    row(g.report, null),
    ...g.documents.map((d) => row(d, deferSearch ? null : docSearchText(d))),
  ];
  return {
    // The report's text always goes on its SourceFile, the evidence its search text is chosen from.
    r: g.report,
    areas: g.areas,
    orgs: g.organizations.map((o) => ({ ...o, searchText: orgSearchText(o) })),
    targets,
    facts,
    sha: p.sha256,
    ownKey: p.facts.report.key,
    source: {
      path: p.path,
      format: p.format,
      bytes: p.bytes,
      encoding: p.encoding?.encoding ?? null,
      encodingDecidedBy: p.encoding?.decidedBy ?? null,
      encodingDoubtful: p.encoding?.doubtful ?? null,
      ocr: p.ocr ? true : null,
      ocrPages: p.ocr?.pages ?? null,
      ocrConfidence: p.ocr?.meanConfidence ?? null,
      version: p.extractorVersion,
      answers: answerKeys(g),
      questions: g.questions.map((q) => ({ ...questionRow(q), answer: answerText(q.answer) })),
      draft: packDraft(g, p.draft),
      textZ: p.textZ ?? null,
      refKeys: g.refKeys,
      titleKey: p.titleKey,
      issuer: issuer.get(g.report.key) ?? null,
      sentTo: g.sentTo,
      searchPending: deferSearch ? true : null,
    },
    person: g.person,
  };
}

export type WriteParams = ReturnType<typeof writeParams>;

/**
 * A batch's sources are written in order by one statement, and a unit or area is only ever created, never
 * updated, by it: so each is sent with the first source that names it and read by the others (100 reports
 * name ~120 units 765 times).
 */
export function sharedUnits(batch: WriteParams[]): WriteParams[] {
  const orgs = new Set<string>();
  const areas = new Set<string>();
  const first = (seen: Set<string>, key: string) => !seen.has(key) && seen.add(key) !== undefined;
  return batch.map((w) => ({
    ...w,
    // Keyed with the edge each row may add, so a row that places its unit or area is never dropped.
    orgs: w.orgs.filter((o) => first(orgs, `${o.key}>${o.areaKey ?? ''}`)),
    areas: w.areas.filter((a) => first(areas, `${a.key}>${a.parentKey ?? ''}`)),
  }));
}

const candidate = z.object({
  key: z.string(),
  title: z.string().nullable(),
  refKeys: z.array(z.string()).nullable(),
  contentKeyed: z.boolean(),
});
type Candidate = z.infer<typeof candidate>;
const probeRow = z.object({
  sha: z.string(),
  version: z.string().nullable(),
  doc: z.string().nullable(),
  searchPending: z.boolean(),
  older: z.array(z.string()),
  candidates: z.array(candidate),
  /** The questions this source's write answers anew (see cypher/ingest/probe.cypher). */
  news: z.array(z.string()),
});
type Probe = Omit<z.infer<typeof probeRow>, 'sha'>;

const probeItem = (p: Prepared) => {
  const g = p.facts;
  return {
    sha: p.sha256,
    path: p.path,
    org: g.reporter ? { ...g.reporter, searchText: orgSearchText(g.reporter) } : null,
    refKeys: g.refKeys,
    titleKey: p.titleKey,
    answers: [
      ...g.answers.areas.map((a) => ({ q: placeKey(a.tier, a.name), key: areaKey(a) })),
      ...g.answers.dated,
    ],
  };
};

/** What the graph holds of each source, by sha256 (see cypher/ingest/probe.cypher). */
async function probeSources(tx: ManagedTransaction, ps: Prepared[]): Promise<Map<string, Probe>> {
  const found = await rows(tx, 'ingest/probe', probeRow, {
    items: ps.map(probeItem),
    nearDuplicate: NEAR_DUPLICATE,
  });
  return new Map(found.map(({ sha, ...probe }) => [sha, probe]));
}

const writtenRow = z.object({ keys: z.array(z.string()), stale: z.array(z.string()) });

/** Writes sources in one statement; the keys of their reports and of the documents to settle. */
async function writeStatement(tx: ManagedTransaction, batch: WriteParams[]): Promise<string[]> {
  const [w] = await rows(tx, 'ingest/write-source', writtenRow, { batch });
  return w ? [...w.keys, ...w.stale] : [];
}

const isCandidate = (g: GraphFacts, c: Candidate) =>
  c.key !== g.report.key &&
  sameReport(
    { numberedKey: g.report.symbol ? g.report.key : null, title: g.report.title, refKeys: g.refKeys },
    { numberedKey: c.contentKeyed ? null : c.key, title: c.title, refKeys: c.refKeys ?? [] },
  );

function unchanged(p: Prepared, probe: Probe): WriteResult {
  const doc = probe.doc ?? p.facts.report.key;
  return {
    path: p.path,
    sha256: p.sha256,
    status: 'unchanged',
    report: doc,
    documents: 0,
    citations: 0,
    // A bulk ingest stopped before its search text was written: write it now.
    search: probe.searchPending ? searchRows(withReportKey(p.facts, doc)) : [],
  };
}

function written(p: Prepared, g: GraphFacts, status: IngestStatus, defer: boolean): WriteResult {
  return {
    path: p.path,
    sha256: p.sha256,
    status,
    report: g.report.key,
    documents: g.documents.length + 1,
    citations: g.citations.length,
    search: defer ? searchRows(g) : [],
  };
}

/**
 * Writes one source in one transaction: an unchanged file is a no-op; a changed file at the same path
 * replaces exactly its own citations and edges; a near-identical extraction of a report already in the
 * graph becomes a second SourceFile of that Document. Its mentions are resolved with what the graph knows,
 * and once it is written, the sources it answers questions of are resolved again (see `settle`).
 */
export async function writeSource(db: Db, p: Prepared, opts: WriteOptions = {}): Promise<WriteResult> {
  const done = await db.write((tx) => writeSourceTx(tx, p, opts));
  await settle(db, [p.sha256], done.gone);
  return done.result;
}

/** A write's result, and the keys of the questions whose askers are to be checked once it commits. */
type Written = { result: WriteResult; gone: string[] };

/** `writeSource` inside the caller's transaction; `force` writes a source again although it is unchanged. */
async function writeSourceTx(
  tx: ManagedTransaction,
  prepared: Prepared,
  opts: WriteOptions & { force?: boolean },
): Promise<Written> {
  const defer = opts.deferSearch === true;
  const [p] = await resolveWithGraph(tx, [prepared]);
  if (!p) throw new LuocdoError('DB_QUERY', `nothing to write for ${prepared.path}`);
  let g = p.facts;
  const probe = (await probeSources(tx, [p])).get(p.sha256);
  if (!probe) throw new LuocdoError('DB_QUERY', `the probe returned nothing for ${p.path}`);
  if (probe.version === p.extractorVersion && !opts.force) return { result: unchanged(p, probe), gone: [] };
  let status: IngestStatus = 'added';
  // What the askers of are to be checked: what this write answers anew, and what the versions it replaces answered.
  const gone: string[] = [...probe.news];
  const removed: Removed[] = [];
  for (const sha of [...(probe.version !== null ? [p.sha256] : []), ...probe.older]) {
    const r = await removeSourceTx(tx, sha);
    if (r) removed.push(r);
    for (const x of r?.answers ?? []) gone.push(x);
  }
  if (probe.older.length > 0) status = 'replaced';
  const c = probe.candidates.find((x) => isCandidate(g, x));
  if (c) {
    if (status === 'added') status = 'merged';
    // A number names the report; else the least of its copies' content keys does, whichever came first.
    const moved =
      c.contentKeyed && (g.report.symbol || g.report.key < c.key)
        ? await run(tx, 'ingest/rekey-document', { from: c.key, to: g.report.key })
        : null;
    if (!moved || moved.records.length === 0) g = withReportKey(g, c.key);
  }
  const params = writeParams(p, g, defer);
  const keys = await writeStatement(tx, [params]);
  await settleDocuments(tx, [...toSettle(removed, params), ...keys], defer);
  return { result: written(p, g, status, defer), gone };
}

/** Sources written in one statement: new, plain, and not near-identical to a report here or in the batch. */
function isPlain(p: Prepared, probe: Probe | undefined, plain: Prepared[]): boolean {
  const g = p.facts;
  return !(
    !probe ||
    probe.version !== null ||
    probe.older.length > 0 ||
    plain.some((q) => q.sha256 === p.sha256) || // the same bytes twice: the second is unchanged
    probe.candidates.some((c) => isCandidate(g, c)) ||
    plain.some(
      (q) =>
        q.facts.reporter?.key === g.reporter?.key &&
        isCandidate(g, {
          key: q.facts.report.key,
          title: q.facts.report.title,
          refKeys: q.facts.refKeys,
          contentKeyed: q.facts.report.symbol === null,
        }),
    )
  );
}

/**
 * Writes many sources in one transaction, for a bulk ingest: what is new and plain (no earlier version,
 * no near-identical report in the graph or earlier in the batch) goes in one statement; the rest, and
 * every source of a batch that fails, go one transaction each through `writeSource`. Each source is
 * still written whole or not at all, and a bad one fails alone. The batch's sources answer each other's
 * questions as they are resolved, so the graph is the one a source-by-source ingest gives.
 */
export async function writeSources(
  db: Db,
  ps: Prepared[],
  opts: WriteOptions = {},
): Promise<{ results: WriteResult[]; failures: Array<{ path: string; error: unknown }> }> {
  const defer = opts.deferSearch === true;
  const results: WriteResult[] = [];
  const failures: Array<{ path: string; error: unknown }> = [];
  const gone: string[] = [];
  let alone: Prepared[] = ps.length > 1 ? [] : ps;
  if (ps.length > 1)
    try {
      const done = await db.write(async (tx) => {
        const resolved = await resolveWithGraph(tx, ps);
        const probes = await probeSources(tx, resolved);
        const out: WriteResult[] = [];
        const plain: Prepared[] = [];
        // Later ones are written as they came: `writeSource` resolves them again, with the graph as it is then.
        const later: Prepared[] = [];
        resolved.forEach((p, i) => {
          const probe = probes.get(p.sha256);
          if (probe?.version === p.extractorVersion) out.push(unchanged(p, probe));
          else if (isPlain(p, probe, plain)) plain.push(p);
          else later.push(ps[i] as Prepared);
        });
        if (plain.length > 0) {
          const batch = sharedUnits(plain.map((p) => writeParams(p, p.facts, defer)));
          await settleDocuments(tx, await writeStatement(tx, batch), defer);
        }
        for (const p of plain) out.push(written(p, p.facts, 'added', defer));
        const news = plain.flatMap((p) => probes.get(p.sha256)?.news ?? []);
        return { out, later, news };
      });
      for (const x of done.out) results.push(x);
      for (const x of done.news) gone.push(x);
      alone = done.later;
    } catch (e) {
      if (isFatal(e)) throw e;
      alone = ps; // find the source that failed the batch: each alone now
    }
  for (const p of alone) {
    try {
      const w = await db.write((tx) => writeSourceTx(tx, p, opts));
      results.push(w.result);
      for (const x of w.gone) gone.push(x);
    } catch (e) {
      if (isFatal(e)) throw e;
      failures.push({ path: p.path, error: e });
    }
  }
  await settle(
    db,
    results.map((r) => r.sha256),
    gone,
  );
  return { results, failures };
}

/**
 * Resolves again every source whose questions the graph now answers otherwise than when it was written (a
 * later report placed its district, a second dated document of its number came), and then the sources
 * those writes answer, a few rounds at most. Reading only: the check runs after the writes commit, so two
 * writers that answer each other's questions at once still see each other.
 */
export async function settle(db: Db, shas: readonly string[], keys: readonly string[] = []): Promise<number> {
  let todo = { shas: [...shas], keys: [...keys] };
  let refreshed = 0;
  for (let round = 0; round < 5 && (todo.shas.length > 0 || todo.keys.length > 0); round++) {
    const next = { shas: [] as string[], keys: [] as string[] };
    const { stale, answers } = await staleSources(db, todo.shas, todo.keys);
    // Rewriting a source gives the same facts when no answer of its decides otherwise: its answers are
    // set instead, and checked again next round like a rewritten source's (a writer may have raced).
    for (const sha of new Set(answers.map((a) => a.sha))) next.shas.push(sha);
    for (const [sha, w] of await refreshAll(db, stale, answers)) {
      refreshed++;
      next.shas.push(sha);
      for (const x of w.gone) next.keys.push(x);
    }
    todo = next;
  }
  return refreshed;
}

/**
 * A round of `settle`'s writes in one transaction: the answers set, then each stale source written again
 * in turn, each seeing the ones before as it would in a transaction of its own (a warm ingest rewrites a
 * dozen sources a batch, and a transaction each was most of their cost after their statements). If the
 * round fails, each goes alone, as `writeSources` does: a source is still written whole or not at all.
 */
async function refreshAll(
  db: Db,
  stale: readonly string[],
  answers: readonly AnswerRow[],
): Promise<Array<[string, Written]>> {
  const round = async (tx: ManagedTransaction, shas: readonly string[], rows: readonly AnswerRow[]) => {
    if (rows.length > 0) await run(tx, 'ingest/set-answers', { rows });
    const out: Array<[string, Written]> = [];
    for (const sha of shas) {
      const w = await refreshTx(tx, sha);
      if (w) out.push([sha, w]);
    }
    return out;
  };
  if (stale.length + (answers.length > 0 ? 1 : 0) > 1)
    try {
      return await db.write((tx) => round(tx, stale, answers));
    } catch (e) {
      if (isFatal(e)) throw e; // else each alone, which fails as a source written alone does
    }
  if (answers.length > 0) await db.write((tx) => round(tx, [], answers));
  const out: Array<[string, Written]> = [];
  for (const sha of stale) out.push(...(await db.write((tx) => round(tx, [sha], []))));
  return out;
}

const sourceDraftRow = z.object({
  path: z.string(),
  format: z.string(),
  bytes: z.number(),
  version: z.string(),
  titleKey: z.string().nullable(),
  encoding: z.string().nullable(),
  encodingDecidedBy: z.string().nullable(),
  encodingDoubtful: z.boolean().nullable(),
  ocrPages: z.number().nullable(),
  ocrConfidence: z.number().nullable(),
  textZ: z.string().nullable(),
});

/** One source written again from its stored draft, with what the graph knows now. */
async function refreshTx(tx: ManagedTransaction, sha: string): Promise<Written | null> {
  const rec = (await run(tx, 'ingest/source-draft', { sha })).records[0];
  // The draft is bytes, which `rows` (plain values) does not carry: the rest of the row is checked.
  const packed: unknown = rec?.get('draft');
  if (!rec || !(packed instanceof Int8Array)) return null;
  const { draft: _draft, ...meta } = rec.toObject();
  const checked = sourceDraftRow.safeParse(toPlain(meta));
  if (!checked.success)
    throw new LuocdoError(
      'DB_QUERY',
      `query ingest/source-draft returned a row of another shape: ${checked.error.message}`,
    );
  const s = checked.data;
  const draft = unpackDraft(packed);
  const p: Prepared = {
    path: s.path,
    sha256: sha,
    format: s.format,
    bytes: s.bytes,
    extractorVersion: s.version,
    titleKey: s.titleKey,
    ...(s.encoding !== null
      ? {
          encoding: {
            encoding: s.encoding,
            decidedBy: s.encodingDecidedBy ?? 'trial',
            // Not stored (nothing reads it), so the rewrite cannot change it either.
            confidence: 1,
            doubtful: s.encodingDoubtful ?? false,
          },
        }
      : {}),
    ...(s.ocrPages !== null ? { ocr: { pages: s.ocrPages, meanConfidence: s.ocrConfidence ?? 0 } } : {}),
    facts: factsOf(draft, NOTHING_KNOWN),
    draft,
    ...(s.textZ !== null ? { textZ: s.textZ } : {}),
  };
  return writeSourceTx(tx, p, { force: true });
}

/** Errors that end an ingest: no source can be written while the database is away or refuses us. */
export const isFatal = (e: unknown): boolean =>
  isLuocdoError(e) && (e.code === 'DB_UNAVAILABLE' || e.code === 'DB_AUTH');

/** Writes the deferred search text of many sources in one transaction, and marks those sources done. */
export async function writeSearchText(db: Db, rows: SearchRow[], shas: string[]): Promise<void> {
  if (rows.length === 0 && shas.length === 0) return;
  await db.write((tx) => run(tx, 'ingest/write-search-text', { rows, shas }));
}

/** Waits until the full-text indexes (updated after commit) show what was written. */
export async function awaitSearchRefresh(db: Db): Promise<void> {
  await db.read((tx) => run(tx, 'ingest/await-search-refresh'));
}

const sourceRow = z.object({ sha: z.string(), path: z.string() });

/** Removes a source named by sha256 (or a prefix) or path; false when there is none. */
export async function removeSource(db: Db, ref: string): Promise<{ sha: string; path: string }[]> {
  const gone: string[] = [];
  const found = await db.write(async (tx) => {
    const found = await rows(tx, 'ingest/find-source-by-ref', sourceRow, { ref });
    const touched: string[] = [];
    for (const f of found) {
      const removed = await removeSourceTx(tx, f.sha);
      for (const x of removed?.answers ?? []) gone.push(x);
      for (const x of removed ? toSettle([removed], null) : []) touched.push(x);
    }
    await settleDocuments(tx, touched, false);
    return found;
  });
  // What the removed sources answered may now be answered otherwise.
  await settle(db, [], gone);
  return found;
}

const countsRow = z.object({
  documents: z.number(),
  withText: z.number(),
  sources: z.number(),
  citations: z.number(),
  organizations: z.number(),
  relationships: z.number(),
});
export type Counts = z.infer<typeof countsRow>;

export async function counts(db: Db): Promise<Counts> {
  const [r] = await db.read((tx) => rows(tx, 'db/counts', countsRow));
  if (!r) throw new LuocdoError('DB_QUERY', 'query db/counts returned no row');
  return r;
}
