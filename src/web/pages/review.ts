import { fill, h } from '../dom.js';
import { CODE_TEXT, codeTitle, FINDING_FIELDS, findingCard, type FindingData } from '../findings.js';
import { count } from '../format.js';
import { gql } from '../gql.js';
import { load } from '../load.js';

// `/ra-soat`: the audit's findings over the graph, by code, each code explained with its proposal. The API
// reads the graph a part at a time (its documents in order, within a time budget), so a page says what it
// has seen so far ("ít nhất"), and "Xem thêm" reads on; counting every finding would be reading the whole graph.

type Audit = {
  audit: {
    totalCount: number;
    errors: number;
    countComplete: boolean;
    edges: Array<{ node: FindingData }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};
const AUDIT = `query Audit($codes: [AuditCode!], $after: String) {
  audit(codes: $codes, first: 40, after: $after) {
    totalCount errors countComplete
    edges { node { ${FINDING_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;
// The codes the audit of the graph gives (the API's AuditCode), in the order the sections show them.
const CODES = Object.keys(CODE_TEXT).filter((c) => c !== 'UNKNOWN_REFERENCE');

function byCode(findings: FindingData[]): Array<[string, FindingData[]]> {
  const groups = new Map<string, FindingData[]>();
  for (const f of findings) groups.set(f.code, [...(groups.get(f.code) ?? []), f]);
  return [...groups].sort(([a], [b]) => CODES.indexOf(a) - CODES.indexOf(b));
}

/** A count the page has seen so far is a floor until the audit has read the whole graph. */
const atLeast = (n: number, complete: boolean) => (complete ? count(n) : `ít nhất ${count(n)}`);

function summary(a: Audit['audit'], shown: number): string {
  if (a.countComplete)
    return `${count(a.totalCount)} phát hiện, trong đó ${count(a.errors)} lỗi. Đang hiện ${count(shown)}.`;
  if (a.totalCount === 0)
    return 'Chưa thấy phát hiện nào trong phần đã rà soát; bấm “Xem thêm” để rà soát tiếp.';
  return `Đã thấy ${atLeast(a.totalCount, false)} phát hiện, trong đó ${count(a.errors)} lỗi, trong phần đã rà soát; bấm “Xem thêm” để rà soát tiếp.`;
}

function sections(found: FindingData[], complete: boolean, only: ((code: string) => void) | null) {
  return byCode(found).map(([code, list]) =>
    h(
      'section',
      { class: 'ma-phat-hien', id: `ma-${code.toLowerCase()}` },
      h('h2', {}, `${codeTitle(code)} (${atLeast(list.length, complete)})`),
      h('p', { class: 'giai-thich' }, CODE_TEXT[code]?.explain ?? ''),
      ...list.map((f) => findingCard(f, false)),
      only
        ? h('button', { type: 'button', class: 'chi-ma', onclick: () => only(code) }, 'Chỉ xem loại này')
        : null,
    ),
  );
}

/** The audit of one code (or all): a first page into `box`, then each "Xem thêm" appends the next. */
function run(box: HTMLElement, code: string, only: (code: string) => void): void {
  const found: FindingData[] = [];
  const status = h('p', { role: 'status' });
  const toc = h('ul', { class: 'muc-luc' });
  const list = h('div', { class: 'cac-ma' });
  const more = h('div', { class: 'xem-them' });
  const fetch = (after: string | null) => () => gql<Audit>(AUDIT, { codes: code ? [code] : null, after });
  const show = ({ audit: a }: Audit) => {
    found.push(...a.edges.map((e) => e.node));
    fill(status, summary(a, found.length));
    fill(
      toc,
      ...byCode(found).map(([c, l]) =>
        h(
          'li',
          {},
          h(
            'a',
            { href: `#ma-${c.toLowerCase()}` },
            `${codeTitle(c)} (${atLeast(l.length, a.countComplete)})`,
          ),
        ),
      ),
    );
    fill(list, ...sections(found, a.countComplete, code ? null : only));
    const after = a.pageInfo.endCursor;
    fill(
      more,
      a.pageInfo.hasNextPage
        ? h(
            'button',
            {
              type: 'button',
              onclick: () => void load(more, 'thêm kết quả rà soát', fetch(after), (d) => void show(d)),
            },
            'Xem thêm',
          )
        : null,
    );
  };
  void load(box, 'kết quả rà soát', fetch(null), (d) => {
    show(d);
    return [status, toc, list, more];
  });
}

export function render(main: HTMLElement): void {
  const select = h(
    'select',
    { id: 'ma' },
    h('option', { value: '' }, 'Tất cả'),
    ...CODES.map((c) => h('option', { value: c }, codeTitle(c))),
  );
  const box = h('div', { id: 'ket-qua' });
  const only = (code: string) => {
    select.value = code;
    run(box, code, only);
  };
  select.addEventListener('change', () => run(box, select.value, only));
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
  run(box, '', only);
}
