/** The audit's judgements, pure: which date to propose, which issuers cannot be one body, which cycles are one. */
import type { Finding, Severity } from '../extract/types.js';
import { missingOf } from './identity.js';
import { documentLabel, vnDate } from './label.js';

export { vnDate };

export type { Severity };

/**
 * What the audit looks for over the graph; each has one check in audit-checks.ts (which the compiler makes
 * total over this list) and one value in the schema's AuditCode enum (a test compares them).
 */
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
  'DOUBTFUL_TEXT',
  // Registers (issue 16).
  'EXPIRED',
  'REGISTER_CONFLICT',
] as const;

export type AuditCode = (typeof AUDIT_CODES)[number];

/**
 * What only a draft's check (auditText, `audit --text`) finds, beside the graph's codes and the extraction's
 * own: `UNKNOWN_REFERENCE` (warning), a number the graph holds no document for — a typo, or a document not
 * ingested yet; either way a person should look before the draft goes out.
 */
export const DRAFT_CODES = ['UNKNOWN_REFERENCE'] as const;
export type DraftCode = (typeof DRAFT_CODES)[number];

export const isAuditCode = (c: string): c is AuditCode => (AUDIT_CODES as readonly string[]).includes(c);

export type AuditDoc = {
  key: string;
  symbol: string | null;
  name: string | null;
  issuedOn: string | null;
  hasText?: boolean | null;
  type?: string | null;
  /** For a document with neither symbol nor name: its title and its issuer's name name it (label.ts). */
  title?: string | null;
  issuer?: string | null;
};
export type AuditMention = {
  path: string | null;
  quote: string;
  start: number;
  end: number;
  text: string;
  issuedOn: string | null;
  /** The quote's source was read by OCR: a person should check it against the scan. */
  ocr: boolean;
  /** The source file's sha256 (null for a draft's own text, which is in no source). */
  sha256: string | null;
};

/** A value a message is built from: dates stay ISO, so each language writes them its own way. */
export type ParamValue =
  string | number | boolean | null | readonly ParamValue[] | { readonly [k: string]: ParamValue };
/** The values a finding's message is built from, by name ({symbol, dates}), for a page to say it in Vietnamese. */
export type FindingParams = { readonly [name: string]: ParamValue };

export type AuditFinding = {
  /** An audit code, or, for a draft (auditText), the code of a finding of the extraction. */
  code: AuditCode | DraftCode | Finding['code'];
  severity: Severity;
  /** In English, for the terminal and the log; `code` and `params` say the same for other languages. */
  message: string;
  params: FindingParams;
  documents: AuditDoc[];
  mentions: AuditMention[];
  proposal: string | null;
};

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The symbol people search for; a report known by its content by its readable name, never its `text:` key. */
export const label = (d: AuditDoc) => d.symbol ?? d.name ?? documentLabel(d, d.issuer);

/** The date to propose: the document's own header if its text is in the graph, else the one most citations give. */
export function proposedDate(
  dates: Array<{ on: string; count: number }>,
  own: string | null,
  hasText: boolean,
): string | null {
  if (hasText && own) return own;
  const sorted = [...dates].sort((a, b) => b.count - a.count || a.on.localeCompare(b.on));
  const [first, second] = sorted;
  if (!first) return null;
  return second && second.count === first.count ? null : first.on;
}

type Issuer = { key: string; name: string; level: string | null; kind: string | null };

/** Two issuers of one document are one body only if nothing says otherwise: same level and kind. */
export function issuersConflict(issuers: Issuer[]): boolean {
  const known = issuers.filter((i) => i.level || i.kind);
  for (let i = 0; i < known.length; i++) {
    for (let j = i + 1; j < known.length; j++) {
      const a = known[i] as Issuer;
      const b = known[j] as Issuer;
      if ((a.level && b.level && a.level !== b.level) || (a.kind && b.kind && a.kind !== b.kind)) return true;
    }
  }
  return false;
}

/** A cycle is found once from each of its nodes; keep one per set of documents. */
export function distinctCycles<T extends { docs: AuditDoc[] }>(cycles: T[]): T[] {
  const seen = new Set<string>();
  return cycles.filter((c) => {
    const id = [...new Set(c.docs.map((d) => d.key))].sort().join('|');
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * A mention that does not name one document, saying what it lacks (the issuer's province, the year, the
 * symbol) and which documents it may mean: those listed, and `total` in all when more share the number than
 * are listed (a number hundreds of units use, 1-CT/TU, is named by its first few, and how many more).
 */
export function ambiguousMessage(
  d: AuditDoc,
  written: string,
  alternatives: readonly AuditDoc[],
  total = alternatives.length,
): string {
  const more = total - alternatives.length;
  const listed = [
    ...alternatives.map((a) => `${label(a)}${a.issuedOn ? ` (${vnDate(a.issuedOn)})` : ''}`),
    ...(more > 0 ? [`and ${more} more`] : []),
  ].join('; ');
  if (d.symbol === null)
    return `'${written}' gives a number but no symbol; the graph holds ${total} document${total === 1 ? '' : 's'} of that type and number: ${listed}`;
  const missing = missingOf(d.key);
  return `a mention of ${label(d)} does not say ${missing.length ? missing.join(', nor ') : 'enough'}; ${total + 1} documents carry that number: ${[label(d), listed].filter(Boolean).join('; ')}`;
}
