import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';

const refs = (text: string) =>
  extractDocument(text).references.map((r) => ({
    text: r.text,
    type: r.type,
    symbol: r.symbol,
    name: r.name,
    relation: r.relation,
  }));

// Forms a blind set of report sentences showed missing (test/fixtures/report-heldout.ts); each rule is
// written for the form, and tried here on sentences of this file's own, with what must stay no reference.
describe('the forms offices write in reports', () => {
  it('reads a plenum resolution by its plenum and term, one name however it is written', () => {
    const a = refs('Đảng ủy xã tiếp tục quán triệt Nghị quyết Trung ương 6 khóa XI về giáo dục.');
    const b = refs('Kết quả 10 năm thực hiện Nghị quyết Hội nghị Trung ương 6 (khoá XI) trên địa bàn.');
    const c = refs('Theo tinh thần Nghị quyết TW 6 khóa XI, nhà trường đã đổi mới.');
    expect(a.map((r) => r.text)).toEqual(['Nghị quyết Trung ương 6 khóa XI']);
    expect(b.map((r) => r.text)).toEqual(['Nghị quyết Hội nghị Trung ương 6 (khoá XI)']);
    expect(c.map((r) => r.text)).toEqual(['Nghị quyết TW 6 khóa XI']);
    for (const r of [...b, ...c])
      expect(r).toMatchObject({ type: 'NQ', name: 'Nghị quyết Trung ương 6 khóa XI', symbol: null });
    // One plenum may issue several resolutions: the subject a mention gives is part of its name.
    expect(a[0]).toMatchObject({ type: 'NQ', name: 'Nghị quyết Trung ương 6 khóa XI về giáo dục' });
    expect(
      refs(
        'Nghị quyết Hội nghị lần thứ 6 Ban Chấp hành Trung ương Khóa XI về y tế, Đảng ủy đã quán triệt.',
      )[0]?.name,
    ).toBe('Nghị quyết Trung ương 6 khóa XI về y tế');
    // A plenum without its term is not enough to tell which (every term has a sixth plenum).
    expect(refs('Tinh thần Nghị quyết Trung ương 6 được phổ biến.').map((r) => r.name)).not.toContain(
      'Nghị quyết Trung ương 6 khóa XI',
    );
  });

  it('takes `No` where `số` stands', () => {
    expect(refs('Thực hiện Kế hoạch No 45/KH-UBND ngày 09/5/2023 của UBND huyện.')).toEqual([
      expect.objectContaining({ text: 'Kế hoạch No 45/KH-UBND ngày 09/5/2023', symbol: '45/KH-UBND' }),
    ]);
  });

  it('reads an abbreviation typed without capitals before `số` and a symbol, and only then', () => {
    expect(refs('căn cứ nđ số 15/2020/nđ-cp ngày 03/02/2020 của chính phủ')).toEqual([
      expect.objectContaining({ type: 'NĐ', symbol: '15/2020/NĐ-CP', relation: 'BASED_ON' }),
    ]);
    // A bare number after a lower-case abbreviation may be anything: a room, a patient, a team.
    expect(refs('phòng kh số 4 và tổ ct số 2 đã họp')).toEqual([]);
  });

  it('takes a công văn symbol with its date in a list with no type word, and not without the date', () => {
    expect(
      refs('UBND xã đã có các văn bản chỉ đạo: 112/UBND-VX ngày 02/6/2023, 130/UBND-VX ngày 20/6/2023.').map(
        (r) => [r.symbol, r.type],
      ),
    ).toEqual([
      ['112/UBND-VX', 'CV'],
      ['130/UBND-VX', 'CV'],
    ]);
    expect(refs('Hồ sơ lưu tại kho 112/UBND-VX, ngăn 3.')).toEqual([]);
    // Dated, but after another noun: a judgment, a contract, a certificate are no letters.
    expect(refs('Theo Bản án số 45/DS-PT ngày 12/3/2023 của Tòa án nhân dân tỉnh.')).toEqual([]);
    expect(refs('Căn cứ Hợp đồng số 12/HĐLĐ-CTY ngày 01/01/2024 giữa hai bên.')).toEqual([]);
    expect(refs('Đã cấp Giấy chứng nhận số 123/GCN-SXD ngày 02/02/2024.')).toEqual([]);
    expect(refs('Xóm 3/KP-2 ngày 02/6/2023 tổ chức họp.')).toEqual([]);
  });

  it('reads `Thông báo kết luận số …` as one Thông báo', () => {
    expect(refs('Thực hiện Thông báo kết luận số 88-TB/TU ngày 05/01/2024 của Thường trực Tỉnh ủy.')).toEqual(
      [
        expect.objectContaining({
          text: 'Thông báo kết luận số 88-TB/TU ngày 05/01/2024',
          type: 'TB',
          symbol: '88-TB/TU',
        }),
      ],
    );
  });

  it('takes a part numbered in Roman figures (Mục II, Phần III) as part of the document a sentence amends or repeals', () => {
    expect(refs('Bãi bỏ Phần III Kế hoạch số 19/KH-UBND ngày 14/02/2024 của UBND phường.')[0]?.relation).toBe(
      'REPEALS',
    );
    expect(refs('Sửa đổi Mục II Quyết định số 7/QĐ-UBND ngày 02/01/2024.')[0]?.relation).toBe('AMENDS');
  });

  it('takes an alias written with the abbreviation as a definition, not as one more mention', () => {
    const r = refs(
      'Căn cứ Quyết định số 18/2023/QĐ-UBND ngày 05/5/2023 của UBND tỉnh (sau đây gọi tắt là QĐ 18), xã lập danh sách. Mức chi theo QĐ 18 được giữ nguyên.',
    );
    expect(r.map((x) => [x.text, x.symbol])).toEqual([
      ['Quyết định số 18/2023/QĐ-UBND ngày 05/5/2023', '18/2023/QĐ-UBND'],
      ['QĐ 18', '18/2023/QĐ-UBND'],
    ]);
  });

  it('reads `điều chỉnh, bổ sung` as an amendment, and `điều chỉnh` alone as none', () => {
    const facts = (t: string) =>
      extractDocument(t)
        .facts.filter((f) => f.relation !== 'ISSUED_BY')
        .map((f) => [f.from, f.relation, f.to]);
    expect(
      facts(
        'Phương án số 4/PA-UBND ngày 02/02/2024 được điều chỉnh, bổ sung bởi Phương án số 9/PA-UBND ngày 03/6/2024.',
      ),
    ).toEqual([['9/PA-UBND', 'AMENDS', '4/PA-UBND']]);
    expect(
      facts('Nghị định số 10/2024/NĐ-CP điều chỉnh việc quản lý theo Nghị định số 3/2020/NĐ-CP.'),
    ).toEqual([]);
  });

  it('gives each document of a list the verb acts on the same fact, `số` written again or not', () => {
    const facts = extractDocument(
      'Quyết định số 31/2024/QĐ-UBND thay thế các Quyết định số 2/2016/QĐ-UBND, số 8/2018/QĐ-UBND và 14/2020/QĐ-UBND.',
    ).facts.map((f) => [f.from, f.relation, f.to]);
    expect(facts).toEqual([
      ['31/2024/QĐ-UBND', 'REPLACES', '2/2016/QĐ-UBND'],
      ['31/2024/QĐ-UBND', 'REPLACES', '8/2018/QĐ-UBND'],
      ['31/2024/QĐ-UBND', 'REPLACES', '14/2020/QĐ-UBND'],
    ]);
  });

  it('takes the writer named as the subject of a legal verb as the document acting, and another unit as none', () => {
    const head =
      'SỞ Y TẾ TỈNH BÌNH ĐỊNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 40/HD-SYT\nBình Định, ngày 12 tháng 9 năm 2024\nHƯỚNG DẪN\nVề tiêm chủng mở rộng\n\n';
    const rel = (body: string) => extractDocument(head + body).references.map((r) => r.relation);
    expect(
      rel(
        'Sở Y tế hướng dẫn thực hiện Quyết định số 77/2024/QĐ-UBND ngày 01/9/2024 của UBND tỉnh như sau:\n',
      ),
    ).toEqual(['GUIDES']);
    expect(rel('Bộ Y tế hướng dẫn thực hiện Thông tư số 34/2018/TT-BYT ngày 12/11/2018.\n')).toEqual([
      'CITES',
    ]);
    // Not when the writer is told to act, nor in a report telling what was done.
    expect(rel('Bộ Y tế yêu cầu Sở Y tế sửa đổi Quyết định số 5/QĐ-SYT ngày 02/02/2020.\n')).toEqual([
      'CITES',
    ]);
    const report = head.replace('HD-SYT', 'BC-SYT').replace('HƯỚNG DẪN', 'BÁO CÁO');
    expect(
      extractDocument(report + 'Sở Y tế bãi bỏ Quyết định số 5/QĐ-SYT ngày 02/02/2020.\n').references.map(
        (r) => r.relation,
      ),
    ).toEqual(['CITES']);
    // Past a blank line, a line ending in a full stop or a colon is the body, not more of the title; a title
    // wrapped without a blank line may end a line in `TP.` and go on.
    expect(
      extractDocument(head + 'Bộ Y tế hướng dẫn thực hiện Thông tư số 34/2018/TT-BYT.\n').document.title,
    ).toBe('Về tiêm chủng mở rộng');
    expect(
      extractDocument(
        head.replace('Về tiêm chủng mở rộng', 'Về việc giao chỉ tiêu cho UBND TP.\nQuy Nhơn năm 2024') +
          'Căn cứ Luật Tổ chức chính quyền địa phương;\n',
      ).document.title,
    ).toBe('Về việc giao chỉ tiêu cho UBND TP. Quy Nhơn năm 2024');
  });
});
