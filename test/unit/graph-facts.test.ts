import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';
import { graphFacts, searchText, sentenceAround, withReportKey } from '../../src/graph/facts.js';

// A district's plan: it implements the province's plan and the district Party committee's, issues a
// plan of its own to carry them out, stands on a decree, and cites a law by name.
const PLAN = [
  'ỦY BAN NHÂN DÂN',
  'HUYỆN BÌNH SƠN',
  '',
  'Số: 71/KH-UBND',
  '',
  'Bình Sơn, ngày 07 tháng 8 năm 2020',
  '',
  'KẾ HOẠCH',
  'Phát động phong trào thi đua',
  '',
  'Thực hiện Kế hoạch số 70/KH-UBND ngày 04/6/2020 của UBND tỉnh Quảng Ngãi; Kế hoạch số 65-KH/HU ngày 1/6/2020 của Huyện ủy, UBND huyện đã ban hành Kế hoạch số 72/KH-UBND ngày 8/8/2020. Căn cứ Nghị định số 30/2020/NĐ-CP của Chính phủ. Theo Luật Thi đua năm 2003.',
  '',
  'Nơi nhận:',
  '- UBND tỉnh;',
  '- Sở Nội vụ;',
  '- Huyện ủy Bình Sơn;',
  '- UBND huyện;',
  '- Lưu: VT.',
  '',
  'CHỦ TỊCH',
  '',
  'Nguyễn Văn An',
].join('\n');

const K = {
  report: '71/KH-UBND|UBND@huyện:quang-ngai/binh-son|2020',
  province: '70/KH-UBND|UBND@tỉnh:quang-ngai|2020',
  party: '65-KH/HU|HU@quang-ngai/binh-son|2020',
  own: '72/KH-UBND|UBND@huyện:quang-ngai/binh-son|2020',
  decree: '30/2020/NĐ-CP|CP',
  law: 'name:luat thi dua|2003',
};
const ORG = {
  binhSon: 'org:ubnd:huyện:quang-ngai/binh-son',
  province: 'org:ubnd:tỉnh:quang-ngai',
  party: 'org:hu:quang-ngai/binh-son',
  snv: 'org:so:so-noi-vu:quang-ngai',
  cp: 'org:cp',
};

const factsOf = (text: string, sha = 'sha') =>
  graphFacts(extractDocument(text, { path: 'p.txt', sha256: sha, format: 'txt' }), text);

describe('the graph facts of a report', () => {
  it('keys the report by its own number, issued by the unit in its header', () => {
    const g = factsOf(PLAN);
    expect(g.report).toMatchObject({
      key: K.report,
      type: 'KH',
      number: '71',
      symbol: '71/KH-UBND',
      year: 2020,
      issuedOn: '2020-08-07',
      title: 'Phát động phong trào thi đua',
      ambiguous: false,
      issuerKey: ORG.binhSon,
      hasText: true,
      signer: 'Nguyễn Văn An',
      signerPosition: 'Chủ tịch',
      place: 'Bình Sơn',
    });
    expect(g.report.searchText).toMatch(
      /^phat dong phong trao thi dua uy ban nhan dan huyen binh son so 71\/kh-ubnd/,
    );
    expect(g.reporter).toEqual({
      key: ORG.binhSon,
      name: 'Ủy ban nhân dân huyện Bình Sơn',
      shortName: 'UBND huyện Bình Sơn',
      level: 'huyện',
      kind: 'chính quyền',
      areaKey: 'area:huyện:quang-ngai/binh-son',
    });
    expect(g.person).toEqual({
      key: `person:nguyen-van-an|${ORG.binhSon}`,
      name: 'Nguyễn Văn An',
      position: 'Chủ tịch',
    });
    expect(g.context).toEqual({
      level: 'huyện',
      province: 'Quảng Ngãi',
      district: 'Bình Sơn',
      commune: null,
    });
  });

  it('gives each cited document its identity and issuer, the reporter’s own plan its reporter', () => {
    const g = factsOf(PLAN);
    expect(g.documents.map((d) => [d.key, d.issuerKey, d.issuedOn])).toEqual([
      [K.province, ORG.province, '2020-06-04'],
      [K.party, ORG.party, '2020-06-01'],
      [K.own, ORG.binhSon, '2020-08-08'],
      [K.decree, ORG.cp, null],
      [K.law, null, null],
    ]);
    expect(g.refKeys).toEqual([K.decree, K.party, K.province, K.own, K.law].sort());
    expect(g.issuedBy).toEqual([
      { doc: K.report, org: ORG.binhSon },
      { doc: K.own, org: ORG.binhSon },
      { doc: K.province, org: ORG.province },
      { doc: K.party, org: ORG.party },
      { doc: K.decree, org: ORG.cp },
    ]);
  });

  it('draws the report’s relations to what it cites, and the facts between cited documents', () => {
    const g = factsOf(PLAN);
    expect(g.edges).toEqual([
      { from: K.report, rel: 'IMPLEMENTS', to: K.province },
      { from: K.report, rel: 'IMPLEMENTS', to: K.party },
      { from: K.report, rel: 'CITES', to: K.own },
      { from: K.report, rel: 'BASED_ON', to: K.decree },
      { from: K.report, rel: 'CITES', to: K.law },
      { from: K.own, rel: 'IMPLEMENTS', to: K.party },
      { from: K.own, rel: 'IMPLEMENTS', to: K.province },
    ]);
  });

  it('keeps one Citation per mention with its evidence, offsets on the text and what it asserts', () => {
    const g = factsOf(PLAN, 'abc');
    expect(g.citations.map((c) => c.key)).toEqual(['abc:0', 'abc:1', 'abc:2', 'abc:3', 'abc:4']);
    for (const c of g.citations) expect(PLAN.slice(c.start, c.end)).toBe(c.text);
    const own = g.citations[2];
    expect(own).toMatchObject({
      docKey: K.own,
      text: 'Kế hoạch số 72/KH-UBND ngày 8/8/2020',
      relation: 'CITES',
      issuedOn: '2020-08-08',
      issuer: ORG.binhSon,
      ambiguous: false,
      inFootnote: false,
      facts: [`IMPLEMENTS>${K.party}`, `IMPLEMENTS>${K.province}`],
    });
    expect(own?.quote).toMatch(
      /^ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN .* Kế hoạch số 72\/KH-UBND ngày 8\/8\/2020\.$/,
    );
    expect(g.citations[3]).toMatchObject({
      quote: 'Căn cứ Nghị định số 30/2020/NĐ-CP của Chính phủ.',
      relation: 'BASED_ON',
      issuer: ORG.cp,
      facts: [],
    });
    expect(g.citations[4]).toMatchObject({ docKey: K.law, issuer: null });
  });

  it('records the units the report was sent to that its context resolves, never itself', () => {
    const g = factsOf(PLAN);
    expect(g.sentTo).toEqual([ORG.province, ORG.snv, ORG.party]);
    expect(g.organizations.map((o) => o.key)).toEqual([
      ORG.binhSon,
      ORG.province,
      ORG.snv,
      ORG.party,
      ORG.cp,
    ]);
    expect(g.areas).toEqual([
      {
        key: 'area:huyện:quang-ngai/binh-son',
        name: 'Bình Sơn',
        tier: 'huyện',
        parentKey: 'area:tỉnh:quang-ngai',
      },
      { key: 'area:tỉnh:quang-ngai', name: 'Quảng Ngãi', tier: 'tỉnh', parentKey: null },
    ]);
  });

  it('merges two mentions of one document, the first date and the first subject kept', () => {
    const text =
      'Thực hiện Chỉ thị số 05-CT/TU ngày 10/01/2023 của Ban Thường vụ Tỉnh ủy Quảng Ngãi về tăng cường công tác dân vận. Sau một năm thực hiện Chỉ thị số 05-CT/TU ngày 10/01/2023 về công tác khác, kết quả tốt ở tỉnh Quảng Ngãi.';
    const g = factsOf(text);
    expect(g.documents).toHaveLength(1);
    expect(g.documents[0]).toMatchObject({
      key: '05-CT/TU|TU@quang-ngai|2023',
      issuedOn: '2023-01-10',
      year: 2023,
      title: 'tăng cường công tác dân vận',
      issuerKey: 'org:tu:quang-ngai',
    });
    expect(g.citations.map((c) => c.docKey)).toEqual([g.documents[0]?.key, g.documents[0]?.key]);
    expect(g.refKeys).toEqual([g.documents[0]?.key]);
  });

  it('keys a report without a number by its content, and nothing else in it changes', () => {
    const text = PLAN.replace('Số: 71/KH-UBND', '');
    const g = factsOf(text);
    expect(g.report.key).toMatch(/^text:[0-9a-f]{24}$/);
    expect(g.report.symbol).toBeNull();
    expect(factsOf(text, 'another sha').report.key).toBe(g.report.key);
    expect(factsOf(`${text} `).report.key).toBe(g.report.key); // the same words
    expect(factsOf(`${text} Thêm.`).report.key).not.toBe(g.report.key);
    expect(g.edges.filter((e) => e.from === g.report.key)).toHaveLength(5);
  });

  it('knows nothing of the issuer or signer a text without a header does not give', () => {
    const g = factsOf('Căn cứ Nghị định số 30/2020/NĐ-CP của Chính phủ.');
    expect(g.reporter).toBeNull();
    expect(g.person).toBeNull();
    expect(g.report).toMatchObject({ type: 'BC', issuerKey: null, year: null, title: null });
    expect(g.issuedBy).toEqual([{ doc: K.decree, org: ORG.cp }]);
  });
});

describe('the graph facts of a report, at their edges', () => {
  it('never makes a report cite itself, and its own mention is a Citation of the report', () => {
    const text = PLAN.replace(
      'Theo Luật',
      'Kế hoạch số 71/KH-UBND ngày 07/8/2020 của UBND huyện Bình Sơn gửi các xã. Theo Luật',
    );
    const g = factsOf(text);
    expect(g.documents.map((d) => d.key)).not.toContain(K.report);
    expect(g.edges.some((e) => e.from === e.to)).toBe(false);
    const self = g.citations.find((c) => c.docKey === K.report);
    expect(self).toMatchObject({ ambiguous: false, issuer: ORG.binhSon });
  });

  it('gives a legal act between two cited documents to their issuers, not to the reporter', () => {
    const text = PLAN.replace(
      'Theo Luật',
      'Nghị định số 45/2021/NĐ-CP sửa đổi Nghị định số 30/2020/NĐ-CP. Theo Luật',
    );
    const g = factsOf(text);
    const actor = g.documents.find((d) => d.symbol === '45/2021/NĐ-CP');
    expect(actor?.issuerKey).toBe(ORG.cp);
    expect(g.issuedBy).toContainEqual({ doc: '45/2021/NĐ-CP|CP', org: ORG.cp });
    expect(g.edges).toContainEqual({ from: '45/2021/NĐ-CP|CP', rel: 'AMENDS', to: K.decree });
  });

  it('marks a Citation ambiguous when its document is', () => {
    const g = factsOf('Thực hiện Kế hoạch số 17/KH-UBND của UBND huyện về dân vận.');
    expect(g.citations.map((c) => [c.docKey, c.ambiguous])).toEqual([['17/KH-UBND|UBND@?|?', true]]);
    expect(g.documents[0]?.ambiguous).toBe(true);
  });

  it('cuts a long subject to 300 characters for the title', () => {
    const subject = 'công tác dân vận '.repeat(25).trim();
    const g = factsOf(
      `Thực hiện Chỉ thị số 05-CT/TU ngày 10/01/2023 của Ban Thường vụ Tỉnh ủy về ${subject}. Hết.`,
    );
    expect(g.documents[0]?.title).toBe(subject.slice(0, 300));
  });

  it('sends to the units it names without a reporter of its own', () => {
    const g = factsOf('Kính gửi Bộ Nội vụ.\n\nNơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT.');
    expect(g.reporter).toBeNull();
    expect(g.sentTo).toEqual(['org:bo-noi-vu']);
  });

  it('indexes the title before the text, and at most 20000 characters', () => {
    expect(factsOf('Căn cứ Nghị định số 30/2020/NĐ-CP.').report.searchText).toBe(
      'can cu nghi dinh so 30/2020/nd-cp',
    );
    const long = factsOf(`${PLAN}\n${'Nội dung báo cáo. '.repeat(2000)}`);
    expect(long.report.searchText).toHaveLength(20000);
    expect(long.report.searchText.startsWith('phat dong phong trao thi dua uy ban')).toBe(true);
  });
});

describe('the same facts under another report key', () => {
  it('moves every reference to the report onto the new key', () => {
    const g = factsOf(PLAN);
    const h = withReportKey(g, 'text:elsewhere');
    expect(h.report.key).toBe('text:elsewhere');
    expect(h.edges.filter((e) => e.from === 'text:elsewhere')).toHaveLength(5);
    expect(h.edges.some((e) => e.from === K.report || e.to === K.report)).toBe(false);
    expect(h.issuedBy[0]).toEqual({ doc: 'text:elsewhere', org: ORG.binhSon });
    expect(h.citations.map((c) => c.docKey)).toEqual(g.citations.map((c) => c.docKey));
    expect(withReportKey(g, g.report.key)).toBe(g);
  });

  it('drops a cited document that is the report itself, and the edges that would loop', () => {
    const g = factsOf(PLAN);
    const h = withReportKey(g, K.own);
    expect(h.documents.map((d) => d.key)).toEqual([K.province, K.party, K.decree, K.law]);
    expect(h.edges.some((e) => e.from === e.to)).toBe(false);
    expect(h.edges).toContainEqual({ from: K.own, rel: 'IMPLEMENTS', to: K.province });
    expect(h.citations[2]?.docKey).toBe(K.own);
  });

  it('rewrites the facts a Citation carries when they point at the report', () => {
    const g = factsOf(PLAN);
    const moved = withReportKey(
      {
        ...g,
        citations: g.citations.map((c, i) => (i === 2 ? { ...c, facts: [`IMPLEMENTS>${K.report}`] } : c)),
      },
      'text:elsewhere',
    );
    expect(moved.citations[2]?.facts).toEqual(['IMPLEMENTS>text:elsewhere']);
  });
});

describe('evidence and search text', () => {
  it('quotes the sentence around a mention, from the last full stop before it to the next after', () => {
    expect(sentenceAround('. Kế hoạch số 5', 2, 15)).toBe('Kế hoạch số 5');
    const text = 'Câu trước. Thực hiện Kế hoạch số 5 tốt; tiếp tục. Câu sau.';
    const at = text.indexOf('Kế hoạch');
    expect(sentenceAround(text, at, at + 'Kế hoạch số 5'.length)).toBe(
      'Thực hiện Kế hoạch số 5 tốt; tiếp tục.',
    );
    expect(sentenceAround('A\n\nB  C', 3, 4)).toBe('A B C');
    const long = `${'x'.repeat(500)} Kế hoạch ${'y'.repeat(500)}`;
    const s = sentenceAround(long, 501, 509);
    // 400 characters either side at most, white space collapsed.
    expect(s).toBe(`${'x'.repeat(399)} Kế hoạch ${'y'.repeat(399)}`);
  });

  it('cuts at a full stop at the end of a line, a semicolon at the end of a line, or three line breaks', () => {
    expect(sentenceAround('Một.\nHai ba.', 5, 8)).toBe('Hai ba.');
    expect(sentenceAround('Căn cứ a;\nCăn cứ b;\nCăn cứ c', 10, 16)).toBe(
      'Căn cứ b;\nCăn cứ c'.replace('\n', ' '),
    );
    expect(sentenceAround('Đầu\n\n\nThân bài', 6, 10)).toBe('Thân bài');
  });

  it('folds text for the search index: no diacritics, no đ, no punctuation but / and -', () => {
    expect(searchText('Đảng ủy xã Tịnh Hà: “Dân vận khéo” (2021–2025), số 22-CT/TU!')).toBe(
      'dang uy xa tinh ha dan van kheo 2021 2025 so 22-ct/tu',
    );
    expect(searchText('  a\n\tb  ')).toBe('a b');
  });
});
