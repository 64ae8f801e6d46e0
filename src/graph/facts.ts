import { createHash } from 'node:crypto';
import { parseSymbol, type ExtractedDocument, type ExtractedReference } from '../extract/index.js';
import type { FactRelation, Relation } from '../extract/types.js';
import { documentIdentity, type Identity } from './identity.js';
import { searchText } from './search-text.js';
import {
  Asker,
  completeContext,
  contextHint,
  isFull,
  NOTHING_KNOWN,
  placeKey,
  symKey,
  type Known,
  type Question,
} from './known.js';
import { areaKey, reporterOrg, resolveOrg, type AreaRef, type Org } from './organizations.js';
import { contextFrom, namedPlaces, slug, type Context, type Named } from './places.js';

export { searchText } from './search-text.js';

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
  /** Joined to the one document of its symbol and issuer the graph knows, the text giving no date (DESIGN §3). */
  inferred: boolean;
  /** The date this mention gives the document, as written (the audit compares them). */
  issuedOn: string | null;
  /**
   * What this source asserts about the cited document, kept on its own Citation so that shared edges
   * need no list of supporters (a decree's ISSUED_BY would otherwise be rewritten by every report):
   * the unit that issued it, and the facts `REL>key` whose subject it is.
   */
  issuer: string | null;
  facts: string[];
  /**
   * What this source says the document is (its DocRow), kept as evidence on each of its Citations: the
   * graph shows the best of all sources' evidence (cypher/ingest/settle-documents.cypher), whichever
   * came first, and again after one goes.
   */
  evidence: Pick<DocRow, 'title' | 'year' | 'type' | 'number' | 'name' | 'issuedOn'>;
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
  /** What resolution asked of the graph, with the answers it got (see known.ts). */
  questions: Question[];
  answers: Answers;
};

/** The areas a source places in their province, and its dated documents by the question they answer. */
export type Answers = { areas: AreaRef[]; dated: Array<{ q: string; key: string }> };

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
  // One slice of the text from the cut to the stop: the three pieces are contiguous (issue 15).
  const from = Math.max(0, start - 400) + (cut >= 0 ? cut + 1 : 0);
  const to = end + (stop >= 0 ? stop + 1 : after.length);
  return text.slice(from, to).replace(/\s+/g, ' ').trim();
}

/**
 * Everything resolution needs from a source, without its text: the extraction, the places the text
 * names, each mention's sentence, the report's search text and content key. A source whose resolution
 * asked the graph keeps it (stored compressed on its SourceFile), so that it can be resolved again when the
 * graph learns what it lacked, without its file.
 */
export type Draft = {
  sha256: string;
  header: ExtractedDocument['document'];
  references: ExtractedReference[];
  facts: ExtractedDocument['facts'];
  named: Named;
  quotes: string[];
  searchText: string;
  textKey: string;
};

export function draftOf(doc: ExtractedDocument, text: string): Draft {
  // The text is folded once: the search text of `title text` is the title's, a space, then the text's.
  const folded = searchText(text);
  const title = searchText(doc.document.title ?? '');
  return {
    sha256: doc.source.sha256,
    header: doc.document,
    references: doc.references.map((r) => ({ ...r, subject: r.subject ? r.subject.slice(0, 300) : null })),
    facts: doc.facts,
    named: namedPlaces(text),
    quotes: doc.references.map((r) => sentenceAround(text, r.start, r.end)),
    searchText: (title && folded ? `${title} ${folded}` : title || folded).slice(0, 20000),
    textKey: `text:${createHash('sha256').update(folded).digest('hex').slice(0, 24)}`,
  };
}

/** The graph facts of one extracted source (DESIGN §3), with what the graph knows (see known.ts). */
export function graphFacts(doc: ExtractedDocument, text: string, known: Known = NOTHING_KNOWN): GraphFacts {
  return factsOf(draftOf(doc, text), known);
}

/** A source's units and areas, gathered as its mentions resolve. */
class Units {
  readonly orgs = new Map<string, OrgRow>();
  readonly areas = new Map<string, AreaRow>();
  add = (o: Org | null): Org | null => {
    if (!o) return null;
    if (!this.orgs.has(o.key)) this.orgs.set(o.key, orgRow(o));
    areaRows(o.area, this.areas);
    return o;
  };
}

type Resolved = { key: string; ambiguous: boolean; inferred: boolean; org: Org | null };

/**
 * Each mention's document: its identity from the text and context; an undated one of a known body then
 * takes the one dated document of that numbering the same source names (not inferred: the text says it),
 * else the one the graph knows (inferred: Party numbers restart each term, so a person confirms it).
 */
function resolveMentions(
  d: Draft,
  ctx: Context,
  ask: Asker,
  reporter: Org | null,
  units: Units,
): { mentions: Resolved[]; ids: Identity[] } {
  const own = new Set(d.facts.filter((f) => f.relation === 'ISSUED_BY').map((f) => f.fromRef));
  const hint = contextHint(ctx);
  const ids: Identity[] = [];
  const mentions = d.references.map((r, i): Resolved => {
    const org = own.has(i)
      ? reporter
      : units.add(resolveOrg(r.issuer?.text ?? null, issuerCodeOf(r), ctx, ask.complete));
    const id = documentIdentity(r, org, ctx.province, org ? '' : hint);
    ids.push(id);
    return { key: id.key, ambiguous: id.ambiguous, inferred: false, org };
  });
  const datedHere = new Map<string, Set<string>>();
  for (const id of ids)
    if (id.prefix && id.year !== '?')
      datedHere.set(id.prefix, (datedHere.get(id.prefix) ?? new Set()).add(id.key));
  ids.forEach((id, i) => {
    if (!id.prefix || id.year !== '?') return;
    const here = [...(datedHere.get(id.prefix) ?? [])];
    const m = mentions[i] as Resolved;
    const known =
      here.length === 0 && id.resolved ? ask.dated(d.references[i]?.symbol ?? '', id.prefix) : null;
    const key = here.length === 1 ? (here[0] as string) : known;
    if (key) mentions[i] = { ...m, key, ambiguous: !id.resolved, inferred: here.length === 0 };
  });
  return { mentions, ids };
}

/**
 * The graph facts of one source from its draft: documents and their identities, the units that issued
 * them, the areas they reveal, one Citation per mention, the edges the text asserts, and the questions
 * its resolution put to what is known, with what it answers for others.
 */
export function factsOf(d: Draft, known: Known): GraphFacts {
  const h = d.header;
  const ask = new Asker(known);
  const ctx = completeContext(contextFrom(d.named, h.issuer), ask);
  const units = new Units();
  const reporter = units.add(h.issuer ? reporterOrg(h.issuer.name, ctx, ask.complete) : null);
  const sentTo = new Set<string>();
  for (const r of h.recipients) {
    const o = units.add(resolveOrg(r, null, ctx, ask.complete));
    if (o && o.key !== reporter?.key) sentTo.add(o.key);
  }
  const { mentions, ids } = resolveMentions(d, ctx, ask, reporter, units);
  const documents = new Map<string, DocRow>();
  d.references.forEach((r, i) => {
    const m = mentions[i] as Resolved;
    const prev = documents.get(m.key);
    documents.set(m.key, {
      key: m.key,
      type: r.type,
      number: r.number,
      symbol: r.symbol,
      year: r.year ?? prev?.year ?? null,
      issuedOn: prev?.issuedOn ?? r.issuedOn,
      // An inferred link fills nothing in: the document is another source's, and says what it is.
      title: prev?.title ?? (r.subject && !m.inferred ? r.subject : null),
      name: r.name,
      ambiguous: prev ? prev.ambiguous && m.ambiguous : m.ambiguous,
      issuerKey: prev?.issuerKey ?? m.org?.key ?? null,
    });
  });
  const reportId = reportIdentity(d, reporter, ctx);
  const report = reportRow(d, reportId.key, reporter);
  const said = new Map(documents);
  documents.delete(report.key);
  const links = linksOf(d, report.key, reporter, mentions);
  const citations: CitationRow[] = d.references.map((r, i) => {
    const m = mentions[i] as Resolved;
    return {
      key: `${d.sha256}:${i}`,
      docKey: m.key,
      quote: d.quotes[i] ?? r.text,
      text: r.text,
      start: r.start,
      end: r.end,
      inFootnote: r.inFootnote,
      relation: r.relation,
      ambiguous: documents.get(m.key)?.ambiguous ?? false,
      inferred: m.inferred,
      issuedOn: r.issuedOn,
      issuer: links.issuedBy.get(m.key)?.org ?? null,
      facts: links.factsOf.get(i) ?? [],
      evidence: evidenceOf(said.get(m.key) as DocRow),
    };
  });
  const areas = [...units.areas.values()];
  return {
    report,
    reporter: reporter ? orgRow(reporter) : null,
    documents: [...documents.values()],
    organizations: [...units.orgs.values()],
    areas,
    citations,
    edges: links.edges,
    issuedBy: [...links.issuedBy.values()],
    person: h.signer
      ? {
          key: `person:${slug(h.signer.name)}|${reporter?.key ?? ''}`,
          name: h.signer.name,
          position: h.signer.position,
        }
      : null,
    sentTo: [...sentTo],
    refKeys: [...new Set(mentions.map((m) => m.key))].sort(),
    context: ctx,
    questions: [...ask.questions.values()],
    answers: answersOf(areas, [
      { id: reportId, key: report.key, inferred: false },
      ...mentions.map((m, i) => ({ id: ids[i] as Identity, key: m.key, inferred: m.inferred })),
    ]),
  };
}

const evidenceOf = ({ title, year, type, number, name, issuedOn }: DocRow): CitationRow['evidence'] => ({
  title,
  year,
  type,
  number,
  name,
  issuedOn,
});

function reportIdentity(d: Draft, reporter: Org | null, ctx: Context): Identity {
  const h = d.header;
  if (!h.symbol) return { key: d.textKey, ambiguous: false, prefix: null, year: null, resolved: true };
  return documentIdentity(
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
    reporter ? '' : contextHint(ctx),
  );
}

function reportRow(d: Draft, key: string, reporter: Org | null): GraphFacts['report'] {
  const h = d.header;
  return {
    key,
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
    searchText: d.searchText,
  };
}

/** The report's edges to what it cites, the facts between cited documents, and who issued what. */
function linksOf(d: Draft, reportKey: string, reporter: Org | null, mentions: Resolved[]) {
  const keyOf = (i: number) => mentions[i]?.key;
  const edges = new Map<string, EdgeRow>();
  const addEdge = (e: EdgeRow) => {
    if (e.from !== e.to) edges.set(`${e.from}|${e.rel}|${e.to}`, e);
  };
  d.references.forEach((r, i) => addEdge({ from: reportKey, rel: r.relation, to: keyOf(i) as string }));
  const issuedBy = new Map<string, { doc: string; org: string }>();
  if (reporter) issuedBy.set(reportKey, { doc: reportKey, org: reporter.key });
  const factsOf = new Map<number, string[]>();
  for (const f of d.facts) {
    const from = keyOf(f.fromRef);
    if (!from) continue;
    if (f.relation === 'ISSUED_BY') {
      if (reporter) issuedBy.set(from, { doc: from, org: reporter.key });
    } else {
      const to = keyOf(f.toRef);
      if (to && to !== from) {
        addEdge({ from, rel: f.relation, to });
        const list = factsOf.get(f.fromRef);
        if (list) list.push(`${f.relation}>${to}`);
        else factsOf.set(f.fromRef, [`${f.relation}>${to}`]);
      }
    }
  }
  mentions.forEach((m) => {
    if (m.org && m.key !== reportKey && !issuedBy.has(m.key))
      issuedBy.set(m.key, { doc: m.key, org: m.org.key });
  });
  return { edges: [...edges.values()], issuedBy, factsOf };
}

/**
 * What a source's write tells others (the keys of the questions it answers): every area it places in its
 * province, and every dated document of a known body it names (an inferred link answers nothing).
 */
function answersOf(areas: AreaRow[], docs: Array<{ id: Identity; key: string; inferred: boolean }>): Answers {
  const rows = new Map(areas.map((a) => [a.key, a]));
  const chain = (a: AreaRow): AreaRef => ({
    tier: a.tier as AreaRef['tier'],
    name: a.name,
    parent: a.parentKey && rows.has(a.parentKey) ? chain(rows.get(a.parentKey) as AreaRow) : null,
  });
  const dated = new Map<string, { q: string; key: string }>();
  for (const { id, key, inferred } of docs)
    if (id.prefix && id.resolved && !inferred && key.startsWith(id.prefix) && !key.endsWith('|?'))
      dated.set(key, { q: symKey(id.prefix), key });
  return { areas: areas.map(chain).filter(isFull), dated: [...dated.values()] };
}

/** The keys of the questions a source answers. */
export const answerKeys = (g: GraphFacts): string[] => [
  ...new Set([...g.answers.areas.map((a) => placeKey(a.tier, a.name)), ...g.answers.dated.map((x) => x.q)]),
];

/** What many sources will write, as knowledge: a batch's sources answer each other's questions. */
export function knownOf(gs: readonly GraphFacts[]): Known {
  const areas = new Map<string, AreaRef[]>();
  const dated = new Map<string, string[]>();
  for (const g of gs) {
    for (const a of g.answers.areas) {
      const k = placeKey(a.tier, a.name);
      const have = areas.get(k) ?? [];
      if (!have.some((x) => areaKey(x) === areaKey(a))) have.push(a);
      areas.set(k, have);
    }
    for (const x of g.answers.dated) dated.set(x.q, [...new Set([...(dated.get(x.q) ?? []), x.key])]);
  }
  return { areas, dated };
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
    answers: { ...g.answers, dated: g.answers.dated.filter((x) => x.key !== old) },
  };
}
