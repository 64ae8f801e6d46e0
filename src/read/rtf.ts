import { fail } from './limits.js';

/**
 * Destinations whose text is not the document's: the tables of fonts, colours and styles, the document's
 * properties, pictures and objects, a field's instruction (its result is kept), and Word's own data.
 */
const SKIPPED = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'object',
  'objdata',
  'themedata',
  'colorschememapping',
  'datastore',
  'latentstyles',
  'listtable',
  'listoverridetable',
  'rsidtbl',
  'generator',
  'xmlnstbl',
  'mmathPr',
  'fldinst',
  'filetbl',
  'revtbl',
  'pgdsctbl',
  'bkmkstart',
  'bkmkend',
  'userprops',
]);
/** Control words that are text. */
const WORDS: Record<string, string> = {
  par: '\n',
  line: '\n',
  sect: '\n',
  page: '\n',
  row: '\n',
  cell: '\t',
  tab: '\t',
  emdash: '—',
  endash: '–',
  lquote: '‘',
  rquote: '’',
  ldblquote: '“',
  rdblquote: '”',
  bullet: '•',
  emspace: ' ',
  enspace: ' ',
  qmspace: ' ',
};
// An optional hyphen is kept as the soft hyphen it stands for: in a `.VnTime` run it is TCVN3's `ư`
// (byte 0xAD), which the legacy checks read as such (LibreOffice and Word write that byte as `\-`).
const SYMBOLS: Record<string, string> = { '~': '\u00a0', '-': '\u00ad', _: '‑', '\n': '\n', '\r': '\n' };
/** Starred destinations that hold the document's text all the same. */
const TEXT_DESTINATIONS = new Set(['footnote']);

type Group = { skip: boolean; uc: number; note: boolean };

/** Walks an RTF document's tokens, keeping the text of its body as the control words say it. */
class RtfText {
  private out = '';
  /** Footnotes and endnotes, after the body as the .doc reader gives them, not in the middle of a sentence. */
  private notes = '';
  private bytes: number[] = [];
  private stack: Group[] = [];
  private group: Group = { skip: false, uc: 1, note: false };
  /** Characters still to drop after a \uN: its fallback for readers without Unicode. */
  private fallback = 0;
  private decoder = new TextDecoder('windows-1252');

  text(): string {
    this.flush();
    return (this.notes ? `${this.out}\n${this.notes}` : this.out).normalize('NFC');
  }
  open(): void {
    this.flush();
    this.stack.push(this.group);
    this.group = { ...this.group };
    this.fallback = 0;
  }
  close(): void {
    this.flush();
    this.group = this.stack.pop() ?? this.group;
    this.fallback = 0;
  }
  /** A character, or a byte of the document's code page (`\'xx`): dropped where a \uN's fallback is. */
  char(c: string | number): void {
    if (this.fallback > 0) {
      this.fallback--;
      return;
    }
    if (this.group.skip) return;
    if (typeof c === 'number') this.bytes.push(c);
    else {
      this.flush();
      this.append(c);
    }
  }
  word(name: string, param: number | undefined, starred: boolean): void {
    if (name === 'ansicpg' && param !== undefined) this.codePage(param);
    else if (name === 'uc' && param !== undefined) this.group.uc = param;
    else if (name === 'u' && param !== undefined) {
      this.char(String.fromCharCode(param < 0 ? param + 65536 : param));
      this.fallback = this.group.uc;
    } else if (TEXT_DESTINATIONS.has(name)) this.group.note = true;
    else if (starred || SKIPPED.has(name)) this.group.skip = true;
    else if (WORDS[name] !== undefined) this.char(WORDS[name]);
  }
  private codePage(n: number): void {
    try {
      this.decoder = new TextDecoder(`windows-${n}`);
    } catch {
      // A code page the runtime does not know: its bytes are read as cp1252, the legacy checks follow.
    }
  }
  /** Bytes together, so a double-byte code page decodes whole characters. */
  private flush(): void {
    if (this.bytes.length === 0) return;
    const text = this.decoder.decode(new Uint8Array(this.bytes));
    this.bytes = [];
    this.append(text);
  }
  private append(s: string): void {
    if (this.group.note) this.notes += s;
    else this.out += s;
  }
}

/** RTF bytes → the text of the document (its body, headers and footnotes; not its tables of fonts…). */
export function rtfToText(bytes: Uint8Array, path: string): string {
  const src = Buffer.from(bytes).toString('latin1');
  if (!src.startsWith('{\\rtf')) throw fail(path, 'not an RTF document');
  const rtf = new RtfText();
  const token = /\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z'])|([{}])|([\r\n]+)|([^\\{}\r\n]+)/g;
  let starred = false;
  for (const [, name, param, hex, symbol, brace, , text] of src.matchAll(token)) {
    if (name) {
      rtf.word(name, param === undefined ? undefined : Number(param), starred);
      starred = false;
    } else if (hex) rtf.char(parseInt(hex, 16));
    else if (symbol === '*') starred = true;
    else if (symbol !== undefined) rtf.char(SYMBOLS[symbol] ?? symbol);
    else if (brace === '{') rtf.open();
    else if (brace === '}') rtf.close();
    else if (text) for (const c of text) rtf.char(c);
  }
  return rtf.text();
}
