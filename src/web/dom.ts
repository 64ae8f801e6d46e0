// Building the page from data: every text goes in as text (never as HTML), so nothing a document says can
// run on the page.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

/** An element with its attributes (`on…` ones are listeners) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, ...children);
  return el;
}

export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

/** Replaces what the element holds. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

/** A link to one of the pages, its parameters encoded. */
export function pageUrl(path: string, params: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export const docUrl = (ref: string) => pageUrl('/van-ban', { ref });
export const unitUrl = (name: string) => pageUrl('/don-vi', { name });
export const sourceUrl = (sha: string, start?: number | null, end?: number | null) =>
  pageUrl('/nguon', { sha, start: start ?? undefined, end: end ?? undefined });

/** A text with the parts [start, end) marked, each mark made by `mark`. */
export function marked(
  text: string,
  spans: ReadonlyArray<{ start: number; end: number }>,
  mark: (part: string, index: number) => Node,
): DocumentFragment {
  const out = document.createDocumentFragment();
  let at = 0;
  const sorted = spans
    .map((s, i) => ({ ...s, i }))
    .filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start)
    .sort((a, b) => a.start - b.start);
  for (const s of sorted) {
    if (s.start < at) continue; // overlapping marks: the first wins
    out.append(text.slice(at, s.start), mark(text.slice(s.start, s.end), s.i));
    at = s.end;
  }
  out.append(text.slice(at));
  return out;
}

/** The quote with the cited words (where they occur in it) marked. */
export function quoteWith(quote: string, words: string): HTMLElement {
  const at = words ? quote.indexOf(words) : -1;
  if (at < 0) return h('q', {}, quote);
  return h('q', {}, quote.slice(0, at), h('mark', {}, words), quote.slice(at + words.length));
}
