import { fold, issuerCode, ISSUER_START, TYPE_WORDS, typeCode } from './codes.js';
import { dateAt, GAP } from './dates.js';
import { parseSymbol, SYMBOL_AT, SYMBOL_ANYWHERE, type ParsedSymbol } from './symbols.js';
import type { DocType, Issuer } from './types.js';

/** A mention found in the clean text, before relations; offsets are clean-text offsets. */
export type Mention = {
  start: number;
  end: number;
  type: DocType;
  number: string | null;
  symbol: string | null;
  symbolInferred: boolean;
  parsed: ParsedSymbol | null;
  name: string | null;
  issuedOn: string | null;
  dateYear: number | null;
  year: number | null;
  issuer: Issuer | null;
  subject: string | null;
  /** Where the issuer phrase and subject end: the mention's whole clause, for the relation rules. */
  tailEnd: number;
  /** The type the type word names (`Quyết định` → QĐ); null for a bare symbol. */
  wordType: DocType | null;
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TYPE_WORD_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${TYPE_WORDS.map(([w]) => w.split(' ').map(escapeRe).join(`${GAP}`)).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);
const TYPE_BY_FOLDED = new Map(TYPE_WORDS.map(([w, t]) => [fold(w), t]));

/** After the type word: an optional descriptive phrase (`tiếp công dân`) and `số`, or nothing. */
const TYPE_WORD_ALTERNATION = TYPE_WORDS.map(([w]) => w.split(' ').map(escapeRe).join('\\s+')).join('|');
// A descriptive word between type word and number is neither a function word nor another type word.
const PHRASE_WORD = `\\s+(?!(?:của|như|và|theo|tại|về|các|những|ngày|năm|tháng|đã|được|trong|với|cho|số|${TYPE_WORD_ALTERNATION})(?![\\p{L}]))[\\p{L}]+`;
const NUMBER_LEAD = new RegExp(`(?:(?:${PHRASE_WORD}){0,6}?\\s+số\\s*:?|\\s+số\\s*:?|)\\s*`, 'iuy');
const BARE_NUMBER =
  /\d{1,5}(?![\d/\-%]|[.,:]\d|\s*(?:năm|tháng|người|hộ|%|ha|km|triệu|tỷ|đồng|lượt|xã|thôn)(?![\p{L}]))/uy;
const CONTINUATION = new RegExp(`\\s*(?:,|;|và|,\\s*và)\\s*(?:số\\s*)?(?=\\d)`, 'uy');
const OF_ISSUER = /\s*,?\s*của\s+/uy;
const ISSUER_END =
  /\s+(?:về|V\/v|v\/v|ban hành|phát động|quy định|hướng dẫn|như sau|nói riêng|nói chung|đã|đối với|trong đó|với|và|theo|để|tại|kính|nhằm|thì|là|được|cụ thể|gồm|bao gồm|giao|phê duyệt)(?![\p{L}])|[,;.:(“”"\]]|\s\s*-\s|\n\s*\n\s*(?=[IVX]+\.|\d+\.|-)/u;
const SUBJECT_LEAD = /\s*,?\s*(?:về\s+việc|về|V\/v|v\/v)\s+/uy;
const SUBJECT_END =
  /;|\.(?=\s|$)|,\s*(?=(?:UBND|Ủy ban|Uỷ ban|Ban|Sở|Phòng|HĐND|Đảng ủy|Huyện ủy|Tỉnh ủy|Chi bộ|các cấp ủy|cơ quan|đơn vị)\s)|\((?:sau đây|viết tắt|gọi tắt)|\n\s*\n\s*(?=[IVX]+\.\s|\d+\.\s)/u;
const ALIAS =
  /\s*\((?:sau\s+đây\s+)?(?:được\s+)?(?:gọi\s+tắt\s+là|viết\s+tắt\s+là|viết\s+tắt|gọi\s+là|gọi\s+chung\s+là)\s*:?\s*([^()]{1,80})\)/uy;

const NAME_STOP = new Set(
  'của về ngày năm số và được đã có cũng như thì là này đó trong tại theo để với cho khi nhằm mới các những đối từ đến nên mà do vào sau trước trên dưới hoặc hay nay'.split(
    ' ',
  ),
);
/** Two-word phrases that end a name: what follows is about the law, not part of its name. */
const NAME_STOP_PAIRS = new Set([
  'quy định',
  'bổ sung',
  'hướng dẫn',
  'thi hành',
  'sửa đổi',
  'hiện hành',
  'ban hành',
]);

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function wordsFrom(text: string, at: number, max: number): { words: string[]; end: number } {
  const re = /[ \t]*(?:\n[ \t]*){0,2}([\p{L}][\p{L}\p{N}]*)/uy;
  const words: string[] = [];
  let end = at;
  re.lastIndex = at;
  for (let m = re.exec(text); m && words.length < max; m = re.exec(text)) {
    words.push(m[1] as string);
    end = re.lastIndex;
  }
  return { words, end };
}

function readIssuer(text: string, at: number): { issuer: Issuer; end: number } | undefined {
  OF_ISSUER.lastIndex = at;
  const of = OF_ISSUER.exec(text);
  if (!of) return undefined;
  const from = OF_ISSUER.lastIndex;
  const window = text.slice(from, from + 160);
  const stop = ISSUER_END.exec(window);
  let phrase = stop ? window.slice(0, stop.index) : window;
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length > 12) phrase = words.slice(0, 12).join(' ');
  const clean = collapse(phrase);
  if (!clean || !ISSUER_START.test(clean)) return undefined;
  return {
    issuer: { text: clean, code: issuerCode(clean)?.code ?? null },
    end: from + phrase.trimEnd().length,
  };
}

function readSubject(text: string, at: number): { subject: string; end: number } | undefined {
  SUBJECT_LEAD.lastIndex = at;
  if (!SUBJECT_LEAD.exec(text)) return undefined;
  const from = SUBJECT_LEAD.lastIndex;
  const window = text.slice(from, from + 400);
  const stop = SUBJECT_END.exec(window);
  const body = stop ? window.slice(0, stop.index) : window;
  const clean = collapse(body);
  return clean ? { subject: clean, end: from + body.trimEnd().length } : undefined;
}

export type AliasDef = { key: string; mention: number; start: number; end: number };

/** `Chỉ thị số 22` → `CT:22`: how a short form is looked up. */
export function shortKey(type: DocType, number: string): string {
  return `${type}:${Number(number)}`;
}

function aliasKey(aliasText: string): string | undefined {
  // A copy: the scanner's own global regex is mid-iteration when an alias is read.
  const tw = new RegExp(TYPE_WORD_RE.source, 'iu').exec(aliasText);
  if (!tw) return undefined;
  const type = TYPE_BY_FOLDED.get(fold(tw[0]));
  const num = /\d{1,5}/.exec(aliasText.slice(tw.index + tw[0].length));
  return type && num ? shortKey(type, num[0]) : undefined;
}

export type Scan = { mentions: Mention[]; aliases: AliasDef[] };

/**
 * Finds every mention in the clean text. `exclude` holds spans that are not references (the document's
 * own `Số:` line). Number-only mentions are completed from aliases, earlier full mentions, or the issuer.
 */
export function scanMentions(text: string, exclude: ReadonlyArray<readonly [number, number]> = []): Scan {
  const mentions: Mention[] = [];
  const aliases: AliasDef[] = [];
  const aliasTable = new Map<string, number>();
  const fullByShort = new Map<string, Set<string>>();
  const firstFull = new Map<string, number>();
  const excluded = (s: number, e: number) =>
    exclude.some(([a, b]) => s < b && e > a) || aliases.some((a) => s < a.end && e > a.start);

  const remember = (idx: number) => {
    const m = mentions[idx] as Mention;
    if (!m.symbol || !m.number || m.symbolInferred) return;
    const key = shortKey(m.type, m.number);
    const set = fullByShort.get(key) ?? new Set<string>();
    set.add(`${m.symbol}|${m.issuedOn ?? ''}`);
    fullByShort.set(key, set);
    if (!firstFull.has(key)) firstFull.set(key, idx);
  };

  const withTail = (m: Mention): Mention => {
    let tail = m.end;
    const iss = readIssuer(text, tail);
    if (iss) {
      m.issuer = iss.issuer;
      tail = iss.end;
    }
    const sub = readSubject(text, tail);
    if (sub) {
      m.subject = sub.subject;
      tail = sub.end;
    }
    m.tailEnd = tail;
    return m;
  };

  const fromSymbol = (start: number, wordType: DocType | null, raw: string, symEnd: number): Mention => {
    const parsed = parseSymbol(raw);
    const date = dateAt(text, symEnd);
    return {
      start,
      end: date ? date.end : symEnd,
      type: parsed.type ?? wordType ?? 'CV',
      number: parsed.number,
      symbol: parsed.symbol,
      symbolInferred: false,
      parsed,
      name: null,
      issuedOn: date?.iso ?? null,
      dateYear: date?.year ?? null,
      year: parsed.numberYear ?? date?.year ?? null,
      issuer: null,
      subject: null,
      tailEnd: date ? date.end : symEnd,
      wordType,
    };
  };

  TYPE_WORD_RE.lastIndex = 0;
  for (let tw = TYPE_WORD_RE.exec(text); tw; tw = TYPE_WORD_RE.exec(text)) {
    const start = tw.index;
    const wordEnd = start + tw[0].length;
    if (excluded(start, wordEnd)) continue;
    const wordType = TYPE_BY_FOLDED.get(fold(tw[0])) ?? 'CV';
    NUMBER_LEAD.lastIndex = wordEnd;
    const lead = NUMBER_LEAD.exec(text);
    const at = lead ? NUMBER_LEAD.lastIndex : wordEnd;
    SYMBOL_AT.lastIndex = at;
    const sym = lead ? SYMBOL_AT.exec(text) : null;
    if (sym) {
      const group: Mention[] = [fromSymbol(start, wordType, sym[0], SYMBOL_AT.lastIndex)];
      // Several numbers under one type word: `Quyết định số 217-QĐ/TW, 218-QĐ/TW`.
      for (;;) {
        const last = group[group.length - 1] as Mention;
        CONTINUATION.lastIndex = last.end;
        if (!CONTINUATION.exec(text)) break;
        SYMBOL_AT.lastIndex = CONTINUATION.lastIndex;
        const more = SYMBOL_AT.exec(text);
        if (!more) break;
        group.push(fromSymbol(CONTINUATION.lastIndex, wordType, more[0], SYMBOL_AT.lastIndex));
      }
      const last = withTail(group[group.length - 1] as Mention);
      for (const m of group) {
        if (m !== last) {
          m.issuer = last.issuer;
          m.tailEnd = m.end;
        }
        mentions.push(m);
        remember(mentions.length - 1);
      }
      ALIAS.lastIndex = last.tailEnd;
      const alias = ALIAS.exec(text);
      if (alias) {
        const key = aliasKey(alias[1] as string);
        if (key) {
          aliases.push({ key, mention: mentions.length - 1, start: alias.index, end: ALIAS.lastIndex });
          aliasTable.set(key, mentions.length - 1);
        }
      }
      TYPE_WORD_RE.lastIndex = last.end;
      continue;
    }
    // A number without a code: kept only when something says which document it is.
    BARE_NUMBER.lastIndex = at;
    const bare = lead && at > wordEnd ? BARE_NUMBER.exec(text) : null;
    if (bare) {
      const numEnd = BARE_NUMBER.lastIndex;
      const date = dateAt(text, numEnd);
      const m: Mention = withTail({
        start,
        end: date ? date.end : numEnd,
        type: wordType,
        number: String(Number(bare[0])).padStart(bare[0].length, '0'),
        symbol: null,
        symbolInferred: false,
        parsed: null,
        name: null,
        issuedOn: date?.iso ?? null,
        dateYear: date?.year ?? null,
        year: date?.year ?? null,
        issuer: null,
        subject: null,
        tailEnd: date ? date.end : numEnd,
        wordType,
      });
      const key = shortKey(wordType, bare[0]);
      const viaAlias = aliasTable.get(key);
      const known = fullByShort.get(key);
      const source =
        viaAlias !== undefined
          ? mentions[viaAlias]
          : known && known.size === 1
            ? mentions[firstFull.get(key) ?? -1]
            : undefined;
      if (source && (!m.issuedOn || m.issuedOn === source.issuedOn)) {
        m.symbol = source.symbol;
        m.parsed = source.parsed;
        m.symbolInferred = true;
        m.issuedOn ??= source.issuedOn;
        m.year ??= source.year;
        m.issuer ??= source.issuer;
      } else if (m.issuer?.code && wordType !== 'CV') {
        const sys = issuerCode(m.issuer.text)?.system;
        const num = m.number as string;
        m.symbol =
          sys === 'party' ? `${num}-${wordType}/${m.issuer.code}` : `${num}/${wordType}-${m.issuer.code}`;
        m.symbolInferred = true;
      } else if (!m.issuedOn) {
        continue;
      }
      mentions.push(m);
      TYPE_WORD_RE.lastIndex = m.end;
      continue;
    }
    const named = readName(text, start, wordEnd, tw[0], wordType);
    if (named) {
      mentions.push(named);
      TYPE_WORD_RE.lastIndex = named.end;
    }
  }

  // Symbols with no type word before them (`theo 16/CT-TTg`): the code says the type.
  SYMBOL_ANYWHERE.lastIndex = 0;
  for (let s = SYMBOL_ANYWHERE.exec(text); s; s = SYMBOL_ANYWHERE.exec(text)) {
    const start = s.index;
    const end = start + s[0].length;
    if (excluded(start, end) || mentions.some((m) => start < m.end && end > m.start)) continue;
    const parsed = parseSymbol(s[0]);
    if (!parsed.type || !typeCode(parsed.codes[0] ?? '')) continue;
    const m = withTail(fromSymbol(start, null, s[0], end));
    mentions.push(m);
  }
  mentions.sort((a, b) => a.start - b.start);
  // `Quyết định số 217-QĐ/TW; Quyết định số 218-QĐ/TW của Bộ Chính trị`: the issuer closes the whole list.
  for (let i = mentions.length - 2; i >= 0; i--) {
    const m = mentions[i] as Mention;
    const next = mentions[i + 1] as Mention;
    if (m.issuer || m.subject || !next.issuer || next.type !== m.type) continue;
    if (/^\s*[,;]?\s*(?:và\s*)?$/u.test(text.slice(m.tailEnd, next.start))) m.issuer = next.issuer;
  }
  return { mentions, aliases };
}

/** References by name: `Luật Hóa chất`, `Hiến pháp năm 1992`, `Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX`. */
function readName(
  text: string,
  start: number,
  wordEnd: number,
  word: string,
  type: DocType,
): Mention | undefined {
  const capital = /^\p{Lu}/u.test(word);
  const before = fold(text.slice(Math.max(0, start - 12), start));
  if (/(cac|nhung|moi|du thao)\s*$/.test(before)) return undefined;
  let end = wordEnd;
  let name: string | null = null;
  if (type === 'HP' && capital) {
    const m = /(?:\s+nước\s+Cộng\s+hòa\s+xã\s+hội\s+chủ\s+nghĩa\s+Việt\s+Nam)?/uy;
    m.lastIndex = wordEnd;
    if (m.exec(text)) end = m.lastIndex;
    name = collapse(text.slice(start, end));
  } else if ((type === 'L' || type === 'BL' || type === 'PL' || type === 'ĐL') && capital) {
    const { words } = wordsFrom(text, wordEnd, 12);
    const first = words[0];
    if (!first || !/^\p{Lu}/u.test(first)) return undefined;
    const kept: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as string;
      const pair = `${w} ${words[i + 1] ?? ''}`.toLowerCase();
      if (
        NAME_STOP.has(w.toLowerCase()) ||
        NAME_STOP_PAIRS.has(pair) ||
        (kept.length > 0 && /^\p{Lu}{2,}$/u.test(w))
      )
        break;
      kept.push(w);
    }
    if (kept.length === 0) return undefined;
    const re = /[ \t]*(?:\n[ \t]*){0,2}[\p{L}][\p{L}\p{N}]*/uy;
    re.lastIndex = wordEnd;
    for (let i = 0; i < kept.length && re.exec(text); i++) end = re.lastIndex;
    name = collapse(text.slice(start, end));
  } else if (type === 'NQ' && capital) {
    const m =
      /\s+(?:của\s+)?(?:Đại\s+hội|đại\s+hội)\s+([^.;:\n]{0,80}?)\s+lần\s+thứ\s+([IVXLC]+|\d+)(?![\p{L}\p{N}])/uy;
    m.lastIndex = wordEnd;
    if (!m.exec(text)) return undefined;
    end = m.lastIndex;
    name = collapse(text.slice(start, end));
  } else {
    return undefined;
  }
  const date = dateAt(text, end);
  let year: number | null = null;
  let issuedOn: string | null = null;
  if (date) {
    end = date.end;
    year = date.year;
    issuedOn = date.iso;
  } else {
    const y = /\s+năm\s+(\d{4})(?!\d)/uy;
    y.lastIndex = end;
    const ym = y.exec(text);
    if (ym) {
      end = y.lastIndex;
      year = Number(ym[1]);
    }
  }
  return {
    start,
    end,
    type,
    number: null,
    symbol: null,
    symbolInferred: false,
    parsed: null,
    name,
    issuedOn,
    dateYear: year,
    year,
    issuer: null,
    subject: null,
    tailEnd: end,
    wordType: type,
  };
}
