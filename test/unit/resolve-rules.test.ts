import { describe, expect, it } from 'vitest';
import { ambiguousMessage } from '../../src/graph/audit.js';
import { draftOf, factsOf } from '../../src/graph/facts.js';
import { missingOf } from '../../src/graph/identity.js';
import { Asker, completeContext, NOTHING_KNOWN, type Known } from '../../src/graph/known.js';
import type { AreaRef } from '../../src/graph/organizations.js';
import { contextOf, ownPlace } from '../../src/graph/places.js';
import { narrow, parseRef, swappedSymbol, whatDecides, type Candidate } from '../../src/graph/refs.js';
import { extractDocument } from '../../src/extract/index.js';

/** The pure rules of resolution (src/graph): no database. */

const QN: AreaRef = { tier: 'tỉnh', name: 'Quảng Ngãi', parent: null };
const sonTay: AreaRef = { tier: 'huyện', name: 'Sơn Tây', parent: QN };
const known = (over: Partial<Known> = {}): Known => ({
  areas: new Map([['place:huyện:son-tay', [sonTay]]]),
  dated: new Map(),
  ...over,
});
const facts = (text: string, k: Known = NOTHING_KNOWN) =>
  factsOf(draftOf(extractDocument(text, { path: 'x.txt', sha256: 'x', format: 'txt' }), text), k);

const DISTRICT_REPORT = [
  'ỦY BAN NHÂN DÂN',
  'HUYỆN SƠN TÂY',
  '',
  'Số: 12/BC-UBND',
  '',
  'Sơn Tây, ngày 5 tháng 3 năm 2022',
  '',
  'BÁO CÁO',
  'Kết quả công tác dân vận năm 2021',
  '',
  'Thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân huyện báo cáo như sau:',
  'Các xã tiếp tục thực hiện Chỉ thị 22-CT/TU và Chỉ thị số 08-CT/TU của Ban Thường vụ Tỉnh ủy.',
].join('\n');

describe('where a report stands', () => {
  it('reads the place from a Party committee’s name and from the body above the unit', () => {
    expect(ownPlace('Huyện ủy Sơn Tây')).toEqual({ tier: 'huyện', name: 'Sơn Tây' });
    expect(ownPlace('Tỉnh ủy Quảng Ngãi')).toEqual({ tier: 'tỉnh', name: 'Quảng Ngãi' });
    expect(ownPlace('Đảng bộ huyện Sơn Tây')).toEqual({ tier: 'huyện', name: 'Sơn Tây' });
    // A title that runs into the body names no place (`… Tỉnh ủy Thực hiện …`).
    expect(ownPlace('Tỉnh ủy Thực hiện')).toBeNull();
    expect(
      contextOf('', { name: 'Sở Nội vụ', level: 'tỉnh', parent: 'Ủy ban nhân dân tỉnh Quảng Ngãi' }),
    ).toMatchObject({ province: 'Quảng Ngãi', district: null });
    expect(
      contextOf('tại tỉnh Kon Tum', {
        name: 'Đảng ủy xã Sơn Dung',
        level: 'xã',
        parent: 'Đảng bộ huyện Sơn Tây',
      }),
    ).toEqual({ level: 'xã', province: 'Kon Tum', district: 'Sơn Tây', commune: 'Sơn Dung' });
  });

  it('completes a context from the one area of that name the graph places, never from two', () => {
    const ctx = { level: 'xã' as const, province: null, district: 'Sơn Tây', commune: 'Sơn Dung' };
    const ask = new Asker(known());
    expect(completeContext(ctx, ask)).toEqual({ ...ctx, province: 'Quảng Ngãi' });
    expect([...ask.questions.values()]).toEqual([
      {
        key: 'place:huyện:son-tay',
        kind: 'place',
        tier: 'huyện',
        slug: 'son-tay',
        depth: 2,
        answer: ['area:huyện:quang-ngai/son-tay'],
      },
    ]);
    const twice = known({
      areas: new Map([['place:huyện:son-tay', [sonTay, { ...sonTay, parent: { ...QN, name: 'Hà Tây' } }]]]),
    });
    expect(completeContext(ctx, new Asker(twice))).toEqual(ctx);
    // A province the text names outranks a graph that places the district elsewhere.
    const other = { ...ctx, province: 'Kon Tum' };
    expect(completeContext({ ...other, commune: null, district: null }, new Asker(known()))).toEqual({
      ...other,
      commune: null,
      district: null,
    });
  });
});

describe('resolving a report’s mentions with what the graph knows', () => {
  it('keys by the text alone what it can, and says what it asked', () => {
    const g = facts(DISTRICT_REPORT);
    expect(g.report.key).toBe('12/BC-UBND|UBND@huyện:son-tay|2022');
    // The unknown province keeps the place the text names, so two districts' directives stay apart.
    expect(g.refKeys).toEqual(['08-CT/TU|TU@?son-tay|?', '22-CT/TU|TU@?son-tay|2017']);
    expect(g.questions.map((q) => q.key)).toEqual(['place:huyện:son-tay']);
  });

  it('places the district from the graph; an undated mention takes the dated one of the same text, not inferred', () => {
    const g = facts(DISTRICT_REPORT, known());
    expect(g.report.key).toBe('12/BC-UBND|UBND@huyện:quang-ngai/son-tay|2022');
    const cites = g.citations.filter((c) => c.text.includes('22-CT/TU'));
    expect(cites.map((c) => [c.docKey, c.inferred])).toEqual([
      ['22-CT/TU|TU@quang-ngai|2017', false],
      ['22-CT/TU|TU@quang-ngai|2017', false],
    ]);
    expect(g.answers.areas.map((a) => a.name)).toContain('Sơn Tây');
    expect(g.answers.dated).toContainEqual({
      q: 'sym:22-CT/TU|TU@quang-ngai',
      key: '22-CT/TU|TU@quang-ngai|2017',
    });
  });

  it('joins an undated mention to the one dated document the graph knows, as inferred; two leave it open', () => {
    const one = known({ dated: new Map([['sym:08-CT/TU|TU@quang-ngai', ['08-CT/TU|TU@quang-ngai|2021']]]) });
    const g = facts(DISTRICT_REPORT, one);
    const c = g.citations.find((x) => x.text.includes('08-CT/TU'));
    expect(c).toMatchObject({ docKey: '08-CT/TU|TU@quang-ngai|2021', inferred: true, ambiguous: false });
    // An inferred link answers nobody's question and gives the document no title.
    expect(g.answers.dated.map((x) => x.key)).not.toContain('08-CT/TU|TU@quang-ngai|2021');
    expect(g.documents.find((d) => d.key === '08-CT/TU|TU@quang-ngai|2021')?.title).toBeNull();
    const two = known({
      dated: new Map([
        ['sym:08-CT/TU|TU@quang-ngai', ['08-CT/TU|TU@quang-ngai|2016', '08-CT/TU|TU@quang-ngai|2021']],
      ]),
    });
    const open = facts(DISTRICT_REPORT, two).citations.find((x) => x.text.includes('08-CT/TU'));
    expect(open).toMatchObject({ docKey: '08-CT/TU|TU@quang-ngai|?', inferred: false, ambiguous: true });
  });
});

describe('what an open key lacks, in words', () => {
  it('names the missing province, district, year or symbol', () => {
    expect(missingOf('22-CT/TU|TU@?son-tay|?')).toEqual([
      "which province's Tỉnh ủy issued it (the text places son-tay in no province or district the graph knows)",
      'its date or year',
    ]);
    expect(missingOf('22-CT/TU|TU@quang-ngai|?')).toEqual(['its date or year']);
    expect(missingOf('65-KH/HU|HU@?|2020')).toEqual(["which district's Huyện ủy issued it"]);
    expect(missingOf('num:NĐ:34|?|?')).toEqual(['its symbol (only the type and number are written)']);
    expect(
      ambiguousMessage(
        { key: '22-CT/TU|TU@?|?', symbol: '22-CT/TU', name: null, issuedOn: null },
        '22-CT/TU',
        [{ key: '22-CT/TU|TU@quang-ngai|2017', symbol: '22-CT/TU', name: null, issuedOn: '2017-04-03' }],
      ),
    ).toBe(
      "a mention of 22-CT/TU does not say which province's Tỉnh ủy issued it, nor its date or year; 2 documents carry that number: 22-CT/TU; 22-CT/TU (03/4/2017)",
    );
  });
});

describe('references as staff type them', () => {
  it.each([
    ['KH 70', { kind: 'number', type: 'KH', number: '70' }],
    ['KH số 70', { kind: 'number', type: 'KH', number: '70' }],
    ['70/KH', { kind: 'number', type: 'KH', number: '70' }],
    ['CT 22', { kind: 'number', type: 'CT', number: '22' }],
    ['KL 114', { kind: 'number', type: 'KL', number: '114' }],
    ['NĐ 04/2015', { kind: 'number', type: 'NĐ', number: '04', year: 2015 }],
    ['qd 12', { kind: 'number', type: 'QĐ', number: '12' }],
    ['22/CT-TU', { kind: 'symbol', symbols: ['22/CT-TU', '22-CT/TU'] }],
    ['70-KH/UBND', { kind: 'symbol', symbols: ['70-KH/UBND', '70/KH-UBND'] }],
    ['04/2015/NĐ-CP', { kind: 'symbol', symbols: ['04/2015/NĐ-CP'] }],
    [
      'Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy',
      { kind: 'symbol', symbols: ['22-CT/TU', '22/CT-TU'], issuedOn: '2017-04-03', year: 2017 },
    ],
    ['chi thi 22 nam 2017', { kind: 'number', type: 'CT', number: '22', year: 2017 }],
  ])('reads %s', (ref, want) => {
    expect(parseRef(ref)).toMatchObject(want);
  });

  it('refuses what names no document', () => {
    expect(() => parseRef('xin chào')).toThrow(/names no document/);
    expect(swappedSymbol('1444/UBND-NV')).toBeNull();
  });

  const c = (key: string, over: Partial<Candidate> = {}): Candidate => ({
    key,
    symbol: key.split('|')[0] ?? null,
    year: null,
    issuedOn: null,
    issuers: [],
    ...over,
  });
  const dated = c('22-CT/TU|TU@quang-ngai|2017', {
    issuedOn: '2017-04-03',
    year: 2017,
    issuers: ['org:tu:quang-ngai'],
  });
  const bare = c('22-CT/TU|TU@?|?');
  const other = c('22-CT/TU|TU@kon-tum|2017', {
    issuedOn: '2017-05-10',
    year: 2017,
    issuers: ['org:tu:kon-tum'],
  });

  it('lets a date, a year or an issuer decide between candidates', () => {
    expect(narrow(parseRef('Chỉ thị số 22-CT/TU ngày 03/4/2017'), [dated, bare, other])).toEqual([dated]);
    expect(narrow(parseRef('22-CT/TU ngày 01/01/2019'), [dated, bare, other])).toEqual([bare]);
    expect(narrow(parseRef('22-CT/TU năm 2017'), [dated, bare, other])).toEqual([dated, other]);
    expect(narrow(parseRef('22-CT/TU của Tỉnh ủy Kon Tum'), [dated, bare, other])).toEqual([other]);
    // The symbol as written wins over the swapped one.
    const swapped = c('22/CT-TU|TU@?|2019', { symbol: '22/CT-TU' });
    expect(narrow(parseRef('22/CT-TU'), [dated, swapped])).toEqual([swapped]);
    expect(narrow(parseRef('22-CT/TU'), [dated, bare])).toEqual([dated, bare]);
    expect(whatDecides([dated, bare])).toBe('add the date and the issuer');
    expect(whatDecides([dated, c('22-CT/TU|TU@quang-ngai|2022', { year: 2022 })])).toBe(
      'add the date (ngày …)',
    );
  });
});
