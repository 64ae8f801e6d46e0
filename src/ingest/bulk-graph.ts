import { factsOf, knownOf, searchText, withReportKey, type GraphFacts } from '../graph/facts.js';
import { sameReport, NEAR_DUPLICATE } from '../graph/identity.js';
import { answerText } from '../store/knowledge.js';
import { areaKey } from '../graph/organizations.js';
import type { Known, Question } from '../graph/known.js';
import { writeParams, type Prepared, type WriteParams } from '../store/ingest.js';

/**
 * The graph `ingest` writes, built in memory for `luocdo load` (issue 15): the same statement parameters
 * (`writeParams`), applied by the rules of cypher/ingest/write-source.cypher, probe.cypher (near-identical
 * reports, the reporter's name), rekey-document.cypher and settle-documents.cypher, in file order, with
 * every question answered from the whole set (as `resolveWithGraph` and `settle` end up answering it).
 */
export type Props = Record<string, unknown>;
export type GNode = { id: number; label: string; props: Props };
export type GEdge = { start: number; end: number; type: string; props: Props };

type Row = WriteParams['targets'][number];
type Cit = Row['citations'][number];

/** Of two values, the one settle-documents keeps: the longer, then the smaller. */
const better = (t: string | null | undefined, x: string | null | undefined): boolean =>
  t != null && (x == null || t.length > x.length || (t.length === x.length && t < x));
const bestOf = (vs: Array<string | null | undefined>): string | null =>
  vs.reduce<string | null>((b, v) => (better(v, b) ? (v as string) : b), null);
const minYear = (vs: Array<number | null | undefined>): number | null =>
  vs.reduce<number | null>((b, v) => (v != null && (b === null || v < b) ? v : b), null);

export class BulkGraph {
  readonly nodes: GNode[] = [];
  readonly edges = new Map<string, GEdge>();
  readonly docs = new Map<string, GNode>();
  private readonly orgs = new Map<string, GNode>();
  private readonly areas = new Map<string, GNode>();
  private readonly people = new Map<string, GNode>();
  private readonly sources = new Map<string, GNode>();
  private readonly questions = new Map<string, GNode>();
  private readonly ownOf = new Map<number, GNode[]>();
  private readonly citedOf = new Map<number, GNode[]>();
  private readonly issuersOf = new Map<number, GNode[]>();
  /** Documents with a source, by the unit that issued them: where near-identical reports are looked for. */
  private readonly reportsOf = new Map<number, Set<GNode>>();
  results = { added: 0, merged: 0, unchanged: 0 };

  private node(label: string, props: Props): GNode {
    const n = { id: this.nodes.length, label, props };
    this.nodes.push(n);
    return n;
  }

  private merge(a: GNode, type: string, b: GNode, props: Props = {}): GEdge {
    const k = `${a.id}>${type}>${b.id}`;
    let e = this.edges.get(k);
    if (!e) {
      e = { start: a.id, end: b.id, type, props };
      this.edges.set(k, e);
      if (type === 'ISSUED_BY') {
        this.push(this.issuersOf, a.id, b);
        if (this.ownOf.has(a.id)) this.reportOf(b, a);
      }
    }
    return e;
  }

  private reportOf(org: GNode, doc: GNode): void {
    const s = this.reportsOf.get(org.id) ?? new Set<GNode>();
    s.add(doc);
    this.reportsOf.set(org.id, s);
  }

  private push(m: Map<number, GNode[]>, id: number, n: GNode): void {
    const l = m.get(id);
    if (l) l.push(n);
    else m.set(id, [n]);
  }

  /** One source, as `writeSourceTx` writes it after the probe. */
  add(p: Prepared): void {
    if (this.sources.has(p.sha256)) {
      this.results.unchanged++;
      return;
    }
    let g = p.facts;
    const reporter = this.probeReporter(p);
    const c = reporter ? this.candidate(p, reporter) : null;
    if (c) {
      this.results.merged++;
      const key = c.props['key'] as string;
      const contentKeyed = key.startsWith('text:');
      if (contentKeyed && (g.report.symbol || g.report.key < key) && !this.docs.has(g.report.key)) {
        this.docs.delete(key);
        c.props['key'] = g.report.key;
        this.docs.set(g.report.key, c);
      } else g = withReportKey(g, key);
    } else this.results.added++;
    const w = writeParams(p, g, false);
    this.settle([...this.write(w)]);
  }

  /** probe.cypher: the reporter of a source with references is merged, its name set. */
  private probeReporter(p: Prepared): GNode | null {
    const r = p.facts.reporter;
    if (!r || p.facts.refKeys.length < 3) return null;
    let o = this.orgs.get(r.key);
    if (!o) {
      o = this.node('Organization', {
        key: r.key,
        shortName: r.shortName,
        level: r.level,
        kind: r.kind,
        searchText: searchText(`${r.name} ${r.shortName ?? ''}`),
      });
      this.orgs.set(r.key, o);
    }
    o.props['name'] = r.name;
    return o;
  }

  private candidate(p: Prepared, org: GNode): GNode | null {
    const g = p.facts;
    const mine = new Set(g.refKeys);
    for (const d of [...(this.reportsOf.get(org.id) ?? [])].sort((a, b) => a.id - b.id)) {
      for (const cs of this.ownOf.get(d.id) ?? []) {
        if (cs.props['sha256'] === p.sha256) continue;
        const tk = cs.props['titleKey'] as string | null;
        if (p.titleKey !== null && tk !== null && tk !== p.titleKey) continue;
        const refs = (cs.props['refKeys'] as string[]) ?? [];
        const shared = refs.filter((k) => mine.has(k)).length;
        if (shared < NEAR_DUPLICATE * (refs.length + mine.size - shared)) continue;
        const key = d.props['key'] as string;
        const contentKeyed = key.startsWith('text:');
        if (
          key !== g.report.key &&
          sameReport(
            { numberedKey: g.report.symbol ? g.report.key : null, title: g.report.title, refKeys: g.refKeys },
            {
              numberedKey: contentKeyed ? null : key,
              title: (d.props['title'] as string | null) ?? null,
              refKeys: refs,
            },
          )
        )
          return d;
      }
    }
    return null;
  }

  private doc(key: string, create: () => Props): GNode {
    let d = this.docs.get(key);
    if (!d) {
      d = this.node('Document', { key, ...create() });
      this.docs.set(key, d);
    }
    return d;
  }

  /** write-source.cypher for one source; the keys of the documents to settle. */
  private write(w: WriteParams): Set<string> {
    const rep = this.doc(w.r.key, () => ({ type: w.r.type }));
    rep.props['hasText'] = true;
    // The statement's planner reads all the areas' own MERGEs before their parents' (an eager step between
    // the two), so an area named by the same source is created with its name, never bare.
    const placed: GNode[] = [];
    for (const a of w.areas) {
      let x = this.areas.get(a.key);
      if (!x) this.areas.set(a.key, (x = this.node('Area', { key: a.key, name: a.name, tier: a.tier })));
      placed.push(x);
    }
    w.areas.forEach((a, i) => {
      if (a.parentKey === null) return;
      let parent = this.areas.get(a.parentKey);
      if (!parent) this.areas.set(a.parentKey, (parent = this.node('Area', { key: a.parentKey })));
      this.merge(placed[i] as GNode, 'IN', parent);
    });
    for (const o of w.orgs) {
      let x = this.orgs.get(o.key);
      if (!x) {
        const { key, name, shortName, level, kind, searchText: text } = o;
        this.orgs.set(
          o.key,
          (x = this.node('Organization', { key, name, shortName, level, kind, searchText: text })),
        );
      }
      const area = o.areaKey === null ? undefined : this.areas.get(o.areaKey);
      if (area) this.merge(x, 'IN', area);
    }
    const settle = new Set([rep.props['key'] as string]);
    for (const t of w.targets) if (this.target(rep, t, w)) settle.add(t.key);
    for (const e of w.facts) {
      const a = this.docs.get(e.from);
      const b = this.docs.get(e.to);
      if (a && b) this.merge(a, e.rel, b);
    }
    this.source(rep, w);
    for (const unit of w.source.sentTo) {
      const o = this.orgs.get(unit);
      if (o) this.merge(rep, 'SENT_TO', o);
    }
    if (w.person) {
      const { key, name, position } = w.person;
      let pn = this.people.get(key);
      if (!pn) this.people.set(key, (pn = this.node('Person', { key, name, position })));
      this.merge(rep, 'SIGNED_BY', pn);
    }
    return settle;
  }

  /** One target row: the document, its issuer, the report's edges and Citations; true when it is stale. */
  private target(rep: GNode, t: Row, w: WriteParams): boolean {
    const x = this.doc(t.key, () => ({
      hasText: false,
      type: t.type,
      number: t.number,
      symbol: t.symbol,
      year: t.year,
      issuedOn: t.issuedOn,
      title: t.title,
      name: t.name,
      ambiguous: t.ambiguous,
      searchText: t.searchText,
    }));
    const xp = x.props as Record<string, string | number | boolean | null | undefined>;
    const stale =
      (['title', 'type', 'number', 'issuedOn', 'name'] as const).some((k) =>
        better(t[k], xp[k] as string | null),
      ) ||
      (t.year !== null && (xp['year'] == null || t.year < (xp['year'] as number))) ||
      (xp['ambiguous'] === true && !t.ambiguous);
    const issuer = t.issuer === null ? undefined : this.orgs.get(t.issuer);
    if (issuer) this.merge(x, 'ISSUED_BY', issuer);
    for (const rel of t.rels) this.relation(rep, x, rel, t.citations);
    for (const c of t.citations) this.citation(rep, x, c, w);
    return stale;
  }

  private relation(rep: GNode, x: GNode, rel: string, cits: Cit[]): void {
    const mine = cits.filter((c) => c.relation === rel);
    const inferred = mine.every((c) => c.inferred === true);
    const quote = mine[0]?.quote ?? null;
    const k = `${rep.id}>${rel}>${x.id}`;
    const e = this.edges.get(k);
    if (!e) {
      this.merge(rep, rel, x, { quote, inferred: inferred ? true : null });
      return;
    }
    e.props['inferred'] = e.props['inferred'] === true && inferred ? true : null;
    const was = e.props['quote'] as string | null;
    if (quote !== null && (was === null || better(quote, was))) e.props['quote'] = quote;
  }

  private citation(rep: GNode, x: GNode, c: Cit, w: WriteParams): void {
    const ev = c.evidence;
    const cit = this.node('Citation', {
      key: c.key,
      quote: c.quote,
      text: c.text,
      start: c.start,
      end: c.end,
      inFootnote: c.inFootnote,
      relation: c.relation,
      ambiguous: c.ambiguous,
      inferred: c.inferred,
      ocr: w.source.ocr,
      issuedOn: c.issuedOn,
      source: w.sha,
      issuer: c.issuer,
      facts: c.facts,
      docTitle: ev.title,
      docYear: ev.year,
      docType: ev.type,
      docNumber: ev.number,
      docName: ev.name,
      docIssuedOn: ev.issuedOn,
    });
    this.merge(rep, 'HAS_CITATION', cit);
    this.merge(cit, 'REFERS_TO', x);
    this.push(this.citedOf, x.id, cit);
  }

  private source(rep: GNode, w: WriteParams): void {
    const s = w.source;
    const r = w.r;
    const n = this.node('SourceFile', {
      sha256: w.sha,
      path: s.path,
      format: s.format,
      bytes: s.bytes,
      extractorVersion: s.version,
      encoding: s.encoding,
      encodingDecidedBy: s.encodingDecidedBy,
      encodingDoubtful: s.encodingDoubtful,
      ocr: s.ocr,
      ocrPages: s.ocrPages,
      ocrConfidence: s.ocrConfidence,
      refKeys: s.refKeys,
      titleKey: s.titleKey,
      issuer: s.issuer,
      sentTo: s.sentTo,
      title: r.title,
      type: r.type,
      number: r.number,
      symbol: r.symbol,
      year: r.year,
      issuedOn: r.issuedOn,
      place: r.place,
      recipients: r.recipients,
      signer: r.signer,
      signerPosition: r.signerPosition,
      searchText: r.searchText,
      signedBy: w.person?.key ?? null,
      ownKey: w.ownKey,
      answers: s.answers,
      draft: s.draft,
      textZ: s.textZ,
    });
    this.sources.set(w.sha, n);
    this.merge(n, 'OF', rep);
    this.push(this.ownOf, rep.id, n);
    for (const o of this.issuersOf.get(rep.id) ?? []) this.reportOf(o, rep);
    for (const q of s.questions) {
      let qn = this.questions.get(q.key);
      if (!qn) {
        const { answer: _a, ...row } = q;
        this.questions.set(q.key, (qn = this.node('Question', row)));
      }
      this.merge(n, 'ASKS', qn).props['answer'] = q.answer;
    }
  }

  /** settle-documents.cypher: what each document shows, from all its evidence so far. */
  private settle(keys: string[]): void {
    for (const key of [...new Set(keys)].sort()) {
      const d = this.docs.get(key);
      if (!d) continue;
      const own = [...(this.ownOf.get(d.id) ?? [])]
        .sort((a, b) => String(a.props['sha256']).localeCompare(String(b.props['sha256'])))
        .map((n) => n.props);
      const cited = (this.citedOf.get(d.id) ?? []).map((c) => ({
        title: c.props['docTitle'],
        type: c.props['docType'],
        number: c.props['docNumber'],
        name: c.props['docName'],
        year: c.props['docYear'],
        issuedOn: c.props['docIssuedOn'],
        ambiguous: c.props['ambiguous'],
      })) as Props[];
      const hasText = own.length > 0;
      const b = (from: Props[], p: string) => bestOf(from.map((x) => x[p] as string | null));
      const dp = d.props;
      const signed = own.reduce<Props | null>(
        (acc, x) => (better(x['signer'] as string | null, acc?.['signer'] as string | null) ? x : acc),
        null,
      );
      const recipients = own.reduce<string[] | null>((acc, x) => {
        const r = (x['recipients'] as string[] | null) ?? [];
        if (r.length === 0) return acc;
        if (acc === null) return r;
        const j = (l: string[]) => l.map((v) => v + '\n').join('');
        return r.length > acc.length || (r.length === acc.length && j(r) < j(acc)) ? r : acc;
      }, null);
      dp['hasText'] = hasText;
      dp['title'] = b(own, 'title') ?? b(cited, 'title');
      dp['type'] = b(own, 'type') ?? b(cited, 'type') ?? dp['type'];
      dp['number'] = b(own, 'number') ?? b(cited, 'number');
      dp['issuedOn'] = b(own, 'issuedOn') ?? b(cited, 'issuedOn');
      dp['name'] = b(cited, 'name');
      dp['symbol'] = b(own, 'symbol') ?? dp['symbol'] ?? null;
      dp['year'] =
        minYear(own.map((x) => x['year'] as number | null)) ??
        minYear(cited.map((x) => x['year'] as number | null));
      dp['ambiguous'] = hasText
        ? false
        : cited.length === 0
          ? dp['ambiguous']
          : cited.every((c) => c['ambiguous'] === true);
      dp['place'] = hasText ? b(own, 'place') : null;
      dp['recipients'] = hasText ? (recipients ?? []) : null;
      dp['signer'] = hasText ? (signed?.['signer'] ?? null) : null;
      dp['signerPosition'] = hasText ? (signed?.['signerPosition'] ?? null) : null;
    }
  }

  /** The search text, as the deferred search batches leave it: a report's best copy's, else folded. */
  finish(): void {
    for (const d of this.docs.values()) {
      const p = d.props;
      p['searchText'] = p['hasText']
        ? bestOf((this.ownOf.get(d.id) ?? []).map((s) => s.props['searchText'] as string | null))
        : searchText(
            `${(p['symbol'] as string | null) ?? ''} ${(p['name'] as string | null) ?? ''} ${(p['title'] as string | null) ?? ''}`,
          );
    }
  }
}

/**
 * Every source's facts resolved with what the whole set answers (`resolveWithGraph` over one batch of
 * all, with nothing in the graph): rounds until no answer changes.
 */
export function resolveAll(ps: Prepared[]): Prepared[] {
  let out = ps;
  for (let round = 0; round < 6; round++) {
    const known = knownOf(out.map((p) => p.facts));
    let changed = false;
    out = out.map((p) => {
      const g: GraphFacts = p.facts;
      if (g.questions.every((q) => answerText(q.answer) === answerNow(q, known))) return p;
      changed = true;
      return { ...p, facts: factsOf(p.draft, known) };
    });
    if (!changed) break;
  }
  return out;
}

const answerNow = (q: Question, known: Known): string =>
  answerText(
    q.kind === 'place' ? (known.areas.get(q.key) ?? []).map(areaKey) : (known.dated.get(q.key) ?? []),
  );
