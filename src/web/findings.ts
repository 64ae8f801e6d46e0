import { docUrl, h, quoteWith, sourceUrl } from './dom.js';
import { SEVERITY_NAMES, vnDate } from './format.js';

/** What each audit code means, for a person (the API's `message` is English; `code` says the same). */
export const CODE_TEXT: Record<string, { title: string; explain: string }> = {
  DANGLING: {
    title: 'Được dẫn chiếu nhưng chưa có văn bản',
    explain: 'Văn bản này được dẫn chiếu, nhưng toàn văn của nó chưa có trong hệ thống. Nên nạp văn bản gốc.',
  },
  DATE_CONFLICT: {
    title: 'Dẫn chiếu với nhiều ngày khác nhau',
    explain:
      'Các văn bản ghi ngày ban hành khác nhau cho cùng một số hiệu. Ngày đề xuất là ngày đa số văn bản ghi, hoặc ngày ở đầu văn bản gốc.',
  },
  NUMBER_YEAR_MISMATCH: {
    title: 'Năm trong số hiệu không khớp với ngày',
    explain: 'Năm ghi trong số hiệu khác với năm của ngày ban hành được dẫn.',
  },
  ISSUER_CONFLICT: {
    title: 'Cơ quan ban hành không thống nhất',
    explain: 'Cùng một văn bản được dẫn là do những cơ quan không thể là một ban hành.',
  },
  CITED_BEFORE_ISSUED: {
    title: 'Được dẫn trước ngày ban hành',
    explain:
      'Một báo cáo đề ngày trước ngày văn bản được dẫn ra đời: ngày của một trong hai văn bản có thể sai.',
  },
  AMBIGUOUS: {
    title: 'Dẫn chiếu không rõ văn bản nào',
    explain:
      'Lần dẫn chiếu chỉ ghi số, mà nhiều văn bản có số đó. Nên ghi đủ số hiệu, ngày và cơ quan ban hành.',
  },
  UNKNOWN_CODE: {
    title: 'Ký hiệu không có trong quy tắc',
    explain:
      'Mã loại văn bản hoặc mã cơ quan trong số hiệu không có trong quy tắc đánh số. Mã đề xuất là mã đã biết gần nhất.',
  },
  MALFORMED_SYMBOL: {
    title: 'Số hiệu không thể đúng',
    explain: 'Số hiệu có chỗ không thể đúng, ví dụ năm không thể có.',
  },
  SUPERSEDED: {
    title: 'Dẫn văn bản đã bị thay thế hoặc bãi bỏ',
    explain:
      'Văn bản được dẫn sau khi đã có văn bản khác thay thế hoặc bãi bỏ nó. Đề xuất dẫn văn bản thay thế.',
  },
  CYCLE: {
    title: 'Chuỗi triển khai vòng lại',
    explain: 'Một chuỗi "triển khai" hoặc "căn cứ" quay trở lại văn bản ban đầu.',
  },
  DUPLICATE_SOURCE: {
    title: 'Một báo cáo được nạp từ nhiều tệp',
    explain: 'Cùng một báo cáo có nhiều tệp nguồn trong hệ thống.',
  },
  INFERRED_LINK: {
    title: 'Liên kết suy ra, cần xác nhận',
    explain:
      'Lần dẫn chiếu không ghi ngày; hệ thống nối nó với văn bản duy nhất có cùng số hiệu và cơ quan. Cần người xác nhận.',
  },
  DOUBTFUL_TEXT: {
    title: 'Văn bản đọc chưa chắc chắn',
    explain:
      'Nội dung tệp được chuyển từ bảng mã cũ với ít căn cứ, hoặc được đọc bằng OCR. Cần đối chiếu bằng mắt.',
  },
  UNKNOWN_REFERENCE: {
    title: 'Văn bản được dẫn chưa có trong hệ thống',
    explain: 'Hệ thống không biết văn bản này: kiểm tra lại số hiệu, ngày và cơ quan ban hành.',
  },
};

export const codeTitle = (code: string) => CODE_TEXT[code]?.title ?? code;

export type FindingData = {
  code: string;
  severity: string;
  proposal: string | null;
  documents: Array<{ key: string; symbol: string | null; name: string | null; issuedOn: string | null }>;
  mentions: Array<{
    path: string | null;
    quote: string;
    start: number;
    end: number;
    text: string;
    sha256?: string | null;
  }>;
};

export const FINDING_FIELDS = `code severity proposal documents { key symbol name issuedOn }
  mentions { path quote start end text sha256 }`;

/** A mention: its file (a link to the source view when the source is known) and its sentence, the cited words marked. */
export function mentionItem(m: FindingData['mentions'][number]): HTMLElement {
  const where = m.sha256
    ? h('a', { href: sourceUrl(m.sha256, m.start, m.end) }, m.path ?? 'văn bản nguồn')
    : h('span', {}, m.path ?? 'văn bản đang kiểm tra');
  return h('li', {}, h('span', { class: 'tep' }, where), ': ', quoteWith(m.quote, m.text));
}

/** One finding: what it means, the documents it names, the proposal, the mentions behind it. */
export function findingCard(f: FindingData, withExplain = true): HTMLElement {
  const docs = f.documents.map((d) =>
    h(
      'li',
      {},
      h('a', { href: docUrl(d.key) }, d.name ?? d.symbol ?? d.key),
      d.issuedOn ? ` (${vnDate(d.issuedOn)})` : '',
    ),
  );
  return h(
    'article',
    { class: `phat-hien muc-${f.severity}` },
    h(
      'h4',
      {},
      h('span', { class: 'muc' }, SEVERITY_NAMES[f.severity] ?? f.severity),
      ' ',
      codeTitle(f.code),
    ),
    withExplain ? h('p', {}, CODE_TEXT[f.code]?.explain ?? '') : null,
    docs.length ? h('ul', { class: 'van-ban' }, ...docs) : null,
    f.proposal ? h('p', { class: 'de-xuat' }, 'Đề xuất: ', h('strong', {}, f.proposal)) : null,
    f.mentions.length ? h('ul', { class: 'trich' }, ...f.mentions.map(mentionItem)) : null,
  );
}
