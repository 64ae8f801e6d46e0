import { docUrl, fill, h, unitUrl } from '../dom.js';
import { count, typeName, vnDate } from '../format.js';
import { gql } from '../gql.js';
import { load } from '../load.js';

// `/`: one box for any written form of a document or a unit's name; results as the person types.

type Doc = {
  key: string;
  label: string;
  type: string;
  year: number | null;
  issuedOn: string | null;
  hasText: boolean;
  issuer: { name: string } | null;
};
type Facet = { value: string; count: number; name?: string | null };
type Found = {
  find: {
    documents: Doc[];
    organizations: Array<{ name: string; level: string | null }>;
    ambiguous: boolean;
    types: Facet[];
    years: Facet[];
    issuers: Facet[];
  };
};
type Filters = { type?: string | undefined; year?: number | undefined; issuer?: string | undefined };

const FIND = `query Find($text: String!, $type: String, $year: Int, $issuer: String) {
  find(text: $text, type: $type, year: $year, issuer: $issuer, first: 50) {
    documents { key label type year issuedOn hasText issuer { name } }
    organizations { name level }
    ambiguous
    types { value count } years { value count } issuers { value name count }
  }
}`;

const DEBOUNCE_MS = 250;

function docItem(d: Doc): HTMLElement {
  const facts = [
    d.issuer?.name,
    d.issuedOn ? vnDate(d.issuedOn) : d.year,
    d.hasText ? 'có toàn văn' : 'chưa có toàn văn',
  ];
  return h(
    'li',
    {},
    h('a', { href: docUrl(d.key) }, d.label),
    h('span', { class: 'phu' }, ' — ', facts.filter((x) => x !== null && x !== undefined).join(' · ')),
  );
}

function byType(docs: Doc[]): HTMLElement[] {
  const groups = new Map<string, Doc[]>();
  for (const d of docs) groups.set(d.type, [...(groups.get(d.type) ?? []), d]);
  return [...groups].map(([type, list]) =>
    h(
      'section',
      { class: 'nhom' },
      h('h3', {}, `${typeName(type)} (${count(list.length)})`),
      h('ul', {}, ...list.map(docItem)),
    ),
  );
}

function facetGroup(
  title: string,
  facets: Facet[],
  chosen: string | undefined,
  label: (f: Facet) => string,
  pick: (v: string | undefined) => void,
): HTMLElement | null {
  if (!facets.length) return null;
  const buttons = facets.map((f) =>
    h(
      'button',
      {
        type: 'button',
        'aria-pressed': String(chosen === f.value),
        onclick: () => pick(chosen === f.value ? undefined : f.value),
      },
      `${label(f)} (${count(f.count)})`,
    ),
  );
  return h('fieldset', { class: 'bo-loc' }, h('legend', {}, title), ...buttons);
}

function results(data: Found['find'], filters: Filters, refine: (f: Filters) => void): Node[] {
  const facets = h(
    'div',
    { class: 'cac-bo-loc' },
    facetGroup(
      'Loại',
      data.types,
      filters.type,
      (f) => typeName(f.value),
      (v) => refine({ ...filters, type: v }),
    ),
    facetGroup(
      'Năm',
      data.years,
      filters.year?.toString(),
      (f) => f.value,
      (v) => refine({ ...filters, year: v === undefined ? undefined : Number(v) }),
    ),
    facetGroup(
      'Cơ quan ban hành',
      data.issuers,
      filters.issuer,
      (f) => f.name ?? f.value,
      (v) => refine({ ...filters, issuer: v }),
    ),
  );
  const out: Node[] = [facets];
  if (data.ambiguous)
    out.push(
      h(
        'p',
        { class: 'chu-y' },
        `Số hiệu này có ${count(data.documents.length)} văn bản; phân biệt bằng cơ quan ban hành và năm.`,
      ),
    );
  const units = data.organizations.map((o) => h('li', {}, h('a', { href: unitUrl(o.name) }, o.name)));
  if (units.length)
    out.push(
      h('section', { class: 'nhom' }, h('h3', {}, `Đơn vị (${count(units.length)})`), h('ul', {}, ...units)),
    );
  out.push(...byType(data.documents));
  if (!data.documents.length && !units.length) out.push(h('p', {}, 'Không tìm thấy văn bản hay đơn vị nào.'));
  return [h('p', { class: 'so-ket-qua', role: 'status' }, `${count(data.documents.length)} văn bản`), ...out];
}

export function render(main: HTMLElement, params: Record<string, string>): void {
  const input = h('input', {
    type: 'search',
    id: 'tim',
    name: 'q',
    autocomplete: 'off',
    placeholder: 'Ví dụ: chi thi 22, 22-CT/TU, KH 70, Bình Sơn',
  });
  input.value = params['q'] ?? '';
  const box = h('div', { id: 'ket-qua', 'aria-live': 'polite' });
  let filters: Filters = {};
  let seq = 0;
  const run = () => {
    const text = input.value.trim();
    const mine = ++seq;
    history.replaceState(null, '', text ? `/?q=${encodeURIComponent(text)}` : '/');
    if (!text)
      return fill(
        box,
        h(
          'p',
          { class: 'goi-y' },
          'Gõ số hiệu, vài chữ của trích yếu (có dấu hay không dấu) hoặc tên đơn vị.',
        ),
      );
    const vars = {
      text,
      type: filters.type ?? null,
      year: filters.year ?? null,
      issuer: filters.issuer ?? null,
    };
    void load(
      box,
      'kết quả tìm kiếm',
      () => gql<Found>(FIND, vars),
      (d) => (mine === seq ? results(d.find, filters, (f) => ((filters = f), run())) : undefined),
    );
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    filters = {};
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  const form = h(
    'form',
    { role: 'search', onsubmit: (e: Event) => (e.preventDefault(), clearTimeout(timer), run()) },
    h('label', { for: 'tim' }, 'Số hiệu, tên văn bản hay tên đơn vị'),
    h('div', { class: 'hang' }, input, h('button', { type: 'submit' }, 'Tìm')),
  );
  fill(main, h('h1', {}, 'Tìm văn bản'), form, box);
  input.focus();
  run();
}
