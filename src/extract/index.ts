import { fold } from './codes.js';
import { evidenceOf } from './evidence.js';
import { findFootnotes } from './footnotes.js';
import { findingsOf } from './findings.js';
import { readHeader } from './header.js';
import type { Mention } from './mentions/types.js';
import { scanMentions } from './mentions/scan.js';
import { normalize } from './normalize.js';
import { assignRelations } from './relations/assign.js';
import { Boundaries } from './sentences.js';
import type { DocType, ExtractedDocument, ExtractedReference, Fact, SourceInfo } from './types.js';

export type * from './types.js';
export { normalize } from './normalize.js';
export { fold } from './codes.js';
export { parseSymbol } from './symbols.js';

/** The version of the rules; stored with every ingested source so that re-extraction can be planned. */
export const EXTRACTOR_VERSION = '0.5.0';

export type ExtractOptions = {
  /** Offsets (in the text as given) where each page begins, the first at 0: a PDF's page numbers. */
  pageStarts?: readonly number[];
  /**
   * The whole text is the title of a document of this type (a register's trích yếu): no header is read,
   * and a legal cue in it is the document's own act, as in a title at the head of a text.
   */
  titleOf?: { type: DocType | null; issuer: string | null };
};

const NORMATIVE = new Set<DocType>(['HP', 'BL', 'L', 'PL', 'NĐ', 'TT', 'TTLT', 'LCT', 'SL']);

/** Footnote markers become spaces so that `chuyên môn1.` cannot glue onto anything; offsets stay put. */
function blankMarkers(clean: string, markers: ReadonlyArray<{ start: number; end: number }>): string {
  if (!markers.length) return clean;
  const parts: string[] = [];
  let at = 0;
  for (const mk of markers) {
    parts.push(clean.slice(at, mk.start), clean.slice(mk.start, mk.end).replace(/[^\n]/g, ' '));
    at = mk.end;
  }
  parts.push(clean.slice(at));
  return parts.join('');
}

/**
 * Text → ExtractedDocument: normalize (keeping the offset map), find footnotes, read the header, scan the
 * mentions, assign relations and facts, check the findings; then map every span back onto the text as given.
 */
export function extractDocument(
  original: string,
  source: SourceInfo = { path: '', sha256: '', format: 'txt' },
  options: ExtractOptions = {},
): ExtractedDocument {
  const norm = normalize(original);
  const foot = findFootnotes(norm.text);
  const text = blankMarkers(norm.text, foot.markers);
  const header = options.titleOf ? titleHeader(text, options.titleOf) : readHeader(text);
  const selfNames = new Set<string>();
  if (header.type && header.title) selfNames.add(fold(`${header.typeWord ?? ''} ${header.title}`));
  const { mentions, links } = scanMentions(text, {
    exclude: header.selfSpans,
    selfNames,
    titleEnd: header.titleSpan?.[1] ?? 0,
  });
  const inFootnote = (pos: number) => foot.bodies.some((b) => pos >= b.start && pos < b.end);
  const extra = foot.bodies.flatMap((b) => [b.start, b.end]);
  if (header.titleSpan) extra.push(header.titleSpan[0], header.titleSpan[1]);
  const boundaries = new Boundaries(text, extra);
  const { assigned, facts } = assignRelations(mentions, links, {
    text,
    boundaries,
    docType: header.type,
    normative:
      (header.type !== null && NORMATIVE.has(header.type)) || /^\d+\/\d{4}\//.test(header.symbol ?? ''),
    docIssuer: header.issuer?.name ?? null,
    titleSpan: header.titleSpan,
    inFootnote,
  });
  const evidence = evidenceOf(
    original,
    text,
    boundaries,
    (s, e) => norm.toOriginal(s, e),
    options.pageStarts,
  );
  const references: ExtractedReference[] = mentions.map((m, i) => {
    const [start, end] = norm.toOriginal(m.start, m.end);
    return {
      start,
      end,
      text: original.slice(start, end),
      type: m.type,
      number: m.number,
      symbol: m.symbol,
      symbolInferred: m.completedBy !== null,
      name: m.name,
      issuedOn: m.issuedOn,
      year: m.year,
      issuer: m.issuer,
      subject: m.subject,
      relation: assigned[i]?.relation ?? 'CITES',
      inFootnote: inFootnote(m.start),
      ...evidence(m.start, m.end),
    };
  });
  const { selfSpans: _s, titleSpan: _t, typeWord: _w, ...document } = header;
  return {
    source,
    document,
    references,
    facts: factsOf(mentions, facts, header.issuer?.name ?? null),
    findings: findingsOf(mentions, (s, e) => norm.toOriginal(s, e)),
  };
}

/** The header of a text that is a title alone: its span the whole text, nothing else read from it. */
function titleHeader(
  text: string,
  of: NonNullable<ExtractOptions['titleOf']>,
): ReturnType<typeof readHeader> {
  return {
    type: of.type,
    number: null,
    symbol: null,
    issuedOn: null,
    place: null,
    title: text.trim() || null,
    issuer: of.issuer ? { name: of.issuer, level: null, parent: null } : null,
    signer: null,
    recipients: [],
    selfSpans: [],
    titleSpan: [0, text.length],
    typeWord: null,
  };
}

const label = (m: Mention) => m.symbol ?? m.name ?? m.number ?? '';

/** Facts with the labels of their documents, each once. */
function factsOf(
  mentions: Mention[],
  raw: ReadonlyArray<{ from: number; relation: Fact['relation']; to: number | 'ISSUER' }>,
  issuer: string | null,
): Fact[] {
  const seen = new Set<string>();
  const out: Fact[] = [];
  for (const f of raw) {
    const from = mentions[f.from] as Mention;
    const to = f.to === 'ISSUER' ? issuer : label(mentions[f.to] as Mention);
    if (!to || !label(from)) continue;
    const key = `${label(from)}|${f.relation}|${to}`;
    if (seen.has(key) || (f.to !== 'ISSUER' && label(from) === to)) continue;
    seen.add(key);
    out.push({
      from: label(from),
      relation: f.relation,
      to,
      fromRef: f.from,
      toRef: f.to === 'ISSUER' ? -1 : f.to,
    });
  }
  return out;
}

/** Only the references, for the streaming JSONL mode. */
export function extractReferences(text: string): ExtractedReference[] {
  return extractDocument(text).references;
}
