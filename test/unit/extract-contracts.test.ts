import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractDocument, extractReferences, type ExtractedReference } from '../../src/extract/index.js';

// Guards for behaviour that a deliberate bug once left unnoticed; only the public API, so that the
// scanner's insides may be rearranged freely underneath.

const brief = (rs: ExtractedReference[]) => rs.map((r) => [r.text, r.symbol, r.symbolInferred, r.issuedOn]);

describe('a defined alias is what completes the later short form', () => {
  // Two directives numbered 22 are cited in full, so "the one full mention of that number" cannot
  // decide which the later `Chỉ thị số 22` is, and it names no issuer: only the alias can.
  const DEFINED_FIRST =
    'Thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy về công tác dân vận (viết tắt Chỉ thị số 22); ' +
    'Chỉ thị số 22/CT-TTg ngày 1/8/2019 của Thủ tướng Chính phủ về phòng cháy. ' +
    'Sau 5 năm thực hiện Chỉ thị số 22, kết quả tốt.';
  const DEFINED_SECOND =
    'Thực hiện Chỉ thị số 22/CT-TTg ngày 1/8/2019 của Thủ tướng Chính phủ về phòng cháy; ' +
    'Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy về công tác dân vận (viết tắt Chỉ thị số 22). ' +
    'Sau 5 năm thực hiện Chỉ thị số 22, kết quả tốt.';

  it.each([
    ['the aliased one cited first', DEFINED_FIRST],
    ['the aliased one cited last', DEFINED_SECOND],
  ])('gives the short form the aliased symbol, with its date and issuer (%s)', (_, text) => {
    const rs = extractReferences(text);
    expect(rs).toHaveLength(3);
    const short = rs[2] as ExtractedReference;
    expect(brief([short])).toEqual([['Chỉ thị số 22', '22-CT/TU', true, '2017-04-03']]);
    expect(short.issuer?.code).toBe('TU');
    expect(short.start).toBe(text.lastIndexOf('Chỉ thị số 22'));
    // The alias itself is a definition, not a citation.
    expect(rs.filter((r) => r.start > text.indexOf('viết tắt') && r.start < text.indexOf(')'))).toEqual([]);
  });

  it('does not complete a short form whose number two documents share when no alias names one', () => {
    const text = DEFINED_FIRST.replace(' (viết tắt Chỉ thị số 22)', '');
    // The short form stays a number-only reference: symbol null, never a guess between the two.
    expect(extractReferences(text).map((r) => [r.symbol, r.number])).toEqual([
      ['22-CT/TU', '22'],
      ['22/CT-TTg', '22'],
      [null, '22'],
    ]);
  });
});

describe('issuer codes are upper-cased like type codes', () => {
  it.each([
    ['Kế hoạch số 12/KH-Ubnd ngày 5/3/2021 của UBND huyện.', '12/KH-UBND'],
    ['Kế hoạch số 7-KH/Hu ngày 2/3/2021 của Huyện ủy.', '7-KH/HU'],
    ['Công văn số 301/Ubnd-Vp ngày 4/4/2021 của UBND xã.', '301/UBND-VP'],
    ['Quyết định số 48/2021/QĐ-Ubnd ngày 4/4/2021 của UBND tỉnh.', '48/2021/QĐ-UBND'],
    ['Chỉ thị số 16/CT-Ttg ngày 16/5/2016.', '16/CT-TTg'],
  ])('%s → %s', (text, symbol) => {
    expect(extractReferences(text).map((r) => r.symbol)).toEqual([symbol]);
  });
});

describe('offsets point at the characters of the text as given', () => {
  const nfd = (s: string) => s.normalize('NFD');
  /** Where each written mention stands, found in the original by a search of its own. */
  const spans = (original: string, written: string[]) =>
    written.map((w) => {
      const start = original.indexOf(w);
      expect(start, w).toBeGreaterThanOrEqual(0);
      expect(original.indexOf(w, start + 1), `${w} is not unique`).toBe(-1);
      return [start, start + w.length, w];
    });
  const got = (original: string) => extractDocument(original).references.map((r) => [r.start, r.end, r.text]);

  it('after decomposed diacritics, invisible characters and carriage returns', () => {
    const a = nfd('Chỉ thị số 22-CT/TU ngày 03/4/2017');
    const b = 'Kế hoạch số 70/KH-UBND ngày 04/6/2020';
    const c = nfd('Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020');
    const original = [
      nfd('ỦY BAN NHÂN DÂN\r\nXÃ BÌNH HIỆP'),
      '',
      `${nfd('Thực hiện')} ${a} ${nfd('của Ban Thường vụ Tỉnh ủy về công tác dân vận;')}\r`,
      `\u200bTiếp tục tri\u00adển khai ${b} của UBND tỉnh;\r`,
      `Căn cứ ${c} của Chính phủ.`,
    ].join('\n');
    expect(got(original)).toEqual(spans(original, [a, b, c]));
  });

  it('with footnote markers glued to words and a footnote body between pages', () => {
    const a = nfd('Kết luận số 114-KL/TW ngày 14/7/2015');
    const b = 'Chỉ thị số 05-CT/TU ngày 10/01/2023';
    const c = nfd('Kế hoạch số 40-KH/HU ngày 28/01/2022');
    const original = [
      nfd('Công tác dân vận của chính quyền được nâng lên¹, nhất là ở cơ sở.'),
      `${nfd('Thực hiện')} ${a} ${nfd('của Ban Bí thư, các đơn vị chuyên môn2 đã vào cuộc.')}`,
      '',
      `¹ Theo ${b} ${nfd('của Ban Thường vụ Tỉnh ủy.')}`,
      `2 ${nfd('Gồm phòng Nội vụ và Văn phòng.')}`,
      '',
      `${nfd('Huyện ủy đã ban hành')} ${c}.`,
    ].join('\n');
    const refs = extractDocument(original).references;
    expect(refs.map((r) => [r.start, r.end, r.text])).toEqual(spans(original, [a, b, c]));
    expect(refs.map((r) => r.inFootnote)).toEqual([false, true, false]);
  });

  const filler = fc.constantFrom(
    'Trong năm qua, công tác dân vận được triển khai sâu rộng. ',
    'UBND xã đã chỉ\u00ad đạo các thôn\u200b tổ chức tuyên truyền, ',
    'Tiếp tục thực hiện\r\n theo tinh thần ',
    'giai đoạn 2021-2025 với 729 hộ/2.971 khẩu; ',
    '',
  );
  const mention = fc.constantFrom(
    'Chỉ thị số 22-CT/TU ngày 03/4/2017',
    'Kế hoạch số 17/KH-UBND ngày 20 tháng 4 năm 2021',
    'Nghị định số 30/2020/NĐ-CP ngày 05/3/2020',
    'Quyết định số 217-QĐ/TW ngày 02/01/2014',
  );

  it('at the length of whatever stands before the mention, however it is encoded', () => {
    fc.assert(
      fc.property(
        fc.array(filler, { maxLength: 4 }),
        mention,
        fc.boolean(),
        fc.boolean(),
        (before, m, decomposeBefore, decomposeMention) => {
          const prefix = decomposeBefore ? nfd(before.join('')) : before.join('');
          const written = decomposeMention ? nfd(m) : m;
          const original = `${prefix}${written} của cơ quan ban hành.`;
          expect(got(original)).toEqual([[prefix.length, prefix.length + written.length, written]]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
