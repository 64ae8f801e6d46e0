import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';

/** Citations built from the numbering conventions, with the breaks PDF extraction puts in them. */
const WORD: Record<string, string> = {
  CT: 'Chỉ thị',
  KH: 'Kế hoạch',
  NQ: 'Nghị quyết',
  KL: 'Kết luận',
  QĐ: 'Quyết định',
  HD: 'Hướng dẫn',
  TB: 'Thông báo',
  BC: 'Báo cáo',
  NĐ: 'Nghị định',
  TT: 'Thông tư',
  CV: 'Công văn',
};
const brk = fc.constantFrom('', '', '', ' ', '\n\n', ' \n\n', '\n ', '-\n\n'.slice(1));
const day = fc.integer({ min: 1, max: 28 });
const month = fc.integer({ min: 1, max: 12 });
const year = fc.integer({ min: 1995, max: 2025 });
const num = fc.integer({ min: 1, max: 4999 });

type Citation = { text: string; symbol: string; iso: string; word: string };

const citation: fc.Arbitrary<Citation> = fc
  .record({
    system: fc.constantFrom('party', 'state', 'legal'),
    n: num,
    d: day,
    m: month,
    y: year,
    partyType: fc.constantFrom('CT', 'KH', 'NQ', 'KL', 'QĐ', 'HD', 'CV', 'TB', 'BC'),
    partyIssuer: fc.constantFrom('TW', 'TU', 'HU', 'ĐU', 'QU', 'VPTW'),
    stateType: fc.constantFrom('KH', 'QĐ', 'TB', 'BC', 'CT'),
    stateIssuer: fc.constantFrom('UBND', 'SNV', 'BTC', 'TTg', 'UBND-VX', 'SYT-NVY'),
    legalType: fc.constantFrom('NĐ', 'TT', 'QĐ', 'NQ'),
    legalIssuer: fc.constantFrom('CP', 'BTC', 'UBND', 'HĐND', 'BNV'),
    b1: brk,
    b2: brk,
    b3: brk,
    dateWords: fc.boolean(),
    dateSpace: fc.constantFrom('', ' ', ' \n\n'),
    so: fc.constantFrom('số ', '', 'số: '),
  })
  .map((r) => {
    const pad = (x: number) => String(x).padStart(2, '0');
    const iso = `${r.y}-${pad(r.m)}-${pad(r.d)}`;
    const ds = r.dateSpace;
    const date = r.dateWords ? `ngày ${r.d} tháng ${r.m} năm ${r.y}` : `ngày ${r.d}/${ds}${r.m}/${ds}${r.y}`;
    let written: string;
    let symbol: string;
    let type: string;
    if (r.system === 'party') {
      type = r.partyType;
      symbol = `${r.n}-${type}/${r.partyIssuer}`;
      written = `${r.n}-${r.b1}${type}/${r.b2}${r.partyIssuer}`;
    } else if (r.system === 'state') {
      type = r.stateType;
      symbol = `${r.n}/${type}-${r.stateIssuer}`;
      const [head, ...rest] = r.stateIssuer.split('-');
      written = `${r.n}/${r.b1}${type}${r.b2.trim() === '' ? r.b2 : ' '}-${r.b3}${[head, ...rest].join('-')}`;
    } else {
      type = r.legalType;
      symbol = `${r.n}/${r.y}/${type}-${r.legalIssuer}`;
      written = `${r.n}/${r.y}/${r.b1}${type}-${r.b2}${r.legalIssuer}`;
    }
    const word = WORD[type] as string;
    return { text: `${word} ${r.so}${written} ${date}`, symbol, iso, word };
  });

const filler = fc.constantFrom(
  'Trong năm qua, công tác dân vận được triển khai sâu rộng ',
  'UBND xã đã chỉ đạo các thôn tổ chức tuyên truyền, ',
  'Tiếp tục thực hiện theo tinh thần ',
  'Căn cứ ',
  '',
  'giai đoạn 2021-2025 với 729 hộ/2.971 khẩu; ',
);
const after = fc.constantFrom(
  ' của UBND tỉnh về việc thi đua.',
  '; và các văn bản khác.',
  '.',
  ' về công tác dân vận, Covid-19 kéo dài.',
  '',
);

describe('a reference survives what PDF extraction and copying do to it', () => {
  it('is found with its canonical symbol and date, and its offsets point at it', () => {
    fc.assert(
      fc.property(filler, citation, after, fc.boolean(), (before, c, tail, decompose) => {
        const raw = before + c.text + tail;
        const text = decompose ? raw.normalize('NFD') : raw;
        const refs = extractDocument(text).references.filter((r) => r.number !== null);
        expect(refs.map((r) => r.symbol)).toEqual([c.symbol]);
        const r = refs[0];
        if (!r) return;
        expect(r.issuedOn).toBe(c.iso);
        expect(text.slice(r.start, r.end)).toBe(r.text);
        expect(r.text.normalize('NFC').startsWith(c.word)).toBe(true);
        expect(r.text.normalize('NFC').replace(/\s+/g, '').endsWith(c.text.slice(-4))).toBe(true);
      }),
      { numRuns: 600 },
    );
  });
});

describe('any text at all', () => {
  it('never throws, and every span lies inside the text and matches it', () => {
    const vietnamese = fc.string({
      unit: fc.constantFrom(
        ...'abcdeghiklmnopqrstuvxyđĐăâêôơưáàảãạếềểễệ0123456789 /-.,;:\n()“”số Chỉ thị Kế hoạch ngày tháng năm KH CT UBND TU'.split(
          '',
        ),
      ),
      maxLength: 300,
    });
    fc.assert(
      fc.property(fc.oneof(vietnamese, fc.string({ unit: 'grapheme', maxLength: 200 })), (text) => {
        const d = extractDocument(text);
        for (const r of d.references) {
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeLessThanOrEqual(text.length);
          expect(r.start).toBeLessThan(r.end);
          expect(text.slice(r.start, r.end)).toBe(r.text);
        }
        for (const f of d.findings) expect(f.end).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 400 },
    );
  });
});
