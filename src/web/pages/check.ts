import { docUrl, fill, h, marked } from '../dom.js';
import { dropZone } from '../drop.js';
import { codeTitle, FINDING_FIELDS, findingCard, type FindingData } from '../findings.js';
import { count, SEVERITY_NAMES } from '../format.js';
import { gql, gqlFile } from '../gql.js';
import { load } from '../load.js';

// `/kiem-tra`: a draft checked against the graph; nothing is stored. Text is pasted, or a file dropped
// (.docx .pdf .txt …), which the API reads with the reader `ingest` uses (auditFile): one path for every format.

type Mention = {
  start: number;
  end: number;
  text: string;
  known: boolean;
  codes: string[];
  document: { key: string; label: string } | null;
};
type Audit = { ok: boolean; references: number; text: string; mentions: Mention[]; findings: FindingData[] };
const FIELDS = `ok references text mentions { start end text known codes document { key label } } findings { ${FINDING_FIELDS} }`;
const CHECK = `query Check($text: String!) { auditText(text: $text) { ${FIELDS} } }`;
const CHECK_FILE = `query CheckFile($file: File!) { auditFile(file: $file) { ${FIELDS} } }`;

/** What the graph knows of a reference, in words: its document, or that it knows none. */
function knowsOf(m: Mention): string {
  if (m.document) return `hệ thống có: ${m.document.label}`;
  return m.known ? 'hệ thống có nhiều văn bản mang số này' : 'hệ thống chưa biết văn bản này';
}

/** The worst severity among a mention's findings, for its colour. */
function severityOf(m: Mention, findings: FindingData[]): string {
  const at = findings.filter((f) => f.mentions.some((x) => x.start === m.start && x.end === m.end));
  return (['error', 'warning', 'info'] as const).find((s) => at.some((f) => f.severity === s)) ?? 'ok';
}

function marks(r: Audit): HTMLElement {
  const box = h('div', {
    class: 'toan-van',
    tabindex: '0',
    'aria-label': 'Dự thảo với các chỗ dẫn chiếu được tô sáng',
  });
  box.append(
    marked(r.text, r.mentions, (part, i) => {
      const m = r.mentions[i];
      if (!m) return document.createTextNode(part);
      const codes = m.codes.map((c) => `${SEVERITY_NAMES[severityOf(m, r.findings)] ?? ''}: ${codeTitle(c)}`);
      const title = [...codes, knowsOf(m)].join(' — ');
      const inner = m.document ? h('a', { href: docUrl(m.document.key) }, part) : part;
      const cls = `muc-${severityOf(m, r.findings)}${m.known ? '' : ' chua-biet'}`;
      return h('mark', { title, class: cls, 'data-van-ban': m.document?.key ?? '' }, inner);
    }),
  );
  return box;
}

/** Every reference of the draft: its document linked by its label, or marked unknown, and its findings. */
function referenceList(r: Audit): HTMLElement {
  const items = r.mentions.map((m) => {
    const knows = m.document
      ? h('span', {}, ' — ', h('a', { href: docUrl(m.document.key) }, m.document.label))
      : h('span', { class: 'chu-y' }, ` — ${knowsOf(m)}`);
    const codes = m.codes.length ? ` (${m.codes.map(codeTitle).join('; ')})` : '';
    return h('li', {}, h('strong', {}, m.text), codes, knows);
  });
  return h('ul', { class: 'tham-chieu-du-thao' }, ...items);
}

function report(r: Audit): Node[] {
  const verdict = r.ok ? 'Không có lỗi: dự thảo có thể ban hành.' : 'Có lỗi cần sửa trước khi ban hành.';
  return [
    h(
      'p',
      { role: 'status', class: r.ok ? 'dat' : 'khong-dat' },
      `${verdict} ${count(r.references)} chỗ dẫn chiếu, ${count(r.findings.length)} phát hiện.`,
    ),
    marks(r),
    r.mentions.length ? h('h2', {}, 'Các văn bản dự thảo dẫn chiếu') : null,
    r.mentions.length ? referenceList(r) : null,
    ...r.findings.map((f) => findingCard(f)),
  ].filter((x): x is HTMLElement => x !== null);
}

export function render(main: HTMLElement): void {
  const area = h('textarea', { id: 'du-thao', rows: 12, placeholder: 'Dán nội dung dự thảo vào đây…' });
  const note = h('p', { role: 'status', class: 'phu' });
  const out = h('div', { id: 'ket-qua' });
  const run = () => {
    const text = area.value;
    if (!text.trim()) return fill(out, h('p', {}, 'Chưa có nội dung để kiểm tra.'));
    void load(
      out,
      'kết quả kiểm tra',
      async () => (await gql<{ auditText: Audit }>(CHECK, { text })).auditText,
      report,
    );
  };
  const onFiles = (files: File[]) => {
    const f = files[0];
    if (!f) return;
    fill(note, `Đang đọc ${f.name}…`);
    void load(
      out,
      'kết quả kiểm tra',
      async () => (await gqlFile<{ auditFile: Audit }>(CHECK_FILE, 'file', f)).auditFile,
      (r) => {
        area.value = r.text;
        fill(note, `Đã đọc ${f.name}.`);
        return report(r);
      },
    );
  };
  fill(
    main,
    h('h1', {}, 'Kiểm tra dự thảo'),
    h(
      'p',
      {},
      'Dán dự thảo hoặc thả tệp (.docx, .pdf, .txt, .doc, .odt, .rtf): trang tô sáng mọi văn bản dự thảo dẫn chiếu, kèm điều hệ thống biết và những chỗ có vấn đề. Không có gì được lưu lại.',
    ),
    h('label', { for: 'du-thao' }, 'Nội dung dự thảo'),
    area,
    dropZone({
      id: 'tep-du-thao',
      accept: '.docx,.pdf,.txt,.doc,.odt,.rtf',
      multiple: false,
      label: 'Hoặc thả tệp dự thảo vào đây.',
      onFiles,
    }),
    note,
    h('button', { type: 'button', class: 'chinh', onclick: run }, 'Kiểm tra'),
    out,
  );
}
