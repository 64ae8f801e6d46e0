import { docUrl, fill, h } from '../dom.js';
import { dropZone } from '../drop.js';
import { count } from '../format.js';
import { gqlFile, token } from '../gql.js';
import { failure } from '../load.js';

// `/nap`: files dropped here are ingested, one request each (the same reader as the CLI), for those who
// hold the token; without it the page only says so.

type FileResult = {
  path: string;
  status: string;
  code: string | null;
  message: string | null;
  report: { key: string; label: string } | null;
};
const INGEST = `mutation Ingest($file: File!) { ingestFile(file: $file) { path status code message report { key label } } }`;
const STATUS: Record<string, string> = {
  ingested: 'Đã nạp',
  unchanged: 'Đã có, không đổi',
  failed: 'Không nạp được',
};

function resultRow(r: FileResult): HTMLElement {
  const why = r.status === 'failed' ? `${r.message ?? ''}${r.code ? ` (${r.code})` : ''}` : null;
  return h(
    'li',
    { class: `ket-qua-nap ${r.status}` },
    h('strong', {}, STATUS[r.status] ?? r.status),
    `: ${r.path}`,
    r.report ? h('span', {}, ' → ', h('a', { href: docUrl(r.report.key) }, r.report.label)) : null,
    why ? h('div', { class: 'ly-do' }, why) : null,
  );
}

async function send(
  files: File[],
  list: HTMLElement,
  progress: HTMLProgressElement,
  status: HTMLElement,
): Promise<void> {
  progress.max = files.length;
  progress.value = 0;
  let done = 0;
  for (const f of files) {
    fill(status, `Đang nạp ${f.name} (${done + 1}/${files.length})…`);
    const row = h('li', {}, `${f.name}: đang gửi…`);
    list.append(row);
    try {
      const d = await gqlFile<{ ingestFile: FileResult[] }>(INGEST, 'file', f);
      row.replaceWith(...d.ingestFile.map(resultRow));
    } catch (e) {
      row.replaceWith(
        h(
          'li',
          { class: 'ket-qua-nap failed' },
          h('strong', {}, 'Không nạp được'),
          `: ${f.name}`,
          failure(`tệp ${f.name}`, e, () => void send([f], list, progress, status)),
        ),
      );
    }
    progress.value = ++done;
  }
  fill(status, `Xong: ${count(done)} tệp.`);
}

export function render(main: HTMLElement): void {
  if (!token.get()) {
    fill(
      main,
      h('h1', {}, 'Nạp văn bản'),
      h(
        'p',
        {},
        'Nạp văn bản cần mã truy cập (token). Nhập mã ở đầu trang rồi bấm “Lưu”; không có mã thì chỉ xem được.',
      ),
    );
    return;
  }
  const list = h('ul', { class: 'danh-sach-nap', 'aria-live': 'polite' });
  const progress = h('progress', { value: 0, max: 1, 'aria-label': 'Tiến độ nạp' });
  const status = h('p', { role: 'status' });
  fill(
    main,
    h('h1', {}, 'Nạp văn bản'),
    h(
      'p',
      {},
      'Thả các tệp .docx, .doc, .pdf, .txt, .html hoặc .zip: mỗi tệp được đọc, trích dẫn chiếu và đưa vào hệ thống.',
    ),
    dropZone({
      id: 'tep-nap',
      accept: '.docx,.doc,.pdf,.txt,.html,.htm,.zip',
      multiple: true,
      label: 'Thả tệp vào đây.',
      onFiles: (f) => void send(f, list, progress, status),
    }),
    progress,
    status,
    list,
  );
}
