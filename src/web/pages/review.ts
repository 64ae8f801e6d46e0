import { fill, h } from '../dom.js';
import { CODE_TEXT, codeTitle, FINDING_FIELDS, findingCard, type FindingData } from '../findings.js';
import { count } from '../format.js';
import { gql } from '../gql.js';
import { load } from '../load.js';

// `/ra-soat`: the audit's findings over the graph, by code, each code explained with its proposal.

type Audit = {
  audit: {
    totalCount: number;
    errors: number;
    edges: Array<{ node: FindingData }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};
const AUDIT = `query Audit($codes: [AuditCode!], $after: String) {
  audit(codes: $codes, first: 40, after: $after) {
    totalCount errors
    edges { node { ${FINDING_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;
// The codes the audit of the graph gives (the API's AuditCode).
const CODES = Object.keys(CODE_TEXT).filter((c) => c !== 'UNKNOWN_REFERENCE');

function byCode(findings: FindingData[]): Map<string, FindingData[]> {
  const groups = new Map<string, FindingData[]>();
  for (const f of findings) groups.set(f.code, [...(groups.get(f.code) ?? []), f]);
  return groups;
}

function sections(findings: FindingData[]): HTMLElement[] {
  return [...byCode(findings)].map(([code, list]) =>
    h(
      'section',
      { class: 'ma-phat-hien', id: `ma-${code.toLowerCase()}` },
      h('h2', {}, `${codeTitle(code)} (${count(list.length)})`),
      h('p', { class: 'giai-thich' }, CODE_TEXT[code]?.explain ?? ''),
      ...list.map((f) => findingCard(f, false)),
    ),
  );
}

function run(box: HTMLElement, code: string): void {
  const found: FindingData[] = [];
  const page = (after: string | null) =>
    load(
      box,
      'kết quả rà soát',
      () => gql<Audit>(AUDIT, { codes: code ? [code] : null, after }),
      (d) => {
        found.push(...d.audit.edges.map((e) => e.node));
        const summary = h(
          'p',
          { role: 'status' },
          `${count(d.audit.totalCount)} phát hiện, trong đó ${count(d.audit.errors)} lỗi. Đang hiện ${count(found.length)}.`,
        );
        const more = d.audit.pageInfo.hasNextPage
          ? h('button', { type: 'button', onclick: () => void page(d.audit.pageInfo.endCursor) }, 'Xem thêm')
          : null;
        const toc = h(
          'ul',
          { class: 'muc-luc' },
          ...[...byCode(found)].map(([c, l]) =>
            h('li', {}, h('a', { href: `#ma-${c.toLowerCase()}` }, `${codeTitle(c)} (${count(l.length)})`)),
          ),
        );
        return [summary, toc, ...sections(found), ...(more ? [more] : [])];
      },
    );
  void page(null);
}

export function render(main: HTMLElement): void {
  const select = h(
    'select',
    { id: 'ma' },
    h('option', { value: '' }, 'Tất cả'),
    ...CODES.map((c) => h('option', { value: c }, codeTitle(c))),
  );
  const box = h('div', { id: 'ket-qua' });
  select.addEventListener('change', () => run(box, select.value));
  fill(
    main,
    h('h1', {}, 'Rà soát liên kết'),
    h(
      'p',
      {},
      'Những liên kết hỏng hoặc đáng ngờ trong toàn bộ hệ thống, theo loại; mỗi loại có giải thích và đề xuất sửa.',
    ),
    h('div', { class: 'dieu-khien' }, h('label', { for: 'ma' }, 'Loại phát hiện '), select),
    box,
  );
  run(box, '');
}
