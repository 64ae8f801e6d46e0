import {
  factsOf,
  knownOf,
  searchText,
  withReportKey,
  type Answers,
  type Draft,
  type GraphFacts,
} from '../graph/facts.js';
import { sameReport, NEAR_DUPLICATE } from '../graph/identity.js';
import { answerText, decisive } from '../store/knowledge.js';
import { areaKey } from '../graph/organizations.js';
import type { Known, Question } from '../graph/known.js';
import { writeParams, type WriteParams } from '../store/ingest.js';
import type { RowSink } from './csv.js';
import type { Lean, TextRef, Texts } from './spill.js';

/**
 * The graph `ingest` writes, built in memory for `luocdo load` (issue 15): the same statement parameters
 * (`writeParams`), applied by the rules of cypher/ingest/write-source.cypher, probe.cypher (near-identical
 * reports, the reporter's name), rekey-document.cypher and settle-documents.cypher, in file order, with
 * every question answered from the whole set (as `resolveWithGraph` and `settle` end up answering it).
 */
export type Props = Record<string, unknown>;
export type GNode = { id: number; label: string; props: Props };
export type GEdge = { start: number; end: number; type: string; props: Props };

/**
 * What is kept of a report's own source once it is written out (the SourceFile itself goes to the CSV):
 * what near-identical reports are told apart by.
 */
type OwnSource = { sha: string; titleKey: string | null; refKeys: string[] };

/** Of a document's own sources, what settle-documents keeps: each value the best any source has. */
type OwnAgg = {
  title: string | null;
  type: string | null;
  number: string | null;
  issuedOn: string | null;
  symbol: string | null;
  place: string | null;
  /** On disk: a report's search text is most of what it would keep in memory. */
  searchText: TextRef | null;
  year: number | null;
  signer: string | null;
  signerPosition: string | null;
  /** The source the signer was taken from: of equal signers, the one first by sha256. */
  signerSha: string | null;
  recipients: string[] | null;
};

/** Of the Citations that refer to a document, what settle-documents keeps. */
type CitedAgg = {
  title: string | null;
  type: string | null;
  number: string | null;
  name: string | null;
  issuedOn: string | null;
  year: number | null;
  allAmbiguous: boolean;
};

type Row = WriteParams['targets'][number];
type Cit = Row['citations'][number];

/** Of two values, the one settle-documents keeps: the longer, then the smaller. */
const better = (t: string | null | undefined, x: string | null | undefined): boolean =>
  t != null && (x == null || t.length > x.length || (t.length === x.length && t < x));
const minOf = (b: number | null, v: number | null | undefined): number | null =>
  v != null && (b === null || v < b) ? v : b;
const pick = (b: string | null, v: string | null | undefined): string | null =>
  better(v, b) ? (v as string) : b;
const joined = (l: string[]) => l.map((v) => v + '\n').join('');

const NO_DRAFT = {} as Draft;

export class BulkGraph {
  /** The nodes kept to the end (documents, organizations, areas, people, questions): settle changes them. */
  readonly nodes: GNode[] = [];
  /** The kept edges by their start node: few per node, found by a scan, with no key string per edge. */
  private readonly from = new Map<number, GEdge[]>();
  edgeCount = 0;
  private readonly words = new Map<string, string>();
  readonly docs = new Map<string, GNode>();
  private readonly orgs = new Map<string, GNode>();
  private readonly areas = new Map<string, GNode>();
  private readonly people = new Map<string, GNode>();
  private readonly sources = new Set<string>();
  private readonly questions = new Map<string, GNode>();
  private readonly ownOf = new Map<number, OwnSource[]>();
  private readonly ownAgg = new Map<number, OwnAgg>();
  private readonly citedAgg = new Map<number, CitedAgg>();
  private readonly issuersOf = new Map<number, GNode[]>();
  /** Documents with a source, by the unit that issued them: where near-identical reports are looked for. */
  private readonly reportsOf = new Map<number, Set<GNode>>();
  private nextId = 0;
  /** Nodes and relationships written out as made, never changed after: SourceFiles, Citations and theirs. */
  streamed = { nodes: 0, relationships: 0 };
  results = { added: 0, merged: 0, unchanged: 0 };

  /** `out` takes what is written once and never changed: each SourceFile and Citation and their edges. */
  constructor(
    private readonly out: RowSink,
    private readonly texts: Texts,
  ) {}

  /**
   * One copy of each short value kept (a type, a number, a date): every source arrives with its own
   * copies, and the kept nodes and edges would hold tens of thousands of each.
   */
  private word<T extends string | null>(s: T): T {
    if (s === null || s.length > 24) return s;
    const w = this.words.get(s);
    if (w !== undefined) return w as T;
    this.words.set(s, s);
    return s;
  }

  /** An id no node of the graph has, for a node added to the CSV beside it. */
  newId(): number {
    return this.nextId++;
  }

  private node(label: string, props: Props): GNode {
    const n = { id: this.nextId++, label, props };
    this.nodes.push(n);
    return n;
  }

  /** A node that nothing changes after it is made: straight to the CSV. */
  private written(label: string, props: Props): number {
    const id = this.nextId++;
    this.out.node(label, id, props);
    this.streamed.nodes++;
    return id;
  }

  private writtenEdge(type: string, start: number, end: number, props: Props = {}): void {
    this.out.edge(type, start, end, props);
    this.streamed.relationships++;
  }

  *edges(): Generator<GEdge> {
    for (const l of this.from.values()) yield* l;
  }

  private edge(a: GNode, type: string, b: GNode): GEdge | undefined {
    for (const e of this.from.get(a.id) ?? []) if (e.end === b.id && e.type === type) return e;
    return undefined;
  }

  private merge(a: GNode, type: string, b: GNode, props: Props = {}): GEdge {
    let e = this.edge(a, type, b);
    if (!e) {
      e = { start: a.id, end: b.id, type: this.word(type), props };
      const l = this.from.get(a.id);
      if (l) l.push(e);
      else this.from.set(a.id, [e]);
      this.edgeCount++;
      if (type === 'ISSUED_BY') {
        const l = this.issuersOf.get(a.id);
        if (l) l.push(b);
        else this.issuersOf.set(a.id, [b]);
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

  /** One source, as `writeSourceTx` writes it after the probe. */
  add(p: Lean): void {
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
    // The draft is not read back: its stored bytes were made in the worker (spill.ts Lean), and are put in
    // place of what `writeParams` makes of this empty one.
    const w = writeParams({ ...p, draft: NO_DRAFT }, g, false);
    if (g.questions.length > 0 && p.draftZ === null)
      throw new Error(`load: ${p.path} asks the graph but was packed without its draft`);
    w.source.draft = g.questions.length > 0 ? p.draftZ : null;
    this.settle([...this.write(w)]);
  }

  /** probe.cypher: the reporter of a source with references is merged, its name set. */
  private probeReporter(p: Lean): GNode | null {
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

  /** The near-identical report this source is of: of several, the one made first (the probe's order). */
  private candidate(p: Lean, org: GNode): GNode | null {
    let found: GNode | null = null;
    const mine = new Set(p.facts.refKeys);
    for (const d of this.reportsOf.get(org.id) ?? []) {
      if (found && d.id > found.id) continue;
      if ((this.ownOf.get(d.id) ?? []).some((cs) => this.nearSame(p, mine, d, cs))) found = d;
    }
    return found;
  }

  private nearSame(p: Lean, mine: Set<string>, d: GNode, cs: OwnSource): boolean {
    const g = p.facts;
    if (cs.sha === p.sha256) return false;
    if (p.titleKey !== null && cs.titleKey !== null && cs.titleKey !== p.titleKey) return false;
    const refs = cs.refKeys;
    // Cheap first: a set of references far smaller than this one cannot share enough of it.
    if (refs.length < NEAR_DUPLICATE * mine.size) return false;
    let shared = 0;
    for (const k of refs) if (mine.has(k)) shared++;
    if (shared < NEAR_DUPLICATE * (refs.length + mine.size - shared)) return false;
    const key = d.props['key'] as string;
    const contentKeyed = key.startsWith('text:');
    return (
      key !== g.report.key &&
      sameReport(
        { numberedKey: g.report.symbol ? g.report.key : null, title: g.report.title, refKeys: g.refKeys },
        {
          numberedKey: contentKeyed ? null : key,
          title: (d.props['title'] as string | null) ?? null,
          refKeys: refs,
        },
      )
    );
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
      type: this.word(t.type),
      number: this.word(t.number),
      symbol: t.symbol,
      year: t.year,
      issuedOn: this.word(t.issuedOn),
      title: t.title,
      name: t.name,
      ambiguous: t.ambiguous,
      // The search text is made at the end (finish), from what the document shows then.
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
    const e = this.edge(rep, rel, x);
    if (!e) {
      // The quote on disk till the edge is written: a sentence per reference, most of what it holds.
      this.merge(rep, rel, x, {
        quote: quote === null ? null : this.texts.put(quote),
        inferred: inferred ? true : null,
      });
      return;
    }
    e.props['inferred'] = e.props['inferred'] === true && inferred ? true : null;
    if (this.texts.better(quote, e.props['quote'] as TextRef | null | undefined))
      e.props['quote'] = this.texts.put(quote as string);
  }

  private citation(rep: GNode, x: GNode, c: Cit, w: WriteParams): void {
    const ev = c.evidence;
    const cit = this.written('Citation', {
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
    this.writtenEdge('HAS_CITATION', rep.id, cit);
    this.writtenEdge('REFERS_TO', cit, x.id);
    const a = this.citedAgg.get(x.id);
    const amb = c.ambiguous === true;
    if (!a)
      this.citedAgg.set(x.id, {
        title: pick(null, ev.title),
        type: pick(null, ev.type),
        number: pick(null, ev.number),
        name: pick(null, ev.name),
        issuedOn: pick(null, ev.issuedOn),
        year: minOf(null, ev.year),
        allAmbiguous: amb,
      });
    else {
      a.title = pick(a.title, ev.title);
      a.type = pick(a.type, ev.type);
      a.number = pick(a.number, ev.number);
      a.name = pick(a.name, ev.name);
      a.issuedOn = pick(a.issuedOn, ev.issuedOn);
      a.year = minOf(a.year, ev.year);
      a.allAmbiguous &&= amb;
    }
  }

  private source(rep: GNode, w: WriteParams): void {
    const s = w.source;
    const r = w.r;
    const props = {
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
    };
    const n = this.written('SourceFile', props);
    this.sources.add(w.sha);
    this.writtenEdge('OF', n, rep.id);
    const own = this.ownOf.get(rep.id);
    // The keys as the documents hold them: one copy each, not one per report that cites it.
    const refKeys = s.refKeys.map((k) => (this.docs.get(k)?.props['key'] as string | undefined) ?? k);
    const mine: OwnSource = { sha: w.sha, titleKey: s.titleKey, refKeys };
    if (own) own.push(mine);
    else this.ownOf.set(rep.id, [mine]);
    this.owned(rep.id, props);
    for (const o of this.issuersOf.get(rep.id) ?? []) this.reportOf(o, rep);
    // A question named twice by one source: one edge, with the last answer (as MERGE then SET leaves it).
    const asks = new Map<number, unknown>();
    for (const q of s.questions) {
      let qn = this.questions.get(q.key);
      if (!qn) {
        const { answer: _a, ...row } = q;
        this.questions.set(q.key, (qn = this.node('Question', row)));
      }
      asks.set(qn.id, q.answer);
    }
    for (const [q, answer] of asks) this.writtenEdge('ASKS', n, q, { answer });
  }

  /** A source's part in its document's settled values. */
  private owned(
    doc: number,
    x: Omit<OwnAgg, 'signerSha' | 'searchText'> & { sha256: string; searchText: string | null },
  ): void {
    const a = this.ownAgg.get(doc) ?? {
      title: null,
      type: null,
      number: null,
      issuedOn: null,
      symbol: null,
      place: null,
      searchText: null,
      year: null,
      signer: null,
      signerPosition: null,
      signerSha: null,
      recipients: null,
    };
    this.ownAgg.set(doc, a);
    for (const k of ['title', 'type', 'number', 'issuedOn', 'symbol', 'place'] as const)
      a[k] = pick(a[k], x[k]);
    if (this.texts.better(x.searchText, a.searchText)) a.searchText = this.texts.put(x.searchText as string);
    a.year = minOf(a.year, x.year);
    if (
      better(x.signer, a.signer) ||
      (x.signer != null && x.signer === a.signer && x.sha256 < (a.signerSha ?? ''))
    ) {
      a.signer = x.signer;
      a.signerPosition = x.signerPosition;
      a.signerSha = x.sha256;
    }
    const r = x.recipients ?? [];
    const acc = a.recipients;
    if (
      r.length > 0 &&
      (acc === null || r.length > acc.length || (r.length === acc.length && joined(r) < joined(acc)))
    )
      a.recipients = r;
  }

  /** settle-documents.cypher: what each document shows, from all its evidence so far. */
  private settle(keys: string[]): void {
    for (const key of [...new Set(keys)].sort()) {
      const d = this.docs.get(key);
      if (!d) continue;
      const own = this.ownAgg.get(d.id);
      const cited = this.citedAgg.get(d.id);
      const dp = d.props;
      dp['hasText'] = own !== undefined;
      dp['title'] = own?.title ?? cited?.title ?? null;
      dp['type'] = own?.type ?? cited?.type ?? dp['type'];
      dp['number'] = own?.number ?? cited?.number ?? null;
      dp['issuedOn'] = own?.issuedOn ?? cited?.issuedOn ?? null;
      dp['name'] = cited?.name ?? null;
      dp['symbol'] = own?.symbol ?? dp['symbol'] ?? null;
      dp['year'] = own?.year ?? cited?.year ?? null;
      dp['ambiguous'] = own ? false : cited === undefined ? dp['ambiguous'] : cited.allAmbiguous;
      dp['place'] = own ? own.place : null;
      dp['recipients'] = own ? (own.recipients ?? []) : null;
      dp['signer'] = own ? own.signer : null;
      dp['signerPosition'] = own ? own.signerPosition : null;
    }
  }

  /** The search text, as the deferred search batches leave it: a report's best copy's, else folded. */
  finish(): void {
    for (const d of this.docs.values()) {
      const p = d.props;
      p['searchText'] = p['hasText']
        ? (this.ownAgg.get(d.id)?.searchText ?? null)
        : searchText(
            `${(p['symbol'] as string | null) ?? ''} ${(p['name'] as string | null) ?? ''} ${(p['title'] as string | null) ?? ''}`,
          );
    }
  }
}

/** What cross-set resolution reads of a source: its questions, and the answers it gives others. */
export type Asked = { questions: Question[]; answers: Answers };

/**
 * What resolution across the whole set gives: the sources to make again, each with the knowledge its facts
 * come from (that of the last round that changed them), and the sources whose answers only list more or
 * fewer of several (none decides either way, as `staleSources` has it): their facts stand, with these
 * questions (the stored answers updated, as set-answers.cypher leaves them).
 */
export type Resolved = { redo: Map<number, Known>; answered: Map<number, Question[]> };

/**
 * Sources' facts made again with `known` (each draft resolved again): what the next round reads of them.
 * The remade facts themselves are kept by whoever makes them (load.ts puts them in place of the old).
 */
export type RemakeAsync = (again: number[], known: Known) => Promise<Asked[]>;

/** The rounds of `resolveAll`: each round's sources to make again, and what they answer once made. */
class Rounds {
  readonly redo = new Map<number, Known>();
  readonly answered = new Map<number, Question[]>();
  private readonly now: Array<Asked | undefined>;
  known: Known = { areas: new Map(), dated: new Map() };

  constructor(asked: Array<Asked | undefined>) {
    this.now = [...asked];
  }

  /** The sources whose decisive answers changed with what the set answers now. */
  next(): number[] {
    // knownOf reads only each source's answers.
    const known = knownOf(this.now.flatMap((a) => (a ? [a as unknown as GraphFacts] : [])));
    this.known = known;
    const again: number[] = [];
    this.now.forEach((a, i) => {
      if (!a) return;
      const was = a.questions.map((q) => answerText(q.answer));
      const is = a.questions.map((q) => answerNow(q, known));
      if (was.every((w, k) => w === is[k])) return;
      if (was.every((w, k) => decisive(w) === decisive(is[k] as string))) {
        // Nothing this source resolves changes, so neither does what it answers: no new round for it.
        const questions = a.questions.map((q) => ({ ...q, answer: answerList(q, known) }));
        this.now[i] = { questions, answers: a.answers };
        this.answered.set(i, questions);
        return;
      }
      again.push(i);
    });
    return again;
  }

  made(again: number[], made: Asked[]): void {
    again.forEach((i, k) => {
      this.now[i] = made[k];
      this.redo.set(i, this.known);
      this.answered.delete(i);
    });
  }
}

/**
 * Every source's facts resolved with what the whole set answers (`resolveWithGraph` over one batch of
 * all, with nothing in the graph): rounds until no answer changes. Only the questions and answers of
 * each source are held; the draft of one whose resolution a new answer changes is asked for (`draftOf`).
 */
export function resolveAll(asked: Array<Asked | undefined>, draftOf: (i: number) => Draft): Resolved {
  const r = new Rounds(asked);
  for (let round = 0; round < 6; round++) {
    const again = r.next();
    if (again.length === 0) break;
    const made = again.map((i) => {
      const g = factsOf(draftOf(i), r.known);
      return { questions: g.questions, answers: g.answers };
    });
    r.made(again, made);
  }
  return { redo: r.redo, answered: r.answered };
}

/** The same, the sources made again elsewhere (in worker threads) while this thread waits. */
export async function resolveAllAsync(
  asked: Array<Asked | undefined>,
  remake: RemakeAsync,
): Promise<Resolved> {
  const r = new Rounds(asked);
  for (let round = 0; round < 6; round++) {
    const again = r.next();
    if (again.length === 0) break;
    r.made(again, await remake(again, r.known));
  }
  return { redo: r.redo, answered: r.answered };
}

const answerList = (q: Question, known: Known): string[] =>
  q.kind === 'place' ? (known.areas.get(q.key) ?? []).map(areaKey) : [...(known.dated.get(q.key) ?? [])];

const answerNow = (q: Question, known: Known): string => answerText(answerList(q, known));
