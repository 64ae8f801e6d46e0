import { extractDocument, parseSymbol, type ExtractedDocument } from '../extract/index.js';
import { codeProblems } from '../extract/findings.js';
import {
  ambiguousMessage,
  distinctCycles,
  issuersConflict,
  label,
  proposedDate,
  SEVERITY_ORDER,
  vnDate,
  type AuditDoc,
  type AuditFinding,
  type AuditMention,
} from '../graph/audit.js';
import { LuocdoError } from '../errors.js';
import type { Db } from './connection.js';
import { cypher } from './cypher.js';
import { toParam, toPlain, type Plain } from './values.js';
import * as q from './queries.js';

export const AUDIT_CODES = [
  'DANGLING',
  'DATE_CONFLICT',
  'NUMBER_YEAR_MISMATCH',
  'ISSUER_CONFLICT',
  'CITED_BEFORE_ISSUED',
  'AMBIGUOUS',
  'UNKNOWN_CODE',
  'MALFORMED_SYMBOL',
  'SUPERSEDED',
  'CYCLE',
  'DUPLICATE_SOURCE',
  'INFERRED_LINK',
] as const;

type Row = Record<string, Plain>;
const rows = async (db: Db, name: string, keys: string[] | null): Promise<Row[]> =>
  db.read(async (tx) =>
    (await tx.run(cypher(`audit/${name}`), toParam({ keys }) as Record<string, unknown>)).records.map(
      (r) => toPlain(r.toObject()) as Row,
    ),
  );
const asDoc = (v: Plain | undefined) => v as unknown as AuditDoc;
const asMentions = (v: Plain | undefined) =>
  ((v ?? []) as unknown as AuditMention[]).filter((m) => m && m.quote !== undefined);

/**
 * Every broken or suspicious link, over the whole graph or one document's chain (what it cites, three deep,
 * and who cites it), each with the documents, the mentions a person reads to fix it, and a proposal where
 * the graph holds the right value.
 */
export async function audit(
  db: Db,
  opts: { ref?: string | null; codes?: string[] | null },
): Promise<AuditFinding[]> {
  let keys: string[] | null = null;
  if (opts.ref) {
    const r = await q.resolveRef(db, opts.ref);
    if (!r.doc) {
      throw new LuocdoError(
        r.candidates.length ? 'BAD_INPUT' : 'NOT_FOUND',
        r.candidates.length
          ? q.ambiguityMessage(opts.ref, r.candidates)
          : `no document '${opts.ref}' in the graph`,
      );
    }
    const chain = await q.citationChain(db, r.doc, 'BOTH', 3);
    keys = chain.nodes.map((n) => n.key);
  }
  const want = (c: string) => !opts.codes?.length || opts.codes.includes(c);
  const out: AuditFinding[] = [];

  if (want('DANGLING')) {
    for (const r of await rows(db, 'dangling', keys)) {
      const d = asDoc(r['doc']);
      const n = Number(r['citers']);
      out.push({
        code: 'DANGLING',
        severity: 'info',
        message: `${label(d)} is cited by ${n} document${n === 1 ? '' : 's'} but its own text is not in the graph`,
        documents: [d],
        mentions: asMentions(r['mentions']),
        proposal: null,
      });
    }
  }
  if (want('DATE_CONFLICT')) {
    for (const r of await rows(db, 'date-conflicts', keys)) {
      const d = asDoc(r['doc']);
      const dates = r['dates'] as unknown as Array<{ on: string; count: number; mentions: AuditMention[] }>;
      const proposal = proposedDate(dates, d.issuedOn, d.hasText === true);
      out.push({
        code: 'DATE_CONFLICT',
        severity: 'warning',
        message: `${label(d)} is cited with ${dates.length} dates: ${dates.map((x) => `${vnDate(x.on)} (${x.count}×)`).join(', ')}${proposal ? `; ngày ${vnDate(proposal)} is probably right` : ''}`,
        documents: [d],
        mentions: dates.filter((x) => x.on !== proposal).flatMap((x) => x.mentions),
        proposal: proposal ? `ngày ${vnDate(proposal)}` : null,
      });
    }
  }
  if (want('NUMBER_YEAR_MISMATCH')) {
    for (const r of await rows(db, 'number-year', keys)) {
      const d = asDoc(r['doc']);
      const ms = asMentions(r['mentions']);
      out.push({
        code: 'NUMBER_YEAR_MISMATCH',
        severity: 'error',
        message: `${label(d)} carries the year ${d.symbol?.split('/')[1]} in its number but is cited as of ${ms.map((m) => vnDate(m.issuedOn ?? '')).join(', ')}`,
        documents: [d],
        mentions: ms,
        proposal: null,
      });
    }
  }
  if (want('UNKNOWN_CODE') || want('MALFORMED_SYMBOL')) {
    for (const r of await rows(db, 'symbols', keys)) {
      const d = asDoc(r['doc']);
      for (const p of codeProblems(parseSymbol(d.symbol as string))) {
        if (!want(p.code)) continue;
        const fix = /probably (\S+)$/.exec(p.message)?.[1];
        out.push({
          code: p.code,
          severity: p.severity,
          message: p.message,
          documents: [d],
          mentions: asMentions(r['mentions']),
          proposal: fix ?? null,
        });
      }
    }
  }
  if (want('ISSUER_CONFLICT')) {
    for (const r of await rows(db, 'issuer-conflicts', keys)) {
      const issuers = r['issuers'] as unknown as Array<{
        key: string;
        name: string;
        level: string | null;
        kind: string | null;
      }>;
      if (!issuersConflict(issuers)) continue;
      const d = asDoc(r['doc']);
      out.push({
        code: 'ISSUER_CONFLICT',
        severity: 'error',
        message: `${label(d)} is cited as issued by bodies that cannot be one: ${issuers.map((i) => i.name).join('; ')}`,
        documents: [d],
        mentions: asMentions(r['mentions']),
        proposal: null,
      });
    }
  }
  if (want('CITED_BEFORE_ISSUED')) {
    for (const r of await rows(db, 'cited-before-issued', keys)) {
      const rep = asDoc(r['report']);
      const d = asDoc(r['doc']);
      const ms = asMentions(r['mentions']);
      out.push({
        code: 'CITED_BEFORE_ISSUED',
        severity: 'error',
        message: `${label(rep)} (${vnDate(rep.issuedOn ?? '')}) cites ${label(d)} dated ${vnDate(ms[0]?.issuedOn ?? d.issuedOn ?? '')}, after itself`,
        documents: [rep, d],
        mentions: ms,
        proposal: null,
      });
    }
  }
  if (want('AMBIGUOUS')) {
    for (const r of await rows(db, 'ambiguous', keys)) {
      const d = asDoc(r['doc']);
      const mention = asMentions([r['mention'] as Plain]);
      const alts = (r['alternatives'] as unknown as AuditDoc[]) ?? [];
      out.push({
        code: 'AMBIGUOUS',
        severity: 'warning',
        message: ambiguousMessage(d, mention[0]?.text ?? label(d), alts),
        documents: [d, ...alts],
        mentions: mention,
        proposal: d.symbol === null && alts.length === 1 ? label(alts[0] as AuditDoc) : null,
      });
    }
  }
  if (want('INFERRED_LINK')) {
    for (const r of await rows(db, 'inferred-links', keys)) {
      const rep = asDoc(r['report']);
      const d = asDoc(r['doc']);
      out.push({
        code: 'INFERRED_LINK',
        severity: 'info',
        message: `${label(rep)} cites ${label(d)} with no date; it is linked to the one ${label(d)} of that issuer the graph knows${d.issuedOn ? ` (ngày ${vnDate(d.issuedOn)})` : ''}: confirm it, Party numbers restart each term`,
        documents: [rep, d],
        mentions: asMentions([r['mention'] as Plain]),
        proposal: d.issuedOn ? `ngày ${vnDate(d.issuedOn)}` : null,
      });
    }
  }
  if (want('SUPERSEDED')) {
    for (const r of await rows(db, 'superseded', keys)) {
      const rep = asDoc(r['report']);
      const d = asDoc(r['doc']);
      const by = asDoc(r['by']);
      out.push({
        code: 'SUPERSEDED',
        severity: 'warning',
        message: `${label(rep)} cites ${label(d)}, which ${label(by)} ${r['how'] === 'REPLACES' ? 'replaced' : 'repealed'} on ${vnDate(by.issuedOn ?? '')}, before the report`,
        documents: [rep, d, by],
        mentions: asMentions(r['mentions']),
        proposal: r['how'] === 'REPLACES' ? label(by) : null,
      });
    }
  }
  if (want('CYCLE')) {
    const cycles = (await rows(db, 'cycles', keys)).map((r) => ({
      docs: r['docs'] as unknown as AuditDoc[],
      rels: r['rels'] as string[],
    }));
    for (const c of distinctCycles(cycles)) {
      out.push({
        code: 'CYCLE',
        severity: 'error',
        message: `a chain of ${[...new Set(c.rels)].join('/')} returns to its start: ${c.docs.map(label).join(' → ')}`,
        documents: c.docs.slice(0, -1),
        mentions: [],
        proposal: null,
      });
    }
  }
  if (want('DUPLICATE_SOURCE')) {
    for (const r of await rows(db, 'duplicate-sources', keys)) {
      const d = asDoc(r['doc']);
      const sources = r['sources'] as unknown as Array<{ path: string; sha256: string; format: string }>;
      out.push({
        code: 'DUPLICATE_SOURCE',
        severity: 'info',
        message: `${label(d)} was ingested from ${sources.length} files, shown as one report: ${sources.map((s) => s.path).join('; ')}`,
        documents: [d],
        mentions: [],
        proposal: null,
      });
    }
  }
  return out.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}

/**
 * A draft checked against the graph, ingesting nothing: its own findings, and each reference whose date
 * disagrees with what the graph knows of that document (same symbol and year: the numbering says one).
 */
export async function auditText(
  db: Db,
  text: string,
  path = 'draft',
): Promise<{ document: ExtractedDocument; findings: AuditFinding[] }> {
  const doc = extractDocument(text, { path, sha256: '', format: 'txt' });
  const findings: AuditFinding[] = doc.findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    message: f.message,
    documents: [],
    mentions: [
      {
        path,
        quote: text.slice(f.start, f.end),
        start: f.start,
        end: f.end,
        text: text.slice(f.start, f.end),
        issuedOn: null,
      },
    ],
    proposal: null,
  }));
  const mention = (r: (typeof doc.references)[number]): AuditMention => ({
    path,
    quote: r.text,
    start: r.start,
    end: r.end,
    text: r.text,
    issuedOn: r.issuedOn,
  });
  for (const r of doc.references) {
    if (!r.symbol || r.symbolInferred) continue;
    const known = (await q.resolveRef(db, r.symbol)).candidates;
    const year = r.issuedOn?.slice(0, 4) ?? (r.year !== null ? String(r.year) : null);
    const sameNumbering = known.filter(
      (k) => !year || !k.issuedOn || k.issuedOn.slice(0, 4) === year || /\/\d{4}\//.test(r.symbol ?? ''),
    );
    if (sameNumbering.length !== 1) continue;
    const k = sameNumbering[0] as q.DocRecord;
    if (r.issuedOn && k.issuedOn && r.issuedOn !== k.issuedOn) {
      findings.push({
        code: 'DATE_CONFLICT',
        severity: 'error',
        message: `${r.symbol} is dated ${vnDate(r.issuedOn)} here, but ${vnDate(k.issuedOn)} in the graph${k.hasText ? ' (its own text)' : ''}`,
        documents: [{ key: k.key, symbol: k.symbol, name: k.name, issuedOn: k.issuedOn }],
        mentions: [mention(r)],
        proposal: `ngày ${vnDate(k.issuedOn)}`,
      });
    }
    if (doc.document.issuedOn && (r.issuedOn ?? k.issuedOn ?? '') > doc.document.issuedOn) {
      findings.push({
        code: 'CITED_BEFORE_ISSUED',
        severity: 'error',
        message: `the draft (${vnDate(doc.document.issuedOn)}) cites ${r.symbol} dated ${vnDate(r.issuedOn ?? k.issuedOn ?? '')}`,
        documents: [{ key: k.key, symbol: k.symbol, name: k.name, issuedOn: k.issuedOn }],
        mentions: [mention(r)],
        proposal: null,
      });
    }
  }
  findings.sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code),
  );
  return { document: doc, findings };
}
