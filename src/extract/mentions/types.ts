import type { ParsedSymbol } from '../symbols.js';
import type { DocType, Issuer, Relation } from '../types.js';

/** What every kind of mention carries; offsets are clean-text offsets. */
type MentionBase = {
  start: number;
  end: number;
  type: DocType;
  /** The type the type word names (`Quyết định` → QĐ); null for a bare symbol. */
  wordType: DocType | null;
  issuedOn: string | null;
  /** The year of the written date, when there is one (the number's own year is in `parsed`). */
  dateYear: number | null;
  year: number | null;
  issuer: Issuer | null;
  subject: string | null;
  /** Where the issuer phrase and subject end: the mention's whole clause, for the relation rules. */
  tailEnd: number;
};

/**
 * `Chỉ thị số 22-CT/TU`, `theo 16/CT-TTg`, `Nghị định số 63/CP`: a number with its codes; a law may give its
 * name too (`Luật Thống kê số 89/2015/QH13`).
 */
export type SymbolMention = MentionBase & {
  kind: 'symbol';
  number: string;
  symbol: string;
  parsed: ParsedSymbol;
  name: string | null;
  completedBy: null;
};

/** `Chỉ thị số 22`, `Nghị định 136`, `NĐ 04/2015`: a number without codes; the resolve pass may complete it. */
export type NumberMention = MentionBase & {
  kind: 'number';
  number: string;
  symbol: string | null;
  parsed: ParsedSymbol | null;
  name: null;
  /** How the symbol was completed, if it was. */
  completedBy: 'alias' | 'earlier' | 'issuer' | null;
};

/** `Luật Đất đai năm 2013`, `Hiến pháp`, `Nghị quyết Đại hội … lần thứ XIX`: a reference by name. */
export type NameMention = MentionBase & {
  kind: 'name';
  number: null;
  symbol: null;
  parsed: null;
  name: string;
  completedBy: null;
};

export type Mention = SymbolMention | NumberMention | NameMention;

/** A relation a mention's own words assert (`Luật sửa đổi … của Luật X`: the amending law AMENDS X). */
export type Link = { from: Mention; relation: Relation; to: Mention };

/** `(sau đây gọi tắt là Nghị định số 85)`: the short form `key` stands for `target` from `end` on. */
export type AliasDef = { key: string; target: Mention; start: number; end: number };

/** A type word found in the text: where, as written, and the type it names. */
export type TypeWordHit = { start: number; end: number; word: string; type: DocType };

/** What a rule found at one type word; `resumeAt` is where the scan goes on. */
export type RuleResult = { mentions: Mention[]; links: Link[]; resumeAt: number };

export type ScanContext = {
  text: string;
  /** Spans that are not references (the document's own `Số:` line, alias definitions). */
  excluded: (start: number, end: number) => boolean;
  /** Folded names the document gives itself, which are not references. */
  selfNames: ReadonlySet<string>;
  /** Where the document's own title ends: a name in capitals after it is a heading, not a reference. */
  titleEnd: number;
};

/** `Chỉ thị số 22` → `CT:22`: how a short form is looked up. */
export function shortKey(type: DocType, number: string): string {
  return `${type}:${Number(number)}`;
}

export const isSymbolic = (m: Mention): m is SymbolMention | (NumberMention & { symbol: string }) =>
  m.symbol !== null;
