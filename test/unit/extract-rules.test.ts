import { describe, expect, it } from 'vitest';
import { extractDocument, type ExtractedReference } from '../../src/extract/index.js';

const refs = (text: string) => extractDocument(text).references;
const one = (text: string): ExtractedReference => {
  const rs = refs(text);
  expect(rs, JSON.stringify(rs.map((r) => r.text))).toHaveLength(1);
  return rs[0] as ExtractedReference;
};

describe('numbered references in every numbering system', () => {
  it('reads a decree with its date in words, issuer and subject kept out of the span', () => {
    const text =
      'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;';
    const r = one(text);
    expect(r).toMatchObject({
      type: 'NĐ',
      number: '30',
      symbol: '30/2020/NĐ-CP',
      issuedOn: '2020-03-05',
      year: 2020,
      issuer: { text: 'Chính phủ', code: 'CP' },
      subject: 'công tác văn thư',
      relation: 'BASED_ON',
    });
    expect(r.text).toBe('Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020');
  });

  it('ends a subject where the next paragraph opens a clause, and after a closing quote before a capital', () => {
    // A report's title block: the directive's subject runs over a blank line (a PDF's or a typed heading's
    // line break), and the first paragraph of the body follows after another.
    const heading =
      'Sơ kết 05 năm thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy về đẩy mạnh phong trào \n\nthi đua “Dân vận khéo” \n\n \n\n';
    const cue = refs(`${heading}Thực hiện Công văn số 516/SNV-XDCQ ngày 05/4/2022 của Sở Nội vụ`);
    expect(cue[0]?.subject).toBe('đẩy mạnh phong trào thi đua “Dân vận khéo”');
    const quoted = refs(`${heading}Ủy ban nhân dân huyện báo cáo theo Kế hoạch số 12/KH-UBND ngày 02/3/2021`);
    expect(quoted[0]?.subject).toBe('đẩy mạnh phong trào thi đua “Dân vận khéo”');
  });

  it('reads laws by number (Quốc hội terms) and by name with their dates', () => {
    expect(one('Căn cứ Luật số 80/2015/QH13 ngày 22/6/2015 của Quốc hội;')).toMatchObject({
      type: 'L',
      symbol: '80/2015/QH13',
    });
    expect(one('Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;')).toMatchObject({
      type: 'L',
      name: 'Luật Tổ chức Chính phủ',
      issuedOn: '2001-12-25',
      number: null,
      relation: 'BASED_ON',
    });
    expect(one('Theo quy định của Luật Hóa chất, các cơ sở phải đăng ký.')).toMatchObject({
      name: 'Luật Hóa chất',
    });
    expect(one('Bộ luật Lao động năm 2019 quy định như sau.')).toMatchObject({
      type: 'BL',
      name: 'Bộ luật Lao động',
      year: 2019,
    });
    expect(one('Căn cứ Pháp lệnh Xử lý vi phạm hành chính năm 2002;')).toMatchObject({
      type: 'PL',
      year: 2002,
    });
    expect(one('Hiến pháp năm 1992 đã khẳng định điều đó.')).toMatchObject({
      type: 'HP',
      name: 'Hiến pháp',
      year: 1992,
    });
    expect(one('Chi bộ thực hiện nghiêm túc Điều lệ Đảng.')).toMatchObject({ name: 'Điều lệ Đảng' });
  });

  it('reads circulars, joint circulars and ordinances', () => {
    expect(one('theo Thông tư số 01/2011/TT-BNV ngày 19/01/2011 của Bộ Nội vụ')).toMatchObject({
      type: 'TT',
      symbol: '01/2011/TT-BNV',
      issuer: { code: 'BNV' },
    });
    expect(one('Thông tư liên tịch số 02/2012/TTLT-BCA-BQP-BTP-BGDĐT ngày 10/01/2012')).toMatchObject({
      type: 'TTLT',
      symbol: '02/2012/TTLT-BCA-BQP-BTP-BGDĐT',
    });
    expect(one('Pháp lệnh số 34/2007/PL-UBTVQH11 ngày 20/4/2007')).toMatchObject({
      type: 'PL',
      symbol: '34/2007/PL-UBTVQH11',
    });
  });

  it('reads Party documents of every level, keeping the mixed-case type codes', () => {
    expect(one('Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng')).toMatchObject({
      type: 'HD',
      symbol: '36-HD/VPTW',
    });
    expect(one('Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương')).toMatchObject({
      type: 'QĐi',
      symbol: '08-QĐi/TW',
    });
    expect(one('Công văn số 541-CV/HU ngày 26/01/2022')).toMatchObject({ type: 'CV', symbol: '541-CV/HU' });
    expect(one('Nghị quyết số 05-NQ/ĐU ngày 10/3/2021 của Đảng ủy xã')).toMatchObject({
      symbol: '05-NQ/ĐU',
      issuer: { code: 'ĐU' },
    });
    expect(one('Chương trình số 12-CTr/TU ngày 2/3/2021')).toMatchObject({
      type: 'CTr',
      symbol: '12-CTr/TU',
    });
  });

  it('reads state documents and Công văn, which have no type code', () => {
    expect(one('Công văn số 1444/UBND-NV ngày 18/5/2023 của UBND huyện')).toMatchObject({
      type: 'CV',
      symbol: '1444/UBND-NV',
    });
    expect(one('văn bản số 2345/VPCP-KGVX ngày 1/4/2022 của Văn phòng Chính phủ')).toMatchObject({
      type: 'CV',
      symbol: '2345/VPCP-KGVX',
    });
    expect(one('Quyết định 1617/QĐ-UBND ngày 31/8/2021')).toMatchObject({
      type: 'QĐ',
      symbol: '1617/QĐ-UBND',
    });
    expect(one('Quy chế số 01/QCPH-HĐND-UBND-UBMTTQVN ngày 04/7/2022')).toMatchObject({
      type: 'QC',
      symbol: '01/QCPH-HĐND-UBND-UBMTTQVN',
    });
  });

  it('upper-cases codes written with a case slip', () => {
    expect(one('Kế hoạch số 66-Kh/HU ngày 05/9/2022.')).toMatchObject({ symbol: '66-KH/HU', type: 'KH' });
    expect(one('Chỉ thị số 16/ct-TTg ngày 16/5/2016.').symbol).toBe('16/CT-TTg');
  });

  it('finds several numbers under one type word, sharing the issuer', () => {
    const rs = refs(
      'các Quyết định số 217-QĐ/TW, 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị khóa XI về giám sát',
    );
    expect(rs.map((r) => r.symbol)).toEqual(['217-QĐ/TW', '218-QĐ/TW']);
    expect(rs.map((r) => r.issuer?.code)).toEqual(['TW', 'TW']);
    expect(refs('Thông tư số 05/2020/TT-BTC và 06/2020/TT-BTC').map((r) => r.symbol)).toEqual([
      '05/2020/TT-BTC',
      '06/2020/TT-BTC',
    ]);
  });

  it('allows a descriptive phrase between the type word and the number', () => {
    expect(
      one('UBND huyện ban hành Thông báo tiếp công dân số 340/TB-UBND ngày 23/12/2021 về lịch tiếp').symbol,
    ).toBe('340/TB-UBND');
    expect(one('Kế hoạch hành động số 12/KH-UBND ngày 2/2/2022').symbol).toBe('12/KH-UBND');
  });

  it('finds a symbol with no type word, taking the type from its code', () => {
    expect(one('thực hiện theo tinh thần 16/CT-TTg của Thủ tướng')).toMatchObject({
      type: 'CT',
      symbol: '16/CT-TTg',
    });
  });

  it('does not take the document’s own number for a reference', () => {
    const d = extractDocument(
      'ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\nSố: 12/BC-UBND\n\nAn Bình, ngày 3 tháng 4 năm 2024\n\nBÁO CÁO\nKết quả công tác\n\nThực hiện Kế hoạch số 5/KH-UBND ngày 2/1/2024 của UBND huyện, UBND xã An Bình báo cáo như sau:',
    );
    expect(d.references.map((r) => r.symbol)).toEqual(['5/KH-UBND']);
    expect(d.document).toMatchObject({
      symbol: '12/BC-UBND',
      type: 'BC',
      place: 'An Bình',
      issuedOn: '2024-04-03',
      title: 'Kết quả công tác',
    });
    expect(d.document.issuer).toEqual({ name: 'Ủy ban nhân dân xã An Bình', level: 'xã', parent: null });
  });
});

describe('short forms', () => {
  it('completes a number-only reference from the issuer', () => {
    expect(one('thực hiện nghiêm Chỉ thị 05 của Bộ Chính trị về học tập')).toMatchObject({
      symbol: '05-CT/TW',
      symbolInferred: true,
      type: 'CT',
    });
    expect(one('Quyết định số 15 ngày 3/4/2020 của UBND tỉnh')).toMatchObject({
      symbol: '15/QĐ-UBND',
      symbolInferred: true,
      issuedOn: '2020-04-03',
    });
  });

  it('resolves a defined alias and later short mentions', () => {
    const rs = refs(
      'Triển khai Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy về dân vận (viết tắt Chỉ thị số 22). Sau 5 năm thực hiện Chỉ thị số 22, kết quả tốt.',
    );
    expect(rs.map((r) => [r.symbol, r.symbolInferred, r.issuedOn])).toEqual([
      ['22-CT/TU', false, '2017-04-03'],
      ['22-CT/TU', true, '2017-04-03'],
    ]);
    const later = refs(
      'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ; theo Nghị định số 30 thì văn bản phải ký số.',
    );
    expect(later[1]).toMatchObject({ symbol: '30/2020/NĐ-CP', symbolInferred: true });
  });

  it('keeps a bare number with nothing to identify it as a number-only reference', () => {
    expect(one('Kế hoạch số 12 đã được triển khai tốt.')).toMatchObject({
      type: 'KH',
      number: '12',
      symbol: null,
      symbolInferred: false,
      text: 'Kế hoạch số 12',
    });
    expect(one('Nghị định 136 đã quy định rõ trách nhiệm.')).toMatchObject({
      type: 'NĐ',
      number: '136',
      symbol: null,
    });
  });
});

describe('look-alikes that are not references', () => {
  it.each([
    'Diện tích rừng chiếm đã số: 3.647,59 ha.',
    'giai đoạn 2021-2025 và giai đoạn 2016 - 2020',
    'dịch bệnh Covid-19 kéo dài; covid – 19',
    'Điện thoại: 0255.3822.123, Fax 0255-3822-124',
    'Toàn xã có 729 hộ/2.971 khẩu, 9 xã/35 thôn.',
    'Thông tư này hướng dẫn chi tiết; Nghị định này có hiệu lực; các Luật mới.',
    'Kế hoạch năm 2022 đạt 100% kế hoạch huyện giao.',
  ])('%s', (text) => {
    expect(refs(text).filter((r) => r.number !== null)).toEqual([]);
  });
});

describe('relations', () => {
  it('BASED_ON for Căn cứ, with each line its own clause', () => {
    const rs = refs('Căn cứ Luật số 63/2020/QH14;\nCăn cứ Nghị định số 34/2016/NĐ-CP;');
    expect(rs.map((r) => r.relation)).toEqual(['BASED_ON', 'BASED_ON']);
  });

  it('AMENDS, REPLACES, REPEALS and GUIDES for the document’s own legal acts', () => {
    expect(one('Nghị định này sửa đổi, bổ sung một số điều của Nghị định số 30/2020/NĐ-CP.').relation).toBe(
      'AMENDS',
    );
    expect(one('Quyết định này thay thế Quyết định số 12/2015/QĐ-UBND ngày 3/3/2015.').relation).toBe(
      'REPLACES',
    );
    expect(one('Bãi bỏ Quyết định số 15/2019/QĐ-UBND ngày 1/2/2019.').relation).toBe('REPEALS');
    expect(one('Thông tư này hướng dẫn thi hành Nghị định số 30/2020/NĐ-CP.').relation).toBe('GUIDES');
    expect(
      one('Quyết định này có hiệu lực từ ngày ký; Quyết định số 20/2018/QĐ-UBND hết hiệu lực.').relation,
    ).toBe('REPEALS');
  });

  it('a legal act between two cited documents is a fact, not the document’s relation', () => {
    const d = extractDocument(
      'Ngoài ra còn có Nghị định số 45/2021/NĐ-CP sửa đổi Nghị định số 30/2020/NĐ-CP về văn thư.',
    );
    expect(d.facts).toContainEqual(
      expect.objectContaining({ from: '45/2021/NĐ-CP', relation: 'AMENDS', to: '30/2020/NĐ-CP' }),
    );
    expect(d.references.map((r) => r.relation)).toEqual(['CITES', 'CITES']);
  });

  it('RESPONDS_TO the request, REPORTS_ON the directive it reviews', () => {
    const d = extractDocument(
      'BÁO CÁO\nSơ kết 05 năm thực hiện Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ\n\nThực hiện Công văn số 12/SNV-XDCQ ngày 3/3/2021 của Sở Nội vụ V/v báo cáo sơ kết, Sở Y tế báo cáo như sau:',
    );
    expect(d.references.map((r) => [r.symbol, r.relation])).toEqual([
      ['16/CT-TTg', 'REPORTS_ON'],
      ['12/SNV-XDCQ', 'RESPONDS_TO'],
    ]);
    expect(d.document.issuer?.name).toBe('Sở Y tế');
    expect(
      one('Phúc đáp Công văn số 99/BTC-NSNN ngày 1/1/2022 của Bộ Tài chính, chúng tôi xin trả lời.').relation,
    ).toBe('RESPONDS_TO');
  });

  it('IMPLEMENTS, and a plan the reporting unit issued to carry it out', () => {
    const d = extractDocument(
      'Thực hiện Kế hoạch số 12/KH-UBND ngày 3/2/2021 của UBND tỉnh; Kế hoạch số 3-KH/HU ngày 5/2/2021 của Huyện ủy, UBND xã đã ban hành Kế hoạch số 5/KH-UBND ngày 10/2/2021 để triển khai. Ủy ban nhân dân xã Tân Hiệp báo cáo kết quả như sau.',
    );
    expect(d.references.map((r) => [r.symbol, r.relation])).toEqual([
      ['12/KH-UBND', 'IMPLEMENTS'],
      ['3-KH/HU', 'IMPLEMENTS'],
      ['5/KH-UBND', 'CITES'],
    ]);
    const facts = d.facts.map((f) => [f.from, f.relation, f.to]);
    expect(facts).toContainEqual(['5/KH-UBND', 'IMPLEMENTS', '12/KH-UBND']);
    expect(facts).toContainEqual(['5/KH-UBND', 'IMPLEMENTS', '3-KH/HU']);
    expect(facts).toContainEqual(['5/KH-UBND', 'ISSUED_BY', 'Ủy ban nhân dân xã Tân Hiệp']);
  });

  it('does not call another unit’s plan the reporter’s own', () => {
    const d = extractDocument(
      'Thực hiện Kế hoạch số 12/KH-UBND ngày 3/2/2021, Ban Thường vụ Huyện ủy đã ban hành Kế hoạch số 40-KH/HU ngày 28/01/2022. UBND xã Tân Hiệp báo cáo như sau.',
    );
    expect(d.facts.filter((f) => f.relation === 'ISSUED_BY')).toEqual([]);
  });

  it('CITES a mention with no cue', () => {
    expect(one('Số liệu được tổng hợp từ Báo cáo số 111/BC-UBND ngày 15/12/2021.').relation).toBe('CITES');
  });
});

describe('findings on the document alone', () => {
  const codes = (text: string) => extractDocument(text).findings.map((f) => f.code);
  it('NUMBER_YEAR_MISMATCH for a year in the number that disagrees with the date', () => {
    expect(codes('Chỉ thị số 18/2000/CT-TTg ngày 21/9/2010 của Thủ tướng')).toEqual(['NUMBER_YEAR_MISMATCH']);
    expect(codes('Chỉ thị số 18/2010/CT-TTg ngày 21/9/2010')).toEqual([]);
  });
  it('UNKNOWN_CODE for a malformed National Assembly code or an unknown type code', () => {
    const f = extractDocument('Pháp lệnh số 34/2007/PL- UBTVQHH11 ngày 20/4/2007').findings;
    expect(f.map((x) => x.code)).toEqual(['UNKNOWN_CODE']);
    expect(f[0]?.message).toContain('UBTVQH11');
    expect(codes('Văn bản số 12-XY/TU ngày 1/1/2020')).toContain('UNKNOWN_CODE');
  });
  it('DATE_CONFLICT only where the numbering rules make it one document', () => {
    expect(
      codes('Kế hoạch số 12/KH-UBND ngày 03/4/2021; sau đó Kế hoạch số 12/KH-UBND ngày 05/4/2021.'),
    ).toEqual(['DATE_CONFLICT']);
    expect(codes('Kế hoạch số 17/KH-UBND ngày 02/4/2020; Kế hoạch số 17/KH-UBND ngày 20/4/2021.')).toEqual(
      [],
    );
    expect(
      codes('Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 và Nghị định số 30/2020/NĐ-CP ngày 06/3/2020'),
    ).toEqual(['DATE_CONFLICT']);
  });
  it('INVALID_DATE and TYPE_MISMATCH', () => {
    expect(codes('Quyết định số 12/QĐ-UBND ngày 31/02/2021')).toEqual(['INVALID_DATE']);
    expect(codes('Chỉ thị số 12/QĐ-UBND ngày 1/2/2021')).toEqual(['TYPE_MISMATCH']);
  });
});

describe('messy text', () => {
  it('joins symbols and dates broken across lines and pages', () => {
    expect(one('thực hiện Chỉ thị số 22-\n\nCT/TU ngày 03/ 4/ 2017 của Ban Thường vụ')).toMatchObject({
      symbol: '22-CT/TU',
      issuedOn: '2017-04-03',
    });
    expect(one('Kế hoạch số 17/KH -\n\nUBND ngày 20/4/2021')).toMatchObject({
      symbol: '17/KH-UBND',
      issuedOn: '2021-04-20',
    });
    expect(one('theo tinh thần Quyết định số 217-\n QĐ/TW; và')).toMatchObject({ symbol: '217-QĐ/TW' });
    expect(one('Kế \n\nhoạch số 89/KH-UBND ngày \n\n21/12/2021')).toMatchObject({
      symbol: '89/KH-UBND',
      issuedOn: '2021-12-21',
    });
  });

  it('repairs broken-font letters, decomposed diacritics and invisible characters, keeping offsets on the original', () => {
    const text =
      'Căn cứ Nghị định số 30/2020/NĐ-CP; thực hiện Kế hoạch số 70/\u200BKH-UBND ngày 04/6/2020 của UBND tỉnh phát động phƣơng hƣớng'.normalize(
        'NFD',
      );
    const rs = refs(text);
    expect(rs.map((r) => r.symbol)).toEqual(['30/2020/NĐ-CP', '70/KH-UBND']);
    for (const r of rs) {
      expect(text.slice(r.start, r.end)).toBe(r.text);
      expect(r.text.normalize('NFC').startsWith(r.type === 'NĐ' ? 'Nghị định' : 'Kế hoạch')).toBe(true);
    }
    expect(extractDocument('BÁO CÁO\nPhƣơng hƣớng nhiệm vụ\n\nThực hiện').document.title).toBe(
      'Phương hướng nhiệm vụ',
    );
  });

  it('puts references in footnote bodies in the footnote, with any marker style', () => {
    const sup =
      'UBND xã ban hành các kế hoạch chuyên môn¹. Qua đó nâng cao nhận thức.\n\n¹ Kế hoạch số 17/KH-UBND ngày 02/4/2020 về thi đua.\n\ntiếp tục đoạn văn.';
    expect(refs(sup).map((r) => r.inFootnote)).toEqual([true]);
    const glued =
      'gắn với nhiệm vụ chuyên môn1. Qua đó tốt.\n                    \n1 Kế hoạch số 17/KH-UBND ngày 02/4/2020 về thi đua. \n trận Tổ quốc và Quyết định số 9/QĐ-UBND ngày 1/1/2020.';
    expect(refs(glued).map((r) => [r.symbol, r.inFootnote])).toEqual([
      ['17/KH-UBND', true],
      ['9/QĐ-UBND', false],
    ]);
    const lone =
      'đối thoại giữa Bí thư Huyện ủy\n1\n với Nhân dân các xã.\n\n1\n Kế hoạch số 40-KH/HU ngày 28/01/2022. \n hội viên Hội nông dân';
    expect(refs(lone).map((r) => r.inFootnote)).toEqual([true]);
  });
});

describe('the header', () => {
  it('reads type, number, place, date, title, issuer, signer and recipients', () => {
    const d = extractDocument(
      [
        'ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI',
        'Số: 70/KH-UBND',
        'Quảng Ngãi, ngày 04 tháng 6 năm 2020',
        'KẾ HOẠCH',
        'Phát động phong trào thi đua “Dân vận khéo”',
        'Căn cứ Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy; Ủy ban nhân dân tỉnh Quảng Ngãi báo cáo như sau:',
        'Nơi nhận:\n- Các sở, ban, ngành;\n- UBND các huyện; TT HĐND tỉnh;\n- Lưu: VT.',
        'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Phước Hiền',
      ].join('\n\n'),
    );
    expect(d.document).toMatchObject({
      type: 'KH',
      number: '70',
      symbol: '70/KH-UBND',
      place: 'Quảng Ngãi',
      issuedOn: '2020-06-04',
      title: 'Phát động phong trào thi đua “Dân vận khéo”',
      signer: { name: 'Trần Phước Hiền', position: 'Phó Chủ tịch' },
      recipients: ['Các sở, ban, ngành', 'UBND các huyện', 'TT HĐND tỉnh'],
    });
    expect(d.document.issuer).toEqual({
      name: 'Ủy ban nhân dân tỉnh Quảng Ngãi',
      level: 'tỉnh',
      parent: null,
    });
    expect(d.references.map((r) => [r.symbol, r.relation])).toEqual([['22-CT/TU', 'BASED_ON']]);
  });

  it('gives null for what the text does not say', () => {
    const d = extractDocument('Một đoạn văn không có gì.');
    expect(d.document).toEqual({
      type: null,
      number: null,
      symbol: null,
      issuedOn: null,
      place: null,
      title: null,
      issuer: null,
      signer: null,
      recipients: [],
    });
  });
});
