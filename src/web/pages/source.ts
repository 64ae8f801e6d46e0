import { docUrl, fill, h, marked } from '../dom.js';
import { count, relationName } from '../format.js';
import { gql } from '../gql.js';
import { load } from '../load.js';

// `/nguon?sha=…[&start=…&end=…]`: a source's text with every reference it makes highlighted, each a link to
// the document it names; the quote the person came from is brought into view.

type Mention = {
  start: number;
  end: number;
  text: string;
  relation: string;
  inFootnote: boolean;
  inferred: boolean;
  document: { key: string; label: string } | null;
};
type Source = {
  source: {
    sha256: string;
    path: string;
    format: string;
    encoding: string | null;
    ocr: boolean;
    ocrConfidence: number | null;
    document: { key: string; label: string };
    text: string | null;
    mentions: Mention[];
  } | null;
};
const SOURCE = `query Source($sha: String!) {
  source(sha256: $sha) {
    sha256 path format encoding ocr ocrConfidence
    document { key label }
    text
    mentions { start end text relation inFootnote inferred document { key label } }
  }
}`;

function textWithMarks(
  text: string,
  mentions: Mention[],
  focus: { start: number; end: number } | null,
): HTMLElement {
  const pre = h('div', { class: 'toan-van', tabindex: '0', 'aria-label': 'Toàn văn' });
  pre.append(
    marked(text, mentions, (part, i) => {
      const m = mentions[i];
      const title = m
        ? `${relationName(m.relation)}${m.document ? `: ${m.document.label}` : ' (chưa có trong hệ thống)'}${m.inferred ? ' — suy ra, cần xác nhận' : ''}`
        : '';
      const isFocus = focus !== null && m !== undefined && m.start <= focus.end && m.end >= focus.start;
      const mark = h(
        'mark',
        { title, class: isFocus ? 'dang-xem' : null, id: isFocus ? 'dang-xem' : null },
        part,
      );
      return m?.document ? h('a', { href: docUrl(m.document.key), class: 'tham-chieu' }, mark) : mark;
    }),
  );
  return pre;
}

function show(s: NonNullable<Source['source']>, focus: { start: number; end: number } | null): Node[] {
  const text = (x: Node | string): Node => (typeof x === 'string' ? document.createTextNode(x) : x);
  document.title = `Nguồn: ${s.path} — Lược đồ`;
  const facts = [
    s.format,
    s.encoding ? `bảng mã ${s.encoding}` : null,
    s.ocr
      ? `đọc bằng OCR${s.ocrConfidence !== null ? ` (độ tin ${Math.round(s.ocrConfidence)}%)` : ''}`
      : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const out: Array<Node | string> = [
    h('h1', {}, `Văn bản nguồn: ${s.path}`),
    h('p', {}, 'Của ', h('a', { href: docUrl(s.document.key) }, s.document.label), ` · ${facts}`),
    s.ocr ? h('p', { class: 'chu-y' }, 'Nội dung đọc bằng OCR: đối chiếu với bản gốc trước khi dùng.') : '',
    h(
      'p',
      { role: 'status' },
      `${count(s.mentions.length)} chỗ dẫn chiếu được tô sáng; bấm để mở văn bản được dẫn.`,
    ),
  ];
  if (s.text === null)
    out.push(
      h(
        'p',
        { class: 'chu-y' },
        'Tệp này được nạp trước khi hệ thống lưu toàn văn, nên không xem được nội dung. Nạp lại tệp để xem.',
      ),
    );
  else out.push(textWithMarks(s.text, s.mentions, focus));
  return out.map(text);
}

export function render(main: HTMLElement, params: Record<string, string>): void {
  const sha = params['sha']?.trim() ?? '';
  if (!sha) return fill(main, h('h1', {}, 'Chưa chọn văn bản nguồn'));
  const start = Number(params['start']);
  const end = Number(params['end']);
  const focus = Number.isInteger(start) && Number.isInteger(end) && params['start'] ? { start, end } : null;
  void load(
    main,
    'văn bản nguồn',
    () => gql<Source>(SOURCE, { sha }),
    (d) => {
      if (!d.source)
        return [h('h1', {}, 'Không tìm thấy văn bản nguồn'), h('p', {}, `Không có tệp nào mang mã ${sha}.`)];
      const nodes = show(d.source, focus);
      requestAnimationFrame(() => document.getElementById('dang-xem')?.scrollIntoView({ block: 'center' }));
      return nodes;
    },
  );
}
