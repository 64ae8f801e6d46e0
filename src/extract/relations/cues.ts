import type { Relation } from '../types.js';

/**
 * Cue phrases before a mention; the nearest one decides. Each with a sentence that shows it (the table
 * test runs them). `LEGAL` cues are acts of one document on another (whose act depends on the sentence's
 * voice and subject); `OWN` is the reporting unit's own issuing (`UBND huyện đã ban hành Kế hoạch số 71`);
 * `PLAIN` marks a mention that is only cited (`theo quy định của …`), overriding a cue further back.
 */
export type CueKind = Relation | 'OWN' | 'LEGAL' | 'PLAIN';
export type Cue = { kind: CueKind; legal?: Relation; re: RegExp; example: string };

const W = '\\s+';
const words = (s: string) => s.split(' ').join(W);
const re = (source: string) => new RegExp(source, 'iu');

export const CUES: readonly Cue[] = [
  {
    kind: 'REPORTS_ON',
    re: re(
      `(?:${['sơ kết', 'tổng kết', 'kết quả', 'đánh giá', 'báo cáo'].map(words).join('|')})(?:${W}(?:\\d+${W}năm|việc|tình${W}hình|công${W}tác|sơ${W}kết|tổng${W}kết|kết${W}quả))*(?:${W}triển${W}khai)?${W}(?:thực${W}hiện|thi${W}hành|triển${W}khai)`,
    ),
    example: 'Sơ kết 05 năm thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Tỉnh ủy.',
  },
  {
    kind: 'RESPONDS_TO',
    re: re(`(?:phúc${W}đáp|trả${W}lời|theo${W}(?:yêu${W}cầu|đề${W}nghị)(?:${W}(?:của|tại))?)`),
    example: 'Phúc đáp Công văn số 123/SNV-XDCQ ngày 02/3/2023 của Sở Nội vụ, UBND xã báo cáo như sau.',
  },
  {
    kind: 'IMPLEMENTS',
    re: re(
      // Not `được thực hiện` (passive), nor `biện pháp thi hành` / `hướng dẫn thi hành` (a legal act's words).
      `(?<!(?:về|việc|V\\/v|v\\/v|được|pháp|dẫn|tiết)\\s{1,3})(?:thực${W}hiện|triển${W}khai|thi${W}hành|quán${W}triệt|cụ${W}thể${W}hóa)(?!${W}theo(?![\\p{L}]))`,
    ),
    example:
      'Thực hiện Kế hoạch số 70/KH-UBND ngày 02/3/2020 của UBND tỉnh, UBND huyện đã ban hành Kế hoạch số 71/KH-UBND.',
  },
  {
    kind: 'BASED_ON',
    re: re(`(?:căn${W}cứ(?:${W}vào)?|trên${W}cơ${W}sở)`),
    example: 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
  },
  {
    kind: 'PLAIN',
    re: re(
      `(?:theo|tại|của)${W}(?:quy${W}định|hướng${W}dẫn)(?:${W}(?:tại|của))?|thực${W}hiện${W}theo|áp${W}dụng`,
    ),
    example: 'Việc xử phạt được thực hiện theo quy định của Luật Xử lý vi phạm hành chính.',
  },
  {
    kind: 'LEGAL',
    legal: 'AMENDS',
    // `điều chỉnh, bổ sung` (a plan adjusted) only with `bổ sung`: alone, `điều chỉnh` is what a law governs.
    re: re(
      `(?:bổ${W}sung\\s*,?${W})?sửa${W}đổi(?:\\s*,?${W}bổ${W}sung)?|điều${W}chỉnh\\s*,?${W}bổ${W}sung|đính${W}chính`,
    ),
    example: 'Nghị định số 15/2021/NĐ-CP sửa đổi, bổ sung Nghị định số 59/2015/NĐ-CP.',
  },
  {
    kind: 'LEGAL',
    legal: 'REPLACES',
    re: re(`thay${W}thế(?:${W}cho)?`),
    example: 'Thông tư này thay thế Thông tư số 11/2014/TT-BNV ngày 09/10/2014.',
  },
  {
    kind: 'LEGAL',
    legal: 'REPEALS',
    re: re(`(?:bãi${W}bỏ|hủy${W}bỏ|huỷ${W}bỏ|bị${W}hủy|hết${W}hiệu${W}lực|chấm${W}dứt${W}hiệu${W}lực)`),
    example: 'Điều 7 của Luật số 23/2004/QH11 bị bãi bỏ bởi Luật số 48/2014/QH13.',
  },
  {
    kind: 'LEGAL',
    legal: 'GUIDES',
    re: re(
      `(?<!(?:theo|tại|của|các|có)${W})(?:hướng${W}dẫn(?:${W}(?:việc${W})?(?:thi${W}hành|thực${W}hiện|chi${W}tiết))?|quy${W}định${W}(?:chi${W}tiết|và${W}hướng${W}dẫn)(?:${W}(?:thi${W}hành|và${W}hướng${W}dẫn${W}thi${W}hành))?)`,
    ),
    example: 'Nghị định số 43/2014/NĐ-CP quy định chi tiết thi hành một số điều của Luật Đất đai.',
  },
  {
    kind: 'OWN',
    // `ban hành kèm theo Quyết định …` says where a text was issued, not that the reporter issued it.
    re: re(`(?:ban${W}hành(?!${W}kèm)|xây${W}dựng|phê${W}duyệt)`),
    example: 'UBND huyện đã ban hành Kế hoạch số 71/KH-UBND ngày 07/8/2020.',
  },
];

/** Between a legal cue and the document it acts on: articles, clauses, `một số điều của`. */
export const LEGAL_OBJECT_GAP =
  /^[\s,]*(?:(?:một\s+số\s+điều|các\s+điều|điều\s+\d+[\p{L}]?|khoản\s+\d+|điểm\s+[\p{Ll}]|(?:mục|phần)\s+(?:\d+|[IVX]+)|phụ\s+lục(?:\s+[\dIVX]+)?|chương\s+[\dIVX]+|và|,|tại|của|cho|các|nhiều|một\s+số|nội\s+dung|quy\s+định|quy\s+chế|ban\s+hành|kèm\s+theo|thi\s+hành|biện\s+pháp|hướng\s+dẫn)[\s,]*)*$/iu;

/** `sửa đổi Điều 6 và Phụ lục 4 về … của Luật Đầu tư`: parts of a document, described, then whose they are. */
export const LEGAL_PART_OF =
  /^[\s,]*(?:Điều|khoản|điểm|Phụ\s+lục|Chương|Mục)\s[^;.]{0,140}\s(?:của|tại)\s*$/iu;

/** After a passive legal cue, the word that introduces who did it: `bị bãi bỏ bởi`, `được thay thế bằng`. */
export const AGENT_LEAD = /^[\s,]*(?:một\s+số\s+điều\s*)?(?:bởi|bằng|theo|tại)(?![\p{L}])/iu;

/** The voice: `được` / `bị` right before the cue. */
export const PASSIVE_BEFORE = /(?:được|bị)(?:\s+đã)?\s*$/iu;

/** `Thông tư này`, `Nghị định này`, `Luật này`: the document speaks of itself. */
export const SELF_SUBJECT =
  /(?:^|[^\p{L}])(?:bộ\s+luật|luật|pháp\s+lệnh|nghị\s+định|nghị\s+quyết|thông\s+tư(?:\s+liên\s+tịch)?|quyết\s+định|chỉ\s+thị|văn\s+bản|lệnh|quy\s+định|kế\s+hoạch|hướng\s+dẫn)\s+này(?![\p{L}])/iu;
