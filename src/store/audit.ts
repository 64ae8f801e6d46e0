import { extractDocument, type ExtractedDocument, type ExtractedReference } from '../extract/index.js';
import { CHECKS } from '../graph/audit-checks.js';
import { draftOf, factsOf } from '../graph/facts.js';
import { NOTHING_KNOWN } from '../graph/known.js';
import {
  AUDIT_CODES,
  SEVERITY_ORDER,
  vnDate,
  type AuditCode,
  type AuditDoc,
  type AuditFinding,
  type AuditMention,
} from '../graph/audit.js';
import { LuocdoError, recode } from '../errors.js';
import type { Db } from './connection.js';
import { cypher } from './cypher.js';
import { resolveWithGraph } from './knowledge.js';
import { toParam, toPlain } from './values.js';
import * as q from './queries.js';

/**
 * A check's rows from the anchor documents `keys` (cypher/audit/_anchors then the check's own query: the rule
 * is written once, from the anchor, in each role it can play), grouped by the anchor that found them. With
 * `everyRole` false, each finding is found from its primary anchor only: a scan of every document finds it once.
 */
async function rowsByAnchor(
  db: Db,
  query: string,
  keys: readonly string[],
  everyRole: boolean,
): Promise<Map<string, unknown[]>> {
  const text = `${cypher('audit/_anchors')}\n${cypher(`audit/${query}`)}`;
  const records = await db.read(async (tx) => (await tx.run(text, { keys, everyRole })).records);
  const out = new Map<string, unknown[]>();
  for (const r of records) {
    const row = toPlain(r.toObject()) as { anchor?: unknown };
    const anchor = String(row.anchor);
    out.set(anchor, [...(out.get(anchor) ?? []), row]);
  }
  return out;
}

/** A finding and the anchor document that found it (where a scan's cursor stands). */
export type Anchored = { anchor: string; finding: AuditFinding };

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const CODE_ORDER = new Map<string, number>(AUDIT_CODES.map((c, i) => [c, i]));
const mentionsId = (f: AuditFinding) => f.mentions.map((m) => `${m.path ?? ''}:${m.start}`).join(',');
/**
 * One anchor's findings in an order that does not depend on a query plan: by code, the documents named, the
 * message, the mentions. A scan's cursor counts an anchor's findings in this order.
 */
const byAnchorOrder = (a: AuditFinding, b: AuditFinding) =>
  (CODE_ORDER.get(a.code) ?? 0) - (CODE_ORDER.get(b.code) ?? 0) ||
  cmp(a.documents.map((d) => d.key).join('|'), b.documents.map((d) => d.key).join('|')) ||
  cmp(a.message, b.message) ||
  cmp(mentionsId(a), mentionsId(b));

/**
 * The findings of the checks of `codes` found from the anchors `keys`, in the anchors' order, each anchor's
 * in byAnchorOrder. Checks may share a query (UNKNOWN_CODE and MALFORMED_SYMBOL): it runs once.
 */
async function anchoredFindings(
  db: Db,
  keys: readonly string[],
  codes: readonly AuditCode[],
  everyRole: boolean,
): Promise<Anchored[]> {
  const fetched = new Map<string, Map<string, unknown[]>>();
  const byAnchor = new Map<string, AuditFinding[]>();
  for (const code of codes) {
    const check = CHECKS[code];
    let found = fetched.get(check.query);
    if (!found) {
      found = await rowsByAnchor(db, check.query, keys, everyRole);
      fetched.set(check.query, found);
    }
    for (const [anchor, rows] of found) {
      const list = byAnchor.get(anchor) ?? [];
      for (const f of check.findings(rows)) list.push({ code, severity: check.severity, ...f });
      byAnchor.set(anchor, list);
    }
  }
  return keys.flatMap((anchor) =>
    (byAnchor.get(anchor) ?? []).sort(byAnchorOrder).map((finding) => ({ anchor, finding })),
  );
}

/** The documents of one document's chain: what it cites, three deep, and who cites it. */
async function chainKeys(db: Db, ref: string): Promise<string[]> {
  const r = await q.resolveRef(db, ref).catch(recode('BAD_INPUT', 'BAD_REF'));
  if (!r.doc) {
    throw r.candidates.length
      ? new LuocdoError('BAD_REF', q.ambiguityMessage(ref, r.candidates))
      : new LuocdoError('NOT_FOUND', `no document '${ref}' in the graph`);
  }
  const chain = await q.citationChain(db, r.doc, 'BOTH', 3);
  return chain.nodes.map((n) => n.key);
}

const bySeverityCodeMessage = (a: AuditFinding, b: AuditFinding) =>
  SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
  a.code.localeCompare(b.code) ||
  a.message.localeCompare(b.message);

const wantedCodes = (codes: readonly AuditCode[] | null | undefined) =>
  AUDIT_CODES.filter((c) => !codes?.length || codes.includes(c));

/** Where a scan of the whole graph goes on: from the anchor `from` (inclusive), past its first `skip` findings. */
export type ScanCursor = { from: string; skip: number };

/** A page of the whole graph's audit; `next` is null once every document has been read. */
export type ScanPage = { items: Anchored[]; next: ScanCursor | null };

// A scan reads the documents in chunks, sized to the time left: small at first, so a page whose findings are
// near (most are: a graph of cited decrees is dense with DANGLING) answers fast; larger for a rare code.
const FIRST_CHUNK = 200;
const MAX_CHUNK = 20_000;

/** The next chunk of anchors, in key order, from `from` (inclusive). */
async function scanKeys(db: Db, from: string, n: number): Promise<string[]> {
  return db.read(async (tx) =>
    (await tx.run(cypher('audit/_scan'), toParam({ from, n }) as Record<string, unknown>)).records.map((r) =>
      String(r.get('key')),
    ),
  );
}

/**
 * A page of the whole graph's audit, paged in Cypher: the documents in key order (the key's index), a chunk at a
 * time, each chunk's findings found from their primary anchor (so each once), until `first` findings are in
 * or `budgetMs` is spent (a rare code may need the whole graph read: the page then says where it stopped, and
 * the next goes on from there). Checks whose last word is TypeScript's (UNKNOWN_CODE, ISSUER_CONFLICT) judge
 * each chunk's rows as they come.
 */
export async function auditScan(
  db: Db,
  opts: {
    codes?: readonly AuditCode[] | null;
    first: number;
    after?: ScanCursor | null;
    budgetMs: number;
    /** A fixed chunk size (a test's, to cross chunks' edges on a small graph). */
    chunk?: number;
  },
): Promise<ScanPage> {
  const codes = wantedCodes(opts.codes);
  const started = Date.now();
  const items: Anchored[] = [];
  let at: ScanCursor = opts.after ?? { from: '', skip: 0 };
  let size = opts.chunk ?? FIRST_CHUNK;
  for (;;) {
    const t0 = Date.now();
    const keys = await scanKeys(db, at.from, size);
    const found = await anchoredFindings(db, keys, codes, false);
    // The anchor the cursor stopped in gave its first `skip` findings already.
    let given = 0;
    for (const a of found) {
      if (a.anchor === at.from && given < at.skip) {
        given++;
        continue;
      }
      if (items.length === opts.first) return { items, next: nextAfter(items, opts.after ?? null) };
      items.push(a);
    }
    const last = keys[keys.length - 1];
    // Past the last key: the smallest string after it.
    if (last === undefined || keys.length < size) return { items, next: null };
    at = { from: `${last}\u0000`, skip: 0 };
    const spent = Date.now() - started;
    if (items.length === opts.first || spent >= opts.budgetMs) return { items, next: at };
    const perKey = Math.max(Date.now() - t0, 1) / keys.length;
    const fits = Math.floor((opts.budgetMs - spent) / perKey);
    size = opts.chunk ?? Math.max(FIRST_CHUNK, Math.min(MAX_CHUNK, fits));
  }
}

/** The cursor after the page's last finding: its anchor, and how many of that anchor's findings are given. */
function nextAfter(items: Anchored[], after: ScanCursor | null): ScanCursor | null {
  const last = items[items.length - 1];
  if (!last) return after;
  let n = items.filter((a) => a.anchor === last.anchor).length;
  if (after && after.from === last.anchor) n += after.skip;
  return { from: last.anchor, skip: n };
}

/**
 * Every broken or suspicious link, over the whole graph or one document's chain, each with the documents, the
 * mentions a person reads to fix it, and a proposal where the graph holds the right value: the checks of
 * graph/audit-checks.ts, those of `codes` (all when none are given). The whole graph is read page by page
 * (auditScan) with no time budget; a chain from each of its documents in every role, each finding kept once.
 */
export async function audit(
  db: Db,
  opts: { ref?: string | null; codes?: readonly AuditCode[] | null },
): Promise<AuditFinding[]> {
  const codes = wantedCodes(opts.codes);
  if (!opts.ref) {
    const out: AuditFinding[] = [];
    let after: ScanCursor | null = null;
    do {
      const p: ScanPage = await auditScan(db, { codes, first: 10_000, after, budgetMs: Infinity });
      for (const a of p.items) out.push(a.finding);
      after = p.next;
    } while (after);
    return out.sort(bySeverityCodeMessage);
  }
  const keys = await chainKeys(db, opts.ref);
  const seen = new Set<string>();
  const out: AuditFinding[] = [];
  for (const { finding } of await anchoredFindings(db, keys, codes, true)) {
    const id = findingId(finding);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(finding);
  }
  return out.sort(bySeverityCodeMessage);
}

/** A finding found from two documents of a chain is one: a cycle by its documents, any other by all it says. */
const findingId = (f: AuditFinding) =>
  f.code === 'CYCLE'
    ? `CYCLE ${f.documents
        .map((d) => d.key)
        .sort()
        .join('|')}`
    : JSON.stringify(f);

/**
 * Whether a finding is one of the document's own: it names it (as the one cited, the report, the one that
 * replaced it, a step of a cycle); an AMBIGUOUS finding is the mentioned document's, not each alternative's.
 */
export const names = (code: string, f: { documents: ReadonlyArray<{ key: string }> }, key: string) =>
  code === 'AMBIGUOUS' ? f.documents[0]?.key === key : f.documents.some((d) => d.key === key);

/**
 * The findings of the whole graph's audit that are one document's own (`names`): the same queries as the
 * scan, anchored on the document alone in every role it can play, never a scan of the graph then a filter.
 */
export async function documentFindings(db: Db, key: string): Promise<AuditFinding[]> {
  const found = await anchoredFindings(db, [key], AUDIT_CODES, true);
  return found
    .map((a) => a.finding)
    .filter((f) => names(f.code, f, key))
    .sort(bySeverityCodeMessage);
}

/** The draft's own findings, as the extraction made them, each with its span as the mention. */
function extractionFindings(doc: ExtractedDocument, text: string, path: string): AuditFinding[] {
  return doc.findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    message: f.message,
    params: f.params,
    documents: [],
    mentions: [
      {
        path,
        quote: text.slice(f.start, f.end),
        start: f.start,
        end: f.end,
        text: text.slice(f.start, f.end),
        issuedOn: null,
        ocr: false,
        sha256: null,
      },
    ],
    proposal: null,
  }));
}

/**
 * What the graph holds of a draft's reference: the one document it means (same symbol, and same year unless
 * the number has one), and whether it holds any document of that symbol at all.
 */
async function graphDocument(
  db: Db,
  r: ExtractedReference,
  ingestKey: string | undefined,
): Promise<{ doc: q.DocRecord | null; known: boolean }> {
  if (!r.symbol) return { doc: null, known: true };
  const known = (await q.resolveRef(db, r.symbol)).candidates;
  if (r.symbolInferred) return { doc: null, known: known.length > 0 };
  const year = r.issuedOn?.slice(0, 4) ?? (r.year !== null ? String(r.year) : null);
  const sameNumbering = known.filter(
    (k) => !year || !k.issuedOn || k.issuedOn.slice(0, 4) === year || /\/\d{4}\//.test(r.symbol ?? ''),
  );
  // A number several documents share: the one ingesting the draft would link (its issuer, its place).
  const linked = sameNumbering.length > 1 ? sameNumbering.filter((k) => k.key === ingestKey) : sameNumbering;
  return {
    doc: linked.length === 1 ? (linked[0] as q.DocRecord) : null,
    known: known.length > 0,
  };
}

/** The document key ingestion would give each reference of the draft (by its offsets), resolved with the graph. */
async function ingestKeys(db: Db, doc: ExtractedDocument, text: string): Promise<Map<string, string>> {
  const draft = draftOf(doc, text);
  const [p] = await db.read((tx) => resolveWithGraph(tx, [{ draft, facts: factsOf(draft, NOTHING_KNOWN) }]));
  return new Map((p?.facts.citations ?? []).map((c) => [`${c.start}:${c.end}`, c.docKey]));
}

/** A reference of the draft as an audit mention: the draft's own text, in no source and read by no OCR. */
const draftMention = (r: ExtractedReference, path: string): AuditMention => ({
  path,
  quote: r.text,
  start: r.start,
  end: r.end,
  text: r.text,
  issuedOn: r.issuedOn,
  ocr: false,
  sha256: null,
});

/** A reference whose symbol the graph holds no document for (DRAFT_CODES): a typo, or not ingested yet. */
function unknownReference(r: ExtractedReference, path: string): AuditFinding {
  return {
    code: 'UNKNOWN_REFERENCE',
    severity: 'warning',
    message: `${r.symbol} is not in the graph: check the number, or ingest the document`,
    params: { symbol: r.symbol, date: r.issuedOn },
    documents: [],
    mentions: [draftMention(r, path)],
    proposal: null,
  };
}

/** What the graph says against one reference of the draft: another date, or a date after the draft's own. */
function referenceFindings(
  r: ExtractedReference,
  k: q.DocRecord,
  draftOn: string | null,
  path: string,
): AuditFinding[] {
  const out: AuditFinding[] = [];
  const documents: AuditDoc[] = [{ key: k.key, symbol: k.symbol, name: k.name, issuedOn: k.issuedOn }];
  const mentions: AuditMention[] = [draftMention(r, path)];
  if (r.issuedOn && k.issuedOn && r.issuedOn !== k.issuedOn) {
    out.push({
      code: 'DATE_CONFLICT',
      severity: 'error',
      message: `${r.symbol} is dated ${vnDate(r.issuedOn)} here, but ${vnDate(k.issuedOn)} in the graph${k.hasText ? ' (its own text)' : ''}`,
      params: { symbol: r.symbol, date: r.issuedOn, graphDate: k.issuedOn, ownText: k.hasText },
      documents,
      mentions,
      proposal: `ngày ${vnDate(k.issuedOn)}`,
    });
  }
  const date = r.issuedOn ?? k.issuedOn;
  if (draftOn && (date ?? '') > draftOn) {
    out.push({
      code: 'CITED_BEFORE_ISSUED',
      severity: 'error',
      message: `the draft (${vnDate(draftOn)}) cites ${r.symbol} dated ${vnDate(date ?? '')}`,
      params: { reportDate: draftOn, symbol: r.symbol, date },
      documents,
      mentions,
      proposal: null,
    });
  }
  return out;
}

/**
 * A draft checked against the graph, ingesting nothing: its own findings, and each reference whose date
 * disagrees with what the graph knows of that document (same symbol and year: the numbering says one), and
 * each whose number the graph does not know at all (UNKNOWN_REFERENCE).
 */
export async function auditText(
  db: Db,
  text: string,
  path = 'draft',
): Promise<{ document: ExtractedDocument; findings: AuditFinding[]; mentions: DraftMention[] }> {
  const doc = extractDocument(text, { path, sha256: '', format: 'txt' });
  const findings = extractionFindings(doc, text, path);
  const mentions: DraftMention[] = [];
  const keys = await ingestKeys(db, doc, text);
  for (const r of doc.references) {
    const g = await graphDocument(db, r, keys.get(`${r.start}:${r.end}`));
    mentions.push({ reference: r, key: g.doc?.key ?? null, known: g.known });
    if (!g.known) findings.push(unknownReference(r, path));
    if (g.doc) for (const x of referenceFindings(r, g.doc, doc.document.issuedOn, path)) findings.push(x);
  }
  findings.sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code),
  );
  return { document: doc, findings, mentions };
}

/** Each reference of a draft with what the graph makes of it, so a page can mark every one, not only the faulty. */
export type DraftMention = { reference: ExtractedReference; key: string | null; known: boolean };
