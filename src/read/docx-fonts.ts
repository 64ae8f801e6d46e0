import { decodeByFont, fontEncoding } from './legacy/index.js';

/**
 * Fonts of a .docx's runs, as Word resolves them: the run's own `w:rFonts`, then its character style, then
 * its paragraph's style (each through its `basedOn` chain), then the document defaults. mammoth gives the
 * text without fonts, and a `.VnTime` run's text is TCVN3 bytes shown as cp1252 characters (`ChØ thÞ sè`):
 * only the font says how to read it (issue 13).
 */
type Fonts = { ascii?: string; hAnsi?: string };
type Style = { fonts: Fonts; basedOn?: string };
export type DocxStyles = { styles: Map<string, Style>; defaults: Fonts; defaultParagraph?: string };

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/** The ascii/hAnsi fonts an `<w:rFonts …>` tag names; a theme font stands for a Unicode font here. */
function fontsOf(tag: string | undefined): Fonts {
  if (!tag) return {};
  const f: Fonts = {};
  const ascii = attr(tag, 'w:asciiTheme') ? '' : attr(tag, 'w:ascii');
  const hAnsi = attr(tag, 'w:hAnsiTheme') ? '' : attr(tag, 'w:hAnsi');
  if (ascii !== undefined) f.ascii = ascii;
  if (hAnsi !== undefined) f.hAnsi = hAnsi;
  return f;
}

/** The first `w:rFonts` of an element, outside its paragraph properties (whose rPr is the paragraph mark's). */
const rFontsIn = (xml: string) =>
  /<w:rFonts\b[^>]*>/.exec(xml.replace(/<w:pPr\b[\s\S]*?<\/w:pPr>/g, ''))?.[0];

/** styles.xml: every style's fonts and parent, the document defaults, and the default paragraph style. */
export function parseStyles(xml: string | undefined): DocxStyles {
  const styles = new Map<string, Style>();
  let defaultParagraph: string | undefined;
  for (const m of (xml ?? '').matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const [, head = '', body = ''] = m;
    const id = attr(head, 'w:styleId');
    if (id === undefined) continue;
    const basedOn = /<w:basedOn\b[^>]*w:val="([^"]*)"/.exec(body)?.[1];
    styles.set(id, { fonts: fontsOf(rFontsIn(body)), ...(basedOn ? { basedOn } : {}) });
    if (attr(head, 'w:type') === 'paragraph' && attr(head, 'w:default') === '1') defaultParagraph = id;
  }
  const rPrDefault = /<w:rPrDefault\b[\s\S]*?<\/w:rPrDefault>/.exec(xml ?? '')?.[0] ?? '';
  return {
    styles,
    defaults: fontsOf(rFontsIn(rPrDefault)),
    ...(defaultParagraph ? { defaultParagraph } : {}),
  };
}

/** One attribute of a style, through its `basedOn` chain (bounded: a loop of styles is a broken file). */
function styleFont(s: DocxStyles, id: string | undefined, key: keyof Fonts): string | undefined {
  for (let i = 0; id !== undefined && i < 32; i++) {
    const style = s.styles.get(id);
    if (!style) return undefined;
    if (style.fonts[key] !== undefined) return style.fonts[key];
    id = style.basedOn;
  }
  return undefined;
}

/** The font that decides how a run's text reads: a legacy one among its ascii and hAnsi fonts, if any. */
function runFont(s: DocxStyles, run: Fonts, rStyle?: string, pStyle?: string): string | undefined {
  const resolved = (key: keyof Fonts) =>
    run[key] ??
    styleFont(s, rStyle, key) ??
    styleFont(s, pStyle ?? s.defaultParagraph, key) ??
    s.defaults[key];
  const names = [resolved('ascii'), resolved('hAnsi')];
  return names.find((n) => n !== undefined && fontEncoding(n) !== undefined);
}

/** A stretch of a part's XML: the text of one `<w:t>` and the legacy font (if any) it is in. */
type Segment = { start: number; end: number; font: string | undefined; group: number };

const TOKEN =
  /<(\/?)(w:p|w:r|w:pPr|w:rPr|w:rPrChange|w:pPrChange|w:rFonts|w:rStyle|w:pStyle|w:t|w:tab|w:br|w:cr|w:sym|w:noBreakHyphen|w:softHyphen|w:drawing|w:pict|w:object|w:footnoteReference|w:endnoteReference|w:fldChar|w:instrText|w:delText)\b([^>]*?)(\/?)>/g;
/** Elements that put something between two pieces of text: the pieces around them are decoded apart. */
const BREAKS = new Set(['w:p', 'w:tab', 'w:br', 'w:cr', 'w:sym', 'w:noBreakHyphen', 'w:softHyphen']);
const BREAKS_TOO = ['w:drawing', 'w:pict', 'w:object', 'w:footnoteReference', 'w:endnoteReference'];

type Run = { fonts: Fonts; rStyle?: string };
type Walk = { stack: string[]; runs: Run[]; pStyles: (string | undefined)[]; group: number };
/** Elements that hold others the walk must see the parents of. */
const CONTAINERS = new Set(['w:p', 'w:r', 'w:pPr', 'w:rPr', 'w:rPrChange', 'w:pPrChange', ...BREAKS_TOO]);

/** One tag of the walk: the stack of open elements, and what a run or paragraph says of its fonts. */
function step(w: Walk, close: boolean, name: string, tag: string, selfClosing: boolean): void {
  if (BREAKS.has(name) || BREAKS_TOO.includes(name)) w.group++;
  if (close) {
    const at = w.stack.lastIndexOf(name);
    if (at >= 0) w.stack.length = at;
    if (name === 'w:r') w.runs.pop();
    if (name === 'w:p') w.pStyles.pop();
    return;
  }
  const inRunPr = w.stack.at(-1) === 'w:rPr' && w.stack.at(-2) === 'w:r';
  const run = w.runs.at(-1);
  if (name === 'w:rFonts' && inRunPr && run) run.fonts = fontsOf(tag);
  const val = attr(tag, 'w:val');
  if (name === 'w:rStyle' && inRunPr && run && val !== undefined) run.rStyle = val;
  if (name === 'w:pStyle' && w.stack.at(-1) === 'w:pPr' && w.stack.at(-2) === 'w:p')
    w.pStyles[w.pStyles.length - 1] = val;
  if (selfClosing || !CONTAINERS.has(name)) return;
  w.stack.push(name);
  if (name === 'w:r') w.runs.push({ fonts: {} });
  if (name === 'w:p') w.pStyles.push(undefined);
}

/** Every `<w:t>` of a part, with the font it resolves to; text apart (a tab, a paragraph) in other groups. */
function segments(xml: string, s: DocxStyles): Segment[] {
  const out: Segment[] = [];
  const w: Walk = { stack: [], runs: [], pStyles: [], group: 0 };
  for (const m of xml.matchAll(TOKEN)) {
    const [whole, slash = '', name = '', tag = '', selfClosing = ''] = m;
    if (name === 'w:t' && !slash && !selfClosing) {
      const start = m.index + whole.length;
      const end = xml.indexOf('</w:t>', start);
      if (end < 0) break;
      const run = w.runs[w.runs.length - 1];
      const font = run && runFont(s, run.fonts, run.rStyle, w.pStyles[w.pStyles.length - 1]);
      out.push({ start, end, font, group: w.group });
      continue;
    }
    if (name === 'w:t') continue;
    step(w, slash === '/', name, tag, selfClosing === '/');
  }
  return out;
}

const unescape = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()] ?? '';
    return String.fromCodePoint(
      e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
    );
  });
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A part's XML with the text of its legacy-font runs in Unicode; the fonts that did it, empty when none.
 * Neighbouring runs of one font are decoded together (a VNI mark is a byte after its letter, and Word may
 * split a word between runs): the whole decoded text goes into the first run of the stretch.
 */
export function decodeRuns(xml: string, styles: DocxStyles): { xml: string; fonts: string[] } {
  const segs = segments(xml, styles);
  const fonts = new Set<string>();
  let out = '';
  let at = 0;
  for (let i = 0; i < segs.length;) {
    const first = segs[i] as Segment;
    let j = i + 1;
    while (j < segs.length && segs[j]?.font === first.font && segs[j]?.group === first.group) j++;
    const stretch = segs.slice(i, j);
    i = j;
    if (first.font === undefined) continue;
    fonts.add(first.font);
    const raw = stretch.map((g) => unescape(xml.slice(g.start, g.end))).join('');
    out += xml.slice(at, first.start) + escape(decodeByFont(raw, first.font).normalize('NFC'));
    at = first.end;
    // Each later run of the stretch keeps its markup and loses its text, now in the first.
    for (const g of stretch.slice(1)) {
      out += xml.slice(at, g.start);
      at = g.end;
    }
  }
  return { xml: fonts.size ? out + xml.slice(at) : xml, fonts: [...fonts] };
}
