import { docUrl, fill, h, marked } from '../dom.js';
import { dropZone } from '../drop.js';
import { codeTitle, FINDING_FIELDS, findingCard, type FindingData } from '../findings.js';
import { count, SEVERITY_NAMES } from '../format.js';
import { gql } from '../gql.js';
import { load } from '../load.js';

// `/kiem-tra`: a draft checked against the graph; nothing is stored. Text is pasted, or a .txt read here in
// the browser (the API takes text only: a .docx or .pdf is opened by the person and its text pasted).

type Result = { auditText: { ok: boolean; references: number; findings: FindingData[] } };
const CHECK = `query Check($text: String!) { auditText(text: $text) { ok references findings { ${FINDING_FIELDS} } } }`;
// What the graph knows of each flagged reference: one request, an alias per reference (the API allows 15).
const MAX_LOOKUPS = 10;
type Known = Record<string, Array<{ key: string; label: string }>>;

async function knownOf(refs: string[]): Promise<Known> {
  if (!refs.length) return {};
  const vars = Object.fromEntries(refs.map((r, i) => [`r${i}`, r]));
  const decl = refs.map((_, i) => `$r${i}: String!`).join(', ');
  const body = refs.map((_, i) => `c${i}: candidates(ref: $r${i}) { key label }`).join('\n');
  const d = await gql<Known>(`query Known(${decl}) {\n${body}\n}`, vars);
  return Object.fromEntries(refs.map((r, i) => [r, d[`c${i}`] ?? []]));
}

function marks(text: string, findings: FindingData[], known: Known): HTMLElement {
  const spans = findings.flatMap((f) => f.mentions.map((m) => ({ start: m.start, end: m.end, f, m })));
  const box = h('div', {
    class: 'toan-van',
    tabindex: '0',
    'aria-label': 'Dự thảo với các chỗ dẫn chiếu được tô sáng',
  });
  box.append(
    marked(text, spans, (part, i) => {
      const s = spans[i];
      const docs = s ? (known[s.m.text] ?? []) : [];
      const what = s
        ? `${SEVERITY_NAMES[s.f.severity] ?? ''}: ${codeTitle(s.f.code)}${docs.length ? ` — hệ thống có: ${docs.map((d) => d.label).join('; ')}` : ''}`
        : '';
      return h('mark', { title: what, class: `muc-${s?.f.severity ?? 'info'}` }, part);
    }),
  );
  return box;
}

function referenceList(findings: FindingData[], known: Known): HTMLElement {
  const items = findings.flatMap((f) =>
    f.mentions.map((m) => {
      const docs = known[m.text] ?? [];
      const knows = docs.length
        ? h(
            'span',
            {},
            ' — hệ thống có: ',
            ...docs.flatMap((d, i) => [i ? '; ' : '', h('a', { href: docUrl(d.key) }, d.label)]),
          )
        : h('span', { class: 'chu-y' }, ' — hệ thống chưa biết văn bản này');
      return h('li', {}, h('strong', {}, m.text), ` (${codeTitle(f.code)})`, knows);
    }),
  );
  return h('ul', { class: 'tham-chieu-du-thao' }, ...items);
}

async function check(text: string) {
  const r = (await gql<Result>(CHECK, { text })).auditText;
  const refs = [...new Set(r.findings.flatMap((f) => f.mentions.map((m) => m.text)))].slice(0, MAX_LOOKUPS);
  return { r, known: await knownOf(refs) };
}

function report(text: string, r: Result['auditText'], known: Known): Node[] {
  const verdict = r.ok ? 'Không có lỗi: dự thảo có thể ban hành.' : 'Có lỗi cần sửa trước khi ban hành.';
  return [
    h(
      'p',
      { role: 'status', class: r.ok ? 'dat' : 'khong-dat' },
      `${verdict} ${count(r.references)} chỗ dẫn chiếu, ${count(r.findings.length)} phát hiện.`,
    ),
    marks(text, r.findings, known),
    r.findings.length ? h('h2', {}, 'Các chỗ dẫn chiếu cần xem') : null,
    r.findings.length ? referenceList(r.findings, known) : null,
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
      () => check(text),
      ({ r, known }) => report(text, r, known),
    );
  };
  const onFiles = async (files: File[]) => {
    const f = files[0];
    if (!f) return;
    if (!/\.txt$/i.test(f.name))
      return fill(
        note,
        `Chưa đọc được tệp ${f.name} ở đây: trang chỉ đọc tệp .txt. Với .docx hay .pdf, mở tệp, chép nội dung rồi dán vào ô.`,
      );
    area.value = await f.text();
    fill(note, `Đã đọc ${f.name}.`);
    run();
  };
  fill(
    main,
    h('h1', {}, 'Kiểm tra dự thảo'),
    h(
      'p',
      {},
      'Dán dự thảo hoặc thả tệp .txt: trang tô sáng những văn bản dự thảo dẫn chiếu mà có vấn đề, kèm điều hệ thống biết. Không có gì được lưu lại.',
    ),
    h('label', { for: 'du-thao' }, 'Nội dung dự thảo'),
    area,
    dropZone({
      id: 'tep-du-thao',
      accept: '.txt,text/plain',
      multiple: false,
      label: 'Hoặc thả tệp .txt vào đây.',
      onFiles: (f) => void onFiles(f),
    }),
    note,
    h('button', { type: 'button', class: 'chinh', onclick: run }, 'Kiểm tra'),
    out,
  );
}
