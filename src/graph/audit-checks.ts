import { z } from 'zod';
import { parseSymbol } from '../extract/index.js';
import { codeProblems } from '../extract/findings.js';
import { LuocdoError } from '../errors.js';
import {
  ambiguousMessage,
  distinctCycles,
  issuersConflict,
  label,
  proposedDate,
  vnDate,
  type AuditCode,
  type AuditFinding,
  type Severity,
} from './audit.js';

/**
 * The audit as a table: for each code, its severity, the query that finds it (cypher/audit/<query>.cypher: the
 * rule written once from an anchor document `d`, after the prelude cypher/audit/_anchors that binds it, in every
 * role `d` can play, or only its primary one for a scan of the graph), the shape of the query's rows, and how
 * rows become findings. A new check is a code in AUDIT_CODES (graph/audit.ts), an entry here, a .cypher file
 * and a value of the schema's AuditCode enum.
 */
export type AuditCheck = {
  severity: Severity;
  query: string;
  /** The findings of the query's rows; a row of another shape is a DB_QUERY error that names the query. */
  findings(rows: readonly unknown[]): Draft[];
};

/** A finding before the table gives it its code and severity. */
export type Draft = Omit<AuditFinding, 'code' | 'severity'>;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// The shapes the audit queries return: a document and a citation as `d {…}` and `c {…}` project them.
const Doc = z.object({
  key: z.string(),
  symbol: z.string().nullable(),
  name: z.string().nullable(),
  issuedOn: z.string().nullable(),
  hasText: z.boolean().nullable(),
  type: z.string().nullable(),
  title: z.string().nullable().default(null),
  issuer: z.string().nullable().default(null),
});
const Mention = z.object({
  quote: z.string(),
  start: z.number(),
  end: z.number(),
  text: z.string(),
  issuedOn: z.string().nullable(),
  path: z.string().nullable(),
  // Every audit query gives them (the Citation's `ocr`, its source's sha256); a row built by hand may not.
  ocr: z.boolean().default(false),
  sha256: z.string().nullable().default(null),
});
// Mentions in file order: a query's collect() gives its plan's, and a finding must say the same words (the
// dates NUMBER_YEAR_MISMATCH lists) whichever anchor found it.
const Mentions = z
  .array(Mention.nullable())
  .transform((ms) =>
    ms
      .filter((m) => m !== null)
      .sort((a, b) => cmp(a.path ?? '', b.path ?? '') || a.start - b.start || cmp(a.quote, b.quote)),
  );

function parseRow<S extends z.ZodType>(schema: S, row: unknown, query: string, i: number): z.output<S> {
  const r = schema.safeParse(row);
  if (r.success) return r.data;
  throw new LuocdoError(
    'DB_QUERY',
    `audit/${query}: row ${i} is not what the check expects: ${z.prettifyError(r.error)}`,
  );
}

function check<S extends z.ZodType>(c: {
  severity: Severity;
  query: string;
  row: S;
  findings: (rows: Array<z.output<S>>) => Draft[];
}): AuditCheck {
  return {
    severity: c.severity,
    query: c.query,
    findings: (rows) => c.findings(rows.map((r, i) => parseRow(c.row, r, c.query, i))),
  };
}

/** Row by row: a finding, or none for a row that turns out fine. */
const each =
  <R>(f: (r: R) => Draft | null) =>
  (rows: R[]): Draft[] =>
    rows.flatMap((r) => f(r) ?? []);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** UNKNOWN_CODE and MALFORMED_SYMBOL share a query (each symbol in the graph) and the extraction's judgement of its codes. */
const symbolCheck = (code: 'UNKNOWN_CODE' | 'MALFORMED_SYMBOL', severity: Severity) =>
  check({
    severity,
    query: 'symbols',
    row: z.object({ doc: Doc.extend({ symbol: z.string() }), mentions: Mentions }),
    findings: (rows) =>
      rows.flatMap(({ doc, mentions }) =>
        codeProblems(parseSymbol(doc.symbol))
          .filter((p) => p.code === code)
          .map((p) => {
            const fix = typeof p.params['probably'] === 'string' ? p.params['probably'] : null;
            return {
              message: p.message,
              params: { ...p.params, proposal: fix },
              documents: [doc],
              mentions,
              proposal: fix,
            };
          }),
      ),
  });

// A register's row as the evidence of a finding (issue 16): its file, its row, what it says.
const RegisterRow = z.object({ path: z.string(), row: z.number(), text: z.string().nullable().optional() });
// Lists a message names in are put in one order here: a query's collect() gives its plan's order, and the
// whole audit and one document's findings (two plans) must say the same words.
const RegisterRows = z
  .array(RegisterRow)
  .transform((rs) => rs.sort((a, b) => cmp(a.path, b.path) || a.row - b.row));
const rowMention = (
  r: z.output<typeof RegisterRow>,
  doc: { symbol: string | null; issuedOn: string | null },
) => ({
  path: r.path,
  quote: `row ${r.row}${r.text ? `: ${r.text}` : ''}`,
  start: 0,
  end: 0,
  text: doc.symbol ?? '',
  issuedOn: doc.issuedOn,
  // A register's row is no text source: nothing to open, nothing read by OCR.
  ocr: false,
  sha256: null,
});

/** EXPIRED and REGISTER_CONFLICT: what registers say against the graph. */
const REGISTER_CHECKS = {
  EXPIRED: check({
    severity: 'warning',
    query: 'expired',
    row: z.object({ report: Doc, doc: Doc, how: z.string(), rows: RegisterRows, mentions: Mentions }),
    findings: each(({ report, doc, how, rows, mentions }) => ({
      message: `${label(report)} ${how === 'BASED_ON' ? 'is based on' : 'carries out'} ${label(doc)}, which ${rows.map((r) => `${r.path} (row ${r.row})`).join(', ')} says has expired`,
      params: {
        report: label(report),
        document: label(doc),
        how,
        registers: rows.map((r) => ({ path: r.path, row: r.row, says: r.text ?? null })),
      },
      documents: [report, doc],
      mentions: [...mentions, ...rows.map((r) => rowMention(r, doc))],
      proposal: null,
    })),
  }),
  REGISTER_CONFLICT: check({
    severity: 'warning',
    query: 'register-conflicts',
    row: z.object({
      doc: Doc,
      rows: z
        .array(RegisterRow.extend({ on: z.string() }))
        .transform((rs) => rs.sort((a, b) => cmp(a.path, b.path) || a.row - b.row)),
      texts: z
        .array(z.object({ path: z.string(), on: z.string() }))
        .transform((ts) => ts.sort((a, b) => cmp(a.path, b.path) || cmp(a.on, b.on))),
    }),
    findings: each(({ doc, rows, texts }) => {
      const own = texts[0]?.on ?? null;
      const given = [
        ...texts.map((t) => `${vnDate(t.on)} in its text (${t.path})`),
        ...rows.map((r) => `${vnDate(r.on)} in ${r.path} (row ${r.row})`),
      ];
      return {
        message: `${label(doc)} is dated ${given.join(', ')}`,
        params: {
          document: label(doc),
          texts: texts.map((t) => ({ path: t.path, on: t.on })),
          registers: rows.map((r) => ({ path: r.path, row: r.row, on: r.on })),
          proposal: own,
        },
        documents: [doc],
        mentions: rows.map((r) => rowMention(r, { symbol: doc.symbol, issuedOn: r.on })),
        proposal: own ? `ngày ${vnDate(own)}` : null,
      };
    }),
  }),
} as const;

export const CHECKS: Record<AuditCode, AuditCheck> = {
  ...REGISTER_CHECKS,
  DANGLING: check({
    severity: 'info',
    query: 'dangling',
    row: z.object({ doc: Doc, citers: z.number(), mentions: Mentions }),
    findings: each(({ doc, citers, mentions }) => ({
      message: `${label(doc)} is cited by ${plural(citers, 'document')} but its own text is not in the graph`,
      params: { document: label(doc), citers },
      documents: [doc],
      mentions,
      proposal: null,
    })),
  }),

  DATE_CONFLICT: check({
    severity: 'warning',
    query: 'date-conflicts',
    row: z.object({
      doc: Doc,
      dates: z.array(z.object({ on: z.string(), count: z.number(), mentions: Mentions })),
    }),
    findings: each(({ doc, dates }) => {
      const proposal = proposedDate(dates, doc.issuedOn, doc.hasText === true);
      const given = dates.map((x) => `${vnDate(x.on)} (${x.count}×)`).join(', ');
      return {
        message: `${label(doc)} is cited with ${dates.length} dates: ${given}${proposal ? `; ngày ${vnDate(proposal)} is probably right` : ''}`,
        params: { document: label(doc), dates: dates.map(({ on, count }) => ({ on, count })), proposal },
        documents: [doc],
        mentions: dates.filter((x) => x.on !== proposal).flatMap((x) => x.mentions),
        proposal: proposal ? `ngày ${vnDate(proposal)}` : null,
      };
    }),
  }),

  NUMBER_YEAR_MISMATCH: check({
    severity: 'error',
    query: 'number-year',
    // The query keeps symbols with a year in the number (04/2015/NĐ-CP).
    row: z.object({ doc: Doc.extend({ symbol: z.string() }), mentions: Mentions }),
    findings: each(({ doc, mentions }) => {
      const year = doc.symbol.split('/')[1] ?? '';
      const dates = mentions.map((m) => m.issuedOn ?? '');
      return {
        message: `${label(doc)} carries the year ${year} in its number but is cited as of ${dates.map(vnDate).join(', ')}`,
        params: { document: label(doc), year, dates },
        documents: [doc],
        mentions,
        proposal: null,
      };
    }),
  }),

  UNKNOWN_CODE: symbolCheck('UNKNOWN_CODE', 'warning'),
  MALFORMED_SYMBOL: symbolCheck('MALFORMED_SYMBOL', 'error'),

  ISSUER_CONFLICT: check({
    severity: 'error',
    query: 'issuer-conflicts',
    row: z.object({
      doc: Doc,
      issuers: z
        .array(
          z.object({
            key: z.string(),
            name: z.string(),
            level: z.string().nullable(),
            kind: z.string().nullable(),
          }),
        )
        .transform((is) => is.sort((a, b) => cmp(a.name, b.name) || cmp(a.key, b.key))),
      mentions: Mentions,
    }),
    findings: each(({ doc, issuers, mentions }) => {
      if (!issuersConflict(issuers)) return null;
      const names = issuers.map((i) => i.name);
      return {
        message: `${label(doc)} is cited as issued by bodies that cannot be one: ${names.join('; ')}`,
        params: { document: label(doc), issuers: names },
        documents: [doc],
        mentions,
        proposal: null,
      };
    }),
  }),

  CITED_BEFORE_ISSUED: check({
    severity: 'error',
    query: 'cited-before-issued',
    row: z.object({ report: Doc, doc: Doc, mentions: Mentions }),
    findings: each(({ report, doc, mentions }) => {
      const date = mentions[0]?.issuedOn ?? doc.issuedOn;
      return {
        message: `${label(report)} (${vnDate(report.issuedOn ?? '')}) cites ${label(doc)} dated ${vnDate(date ?? '')}, after itself`,
        params: { report: label(report), reportDate: report.issuedOn, document: label(doc), date },
        documents: [report, doc],
        mentions,
        proposal: null,
      };
    }),
  }),

  AMBIGUOUS: check({
    severity: 'warning',
    query: 'ambiguous',
    // One row per document: its ambiguous mentions (a finding each), the first alternatives by key, how many.
    row: z.object({
      doc: Doc,
      mentions: Mentions,
      alternatives: z.array(Doc).transform((ds) => ds.sort((a, b) => cmp(a.key, b.key))),
      alternativesCount: z.number(),
    }),
    findings: (rows) =>
      rows.flatMap(({ doc, mentions, alternatives, alternativesCount: total }) => {
        // A number-only mention that one document with a symbol fits: that document is the proposal.
        const only = doc.symbol === null && total === 1 ? alternatives[0] : undefined;
        return mentions.map((mention) => ({
          message: ambiguousMessage(doc, mention.text, alternatives, total),
          params: { document: label(doc), documents: total + 1 },
          documents: [doc, ...alternatives],
          mentions: [mention],
          proposal: only ? label(only) : null,
        }));
      }),
  }),

  SUPERSEDED: check({
    severity: 'warning',
    query: 'superseded',
    row: z.object({
      report: Doc,
      doc: Doc,
      by: Doc,
      how: z.enum(['REPLACES', 'REPEALS']),
      mentions: Mentions,
    }),
    findings: each(({ report, doc, by, how, mentions }) => ({
      message: `${label(report)} cites ${label(doc)}, which ${label(by)} ${how === 'REPLACES' ? 'replaced' : 'repealed'} on ${vnDate(by.issuedOn ?? '')}, before the report`,
      params: { report: label(report), document: label(doc), by: label(by), how, date: by.issuedOn },
      documents: [report, doc, by],
      mentions,
      proposal: how === 'REPLACES' ? label(by) : null,
    })),
  }),

  CYCLE: check({
    severity: 'error',
    query: 'cycles',
    row: z.object({ docs: z.array(Doc), rels: z.array(z.string()) }),
    findings: (rows) =>
      distinctCycles(rows).map(({ docs, rels }) => {
        const relations = [...new Set(rels)];
        return {
          message: `a chain of ${relations.join('/')} returns to its start: ${docs.map(label).join(' → ')}`,
          params: { relations, documents: docs.map(label) },
          documents: docs.slice(0, -1),
          mentions: [],
          proposal: null,
        };
      }),
  }),

  INFERRED_LINK: check({
    severity: 'info',
    query: 'inferred-links',
    row: z.object({ report: Doc, doc: Doc, mention: Mention.nullable() }),
    findings: each(({ report, doc, mention }) => {
      const date = doc.issuedOn ? `ngày ${vnDate(doc.issuedOn)}` : null;
      return {
        message: `${label(report)} cites ${label(doc)} with no date; it is linked to the one ${label(doc)} of that issuer the graph knows${date ? ` (${date})` : ''}: confirm it, Party numbers restart each term`,
        params: { report: label(report), document: label(doc), date: doc.issuedOn },
        documents: [report, doc],
        mentions: mention ? [mention] : [],
        proposal: date,
      };
    }),
  }),

  DUPLICATE_SOURCE: check({
    severity: 'info',
    query: 'duplicate-sources',
    row: z.object({
      doc: Doc,
      sources: z.array(z.object({ path: z.string(), sha256: z.string(), format: z.string().nullable() })),
    }),
    findings: each(({ doc, sources }) => {
      const files = sources.map((s) => s.path);
      return {
        message: `${label(doc)} was ingested from ${sources.length} files, shown as one report: ${files.join('; ')}`,
        params: { document: label(doc), files },
        documents: [doc],
        mentions: [],
        proposal: null,
      };
    }),
  }),

  DOUBTFUL_TEXT: check({
    severity: 'warning',
    query: 'doubtful-text',
    row: z.object({
      doc: Doc,
      source: z.object({
        path: z.string(),
        encoding: z.string().nullable(),
        ocrConfidence: z.number().nullable(),
      }),
      doubtful: z.boolean(),
    }),
    findings: each(({ doc, source, doubtful }) => {
      const why = doubtful
        ? `its text was converted from ${source.encoding ?? 'a legacy encoding'} on little evidence`
        : `its text was read by OCR (mean confidence ${Math.round(source.ocrConfidence ?? 0)})`;
      return {
        message: `${source.path}: ${why}; check the references of ${label(doc)} against the original`,
        params: {
          document: label(doc),
          file: source.path,
          encoding: doubtful ? source.encoding : null,
          ocrConfidence: doubtful ? null : source.ocrConfidence,
        },
        documents: [doc],
        mentions: [],
        proposal: null,
      };
    }),
  }),
};
