import { docUrl, fill, h } from '../dom.js';
import { count } from '../format.js';
import { gql } from '../gql.js';
import { load } from '../load.js';
import { entryItem, ENTRY_FIELDS, type Entry } from './document.js';

// `/don-vi?name=…`: what a unit issued, what it reported on and implemented, by year.

type Unit = {
  organization: {
    name: string;
    shortName: string | null;
    level: string | null;
    years: Array<{ year: number; issued: number; implemented: number }>;
    documents: {
      totalCount: number;
      edges: Array<{ node: { key: string; label: string; issuedOn: string | null } }>;
    };
    implemented: { totalCount: number; entries: Entry[] };
  } | null;
};

const UNIT = `query Unit($name: String!) {
  organization(name: $name) {
    name shortName level
    years { year issued implemented }
    documents(first: 50) { totalCount edges { node { key label issuedOn } } }
    implemented(first: 20) { totalCount entries { ${ENTRY_FIELDS} } }
  }
}`;

function years(rows: Array<{ year: number; issued: number; implemented: number }>): HTMLElement {
  if (!rows.length)
    return h('p', { class: 'phu' }, 'Chưa có năm nào: các văn bản của đơn vị không ghi ngày.');
  const head = ['Năm', 'Văn bản ban hành', 'Văn bản báo cáo, triển khai'].map((c) =>
    h('th', { scope: 'col' }, c),
  );
  const body = rows.map((r) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, String(r.year)),
      h('td', {}, count(r.issued)),
      h('td', {}, count(r.implemented)),
    ),
  );
  return h(
    'table',
    { class: 'nam' },
    h('caption', {}, 'Theo năm'),
    h('thead', {}, h('tr', {}, ...head)),
    h('tbody', {}, ...body),
  );
}

function show(u: NonNullable<Unit['organization']>): Node[] {
  document.title = `${u.name} — Lược đồ`;
  const issued = u.documents.edges.map((e) =>
    h('li', {}, h('a', { href: docUrl(e.node.key) }, e.node.label)),
  );
  const more = (shown: number, total: number) =>
    total > shown ? h('p', { class: 'phu' }, `Hiện ${count(shown)} trong ${count(total)}.`) : null;
  return [
    h('h1', {}, u.name),
    u.level ? h('p', { class: 'phu' }, `Cấp: ${u.level}`) : null,
    years(u.years),
    h(
      'section',
      {},
      h('h2', {}, `Văn bản đã ban hành (${count(u.documents.totalCount)})`),
      issued.length ? h('ul', {}, ...issued) : h('p', {}, 'Chưa có.'),
      more(issued.length, u.documents.totalCount),
    ),
    h(
      'section',
      {},
      h('h2', {}, `Văn bản đã báo cáo, triển khai (${count(u.implemented.totalCount)})`),
      u.implemented.entries.length
        ? h('ul', { class: 'muc-luoc-do' }, ...u.implemented.entries.map(entryItem))
        : h('p', {}, 'Chưa có.'),
      more(u.implemented.entries.length, u.implemented.totalCount),
    ),
  ].filter((x): x is HTMLElement => x !== null);
}

export function render(main: HTMLElement, params: Record<string, string>): void {
  const name = params['name']?.trim() ?? '';
  if (!name)
    return fill(main, h('h1', {}, 'Chưa chọn đơn vị'), h('p', {}, h('a', { href: '/' }, 'Tìm một đơn vị')));
  void load(
    main,
    'đơn vị',
    () => gql<Unit>(UNIT, { name }),
    (d) =>
      d.organization
        ? show(d.organization)
        : [h('h1', {}, 'Không tìm thấy đơn vị'), h('p', {}, `Hệ thống không có đơn vị “${name}”.`)],
  );
}
