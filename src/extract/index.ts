import { findFootnotes } from './footnotes.js';
import { findingsOf } from './findings.js';
import { readHeader } from './header.js';
import { normalize } from './normalize.js';
import { scanMentions, type Mention } from './references.js';
import { assignRelations } from './relations.js';
import { Boundaries } from './sentences.js';
import type { ExtractedDocument, ExtractedReference, Fact, SourceInfo } from './types.js';

export type * from './types.js';
export { normalize } from './normalize.js';
export { fold } from './codes.js';
export { parseSymbol } from './symbols.js';

/** The version of the rules; stored with every ingested source so that re-extraction can be planned. */
export const EXTRACTOR_VERSION = '0.3.0';

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/**
 * Text → ExtractedDocument: normalize (keeping the offset map), find footnotes, read the header, scan the
 * mentions, assign relations and facts, check the findings; then map every span back onto the text as given.
 */
export function extractDocument(
  original: string,
  source: SourceInfo = { path: '', sha256: '', format: 'txt' },
): ExtractedDocument {
  const norm = normalize(original);
  const clean = norm.text;
  const foot = findFootnotes(clean);
  // Markers become spaces so that `chuyên môn1.` cannot glue onto anything; offsets stay put.
  let text = clean;
  if (foot.markers.length) {
    const parts: string[] = [];
    let at = 0;
    for (const mk of foot.markers) {
      parts.push(clean.slice(at, mk.start), blank(clean.slice(mk.start, mk.end)));
      at = mk.end;
    }
    parts.push(clean.slice(at));
    text = parts.join('');
  }
  const header = readHeader(text);
  const { mentions } = scanMentions(text, header.selfSpans);
  const inFootnote = (pos: number) => foot.bodies.some((b) => pos >= b.start && pos < b.end);
  const extra = foot.bodies.flatMap((b) => [b.start, b.end]);
  if (header.titleSpan) extra.push(header.titleSpan[0], header.titleSpan[1]);
  const boundaries = new Boundaries(text, extra);
  const { assigned, facts } = assignRelations(mentions, {
    text,
    boundaries,
    docType: header.type,
    docIssuer: header.issuer?.name ?? null,
    inFootnote,
  });

  const references: ExtractedReference[] = mentions.map((m, i) => {
    const [start, end] = norm.toOriginal(m.start, m.end);
    return {
      start,
      end,
      text: original.slice(start, end),
      type: m.type,
      number: m.number,
      symbol: m.symbol,
      symbolInferred: m.symbolInferred,
      name: m.name,
      issuedOn: m.issuedOn,
      year: m.year,
      issuer: m.issuer,
      subject: m.subject,
      relation: assigned[i]?.relation ?? 'CITES',
      inFootnote: inFootnote(m.start),
    };
  });

  const label = (m: Mention) => m.symbol ?? m.name ?? m.number ?? '';
  const seen = new Set<string>();
  const outFacts: Fact[] = [];
  for (const f of facts) {
    const from = mentions[f.from] as Mention;
    const to = f.to === 'ISSUER' ? header.issuer?.name : label(mentions[f.to] as Mention);
    if (!to || !label(from)) continue;
    const key = `${label(from)}|${f.relation}|${to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    outFacts.push({
      from: label(from),
      relation: f.relation,
      to,
      fromRef: f.from,
      toRef: f.to === 'ISSUER' ? -1 : f.to,
    });
  }

  const { selfSpans: _s, titleSpan: _t, ...document } = header;
  return {
    source,
    document,
    references,
    facts: outFacts,
    findings: findingsOf(
      mentions,
      (s, e) => norm.toOriginal(s, e),
      (m) => m.wordType,
    ),
  };
}

/** Only the references, for the streaming JSONL mode. */
export function extractReferences(text: string): ExtractedReference[] {
  return extractDocument(text).references;
}
