import { fold } from '../codes.js';
import type { Link, Mention } from '../mentions/types.js';
import { eachMatch } from '../patterns.js';
import type { Boundaries } from '../sentences.js';
import type { DocType, FactRelation, Relation } from '../types.js';
import {
  AGENT_LEAD,
  CUES,
  LEGAL_OBJECT_GAP,
  LEGAL_PART_OF,
  PASSIVE_BEFORE,
  SELF_SUBJECT,
  type CueKind,
} from './cues.js';
import { lowerVi } from '../case.js';

type Found = { kind: CueKind; legal: Relation | undefined; start: number; end: number };

/** The cue nearest the end of `gap` (the latest end; on a tie, the longest). */
function lastCue(text: string, from: number, to: number): Found | undefined {
  let best: Found | undefined;
  let legal: Found | undefined;
  const gap = text.slice(from, to);
  for (const cue of CUES) {
    eachMatch(cue.re, gap, (index, length) => {
      const start = from + index;
      const end = start + length;
      const found = { kind: cue.kind, legal: cue.legal, start, end };
      if (!best || end > best.end || (end === best.end && start < best.start)) best = found;
      if (cue.kind === 'LEGAL' && (!legal || end > legal.end)) legal = found;
    });
  }
  // `được sửa đổi theo quy định tại …`: the legal verb's agent, not a plain citation.
  if (best?.kind === 'PLAIN' && legal && best.start - legal.end <= 2) return legal;
  return best;
}

export type RelationContext = {
  text: string;
  boundaries: Boundaries;
  docType: DocType | null;
  /** A law, decree, circular or other normative text: it never implements or reports on anything. */
  normative: boolean;
  docIssuer: string | null;
  /** The document's own title (clean-text span): a legal cue there is the document's own act. */
  titleSpan: readonly [number, number] | null;
  inFootnote: (pos: number) => boolean;
};

export type Assigned = { relation: Relation; own: boolean };
export type RawFact = { from: number; relation: FactRelation; to: number | 'ISSUER' };

const isReport = (t: DocType | null) => t === null || t === 'BC';
const REQUEST_TYPES = new Set<DocType>(['CV', 'CĐ']);
const LEGAL_REACH = 90;

/** Whether the subject of `ban hành` (the words just before it) is the reporting unit itself. */
function subjectIsReporter(
  text: string,
  cueStart: number,
  sentenceStart: number,
  docIssuer: string | null,
): boolean {
  const before = text.slice(Math.max(sentenceStart, cueStart - 80), cueStart);
  const clause = before.split(/[,;:]/).pop() ?? '';
  const subject = fold(clause)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\b(da|cung|tiep tuc|kip thoi|nam \d{4}|chu dong|thuong xuyen)\b/g, ' ')
    .replace(/\bubnd\b/g, 'uy ban nhan dan')
    .replace(/\s+/g, ' ')
    .trim();
  if (!subject) return true;
  if (!docIssuer) return false;
  const issuer = fold(docIssuer);
  return issuer.startsWith(subject) || subject.endsWith(issuer);
}

/**
 * `Sở Nội vụ hướng dẫn thực hiện Quyết định …` in the Sở's own guidance: the writer, named alone as the
 * verb's subject on the verb's line, is the document acting. Not in a report (it tells what was done: `Sở Y
 * tế đã bãi bỏ …`), not with a tense word (`đã`), nor when the writer is the object of another unit's
 * request (`Bộ Y tế yêu cầu Sở Y tế sửa đổi …`): the subject must be the writer's name and nothing else.
 */
function writerActs(ctx: RelationContext, cueStart: number, clauseStart: number): boolean {
  if (!ctx.docIssuer || isReport(ctx.docType)) return false;
  const line =
    ctx.text
      .slice(clauseStart, cueStart)
      .split(/[,;:\n]/)
      .pop() ?? '';
  const subject = fold(line)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\bubnd\b/g, 'uy ban nhan dan')
    .replace(/\s+/g, ' ')
    .trim();
  return subject.split(' ').length >= 2 && fold(ctx.docIssuer).startsWith(subject);
}

/** A mention's part in a legal act between two others: the agent of a passive, or the object of an active verb. */
type Role = { kind: 'agent' | 'object'; other: number; relation: Relation };
type Scope = {
  ctx: RelationContext;
  mentions: Mention[];
  assigned: Assigned[];
  facts: RawFact[];
  roles: Map<number, Role>;
  /** Each top-level mention's previous one in its sentence. */
  prevOf: Map<number, number>;
};

const OWN_TITLE =
  /^[\s]*(?:Thông\s+tư(?:\s+liên\s+tịch)?|Nghị\s+định|Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị)\s*$/u;
/** `Bộ trưởng Bộ Tài chính ban hành Thông tư hướng dẫn …`: the preamble's own issuing (never `đã ban hành`). */
const OWN_ISSUING =
  /(?<!đã\s)ban\s+hành\s+(Thông\s+tư(?:\s+liên\s+tịch)?|Nghị\s+định|Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị|Pháp\s+lệnh)\s*$/u;
const ISSUED_TYPE: Record<string, DocType> = {
  'thông tư': 'TT',
  'thông tư liên tịch': 'TTLT',
  'nghị định': 'NĐ',
  'quyết định': 'QĐ',
  'nghị quyết': 'NQ',
  'chỉ thị': 'CT',
  'pháp lệnh': 'PL',
};

function ownIssuing(lead: string, docType: DocType | null): boolean {
  const m = OWN_ISSUING.exec(lead);
  if (!m) return false;
  const type = ISSUED_TYPE[lowerVi(m[1] as string).replace(/\s+/g, ' ')];
  return docType === null || docType === type;
}

/**
 * A legal verb before mention `i`. Passive (`A bị bãi bỏ bởi B`): a fact B → A. Active after another
 * mention (`B sửa đổi A`): a fact B → A. The document's own act only where it says so: `Thông tư này thay
 * thế …`, an article that opens with the verb (`Bãi bỏ Quyết định …`), its title. Otherwise a citation.
 */
function legalCue(s: Scope, i: number, cue: Found, prev: number, sStart: number): Assigned {
  const { text } = s.ctx;
  const m = s.mentions[i] as Mention;
  const legal = cue.legal as Relation;
  const after = text.slice(cue.end, m.start);
  const subjectIdx = prev >= 0 && (s.mentions[prev] as Mention).end <= cue.start ? prev : -1;
  if (PASSIVE_BEFORE.test(text.slice(sStart, cue.start))) {
    if (subjectIdx >= 0 && AGENT_LEAD.test(after)) {
      s.facts.push({ from: i, relation: legal, to: subjectIdx });
      s.roles.set(i, { kind: 'agent', other: subjectIdx, relation: legal });
    }
    return CITED;
  }
  if (!LEGAL_OBJECT_GAP.test(after) && !LEGAL_PART_OF.test(after)) return CITED;
  if (subjectIdx >= 0) {
    const acted = actedBy(s, subjectIdx, cue, legal, i);
    if (acted) return acted;
  }
  const clauseStart = subjectIdx >= 0 ? (s.mentions[subjectIdx] as Mention).tailEnd : sStart;
  return ownAct(s, m, cue, clauseStart) ? { relation: legal, own: false } : CITED;
}

const CITED: Assigned = { relation: 'CITES', own: false };
const ACTOR_GAP = /^[\s,]*(?:(?:đã|cũng|này|sẽ|đồng\s+thời|ban\s+hành)[\s,]*)*$/iu;
const CLAUSE_JOIN = /^[\s,;]*(?:và|đồng\s+thời)?[\s,]*$/iu;
const LEGAL_OWN = new Set<Relation>(['AMENDS', 'REPLACES', 'REPEALS', 'GUIDES']);

/**
 * `B sửa đổi A`: the mention before the verb acts (with those listed with it: `Các Nghị định số 01 và số 148
 * đã sửa đổi …`). `X sửa đổi A và bãi bỏ C`, `… thay thế A; bãi bỏ C`: a second verb joined to the first
 * has the first's actor, the document itself included.
 */
function actedBy(s: Scope, subjectIdx: number, cue: Found, legal: Relation, i: number): Assigned | undefined {
  const subject = s.mentions[subjectIdx] as Mention;
  // A verb inside the subject's own `về …` phrase is not the subject's act.
  if (subject.tailEnd > cue.start) return undefined;
  const between = s.ctx.text.slice(subject.tailEnd, cue.start).replace(/\([^()]*\)/g, ' ');
  if (ACTOR_GAP.test(between)) {
    for (const actor of [...listedBefore(s, subjectIdx), subjectIdx]) {
      s.facts.push({ from: actor, relation: legal, to: i });
    }
    s.roles.set(i, { kind: 'object', other: subjectIdx, relation: legal });
    return CITED;
  }
  if (!CLAUSE_JOIN.test(between)) return undefined;
  const role = s.roles.get(subjectIdx);
  if (role?.kind === 'object') {
    s.facts.push({ from: role.other, relation: legal, to: i });
    s.roles.set(i, { kind: 'object', other: role.other, relation: legal });
    return CITED;
  }
  const own = s.assigned[subjectIdx] as Assigned;
  return LEGAL_OWN.has(own.relation) ? { relation: legal, own: false } : undefined;
}

/** The mentions listed right before mention k (`A, B và C`), nearest last. */
function listedBefore(s: Scope, k: number): number[] {
  const out: number[] = [];
  for (let cur = k, p = s.prevOf.get(k); p !== undefined; cur = p, p = s.prevOf.get(p)) {
    const gap = s.ctx.text.slice((s.mentions[p] as Mention).tailEnd, (s.mentions[cur] as Mention).start);
    if (!/^[\s,;]*(?:và|hoặc)?\s*(?:số\s*)?$/u.test(gap)) break;
    out.unshift(p);
  }
  return out;
}

/** The document's own act: its title, `Thông tư này …`, an article that opens with the verb, its own issuing. */
function ownAct(s: Scope, m: Mention, cue: Found, clauseStart: number): boolean {
  const t = s.ctx.titleSpan;
  if (t !== null && m.start >= t[0] && m.start < t[1]) return true;
  const lead = s.ctx.text.slice(clauseStart, cue.start);
  const opensSentence =
    /^[\s\-+•]*(?:(?:Điều|Khoản)\s+\d+[\p{L}]?\s*[.:]?\s*|\d+[.)]\s*|[a-zđ]\)\s*)*$/u.test(lead);
  return (
    SELF_SUBJECT.test(lead) ||
    opensSentence ||
    OWN_TITLE.test(lead) ||
    ownIssuing(lead, s.ctx.docType) ||
    writerActs(s.ctx, cue.start, clauseStart)
  );
}
const EXPIRY =
  /(?<!(?:chưa|không|còn)\s)hết\s+hiệu\s+lực(?:\s+thi\s+hành)?(?=\s*(?:\(|,|kể\s+từ|từ\s+ngày|[.;:]|$))/giu;
const SINCE = /(?:kể\s+)?từ\s+ngày\s*$/iu;

/**
 * `A, B … hết hiệu lực kể từ ngày …`: what the sentence lists before the words expires. The document's own
 * act when the sentence speaks of itself (`kể từ ngày Luật này có hiệu lực`); a fact from the document
 * whose taking effect ends them (`kể từ ngày Thông tư số 78/2014/TT-BTC có hiệu lực`); else nothing.
 */
function expiries(s: Scope, tops: readonly number[]): void {
  const { text, boundaries, inFootnote } = s.ctx;
  for (const hit of text.matchAll(EXPIRY)) {
    const at = hit.index;
    const sStart = boundaries.startOf(at);
    const sEnd = boundaries.endOf(at);
    const inSentence = tops.filter((k) => {
      const m = s.mentions[k] as Mention;
      return m.start >= sStart && m.start < sEnd && !inFootnote(m.start);
    });
    const since = (k: number) =>
      SINCE.test(
        text.slice(Math.max(sStart, (s.mentions[k] as Mention).start - 20), (s.mentions[k] as Mention).start),
      );
    const subjects = inSentence.filter(
      (k) => (s.mentions[k] as Mention).start < at && !since(k) && s.roles.get(k)?.kind !== 'agent',
    );
    if (subjects.length === 0) continue;
    if (SELF_SUBJECT.test(text.slice(sStart, sEnd))) {
      for (const k of subjects) s.assigned[k] = { relation: 'REPEALS', own: false };
      continue;
    }
    const agent = inSentence.find((k) => (s.mentions[k] as Mention).start > at && since(k));
    if (agent !== undefined)
      for (const k of subjects) s.facts.push({ from: agent, relation: 'REPEALS', to: k });
  }
}

/** `theo Luật số 01/2007/QH12 và Luật số 27/2012/QH13`: a list after an agent or object shares its part. */
function listRole(s: Scope, i: number, prev: number, gap: string): void {
  const role = s.roles.get(prev);
  // `bãi bỏ các Quyết định số A và số B`: the list's `số` may stand again before each number.
  if (!role || !/^[\s,;]*(?:và|hoặc)?[\s,]*(?:số\s*)?$/u.test(gap)) return;
  s.roles.set(i, role);
  if (role.kind === 'agent') s.facts.push({ from: i, relation: role.relation, to: role.other });
  else s.facts.push({ from: role.other, relation: role.relation, to: i });
}

/** The relation a report-style cue gives, adjusted to what the citing document is. */
function reportCue(s: Scope, m: Mention, cue: Found, sStart: number): Assigned {
  const { ctx } = s;
  if (cue.kind === 'OWN')
    return { relation: 'CITES', own: subjectIsReporter(ctx.text, cue.start, sStart, ctx.docIssuer) };
  if (cue.kind === 'PLAIN') return { relation: 'CITES', own: false };
  if (ctx.normative && (cue.kind === 'IMPLEMENTS' || cue.kind === 'REPORTS_ON' || cue.kind === 'RESPONDS_TO'))
    return { relation: 'CITES', own: false };
  if (
    cue.kind === 'BASED_ON' &&
    ctx.normative &&
    !/(?:^|\n)[\s\-+•]*$/u.test(ctx.text.slice(sStart, cue.start))
  )
    return { relation: 'CITES', own: false };
  if (cue.kind === 'REPORTS_ON' && !isReport(ctx.docType)) return { relation: 'IMPLEMENTS', own: false };
  if (cue.kind === 'IMPLEMENTS' && isReport(ctx.docType) && REQUEST_TYPES.has(m.type))
    return { relation: 'RESPONDS_TO', own: false };
  return { relation: cue.kind as Relation, own: false };
}

function assignOne(s: Scope, i: number, prev: number): Assigned {
  const { ctx } = s;
  const m = s.mentions[i] as Mention;
  const sStart = ctx.boundaries.startOf(m.start);
  const p = prev >= 0 ? (s.mentions[prev] as Mention) : undefined;
  const gapStart = p ? (p.tailEnd > m.start ? p.end : p.tailEnd) : sStart;
  let cue = lastCue(ctx.text, gapStart, m.start);
  // `ban hành` and the legal verbs speak of the mention right after them, not of one further on.
  if (
    cue &&
    ((cue.kind === 'OWN' && m.start - cue.end >= 40) ||
      (cue.kind === 'LEGAL' && m.start - cue.end > LEGAL_REACH))
  )
    cue = undefined;
  let result: Assigned;
  if (!cue && p) listRole(s, i, prev, ctx.text.slice(gapStart, m.start));
  if (!cue) result = p ? { ...(s.assigned[prev] as Assigned) } : { relation: 'CITES', own: false };
  else if (cue.kind === 'LEGAL') result = legalCue(s, i, cue, prev, sStart);
  else result = reportCue(s, m, cue, sStart);
  // A request whose subject asks for this report (`V/v báo cáo …`) is what the report responds to.
  if (
    !ctx.normative &&
    isReport(ctx.docType) &&
    REQUEST_TYPES.has(m.type) &&
    m.subject &&
    /^(bao cao|so ket|tong ket|danh gia)/.test(fold(m.subject))
  )
    result = { relation: 'RESPONDS_TO', own: false };
  return result;
}

/**
 * The relation of the document to each mention, from the nearest cue before it in its sentence; a mention
 * listed right after another with no cue of its own shares that one's; a mention inside another's name
 * (the law an amending law names) is a citation. Mentions the reporting unit says it issued are CITES
 * and give the facts; legal acts between two cited documents are facts, pointing from actor to target.
 */
export function assignRelations(
  mentions: Mention[],
  links: readonly Link[],
  ctx: RelationContext,
): { assigned: Assigned[]; facts: RawFact[] } {
  const s: Scope = { ctx, mentions, assigned: [], facts: [], roles: new Map(), prevOf: new Map() };
  const tops: number[] = [];
  let lastTop = -1;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as Mention;
    const top = lastTop < 0 || m.start >= (mentions[lastTop] as Mention).end;
    if (ctx.inFootnote(m.start) || !top) {
      s.assigned.push({ relation: 'CITES', own: false });
      continue;
    }
    const prevTop =
      lastTop >= 0 &&
      !ctx.inFootnote((mentions[lastTop] as Mention).start) &&
      ctx.boundaries.sameSentence((mentions[lastTop] as Mention).start, m.start)
        ? lastTop
        : -1;
    if (prevTop >= 0) s.prevOf.set(i, prevTop);
    const result = assignOne(s, i, prevTop);
    s.assigned.push(result);
    lastTop = i;
    tops.push(i);
    if (result.own) ownFacts(s, i);
  }
  expiries(s, tops);
  for (const l of links) {
    const from = mentions.indexOf(l.from);
    const to = mentions.indexOf(l.to);
    if (from >= 0 && to >= 0) s.facts.push({ from, relation: l.relation, to });
  }
  return { assigned: s.assigned, facts: s.facts };
}

/** `Thực hiện Chỉ thị 22 …, UBND huyện đã ban hành Kế hoạch 71`: the unit issued 71, and 71 implements 22. */
function ownFacts(s: Scope, i: number): void {
  const m = s.mentions[i] as Mention;
  s.facts.push({ from: i, relation: 'ISSUED_BY', to: 'ISSUER' });
  for (let k = i - 1; k >= 0; k--) {
    const other = s.mentions[k] as Mention;
    if (!s.ctx.boundaries.sameSentence(other.start, m.start) || s.ctx.inFootnote(other.start)) break;
    const a = s.assigned[k] as Assigned;
    if (!a.own && (a.relation === 'IMPLEMENTS' || a.relation === 'BASED_ON' || a.relation === 'REPORTS_ON'))
      s.facts.push({ from: i, relation: 'IMPLEMENTS', to: k });
  }
}
