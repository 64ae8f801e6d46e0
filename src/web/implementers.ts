import { docUrl, fill, h, pageUrl, unitUrl } from './dom.js';
import { count, relationName, vnDate } from './format.js';
import { download, gql } from './gql.js';
import { failure, load } from './load.js';

// "Đơn vị thực hiện" on a document's page: a page of units at a time (a decree thousands cite), the units
// with no evidence yet, and the table as Excel or CSV.

type Impl = {
  unit: { name: string; level: string | null };
  firstOn: string | null;
  lastOn: string | null;
  via: Array<{
    relation: string;
    quote: string | null;
    document: { key: string; label: string };
    through: { key: string; label: string };
  }>;
};
type PageInfo = { hasNextPage: boolean; endCursor: string | null };
type ImplPage = {
  implementersPage: { totalCount: number; edges: Array<{ node: Impl }>; pageInfo: PageInfo };
};

const PAGE_SIZE = 20;
const IMPL = `query Impl($ref: String!, $after: String) {
  implementersPage(directive: $ref, first: ${PAGE_SIZE}, after: $after) {
    totalCount
    edges { node { unit { name level } firstOn lastOn
      via { relation quote document { key label } through { key label } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const WITHOUT = `query Without($ref: String!) { unitsWithoutEvidence(directive: $ref) { name level } }`;

function implRow(i: Impl, ref: string): HTMLElement {
  const via = i.via.map((v) =>
    h(
      'li',
      {},
      h('a', { href: docUrl(v.document.key) }, v.document.label),
      ` — ${relationName(v.relation)}`,
      v.through.key !== v.document.key && v.through.key !== ref
        ? h('span', {}, ' qua ', h('a', { href: docUrl(v.through.key) }, v.through.label))
        : null,
      v.quote ? h('div', { class: 'trich' }, h('q', {}, v.quote)) : null,
    ),
  );
  return h(
    'tr',
    {},
    h('th', { scope: 'row' }, h('a', { href: unitUrl(i.unit.name) }, i.unit.name)),
    h('td', {}, h('ul', { class: 'qua' }, ...via)),
    h('td', {}, vnDate(i.firstOn)),
    h('td', {}, vnDate(i.lastOn)),
  );
}

function table(rows: HTMLElement[]): HTMLElement {
  const head = ['Đơn vị', 'Văn bản của đơn vị và câu chứng minh', 'Ngày đầu', 'Ngày cuối'].map((c) =>
    h('th', { scope: 'col' }, c),
  );
  return h(
    'div',
    { class: 'cuon' },
    h('table', {}, h('thead', {}, h('tr', {}, ...head)), h('tbody', {}, ...rows)),
  );
}

function pager(box: HTMLElement, ref: string): void {
  const cursors: Array<string | null> = [null];
  const show = (at: number) =>
    load(
      box,
      'danh sách đơn vị thực hiện',
      () => gql<ImplPage>(IMPL, { ref, after: cursors[at] ?? null }),
      (d) => {
        const p = d.implementersPage;
        if (!p.totalCount) return h('p', {}, 'Chưa có đơn vị nào báo cáo hay triển khai văn bản này.');
        cursors[at + 1] = p.pageInfo.endCursor;
        const pages = Math.ceil(p.totalCount / PAGE_SIZE);
        const prev = h(
          'button',
          { type: 'button', disabled: at === 0, onclick: () => void show(at - 1) },
          '← Trang trước',
        );
        const next = h(
          'button',
          { type: 'button', disabled: !p.pageInfo.hasNextPage, onclick: () => void show(at + 1) },
          'Trang sau →',
        );
        const nav = h(
          'div',
          { class: 'phan-trang' },
          prev,
          h('span', {}, ` Trang ${at + 1}/${pages} · ${count(p.totalCount)} đơn vị `),
          next,
        );
        return [table(p.edges.map((e) => implRow(e.node, ref))), nav];
      },
    );
  void show(0);
}

function downloads(ref: string, name: string): HTMLElement {
  const status = h('span', { role: 'status' });
  const get = (ext: 'xlsx' | 'csv') => async () => {
    fill(status, 'Đang tải tệp…');
    try {
      await download(
        pageUrl(`/xuat/trien-khai.${ext}`, { ref }),
        `trien-khai-${name.replace(/[^\p{L}\p{N}-]+/gu, '-')}.${ext}`,
      );
      fill(status, 'Đã tải xong.');
    } catch (e) {
      fill(
        status,
        failure('tệp', e, () => void get(ext)()),
      );
    }
  };
  return h(
    'div',
    { class: 'tai-ve' },
    h('button', { type: 'button', onclick: () => void get('xlsx')() }, 'Tải Excel (.xlsx)'),
    h('button', { type: 'button', onclick: () => void get('csv')() }, 'Tải CSV'),
    status,
  );
}

export function implementersSection(ref: string, name: string): HTMLElement {
  const list = h('div', { class: 'thuc-hien' });
  const without = h('div', {});
  pager(list, ref);
  void load(
    without,
    'đơn vị chưa có báo cáo',
    () => gql<{ unitsWithoutEvidence: Array<{ name: string }> }>(WITHOUT, { ref }),
    (d) => {
      const units = d.unitsWithoutEvidence;
      if (!units.length) return h('p', {}, 'Không có đơn vị nào nhận văn bản mà chưa có báo cáo.');
      return h(
        'ul',
        { class: 'cot' },
        ...units.map((u) => h('li', {}, h('a', { href: unitUrl(u.name) }, u.name))),
      );
    },
  );
  return h(
    'section',
    { id: 'thuc-hien' },
    h('h2', {}, 'Đơn vị thực hiện'),
    downloads(ref, name),
    list,
    h('h3', {}, 'Đơn vị nhận văn bản hoặc thuộc cơ quan ban hành nhưng chưa có báo cáo'),
    without,
  );
}
