import { fold, levelOf, TYPE_WORDS } from './codes.js';
import { isoDate } from './dates.js';
import { OLD_SYMBOL_SOURCE, parseSymbol, SYMBOL_SOURCE } from './symbols.js';
import type { DocType, DocumentHeader } from './types.js';
import { upperVi, lowerVi } from './case.js';

export type HeaderInfo = DocumentHeader & {
  /** The type line as written (`BỘ LUẬT`), with the title the document's own name. */
  typeWord: string | null;
  /** Clean-text spans that are the document naming itself, not references. */
  selfSpans: Array<[number, number]>;
  titleSpan: [number, number] | null;
};

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const TYPE_LINE = new Map(TYPE_WORDS.map(([w, t]) => [fold(w), t] as const));
// `Số: 70/KH-UBND` (state) or `Số 114-KL/TW` (Party), at the start of a header line.
const SELF_NUMBER = new RegExp(
  `(?:^|\\n)[ \\t]*Số[ \\t]*:?[ \\t]*(${SYMBOL_SOURCE}|${OLD_SYMBOL_SOURCE})`,
  'u',
);
/** `Luật số: 91/2015/QH13` alone on its line (a sentence citing `Pháp lệnh số …` goes on after the number). */
const SELF_TYPED_NUMBER = new RegExp(
  `(?:^|\\n)[ \\t]*(?:Bộ[ \\t]+luật|Luật|Pháp[ \\t]+lệnh|Nghị[ \\t]+quyết|Lệnh|Sắc[ \\t]+lệnh)[ \\t]+số[ \\t]*:?[ \\t]*(${SYMBOL_SOURCE}|${OLD_SYMBOL_SOURCE})(?=[ \\t]*(?:\\n|$)|[ \\t]{2})`,
  'u',
);
/** `LUẬT … SỐ 32/2004/QH11 NGÀY …`: a title line that carries the number. */
const INLINE_TITLE = new RegExp(
  `^(BỘ LUẬT|LUẬT|PHÁP LỆNH|NGHỊ QUYẾT|NGHỊ ĐỊNH|SẮC LỆNH|LỆNH|QUYẾT ĐỊNH|THÔNG TƯ|CHỈ THỊ)(?=\\s)[^\\n]{0,200}?\\sSỐ\\s*:?\\s*(${SYMBOL_SOURCE}|${OLD_SYMBOL_SOURCE}|\\d+-[A-ZĐ]+\\/[A-ZĐ]+(?:\\.\\d+)?)`,
  'u',
);
const PLACE_DATE =
  /(?:^|\n)[ \t]*([\p{Lu}][\p{L} .]{1,40}?)\s*,\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
const BODY_START =
  /^\s*(?:Thực hiện|Căn cứ|Kính gửi|Theo|Triển khai|Phúc đáp|Trả lời|Để|Qua|Nhằm|Trên cơ sở|Ngày|Sau|Nơi nhận|[IVX]+\.|\d+\.)/u;
const UNIT =
  '(?:(?:Ủy|Uỷ|ỦY|UỶ)\\s+ban\\s+nhân\\s+dân|UBND|Ban|Sở|Phòng|Hội\\s+đồng\\s+nhân\\s+dân|HĐND|Đảng\\s+ủy|Đảng\\s+uỷ|Huyện\\s+ủy|Tỉnh\\s+ủy|Chi\\s+bộ|Cục|Bộ|Văn\\s+phòng|Trường|Công\\s+an|Hội|Thành\\s+ủy)';
const REPORTER = new RegExp(
  `(?<![\\p{L}])(${UNIT}(?:\\s+(?!(?:về|việc|của|các|đã|và|V)(?![\\p{L}]))[\\p{L}]+){1,6}?)\\s+(?:xin\\s+|kính\\s+|trân\\s+trọng\\s+)?báo\\s+cáo(?![\\p{L}])`,
  'u',
);
const POSITION =
  /^(?:(?:KT|TM|TL|TUQ|Q)\.\s*)?(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|TRƯỞNG\s+BAN|TRƯỞNG\s+PHÒNG|GIÁM\s+ĐỐC|BÍ\s+THƯ|THỦ\s+TRƯỞNG|CHÁNH\s+VĂN\s+PHÒNG|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|TỔNG\s+CỤC\s+TRƯỞNG|CỤC\s+TRƯỞNG|HIỆU\s+TRƯỞNG|TRƯỞNG|PHÓ\s+TRƯỞNG)\b.*$/u;

/** `UBND` → `Ủy ban nhân dân`, and the old tone placement `Uỷ` → `Ủy`, so one unit has one name. */
export function canonicalUnitName(name: string): string {
  return collapse(name)
    .replace(/^UBND(?![\p{L}])/u, 'Ủy ban nhân dân')
    .replace(/^HĐND(?![\p{L}])/u, 'Hội đồng nhân dân')
    .replace(/Uỷ/g, 'Ủy')
    .replace(/uỷ/g, 'ủy');
}

/** `PHÓ CHỦ TỊCH` → `Phó Chủ tịch`, `TRƯỞNG BAN` → `Trưởng ban`. */
function positionCase(s: string): string {
  const lower = lowerVi(collapse(s));
  const words = lower.split(' ');
  return words
    .map((w, i) => (i === 0 || (i === 1 && words[0] === 'phó') ? upperVi(w.charAt(0)) + w.slice(1) : w))
    .join(' ');
}

function isPersonName(line: string): boolean {
  const t = collapse(line);
  if (!t || /[\d:;,./()]/.test(t)) return false;
  const words = t.split(' ');
  if (words.length < 2 || words.length > 5) return false;
  return words.every((w) => /^\p{Lu}\p{Ll}*$/u.test(w));
}

type Line = { start: number; text: string };

/** The document's own number: `Số: 70/KH-UBND`, `Số 114-KL/TW`, `Luật số: 91/2015/QH13`, on a line of its own. */
function ownNumber(head: string): { parsed: ReturnType<typeof parseSymbol>; span: [number, number] } | null {
  const own = SELF_NUMBER.exec(head) ?? SELF_TYPED_NUMBER.exec(head.slice(0, 1200));
  if (!own) return null;
  const raw = own[1] as string;
  const at = own.index + own[0].length - raw.length;
  return { parsed: parseSymbol(raw), span: [own.index, at + raw.length] };
}

function linesOf(head: string): Line[] {
  const lines: Line[] = [];
  for (let s = 0; s < head.length && lines.length < 60;) {
    const nl = head.indexOf('\n', s);
    const e = nl === -1 ? head.length : nl;
    lines.push({ start: s, text: head.slice(s, e) });
    s = e + 1;
  }
  return lines;
}

type TitleInfo = {
  type: DocType;
  typeWord: string;
  title: string | null;
  span: [number, number] | null;
  /** `LUẬT … SỐ 32/2004/QH11 NGÀY 03 THÁNG 12 NĂM 2004 VỀ …`: number and date in the title line itself. */
  number: { raw: string; span: [number, number] } | null;
  issuedOn: string | null;
  /** The type word of the title line: the document naming its own kind, never a reference. */
  typeSpan: [number, number];
};

/** The type line (`BÁO CÁO`, `LUẬT`) and the title lines under it; or a title line holding its own number. */
function readTitle(lines: Line[]): TitleInfo | null {
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as Line).text.trim();
    if (!line || line !== upperVi(line)) continue;
    const inline = INLINE_TITLE.exec(line);
    const t = TYPE_LINE.get(fold(line)) ?? (inline ? TYPE_LINE.get(fold(inline[1] as string)) : undefined);
    if (!t) continue;
    if (inline) return numberedTitle(lines[i] as Line, inline[1] as string, inline[2] as string, t);
    const parts: string[] = [];
    let first = -1;
    let last = -1;
    let blank = false;
    for (let k = i + 1; k < lines.length && parts.length < 5; k++) {
      const raw = lines[k] as Line;
      if (raw.text === '') {
        blank = true;
        continue;
      }
      if (raw.text.trim() === '' || BODY_START.test(raw.text)) break;
      // Past a blank line, a line ending in a full stop or a colon is the body's first sentence, not more of
      // the title (a title wrapped without one may end a line in `TP.`).
      if (parts.length > 0 && blank && /[.:]\s*$/u.test(raw.text)) break;
      blank = false;
      if (first === -1) first = raw.start;
      last = raw.start + raw.text.length;
      parts.push(raw.text);
    }
    const title = parts.length ? collapse(parts.join(' ')).replace(/^V\/v\s+/u, '') : null;
    const at = (lines[i] as Line).start + (lines[i] as Line).text.indexOf(line);
    const plain: TitleInfo = {
      type: t,
      typeWord: line,
      title,
      span: parts.length ? [first, last] : null,
      number: null,
      issuedOn: null,
      typeSpan: [at, at + line.length],
    };
    return withTitleNumber(plain, lines);
  }
  return null;
}

const TITLE_NUMBER = new RegExp(`(?:^|\\s)SỐ\\s*:?\\s*(${SYMBOL_SOURCE}|${OLD_SYMBOL_SOURCE})`, 'u');

/** `CỦA QUỐC HỘI SỐ 21-LCT/HĐNN8 NGÀY 30/06/1989 VỀ …` under the type line: the title holds the number. */
function withTitleNumber(t: TitleInfo, lines: Line[]): TitleInfo {
  const span = t.span;
  if (!span) return t;
  const caps = lines.filter(
    (l) => l.start >= span[0] && l.start < span[1] && l.text.trim() && l.text === upperVi(l.text),
  );
  for (const line of caps) {
    const m = TITLE_NUMBER.exec(line.text);
    if (!m) continue;
    const numbered = numberedTitle(line, t.typeWord, m[1] as string, t.type);
    return { ...t, number: numbered.number, issuedOn: numbered.issuedOn, title: numbered.title ?? t.title };
  }
  return t;
}

function numberedTitle(line: Line, typeWord: string, raw: string, type: DocType): TitleInfo {
  const at = line.start + line.text.indexOf(raw);
  const date = /NGÀY\s+(\d{1,2})(?:\s+THÁNG\s+|[-/.])(\d{1,2})(?:\s+NĂM\s+|[-/.])(\d{4})/u.exec(line.text);
  const about = /\s(?:VỀ|QUY ĐỊNH)\s+(.+)$/u.exec(line.text);
  return {
    type,
    typeWord,
    title: about ? collapse(about[1] as string) : null,
    span: [line.start, line.start + line.text.length],
    number: { raw, span: [at, at + raw.length] },
    issuedOn: date ? isoDate(date[1] as string, date[2] as string, date[3] as string) : null,
    typeSpan: [line.start, line.start + typeWord.length],
  };
}

export function readHeader(text: string): HeaderInfo {
  const head = text.slice(0, 3000);
  const selfSpans: Array<[number, number]> = [];
  const lines = linesOf(head);
  const titled = readTitle(lines);
  const own = ownNumber(head);
  const ownParsed = own?.parsed ?? (titled?.number ? parseSymbol(titled.number.raw) : null);
  if (titled) selfSpans.push(titled.typeSpan);
  if (own) selfSpans.push(own.span);
  if (titled?.number) selfSpans.push(titled.number.span);
  const symbol = ownParsed?.symbol ?? null;
  const number = ownParsed?.number ?? null;
  let type: DocType | null = ownParsed?.type ?? titled?.type ?? null;
  let place: string | null = null;
  let issuedOn: string | null = titled?.issuedOn ?? null;
  const pd = PLACE_DATE.exec(head);
  if (pd) {
    place = collapse(pd[1] as string);
    issuedOn = isoDate(pd[2] as string, pd[3] as string, pd[4] as string);
  }
  let title = titled?.title ?? null;
  const titleSpan = titled?.span ?? null;
  if (!title) {
    const vv = /(?:^|\n)\s*V\/v\s+([^\n]+(?:\n(?!\s*\n)[^\n]+)?)/u.exec(head);
    if (vv) title = collapse(vv[1] as string);
  }

  // The issuer: the unit named in capitals above `Số:`, else the unit that says it reports
  // (`Ủy ban nhân dân xã Trà Tây báo cáo …`).
  let issuer: DocumentHeader['issuer'] = null;
  const fromHeader = headerUnit(lines.map((l) => l.text));
  if (fromHeader)
    issuer = { name: fromHeader.name, level: levelOf(fromHeader.name), parent: fromHeader.parent };
  const rep = REPORTER.exec(text.slice(0, 6000)) ?? REPORTER.exec(text.slice(-3000));
  if (rep) {
    const name = canonicalUnitName(rep[1] as string);
    issuer ??= { name, level: levelOf(name), parent: null };
    type ??= 'BC';
  }
  if (!type && /kính\s+báo\s+cáo/u.test(text.slice(-3000))) type = 'BC';

  return {
    type,
    number,
    symbol,
    issuedOn,
    place,
    title,
    issuer,
    signer: readSigner(text),
    recipients: readRecipients(text),
    selfSpans,
    titleSpan,
    typeWord: titled?.typeWord ?? null,
  };
}

const MOTTO = /^(CỘNG HÒA|CỘNG HOÀ|ĐỘC LẬP|Độc lập|ĐẢNG CỘNG SẢN)/u;
const TIER_LINE = /^(XÃ|HUYỆN|TỈNH|PHƯỜNG|THỊ TRẤN|QUẬN|THÀNH PHỐ|THỊ XÃ)\s/u;
const TIER_WORDS = new Set(['xã', 'huyện', 'tỉnh', 'phường', 'quận', 'thị', 'thành']);

/**
 * `ỦY BAN NHÂN DÂN` + `HUYỆN BÌNH SƠN` → `Ủy ban nhân dân huyện Bình Sơn`: the unit in the top lines, and the
 * body above it when there is one (`UBND TỈNH QUẢNG NGÃI` over `SỞ NỘI VỤ`).
 */
function headerUnit(lines: string[]): { name: string; parent: string | null } | null {
  const caps: string[] = [];
  for (const raw of lines.slice(0, 12)) {
    const l = raw.trim().replace(/\s{3,}.*$/, '');
    if (!l) continue;
    if (/^Số\s*:/u.test(l) || /ngày\s+\d/u.test(l)) break;
    if (MOTTO.test(l) || /^[-_=]+$/.test(l)) continue;
    if (l !== upperVi(l) || !/\p{Lu}{2}/u.test(l)) break;
    caps.push(l);
  }
  if (caps.length === 0) return null;
  const last = caps[caps.length - 1] as string;
  const joins = caps.length > 1 && TIER_LINE.test(last) && !/^\S+\s+(ỦY|UỶ)(\s|$)/u.test(last);
  const raw = joins ? `${caps[caps.length - 2]} ${last}` : last;
  if (fold(raw).split(' ').length < 2 || TYPE_LINE.has(fold(raw))) return null;
  const above = caps.slice(0, caps.length - (joins ? 2 : 1));
  let parent: string | null = null;
  if (above.length > 0) {
    const top = above[above.length - 1] as string;
    const pJoins = above.length > 1 && TIER_LINE.test(top);
    const pRaw = pJoins ? `${above[above.length - 2]} ${top}` : top;
    if (fold(pRaw).split(' ').length >= 2 && !TYPE_LINE.has(fold(pRaw)))
      parent = canonicalUnitName(titleCaseUnit(canonicalUnitName(pRaw)));
  }
  return { name: canonicalUnitName(titleCaseUnit(canonicalUnitName(raw))), parent };
}

function titleCaseUnit(caps: string): string {
  const words = lowerVi(collapse(caps)).split(' ');
  let proper = false;
  return words
    .map((w, i) => {
      const prev = words[i - 1];
      const up = upperVi(w.charAt(0)) + w.slice(1);
      if (i === 0) return up;
      if (proper) return up;
      if (prev && TIER_WORDS.has(prev) && !TIER_WORDS.has(w) && w !== 'ủy' && w !== 'uỷ') {
        proper = true;
        return up;
      }
      if (i === 1 && ['sở', 'ban', 'bộ', 'phòng', 'cục'].includes(words[0] as string)) return up;
      if ((w === 'ủy' || w === 'uỷ') && prev && TIER_WORDS.has(prev)) {
        proper = true; // `Huyện ủy Sơn Tây`: the name follows the committee
        return w;
      }
      return w;
    })
    .join(' ');
}

function readSigner(text: string): DocumentHeader['signer'] {
  const tailStart = Math.max(0, text.length - 2500);
  const lines = text.slice(tailStart).split('\n');
  let nameLine = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = (lines[i] as string).trim();
    if (!l) continue;
    if (isPersonName(l)) nameLine = i;
    break;
  }
  if (nameLine === -1) return null;
  let position: string | null = null;
  for (let i = nameLine - 1; i >= 0 && i >= nameLine - 14; i--) {
    const l = collapse(lines[i] as string);
    if (!l) continue;
    const m = POSITION.exec(l);
    if (m && !/^(KT|TM|TL|TUQ|Q)\./u.test(l)) {
      position = positionCase(l);
      break;
    }
    if (!/^(KT|TM|TL|TUQ|Q)\./u.test(l) && l !== upperVi(l)) break;
  }
  return { name: collapse(lines[nameLine] as string), position };
}

function readRecipients(text: string): string[] {
  const at = text.search(/Nơi\s+nhận\s*:/u);
  if (at === -1) return [];
  const lines = text.slice(at).split('\n').slice(1);
  const out: string[] = [];
  let seen = false;
  for (const raw of lines) {
    const line = raw.split(/\s{3,}/)[0]?.trim() ?? '';
    if (!line) continue;
    if (!line.startsWith('-') && !line.startsWith('+')) {
      if (seen) break;
      continue;
    }
    seen = true;
    for (const part of line.replace(/^[-+]\s*/, '').split(';')) {
      const item = part
        .trim()
        .replace(/[.;,]+$/, '')
        .trim();
      if (!item || /^Lưu\b/u.test(item)) continue;
      out.push(item);
    }
  }
  return out;
}
