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

/** A check's rows, as plain values; the check's own schema says what they must hold. */
const rows = async (db: Db, query: string, keys: string[] | null): Promise<unknown[]> =>
  db.read(async (tx) =>
    (await tx.run(cypher(`audit/${query}`), toParam({ keys }) as Record<string, unknown>)).records.map((r) =>
      toPlain(r.toObject()),
    ),
  );

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

/**
 * Every broken or suspicious link, over the whole graph or one document's chain, each with the documents, the
 * mentions a person reads to fix it, and a proposal where the graph holds the right value: the checks of
 * graph/audit-checks.ts, those of `codes` (all when none are given).
 */
export async function audit(
  db: Db,
  opts: { ref?: string | null; codes?: readonly AuditCode[] | null },
): Promise<AuditFinding[]> {
  const keys = opts.ref ? await chainKeys(db, opts.ref) : null;
  const wanted = AUDIT_CODES.filter((c) => !opts.codes?.length || opts.codes.includes(c));
  // Checks may share a query (UNKNOWN_CODE and MALFORMED_SYMBOL): it runs once.
  const fetched = new Map<string, unknown[]>();
  const out: AuditFinding[] = [];
  for (const code of wanted) {
    const check = CHECKS[code];
    let found = fetched.get(check.query);
    if (!found) {
      found = await rows(db, check.query, keys);
      fetched.set(check.query, found);
    }
    for (const f of check.findings(found)) out.push({ code, severity: check.severity, ...f });
  }
  return out.sort(bySeverityCodeMessage);
}

/**
 * Whether a finding is one of the document's own: it names it (as the one cited, the report, the one that
 * replaced it, a step of a cycle); an AMBIGUOUS finding is the mentioned document's, not each alternative's.
 */
export const names = (code: string, f: { documents: ReadonlyArray<{ key: string }> }, key: string) =>
  code === 'AMBIGUOUS' ? f.documents[0]?.key === key : f.documents.some((d) => d.key === key);

/**
 * The findings of the whole graph's audit that are one document's own (`names`), found from the document: each check's query as
 * cypher/findings/<query>.cypher, anchored on the document, never a scan of the graph then a filter. The checks'
 * own rules turn rows into findings, as for `audit`; a row may name the document in no finding (a citation it
 * makes that is fine), hence the filter.
 */
export async function documentFindings(db: Db, key: string): Promise<AuditFinding[]> {
  const fetched = new Map<string, unknown[]>();
  const out: AuditFinding[] = [];
  for (const code of AUDIT_CODES) {
    const check = CHECKS[code];
    let found = fetched.get(check.query);
    if (!found) {
      found = await db.read(async (tx) =>
        (await tx.run(cypher(`findings/${check.query}`), { key })).records.map((r) => toPlain(r.toObject())),
      );
      fetched.set(check.query, found);
    }
    for (const f of check.findings(found))
      if (names(code, f, key)) out.push({ code, severity: check.severity, ...f });
  }
  return out.sort(bySeverityCodeMessage);
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
