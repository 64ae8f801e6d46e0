import { fold } from './codes.js';
import type { Mention } from './references.js';
import type { Boundaries } from './sentences.js';
import type { DocType, FactRelation, Relation } from './types.js';

type Cue = { relation: Relation | 'OWN' | 'LEGAL'; legal?: Relation; re: RegExp };

const W = '\\s+';
const words = (s: string) => s.split(' ').join(W);
/** Cue phrases before a mention; the nearest one to the mention decides. */
const CUES: Cue[] = [
  {
    relation: 'REPORTS_ON',
    re: new RegExp(
      `(?:${['sơ kết', 'tổng kết', 'kết quả', 'đánh giá', 'báo cáo'].map(words).join('|')})(?:${W}(?:\\d+${W}năm|việc|tình${W}hình|công${W}tác|sơ${W}kết|tổng${W}kết|kết${W}quả))*(?:${W}triển${W}khai)?${W}(?:thực${W}hiện|thi${W}hành|triển${W}khai)`,
      'giu',
    ),
  },
  {
    relation: 'RESPONDS_TO',
    re: new RegExp(`(?:phúc${W}đáp|trả${W}lời|theo${W}(?:yêu${W}cầu|đề${W}nghị)(?:${W}(?:của|tại))?)`, 'giu'),
  },
  {
    relation: 'IMPLEMENTS',
    re: new RegExp(
      `(?<!(?:về|việc|V\\/v|v\\/v)\\s{1,3})(?:thực${W}hiện|triển${W}khai|thi${W}hành|quán${W}triệt|cụ${W}thể${W}hóa)`,
      'giu',
    ),
  },
  {
    relation: 'BASED_ON',
    re: new RegExp(`(?:căn${W}cứ|trên${W}cơ${W}sở|theo${W}quy${W}định${W}(?:tại|của))`, 'giu'),
  },
  {
    relation: 'LEGAL',
    legal: 'AMENDS',
    re: new RegExp(`sửa${W}đổi(?:,?${W}bổ${W}sung)?(?:${W}một${W}số${W}điều)?(?:${W}của)?`, 'giu'),
  },
  { relation: 'LEGAL', legal: 'REPLACES', re: new RegExp(`thay${W}thế(?:${W}cho)?`, 'giu') },
  { relation: 'LEGAL', legal: 'REPEALS', re: new RegExp(`(?:bãi${W}bỏ|hủy${W}bỏ|huỷ${W}bỏ)`, 'giu') },
  {
    relation: 'LEGAL',
    legal: 'GUIDES',
    re: new RegExp(
      `(?:hướng${W}dẫn(?:${W}(?:thi${W}hành|thực${W}hiện|chi${W}tiết))?|quy${W}định${W}chi${W}tiết(?:${W}và${W}hướng${W}dẫn${W}thi${W}hành)?)(?:${W}một${W}số${W}điều)?(?:${W}của)?`,
      'giu',
    ),
  },
  { relation: 'OWN', re: new RegExp(`(?:ban${W}hành|xây${W}dựng|phê${W}duyệt)`, 'giu') },
];

type Found = { relation: Cue['relation']; legal: Relation | undefined; start: number; end: number };

function lastCue(gap: string, offset: number): Found | undefined {
  let best: Found | undefined;
  for (const cue of CUES) {
    cue.re.lastIndex = 0;
    for (const m of gap.matchAll(cue.re)) {
      const start = offset + (m.index ?? 0);
      const end = start + m[0].length;
      if (!best || end > best.end || (end === best.end && start < best.start)) {
        best = { relation: cue.relation, legal: cue.legal, start, end };
      }
    }
  }
  return best;
}

export type RelationContext = {
  text: string;
  boundaries: Boundaries;
  docType: DocType | null;
  docIssuer: string | null;
  inFootnote: (pos: number) => boolean;
};

export type Assigned = { relation: Relation; own: boolean };

export type RawFact = { from: number; relation: FactRelation; to: number | 'ISSUER' };

const isReport = (t: DocType | null) => t === null || t === 'BC';
const REQUEST_TYPES = new Set<DocType>(['CV', 'CĐ']);

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
 * The relation of the document to each mention, from the nearest cue before it in its sentence; a
 * mention listed right after another with no cue of its own shares that one's. Mentions the reporting
 * unit says it issued (`UBND huyện đã ban hành Kế hoạch số 71`) are CITES, and give the facts.
 */
export function assignRelations(
  mentions: Mention[],
  ctx: RelationContext,
): { assigned: Assigned[]; facts: RawFact[] } {
  const { text, boundaries } = ctx;
  const assigned: Assigned[] = [];
  const facts: RawFact[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as Mention;
    if (ctx.inFootnote(m.start)) {
      assigned.push({ relation: 'CITES', own: false });
      continue;
    }
    const sStart = boundaries.startOf(m.start);
    const prevIdx = i - 1;
    const prev = prevIdx >= 0 ? mentions[prevIdx] : undefined;
    const prevInSentence =
      prev && !ctx.inFootnote(prev.start) && boundaries.sameSentence(prev.start, m.start) ? prev : undefined;
    const gapStart = prevInSentence
      ? prevInSentence.tailEnd > m.start
        ? prevInSentence.end
        : prevInSentence.tailEnd
      : sStart;
    const gap = text.slice(gapStart, m.start);
    let cue = lastCue(gap, gapStart);
    // `ban hành` and the legal verbs speak of the mention right after them, not of one further on.
    if (cue && (cue.relation === 'OWN' || cue.relation === 'LEGAL') && m.start - cue.end >= 40)
      cue = undefined;
    let result: Assigned;
    if (!cue) {
      result = prevInSentence ? { ...(assigned[prevIdx] as Assigned) } : { relation: 'CITES', own: false };
    } else if (cue.relation === 'OWN') {
      result = { relation: 'CITES', own: subjectIsReporter(text, cue.start, sStart, ctx.docIssuer) };
    } else if (cue.relation === 'LEGAL') {
      // The document's own legal act (`Thông tư này hướng dẫn …`, or in its title) or one cited act's on another.
      const subjectText = fold(text.slice(Math.max(sStart, cue.start - 40), cue.start));
      const actor = prevInSentence && cue.start - prevInSentence.tailEnd < 25 ? prevIdx : -1;
      if (actor >= 0) {
        facts.push({ from: actor, relation: cue.legal as Relation, to: i });
        result = { relation: 'CITES', own: false };
      } else if (/\bnay\b/.test(subjectText) || m.start < 800) {
        result = { relation: cue.legal as Relation, own: false };
      } else {
        result = { relation: 'CITES', own: false };
      }
    } else if (cue.relation === 'REPORTS_ON' && !isReport(ctx.docType)) {
      result = { relation: 'IMPLEMENTS', own: false };
    } else if (cue.relation === 'IMPLEMENTS' && isReport(ctx.docType) && REQUEST_TYPES.has(m.type)) {
      result = { relation: 'RESPONDS_TO', own: false };
    } else {
      result = { relation: cue.relation, own: false };
    }
    // A request whose subject asks for this report (`V/v báo cáo …`) is what the report responds to.
    if (
      isReport(ctx.docType) &&
      REQUEST_TYPES.has(m.type) &&
      m.subject &&
      /^(bao cao|so ket|tong ket|danh gia)/.test(fold(m.subject))
    ) {
      result = { relation: 'RESPONDS_TO', own: false };
    }
    // `X hết hiệu lực` in the document's own provisions.
    if (
      /^\s*(?:đã\s+)?hết\s+hiệu\s+lực/u.test(text.slice(m.tailEnd, m.tailEnd + 30)) &&
      /\bnay\b/.test(fold(text.slice(sStart, m.start + 200)))
    ) {
      result = { relation: 'REPEALS', own: false };
    }
    assigned.push(result);
    if (result.own) {
      facts.push({ from: i, relation: 'ISSUED_BY', to: 'ISSUER' });
      for (let k = i - 1; k >= 0; k--) {
        const other = mentions[k] as Mention;
        if (!boundaries.sameSentence(other.start, m.start) || ctx.inFootnote(other.start)) break;
        const r = (assigned[k] as Assigned).relation;
        if (
          !(assigned[k] as Assigned).own &&
          (r === 'IMPLEMENTS' || r === 'BASED_ON' || r === 'REPORTS_ON')
        ) {
          facts.push({ from: i, relation: 'IMPLEMENTS', to: k });
        }
      }
    }
  }
  return { assigned, facts };
}
