import { createHash } from 'node:crypto';
import { fold, parseSymbol, type ExtractedDocument, type ExtractedReference } from '../extract/index.js';
import type { FactRelation, Relation } from '../extract/types.js';
import { documentIdentity } from './identity.js';
import { areaKey, reporterOrg, resolveOrg, type AreaRef, type Org } from './organizations.js';
import { contextOf, slug, type Context } from './places.js';

/** What the graph knows of any document (DESIGN §3). */
export type DocumentProps = {
  key: string;
  type: string;
  number: string | null;
  symbol: string | null;
  year: number | null;
  issuedOn: string | null;
  title: string | null;
  name: string | null;
};

export type DocRow = DocumentProps & { ambiguous: boolean; issuerKey: string | null };

export type OrgRow = {
  key: string;
  name: string;
  shortName: string | null;
  level: string | null;
  kind: string | null;
  areaKey: string | null;
};
export type AreaRow = { key: string; name: string; tier: string; parentKey: string | null };
export type CitationRow = {
  key: string;
  docKey: string;
  quote: string;
  text: string;
  start: number;
  end: number;
  inFootnote: boolean;
  relation: Relation;
  ambiguous: boolean;
  /** The date this mention gives the document, as written (the audit compares them). */
  issuedOn: string | null;
  /**
   * What this source asserts about the cited document, kept on its own Citation so that shared edges
   * need no list of supporters (a decree's ISSUED_BY would otherwise be rewritten by every report):
   * the unit that issued it, and the facts `REL>key` whose subject it is.
   */
  issuer: string | null;
  facts: string[];
};
export type EdgeRow = { from: string; rel: FactRelation; to: string };

/** Everything one source asserts, ready for the store: pure data, no I/O. */
export type GraphFacts = {
  report: DocRow & {
    hasText: true;
    signer: string | null;
    signerPosition: string | null;
    place: string | null;
    recipients: string[];
    searchText: string;
  };
  reporter: OrgRow | null;
  documents: DocRow[];
  organizations: OrgRow[];
  areas: AreaRow[];
  citations: CitationRow[];
  /** Document → document edges: the report's relations to what it cites, and the facts between cited documents. */
  edges: EdgeRow[];
  /** Document → organization. */
  issuedBy: Array<{ doc: string; org: string }>;
  person: { key: string; name: string; position: string | null } | null;
  /** The units the report names under `Nơi nhận` that its context resolves (never a guess). */
  sentTo: string[];
  refKeys: string[];
  context: Context;
};

const orgRow = (o: Org): OrgRow => ({
  key: o.key,
  name: o.name,
  shortName: o.shortName,
  level: o.level,
  kind: o.kind,
  areaKey: o.area ? areaKey(o.area) : null,
});

function areaRows(a: AreaRef | null, into: Map<string, AreaRow>): void {
  for (let x = a; x; x = x.parent) {
    const key = areaKey(x);
    if (!into.has(key))
      into.set(key, { key, name: x.name, tier: x.tier, parentKey: x.parent ? areaKey(x.parent) : null });
  }
}

/** The sentence around a span: the evidence a person reads. */
export function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 400), start);
  const cut = Math.max(
    before.lastIndexOf('. '),
    before.lastIndexOf('.\n'),
    before.lastIndexOf(';\n'),
    before.lastIndexOf('\n\n\n'),
  );
  const after = text.slice(end, end + 400);
  const stop = after.search(/\.(\s|$)/);
  const s =
    (cut >= 0 ? before.slice(cut + 1) : before) +
    text.slice(start, end) +
    (stop >= 0 ? after.slice(0, stop + 1) : after);
  return s.replace(/\s+/g, ' ').trim();
}

/** Folded, stop-word-free text for the full-text index: diacritics and đ folded here, not by the analyzer. */
export function searchText(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9/\- ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The graph facts of one extracted source (DESIGN §3): documents and their identities, the units that
 * issued them, the areas they reveal, one Citation per mention, and the edges the text asserts.
 */
export function graphFacts(doc: ExtractedDocument, text: string): GraphFacts {
  const h = doc.document;
  const ctx = contextOf(text, h.issuer);
  const orgs = new Map<string, OrgRow>();
  const areas = new Map<string, AreaRow>();
  const addOrg = (o: Org | null): Org | null => {
    if (!o) return null;
    if (!orgs.has(o.key)) orgs.set(o.key, orgRow(o));
    areaRows(o.area, areas);
    return o;
  };
  const reporter = addOrg(h.issuer ? reporterOrg(h.issuer.name, ctx) : null);
  const sentTo = new Set<string>();
  for (const r of h.recipients) {
    const o = addOrg(resolveOrg(r, null, ctx));
    if (o && o.key !== reporter?.key) sentTo.add(o.key);
  }

  // Which mentions are the reporter's own documents (`UBND huyện đã ban hành Kế hoạch số 71`).
  const ownRefs = new Set(doc.facts.filter((f) => f.relation === 'ISSUED_BY').map((f) => f.fromRef));

  const documents = new Map<string, DocRow>();
  const refKey: string[] = [];
  const refOrg: Array<Org | null> = [];
  doc.references.forEach((r: ExtractedReference, i) => {
    const org = ownRefs.has(i) ? reporter : addOrg(resolveOrg(r.issuer?.text ?? null, issuerCodeOf(r), ctx));
    const id = documentIdentity(r, org, ctx.province);
    refKey.push(id.key);
    refOrg.push(org);
    const prev = documents.get(id.key);
    documents.set(id.key, {
      key: id.key,
      type: r.type,
      number: r.number,
      symbol: r.symbol,
      year: r.year ?? prev?.year ?? null,
      issuedOn: prev?.issuedOn ?? r.issuedOn,
      title: prev?.title ?? (r.subject ? r.subject.slice(0, 300) : null),
      name: r.name,
      ambiguous: id.ambiguous,
      issuerKey: prev?.issuerKey ?? org?.key ?? null,
    });
  });

  // The report itself: by its own number when it has one, else by its content.
  const reportId = h.symbol
    ? documentIdentity(
        {
          symbol: h.symbol,
          name: null,
          number: h.number,
          type: h.type ?? 'BC',
          issuedOn: h.issuedOn,
          year: h.issuedOn ? Number(h.issuedOn.slice(0, 4)) : null,
        },
        reporter,
        ctx.province,
      )
    : {
        key: `text:${createHash('sha256').update(searchText(text)).digest('hex').slice(0, 24)}`,
        ambiguous: false,
      };
  const report: GraphFacts['report'] = {
    key: reportId.key,
    type: h.type ?? 'BC',
    number: h.number,
    symbol: h.symbol,
    year: h.issuedOn ? Number(h.issuedOn.slice(0, 4)) : null,
    issuedOn: h.issuedOn,
    title: h.title,
    name: null,
    ambiguous: false,
    issuerKey: reporter?.key ?? null,
    hasText: true,
    signer: h.signer?.name ?? null,
    signerPosition: h.signer?.position ?? null,
    place: h.place,
    recipients: h.recipients,
    searchText: searchText(`${h.title ?? ''} ${text}`).slice(0, 20000),
  };
  documents.delete(report.key);

  const edges = new Map<string, EdgeRow>();
  const addEdge = (e: EdgeRow) => {
    if (e.from !== e.to) edges.set(`${e.from}|${e.rel}|${e.to}`, e);
  };
  doc.references.forEach((r, i) => addEdge({ from: report.key, rel: r.relation, to: refKey[i] as string }));
  const issuedBy = new Map<string, { doc: string; org: string }>();
  if (reporter) issuedBy.set(report.key, { doc: report.key, org: reporter.key });
  const factsOf = new Map<number, string[]>();
  for (const f of doc.facts) {
    const from = refKey[f.fromRef];
    if (!from) continue;
    if (f.relation === 'ISSUED_BY') {
      if (reporter) issuedBy.set(from, { doc: from, org: reporter.key });
    } else {
      const to = refKey[f.toRef];
      if (to && to !== from) {
        addEdge({ from, rel: f.relation, to });
        factsOf.set(f.fromRef, [...(factsOf.get(f.fromRef) ?? []), `${f.relation}>${to}`]);
      }
    }
  }
  doc.references.forEach((_r, i) => {
    const o = refOrg[i];
    const k = refKey[i] as string;
    if (o && k !== report.key && !issuedBy.has(k)) issuedBy.set(k, { doc: k, org: o.key });
  });

  const citations: CitationRow[] = doc.references.map((r, i) => ({
    key: `${doc.source.sha256}:${i}`,
    docKey: refKey[i] as string,
    quote: sentenceAround(text, r.start, r.end),
    text: r.text,
    start: r.start,
    end: r.end,
    inFootnote: r.inFootnote,
    relation: r.relation,
    ambiguous: documents.get(refKey[i] as string)?.ambiguous ?? false,
    issuedOn: r.issuedOn,
    issuer: issuedBy.get(refKey[i] as string)?.org ?? null,
    facts: factsOf.get(i) ?? [],
  }));

  return {
    report,
    reporter: reporter ? orgRow(reporter) : null,
    documents: [...documents.values()],
    organizations: [...orgs.values()],
    areas: [...areas.values()],
    citations,
    edges: [...edges.values()],
    issuedBy: [...issuedBy.values()],
    person: h.signer
      ? {
          key: `person:${slug(h.signer.name)}|${reporter?.key ?? ''}`,
          name: h.signer.name,
          position: h.signer.position,
        }
      : null,
    sentTo: [...sentTo],
    refKeys: [...new Set(refKey)].sort(),
    context: ctx,
  };
}

function issuerCodeOf(r: ExtractedReference): string | null {
  if (!r.symbol) return r.issuer?.code ?? null;
  return parseSymbol(r.symbol).issuerCodes[0] ?? null;
}

/** The same facts with the report under another key (a duplicate found in the graph keeps its key). */
export function withReportKey(g: GraphFacts, key: string): GraphFacts {
  if (key === g.report.key) return g;
  const old = g.report.key;
  const swap = (k: string) => (k === old ? key : k);
  return {
    ...g,
    report: { ...g.report, key },
    documents: g.documents.filter((d) => d.key !== key),
    citations: g.citations.map((c) => ({
      ...c,
      docKey: swap(c.docKey),
      facts: c.facts.map((f) => f.replace(/>(.*)$/s, (_m, to: string) => `>${swap(to)}`)),
    })),
    edges: g.edges.map((e) => ({ ...e, from: swap(e.from), to: swap(e.to) })).filter((e) => e.from !== e.to),
    issuedBy: g.issuedBy.map((r) => ({ ...r, doc: swap(r.doc) })),
  };
}
