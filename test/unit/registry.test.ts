import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';
import { entryOf } from '../../src/ingest/registry/facts.js';
import {
  mapHeaders,
  parseDate,
  parseInForce,
  parseType,
  readRow,
  readSymbol,
  type RegisterRecord,
} from '../../src/ingest/registry/fields.js';
import { checkRows, dryRun } from '../../src/ingest/registry/index.js';
import { formatOf, readRegister } from '../../src/ingest/registry/read.js';
import { encodeCp1258, encodeTcvn3 } from '../../src/read/legacy/index.js';

describe('a register’s columns (issue 16)', () => {
  it('are found by their Vietnamese headers, with or without diacritics, in the usual spellings', () => {
    const spellings = [
      ['Số ký hiệu', 'Ngày ban hành', 'Trích yếu', 'Cơ quan ban hành', 'Loại văn bản', 'Hiệu lực', 'Link'],
      [
        'Số, ký hiệu',
        'Ngày ban hành',
        'Trích yếu nội dung',
        'Cơ quan ban hành',
        'Loại',
        'Tình trạng hiệu lực',
        'Đường dẫn',
      ],
      ['so_ky_hieu', 'ngay_ban_hanh', 'trich_yeu', 'co_quan_ban_hanh', 'loai_van_ban', 'hieu_luc', 'link'],
      ['SO KY HIEU', 'NGAY BAN HANH', 'TRICH YEU', 'CO QUAN BAN HANH', 'LOAI VAN BAN', 'HIEU LUC', 'URL'],
    ];
    for (const headers of spellings)
      expect(mapHeaders(headers)).toEqual({
        symbol: 0,
        issuedOn: 1,
        title: 2,
        issuer: 3,
        type: 4,
        inForce: 5,
        link: 6,
      });
    expect(mapHeaders(['STT', 'Số', 'Ký hiệu'])).toEqual({ symbol: 1 });
  });

  it('or by --map, which decides first', () => {
    expect(mapHeaders(['Mã VB', 'Số ký hiệu', 'Nội dung'], { 'Mã VB': 'symbol' })).toEqual({
      symbol: 0,
      title: 2,
    });
  });

  it('read Hiệu lực, dates, types and symbols as registers write them', () => {
    expect(parseInForce('Còn hiệu lực')).toBe('in-force');
    expect(parseInForce('Hết hiệu lực toàn bộ')).toBe('expired');
    expect(parseInForce('het hieu luc mot phan')).toBe('partly-expired');
    expect(parseInForce('Chưa có hiệu lực')).toBe('not-yet');
    expect(parseInForce('')).toBeNull();
    expect(parseDate('10/7/2022')).toBe('2022-07-10');
    expect(parseDate('10-07-2022')).toBe('2022-07-10');
    expect(parseDate('10.07.2022')).toBe('2022-07-10');
    expect(parseDate('2022-07-10')).toBe('2022-07-10');
    expect(parseDate('ngày 10 tháng 7 năm 2022')).toBe('2022-07-10');
    expect(parseDate(new Date(Date.UTC(2022, 6, 10)))).toBe('2022-07-10');
    expect(parseDate('31/02/2022')).toBeNull();
    expect(parseType('Kế hoạch')).toBe('KH');
    expect(parseType('ke hoach')).toBe('KH');
    expect(parseType('QĐ')).toBe('QĐ');
    expect(readSymbol('Số 15/2019/QÐ-UBND')?.symbol).toBe('15/2019/QĐ-UBND');
    expect(readSymbol('3652/byt-dp')?.symbol).toBe('3652/BYT-DP');
    expect(readSymbol('22 - ct/tu')?.symbol).toBe('22-CT/TU');
    expect(readSymbol('không số')).toBeNull();
    expect(readSymbol('2022')).toBeNull();
  });

  it('refuses a row with its number and why: no symbol, a date that does not parse, a year its date disagrees with', () => {
    const cells = (symbol: string, issuedOn: string) => ({ row: 7, cells: { symbol, issuedOn } });
    expect(readRow(cells('', '1/1/2022'), { issuer: null })).toEqual({
      row: 7,
      why: 'no symbol (Số ký hiệu is empty)',
    });
    expect(readRow(cells('12/KH-UBND', '32/13/2022'), { issuer: null })).toEqual({
      row: 7,
      why: "the date '32/13/2022' does not parse",
    });
    expect(readRow(cells('05/2020/QĐ-UBND', '01/01/2021'), { issuer: null })).toMatchObject({
      why: '05/2020/QĐ-UBND carries the year 2020 but is dated 2021-01-01',
    });
    expect(readRow(cells('12/KH-UBND', '1/8/2022'), { issuer: 'UBND tỉnh Quảng Ngãi' })).toMatchObject({
      symbol: '12/KH-UBND',
      type: 'KH',
      issuedOn: '2022-08-01',
      year: 2022,
      issuer: 'UBND tỉnh Quảng Ngãi',
    });
  });
});

describe('reading a register file', () => {
  const CSV =
    'Số ký hiệu;Ngày ban hành;Trích yếu\r\n70/KH-UBND;04/6/2020;"Phát động ""Dân vận khéo"";\r\ngiai đoạn 2021-2025"\r\n';

  it('reads CSV in UTF-8, with a BOM, quotes holding separators and line breaks; row numbers are the file’s', async () => {
    for (const bytes of [new TextEncoder().encode(CSV), new TextEncoder().encode(`\uFEFF${CSV}`)]) {
      const t = await readRegister(bytes, 'so.csv', 'csv');
      expect(t.headers).toEqual(['Số ký hiệu', 'Ngày ban hành', 'Trích yếu']);
      expect(t.rows).toEqual([
        {
          row: 2,
          cells: {
            symbol: '70/KH-UBND',
            issuedOn: '04/6/2020',
            title: 'Phát động "Dân vận khéo";\r\ngiai đoạn 2021-2025',
          },
        },
      ]);
    }
  });

  it('reads CSV in a legacy encoding (Windows-1258, TCVN3) through the readers’ detection', async () => {
    const text =
      'Số ký hiệu,Ngày ban hành,Trích yếu,Cơ quan ban hành\n22-CT/TU,03/4/2017,Về đẩy mạnh và nâng cao hiệu quả phong trào thi đua Dân vận khéo trong các cơ quan nhà nước,Ban Thường vụ Tỉnh ủy\n';
    for (const [bytes, encoding] of [
      [encodeCp1258(text), 'cp1258'],
      [encodeTcvn3(text), 'tcvn3'],
    ] as const) {
      const t = await readRegister(bytes, 'so.csv', 'csv');
      expect(t.encoding).toBe(encoding);
      expect(t.rows[0]?.cells.title).toBe(
        'Về đẩy mạnh và nâng cao hiệu quả phong trào thi đua Dân vận khéo trong các cơ quan nhà nước',
      );
    }
  });

  it('reads JSON lines and .xlsx (headers below a title row, dates as cells); refuses .xls with a reason', async () => {
    const j = await readRegister(
      new TextEncoder().encode(
        '{"so_ky_hieu":"22-CT/TU","ngay_ban_hanh":"2017-04-03"}\n\n{"so_ky_hieu":"x"}\n',
      ),
      'so.jsonl',
      'jsonl',
    );
    expect(j.rows.map((r) => r.row)).toEqual([1, 3]);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('A');
    ws.addRow(['SỔ ĐĂNG KÝ VĂN BẢN']);
    ws.addRow(['Số, ký hiệu', 'Ngày ban hành', 'Trích yếu']);
    ws.addRow([
      '70/KH-UBND',
      new Date(Date.UTC(2020, 5, 4)),
      { richText: [{ text: 'Phát động ' }, { text: 'Dân vận khéo' }] },
    ]);
    const x = await readRegister(new Uint8Array(await wb.xlsx.writeBuffer()), 'so.xlsx', 'xlsx');
    expect(x.rows).toHaveLength(1);
    expect(x.rows[0]?.row).toBe(3);
    const read = checkRows(x, 'UBND tỉnh Quảng Ngãi');
    expect(read.records[0]).toMatchObject({
      symbol: '70/KH-UBND',
      issuedOn: '2020-06-04',
      title: 'Phát động Dân vận khéo',
    });
    expect(() => formatOf('so.xls')).toThrow(/not read.*|\.xls/);
  });

  it('shows in a dry run the columns found and the first rows with their keys and references', async () => {
    const t = await readRegister(
      new TextEncoder().encode(
        'so_ky_hieu,ngay_ban_hanh,trich_yeu,co_quan_ban_hanh\n70/KH-UBND,04/6/2020,triển khai thực hiện chỉ thị số 22-ct/tu ngày 03/4/2017 của ban thường vụ tỉnh ủy,UBND tỉnh Quảng Ngãi\n,1/1/2020,x,y\n',
      ),
      'so.csv',
      'csv',
    );
    const shown = dryRun(checkRows(t, null));
    expect(shown.mapping).toEqual({
      symbol: 'so_ky_hieu',
      issuedOn: 'ngay_ban_hanh',
      title: 'trich_yeu',
      issuer: 'co_quan_ban_hanh',
    });
    expect(shown.rows[0]).toMatchObject({
      key: '70/KH-UBND|UBND@tỉnh:quang-ngai|2020',
      references: [
        {
          text: 'chỉ thị số 22-ct/tu ngày 03/4/2017',
          relation: 'IMPLEMENTS',
          key: '22-CT/TU|TU@quang-ngai|2017',
        },
      ],
    });
    expect(shown.bad).toEqual([{ row: 3, why: 'no symbol (Số ký hiệu is empty)' }]);
  });
});

describe('a title read as text, in whatever case the register writes it', () => {
  const record = (title: string, type: RegisterRecord['type'] = 'KH'): RegisterRecord => ({
    row: 2,
    symbol: '12/KH-UBND',
    number: '12',
    type,
    issuedOn: '2022-08-01',
    year: 2022,
    title,
    issuer: 'UBND tỉnh Quảng Ngãi',
    inForce: null,
    inForceText: null,
    link: null,
  });

  it('gives the same references, symbols upper-cased and issuers found, as the title written with capitals', () => {
    const pairs = [
      [
        'thực hiện công văn số 3652/byt-dp ngày 10/7/2022 của bộ y tế',
        'Thực hiện Công văn số 3652/BYT-DP ngày 10/7/2022 của Bộ Y tế',
      ],
      [
        'triển khai thực hiện chỉ thị số 22-ct/tu ngày 03/4/2017 của ban thường vụ tỉnh ủy',
        'Triển khai thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy',
      ],
      [
        'bãi bỏ quyết định số 15/2019/qÐ-ubnd ngày 3/5/2019 của ubnd tỉnh',
        'Bãi bỏ Quyết định số 15/2019/QĐ-UBND ngày 3/5/2019 của UBND tỉnh',
      ],
      [
        'sửa đổi thông tư số 07/2022/tt-btttt của bộ thông tin và truyền thông',
        'Sửa đổi Thông tư số 07/2022/TT-BTTTT của Bộ Thông tin và Truyền thông',
      ],
    ];
    const keyed = (t: string) =>
      entryOf('sha', record(t)).facts.citations.map((c) => [c.docKey, c.relation, c.issuedOn]);
    for (const [lower, upper] of pairs) {
      expect(keyed(lower as string)).toEqual(keyed(upper as string));
      expect(keyed(lower as string)).toHaveLength(1);
    }
    const d = extractDocument('thực hiện công văn số 3652/byt-dp ngày 10/7/2022 của bộ y tế', undefined, {
      titleOf: { type: 'KH', issuer: null },
    });
    expect(d.references[0]).toMatchObject({
      symbol: '3652/BYT-DP',
      relation: 'IMPLEMENTS',
      issuer: { text: 'Bộ y tế' },
    });
  });

  it('reads legal acts in a title as the document’s own: sửa đổi AMENDS, bãi bỏ REPEALS, triển khai thực hiện IMPLEMENTS', () => {
    const rel = (t: string, type: RegisterRecord['type']) =>
      entryOf('sha', record(t, type)).facts.edges.map((e) => e.rel);
    expect(rel('Sửa đổi, bổ sung một số điều của Quyết định số 12/2020/QĐ-UBND', 'QĐ')).toEqual(['AMENDS']);
    expect(rel('Bãi bỏ Quyết định số 15/2019/QÐ-UBND', 'QĐ')).toEqual(['REPEALS']);
    expect(
      rel('Triển khai thực hiện Thông tư số 07/2022/TT-BTTTT của Bộ Thông tin và Truyền thông', 'KH'),
    ).toEqual(['IMPLEMENTS']);
  });

  it('keeps issuer words in running text with capitals as they were: a topic in lower case is no issuer', () => {
    const d = extractDocument('Thực hiện Công văn số 12/UBND-NV của bộ phận một cửa, UBND xã báo cáo.');
    expect(d.references[0]?.issuer).toBeNull();
  });
});
