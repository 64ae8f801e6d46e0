import { describe, expect, it } from 'vitest';
import { documentLabel, typeName, vnDate } from '../../src/graph/label.js';

describe('documentLabel: a document named as people write it', () => {
  it('names a numbered document by type word, symbol, date and issuer', () => {
    expect(
      documentLabel(
        { type: 'CT', number: '22', symbol: '22-CT/TU', issuedOn: '2017-04-03', year: 2017 },
        'Ban Thường vụ Tỉnh ủy',
      ),
    ).toBe('Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy');
    expect(documentLabel({ type: 'QĐ', symbol: '999/QĐ-UBND', issuedOn: null, year: 2020 })).toBe(
      'Quyết định số 999/QĐ-UBND năm 2020',
    );
    expect(documentLabel({ type: 'KH', number: '70', issuedOn: '2020-06-04' })).toBe(
      'Kế hoạch số 70 ngày 04/6/2020',
    );
  });

  it('names a report with no number by its unit, type and date, else its title: never its key', () => {
    const report = { type: 'BC', symbol: null, number: null, issuedOn: '2022-04-20', title: 'Kết quả' };
    expect(documentLabel(report, 'UBND huyện Bình Sơn')).toBe('Báo cáo của UBND huyện Bình Sơn, 20/4/2022');
    expect(documentLabel(report)).toBe('Báo cáo “Kết quả”, 20/4/2022');
    expect(documentLabel({ type: 'BC' })).toBe('Báo cáo');
    expect(documentLabel({ type: 'L', name: 'Luật Đất đai', issuedOn: null }, 'Quốc hội')).toBe(
      'Luật Đất đai của Quốc hội',
    );
  });

  it('writes an unknown type as a document, and dates as the documents do', () => {
    expect(typeName('XYZ')).toBe('Văn bản');
    expect(typeName(null)).toBe('Văn bản');
    expect(vnDate('2017-12-31')).toBe('31/12/2017');
    // Nghị định 30/2020/NĐ-CP: months 1 and 2 take a zero, as days below 10 do.
    expect(vnDate('2017-01-05')).toBe('05/01/2017');
  });
});
