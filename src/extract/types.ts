/** The contracts of DESIGN §4: what `extract` produces. */

export const DOC_TYPES = [
  'HP',
  'BL',
  'L',
  'PL',
  'NQ',
  'NQLT',
  'NĐ',
  'QĐ',
  'QyĐ',
  'QĐi',
  'CT',
  'TT',
  'TTLT',
  'KL',
  'KH',
  'CTr',
  'HD',
  'TB',
  'BC',
  'TTr',
  'QC',
  'ĐA',
  'PA',
  'CV',
  'CĐ',
  'BB',
  'ĐL',
  'TTri',
  'LCT',
  'SL',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const RELATIONS = [
  'RESPONDS_TO',
  'REPORTS_ON',
  'AMENDS',
  'REPLACES',
  'REPEALS',
  'GUIDES',
  'IMPLEMENTS',
  'BASED_ON',
  'CITES',
] as const;
/** Ordered from the strongest claim to the weakest: a document cited several ways takes the first. */
export type Relation = (typeof RELATIONS)[number];

export type Issuer = { text: string; code: string | null };

export type ExtractedReference = {
  /** JavaScript string indices into the text exactly as given. */
  start: number;
  end: number;
  /** The original characters of the mention: type word through number and date. */
  text: string;
  type: DocType;
  number: string | null;
  /** Canonical: codes upper-cased (known mixed-case type codes such as QĐi kept), no spaces. */
  symbol: string | null;
  /** True when the symbol was completed from the issuer (`Chỉ thị 05 của Bộ Chính trị` → 05-CT/TW) or an alias. */
  symbolInferred: boolean;
  name: string | null;
  issuedOn: string | null;
  year: number | null;
  issuer: Issuer | null;
  /** The `về …` / `V/v …` phrase after the mention, kept out of the span. */
  subject: string | null;
  relation: Relation;
  inFootnote: boolean;
  /** The whole sentence the mention stands in, as evidence (cut at word boundaries past 600 characters). */
  quote: string;
  /** 1-based line of the mention's start in the text as given; the page when the reader knows pages. */
  line: number;
  page: number | null;
};

export type DocumentHeader = {
  type: DocType | null;
  number: string | null;
  symbol: string | null;
  issuedOn: string | null;
  place: string | null;
  title: string | null;
  /**
   * The unit in the header; `parent` is the body named on the line above it when the header has two
   * (`UBND TỈNH QUẢNG NGÃI` over `SỞ NỘI VỤ` → parent `Ủy ban nhân dân tỉnh Quảng Ngãi`), which places it.
   */
  issuer: { name: string; level: Level | null; parent: string | null } | null;
  signer: { name: string; position: string | null } | null;
  recipients: string[];
};

export type Level = 'trung ương' | 'tỉnh' | 'huyện' | 'xã';

export type FactRelation = Relation | 'ISSUED_BY';

/** A relation between cited documents (or a cited document and a unit) that the text asserts. */
export type Fact = {
  from: string;
  relation: FactRelation;
  to: string;
  /** Indices into `references` of the mentions behind the fact (`to` is -1 for a unit). */
  fromRef: number;
  toRef: number;
};

export type Severity = 'error' | 'warning' | 'info';

/** What extraction can find wrong in one document alone (the audit adds the graph-wide ones). */
export const FINDING_CODES = [
  'NUMBER_YEAR_MISMATCH',
  'UNKNOWN_CODE',
  'MALFORMED_SYMBOL',
  'TYPE_MISMATCH',
  'INVALID_DATE',
  'DATE_CONFLICT',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/**
 * A finding, with the values its message is made from (`params`), so that a page can say it in its own
 * language: e.g. NUMBER_YEAR_MISMATCH {symbol, numberYear, date}.
 */
export type Finding = {
  code: FindingCode;
  severity: Severity;
  message: string;
  params: Record<string, string | number>;
  start: number;
  end: number;
};

export type SourceInfo = { path: string; sha256: string; format: string };

export type ExtractedDocument = {
  source: SourceInfo;
  document: DocumentHeader;
  references: ExtractedReference[];
  facts: Fact[];
  findings: Finding[];
};
