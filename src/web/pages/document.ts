import { docUrl, fill, h, sourceUrl } from '../dom.js';
import { FINDING_FIELDS, findingCard, type FindingData } from '../findings.js';
import { count, relationName, RELATION_ORDER, typeName, vnDate } from '../format.js';
import { ApiError, gql } from '../gql.js';
import { load } from '../load.js';
import { implementersSection } from '../implementers.js';

// `/van-ban?ref=…`: a document's card, its lược đồ, its findings, who implemented it and its chain.

type Quote = {
  text: string;
  sha256: string | null;
  path: string | null;
  start: number | null;
  end: number | null;
  ocr: boolean;
};
export type Entry = {
  cursor: string;
  mentions: number;
  inferred: boolean;
  document: { key: string; label: string };
  quotes: Quote[];
};
type Group = {
  relation: string;
  direction: 'IN' | 'OUT';
  totalCount: number;
  entries: Entry[];
  pageInfo: PageInfo;
};
type PageInfo = { hasNextPage: boolean; endCursor: string | null };
type Doc = {
  key: string;
  label: string;
  type: string;
  symbol: string | null;
  issuedOn: string | null;
  title: string | null;
  hasText: boolean;
  issuer: { name: string } | null;
  sources: Array<{ sha256: string; path: string; format: string; ocr: boolean }>;
  related: Group[];
  inForce: string | null;
  link: string | null;
  registry: Array<{ path: string; row: number; inForceText: string | null }>;
};
type Candidate = { key: string; label: string; issuer: { name: string } | null; year: number | null };

export const ENTRY_FIELDS =
  'cursor mentions inferred document { key label } quotes { text sha256 path start end ocr }';
const DOC = `query Doc($ref: String!) {
  document(ref: $ref) {
    key label type symbol issuedOn title hasText issuer { name }
    inForce link registry { path row inForceText }
    sources { sha256 path format ocr }
    related(firstPerGroup: 20) { relation direction totalCount entries { ${ENTRY_FIELDS} } pageInfo { hasNextPage endCursor } }
  }
}`;
// The findings come in a request of their own: the audit of a document is the slowest read of the page, and
// the card and the lược đồ need not wait for it.
const FINDINGS = `query Findings($ref: String!) { document(ref: $ref) { findings { ${FINDING_FIELDS} } } }`;
const CANDIDATES = `query Candidates($ref: String!) { candidates(ref: $ref) { key label year issuer { name } } }`;
const PAGE = `query Group($ref: String!, $relation: String!, $direction: Direction!, $after: String) {
  document(ref: $ref) { relatedPage(relation: $relation, direction: $direction, first: 50, after: $after) {
    entries { ${ENTRY_FIELDS} } pageInfo { hasNextPage endCursor } } }
}`;

type Answer = { doc: Doc } | { candidates: Candidate[] };

async function fetchDoc(ref: string): Promise<Answer> {
  try {
    const d = await gql<{ document: Doc | null }>(DOC, { ref });
    if (d.document) return { doc: d.document };
  } catch (e) {
    if (!(e instanceof ApiError && e.code === 'AMBIGUOUS_REF')) throw e;
  }
  return gql<{ candidates: Candidate[] }>(CANDIDATES, { ref });
}

// What registers say of a document's force (issue 16), in the words registers use.
const IN_FORCE: Record<string, string> = {
  'in-force': 'Còn hiệu lực',
  expired: 'Hết hiệu lực toàn bộ',
  'partly-expired': 'Hết hiệu lực một phần',
  'not-yet': 'Chưa có hiệu lực',
};

/** The register rows that describe it, and the link to its signed copy a register gives (web links only). */
function registerRows(d: Doc): { rows: HTMLElement | null; link: HTMLElement | null } {
  const rows = d.registry.length
    ? h('ul', {}, ...d.registry.map((r) => h('li', {}, `${r.path}, dòng ${r.row}`)))
    : null;
  const link =
    d.link && /^https?:\/\//i.test(d.link)
      ? h('a', { href: d.link, rel: 'noopener noreferrer' }, d.link)
      : null;
  return { rows, link };
}

function card(d: Doc): HTMLElement {
  const row = (k: string, v: Node | string | null) => (v ? [h('dt', {}, k), h('dd', {}, v)] : []);
  const files = d.sources.length
    ? h(
        'ul',
        {},
        ...d.sources.map((s) =>
          h(
            'li',
            {},
            h('a', { href: sourceUrl(s.sha256) }, s.path),
            ` (${s.format}${s.ocr ? ', đọc bằng OCR' : ''})`,
          ),
        ),
      )
    : null;
  return h(
    'dl',
    { class: 'the' },
    ...row('Loại văn bản', typeName(d.type)),
    ...row('Số hiệu', d.symbol),
    ...row('Ngày ban hành', d.issuedOn ? vnDate(d.issuedOn) : null),
    ...row('Cơ quan ban hành', d.issuer?.name ?? null),
    ...row('Trích yếu', d.title),
    ...row('Toàn văn', d.hasText ? 'Có trong hệ thống' : 'Chưa có trong hệ thống'),
    ...row('Tệp', files),
    ...row('Hiệu lực', d.inForce ? (IN_FORCE[d.inForce] ?? d.inForce) : null),
    ...row('Sổ đăng ký', registerRows(d).rows),
    ...row('Bản gốc', registerRows(d).link),
  );
}

/** One row of the lược đồ: the document (a link), how often it is mentioned, its quotes with their source. */
export function entryItem(e: Entry): HTMLElement {
  const quotes = e.quotes.map((q) =>
    h(
      'li',
      {},
      h('q', {}, q.text),
      q.sha256
        ? h(
            'span',
            {},
            ' ',
            h(
              'a',
              { class: 'xem-nguon', href: sourceUrl(q.sha256, q.start, q.end) },
              'xem trong văn bản nguồn',
            ),
          )
        : null,
      q.ocr ? h('span', { class: 'chu-y' }, ' (OCR, cần đối chiếu)') : null,
    ),
  );
  return h(
    'li',
    {},
    h('a', { href: docUrl(e.document.key) }, e.document.label),
    e.mentions > 1 ? h('span', { class: 'phu' }, ` — ${count(e.mentions)} lần dẫn`) : null,
    e.inferred ? h('span', { class: 'chu-y' }, ' (liên kết suy ra, cần xác nhận)') : null,
    quotes.length ? h('ul', { class: 'trich' }, ...quotes) : null,
  );
}

function groupSection(ref: string, g: Group): HTMLElement {
  const list = h('ul', { class: 'muc-luoc-do' }, ...g.entries.map(entryItem));
  const more = h('div', {});
  const showMore = (info: PageInfo, shown: number) => {
    if (!info.hasNextPage) return fill(more);
    const button = h('button', { type: 'button' }, `Xem thêm (còn ${count(g.totalCount - shown)})`);
    button.addEventListener('click', () => {
      const vars = { ref, relation: g.relation, direction: g.direction, after: info.endCursor };
      void load(
        more,
        'trang sau',
        () => gql<{ document: { relatedPage: { entries: Entry[]; pageInfo: PageInfo } } }>(PAGE, vars),
        (d) => {
          const p = d.document.relatedPage;
          list.append(...p.entries.map(entryItem));
          showMore(p.pageInfo, shown + p.entries.length);
          return undefined;
        },
      );
    });
    fill(more, button);
  };
  showMore(g.pageInfo, g.entries.length);
  const title = `${relationName(g.relation, g.direction)} (${count(g.totalCount)})`;
  return h('section', { class: `nhom quan-he-${g.relation.toLowerCase()}` }, h('h3', {}, title), list, more);
}

function luocDo(ref: string, groups: Group[]): HTMLElement[] {
  const rank = (g: Group) => RELATION_ORDER.indexOf(g.relation) * 2 + (g.direction === 'IN' ? 1 : 0);
  const sorted = [...groups].sort((a, b) => rank(a) - rank(b));
  if (!sorted.length) return [h('p', {}, 'Chưa có văn bản nào liên quan trong hệ thống.')];
  return sorted.map((g) => groupSection(ref, g));
}

function candidates(ref: string, list: Candidate[]): Node[] {
  document.title = `Không rõ văn bản “${ref}” — Lược đồ`;
  if (!list.length)
    return [
      h('h1', {}, 'Không tìm thấy văn bản'),
      h('p', {}, `Hệ thống không có văn bản nào ứng với “${ref}”.`),
      h('p', {}, h('a', { href: '/' }, 'Tìm văn bản khác')),
    ];
  const items = list.map((c) =>
    h(
      'li',
      {},
      h('a', { href: docUrl(c.key) }, c.label),
      h('span', { class: 'phu' }, ` — ${[c.issuer?.name, c.year].filter(Boolean).join(', ')}`),
    ),
  );
  return [
    h('h1', {}, `“${ref}” có thể là ${count(list.length)} văn bản`),
    h('p', {}, 'Chọn văn bản đúng (phân biệt bằng cơ quan ban hành và năm):'),
    h('ul', {}, ...items),
  ];
}

function page(d: Doc): Node[] {
  document.title = `${d.label} — Lược đồ`;
  const sections = [
    h('h1', {}, d.label),
    card(d),
    h(
      'nav',
      { class: 'muc-luc', 'aria-label': 'Trên trang này' },
      h('a', { href: '#luoc-do' }, 'Lược đồ'),
      ' · ',
      h('a', { href: '#thuc-hien' }, 'Đơn vị thực hiện'),
      ' · ',
      h('a', { href: '#chuoi' }, 'Chuỗi trích dẫn'),
      ' · ',
      h('a', { href: '#phat-hien' }, 'Phát hiện'),
    ),
    h('section', { id: 'luoc-do' }, h('h2', {}, 'Lược đồ'), ...luocDo(d.key, d.related)),
    implementersSection(d.key, d.symbol ?? d.key),
    chainSection(d.key),
    findingsSection(d.key),
  ];
  return sections;
}

function findingsSection(key: string): HTMLElement {
  const title = h('h2', {}, 'Phát hiện khi rà soát');
  const body = h('div', {});
  void load(
    body,
    'phát hiện khi rà soát',
    () => gql<{ document: { findings: FindingData[] } | null }>(FINDINGS, { ref: key }),
    (d) => {
      const list = d.document?.findings ?? [];
      fill(title, `Phát hiện khi rà soát (${count(list.length)})`);
      return list.length
        ? list.map((f) => findingCard(f))
        : h('p', {}, 'Không có phát hiện nào về văn bản này.');
    },
  );
  return h('section', { id: 'phat-hien' }, title, body);
}

function chainSection(key: string): HTMLElement {
  const body = h('div', { class: 'chuoi-than' });
  const details = h(
    'details',
    { id: 'chuoi' },
    h('summary', {}, h('h2', {}, 'Chuỗi trích dẫn (sơ đồ và bảng)')),
    body,
  );
  let opened = false;
  // A link to the chain (`#chuoi`) opens it.
  if (location.hash === '#chuoi') queueMicrotask(() => (details.open = true));
  details.addEventListener('toggle', () => {
    if (!details.open || opened) return;
    opened = true;
    void load(
      body,
      'sơ đồ',
      () => import('../chain.js'),
      (m) => void m.renderChain(body, key),
    );
  });
  return details;
}

export function render(main: HTMLElement, params: Record<string, string>): void {
  const ref = params['ref']?.trim() ?? '';
  if (!ref) {
    fill(main, h('h1', {}, 'Chưa chọn văn bản'), h('p', {}, h('a', { href: '/' }, 'Tìm một văn bản')));
    return;
  }
  void load(
    main,
    'văn bản',
    () => fetchDoc(ref),
    (a) => ('doc' in a ? page(a.doc) : candidates(ref, a.candidates)),
  );
}
