import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';
import { LEGAL_CASES } from '../fixtures/legal-sentences.js';

describe('legal text: every reference, its relation, and the facts between documents', () => {
  for (const c of LEGAL_CASES) {
    it(c.what, () => {
      const d = extractDocument(c.text);
      const got = d.references.map((r) => ({
        text: r.text,
        ...(r.symbol !== null || c.refs.some((g) => g.text === r.text && 'symbol' in g)
          ? { symbol: r.symbol }
          : {}),
        name: r.name,
        relation: r.relation,
        year: r.year,
        issuedOn: r.issuedOn,
      }));
      expect(got.map((r) => r.text)).toEqual(c.refs.map((r) => r.text));
      c.refs.forEach(({ occurrence: _o, ...want }, i) => expect(got[i]).toMatchObject(want));
      const facts = d.facts.filter((f) => f.relation !== 'ISSUED_BY').map((f) => [f.from, f.relation, f.to]);
      expect(facts).toEqual(c.facts ?? []);
    });
  }
});

describe('legal documents read as documents', () => {
  it('reads a law’s own number, type, date and issuer, and its own name is no reference', () => {
    const d = extractDocument(
      'QUỐC HỘI\n--------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nLuật số: 12/2031/QH16\n\nHà Nội, ngày 05 tháng 4 năm 2031\n\nLUẬT\n\nNGHỀ CÁ VEN BỜ\n\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n\nQuốc hội ban hành Luật nghề cá ven bờ.\n\nĐiều 1. Phạm vi\n\nLuật này quy định về khai thác ven bờ.\n',
    );
    expect(d.document).toMatchObject({
      type: 'L',
      symbol: '12/2031/QH16',
      number: '12',
      issuedOn: '2031-04-05',
      title: 'NGHỀ CÁ VEN BỜ',
      issuer: { name: 'Quốc hội', level: 'trung ương' },
    });
    expect(d.references.map((r) => [r.name, r.relation])).toEqual([['Hiến pháp', 'BASED_ON']]);
    expect(d.findings).toEqual([]);
  });

  it('reads the number and date from a title line that holds them', () => {
    const d = extractDocument(
      'LUẬT CỦA QUỐC HỘI NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỐ 07/2030/QH15 NGÀY 02 THÁNG 6 NĂM 2030 VỀ NGHỀ MUỐI\n\nCăn cứ vào Hiến pháp năm 1992;\n',
    );
    expect(d.document).toMatchObject({
      type: 'L',
      symbol: '07/2030/QH15',
      issuedOn: '2030-06-02',
      title: 'NGHỀ MUỐI',
    });
    expect(d.references.map((r) => r.name)).toEqual(['Hiến pháp']);
  });

  it('a title that amends: the document itself amends what its title names', () => {
    const d = extractDocument(
      'BỘ QUỐC PHÒNG\n\nSố: 15/2031/TT-BQP\n\nHà Nội, ngày 3 tháng 3 năm 2031\n\nTHÔNG TƯ\nSửa đổi, bổ sung một số điều của Thông tư số 03/2014/TT-BQP\n\nCăn cứ Nghị định số 164/2017/NĐ-CP;\n',
    );
    expect(d.document).toMatchObject({ type: 'TT', symbol: '15/2031/TT-BQP' });
    expect(d.references.map((r) => [r.symbol, r.relation])).toEqual([
      ['03/2014/TT-BQP', 'AMENDS'],
      ['164/2017/NĐ-CP', 'BASED_ON'],
    ]);
  });

  it('never gives IMPLEMENTS in normative text, and every Căn cứ line gives BASED_ON', () => {
    const d = extractDocument(
      'CHÍNH PHỦ\n\nSố: 88/2031/NĐ-CP\n\nHà Nội, ngày 1 tháng 2 năm 2031\n\nNGHỊ ĐỊNH\nQuy định về nghề muối\n\nCăn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\nCăn cứ Luật Thương mại ngày 14 tháng 6 năm 2005;\n\nĐiều 2. Các cơ sở thực hiện Nghị định số 12/2020/NĐ-CP và thi hành Luật Thương mại.\n',
    );
    expect(d.references.map((r) => r.relation)).toEqual(['BASED_ON', 'BASED_ON', 'CITES', 'CITES']);
  });

  it('places a reference by line, and by page when the reader knows pages', () => {
    const text = 'Dòng đầu.\nDòng hai.\nCăn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020.\n';
    const d = extractDocument(text, undefined, { pageStarts: [0, text.indexOf('Căn cứ')] });
    expect(d.references[0]).toMatchObject({
      line: 3,
      page: 2,
      quote: 'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020.',
    });
  });

  it('quotes whole sentences, never from inside a word', () => {
    const long = 'Ủy ban nhân dân các cấp tổ chức tuyên truyền sâu rộng trong nhân dân, '.repeat(12);
    const text = `${long}thực hiện Kế hoạch số 70/KH-UBND ngày 04/6/2020 của UBND tỉnh, ${long}đạt kết quả.`;
    const q = extractDocument(text).references[0]?.quote ?? '';
    expect(q.length).toBeLessThan(700);
    expect(q).toContain('Kế hoạch số 70/KH-UBND');
    const words = new Set(text.split(/[\s,.]+/));
    const [first, ...rest] = q.replace(/^… /, '').replace(/ …$/, '').split(' ');
    const last = rest.pop()?.replace(/[,.]$/, '');
    expect(words.has(first as string)).toBe(true);
    expect(words.has(last as string)).toBe(true);
  });
});
