import { describe, expect, it } from 'vitest';
import {
  distinctCycles,
  issuersConflict,
  label,
  proposedDate,
  SEVERITY_ORDER,
  vnDate,
} from '../../src/graph/audit.js';

const doc = (key: string, symbol: string | null = null, name: string | null = null) => ({
  key,
  symbol,
  name,
  issuedOn: null,
});

describe('the audit’s judgements', () => {
  it('writes a date the way the documents do', () => {
    expect(vnDate('2017-04-03')).toBe('03/4/2017');
    expect(vnDate('2021-12-30')).toBe('30/12/2021');
  });

  it('labels a document by its symbol, else its name, else its readable name: never its key', () => {
    expect(label(doc('k', '22-CT/TU', 'Chỉ thị'))).toBe('22-CT/TU');
    expect(label(doc('k', null, 'Luật Hóa chất'))).toBe('Luật Hóa chất');
    expect(label(doc('text:abc'))).toBe('Văn bản');
    expect(
      label({ ...doc('text:abc'), type: 'BC', issuedOn: '2022-04-20', issuer: 'UBND huyện Bình Sơn' }),
    ).toBe('Báo cáo của UBND huyện Bình Sơn, 20/4/2022');
  });

  it('orders errors before warnings before information', () => {
    expect(SEVERITY_ORDER.error).toBeLessThan(SEVERITY_ORDER.warning);
    expect(SEVERITY_ORDER.warning).toBeLessThan(SEVERITY_ORDER.info);
  });

  it('proposes the document’s own date when its text is in the graph', () => {
    const dates = [
      { on: '2017-05-03', count: 5 },
      { on: '2017-04-03', count: 1 },
    ];
    expect(proposedDate(dates, '2017-04-03', true)).toBe('2017-04-03');
    expect(proposedDate(dates, '2017-04-03', false)).toBe('2017-05-03');
    expect(proposedDate(dates, null, true)).toBe('2017-05-03');
  });

  it('proposes the date most citations give, and none on a tie or with no dates', () => {
    expect(
      proposedDate(
        [
          { on: '2021-03-05', count: 1 },
          { on: '2021-03-03', count: 2 },
        ],
        null,
        false,
      ),
    ).toBe('2021-03-03');
    expect(
      proposedDate(
        [
          { on: '2021-03-05', count: 2 },
          { on: '2021-03-03', count: 2 },
        ],
        null,
        false,
      ),
    ).toBeNull();
    expect(proposedDate([{ on: '2021-03-05', count: 1 }], null, false)).toBe('2021-03-05');
    expect(proposedDate([], null, false)).toBeNull();
  });

  it('leaves the dates it was given in their order', () => {
    const dates = [
      { on: '2021-03-05', count: 1 },
      { on: '2021-03-03', count: 2 },
    ];
    proposedDate(dates, null, false);
    expect(dates.map((d) => d.on)).toEqual(['2021-03-05', '2021-03-03']);
  });

  const issuer = (key: string, level: string | null, kind: string | null) => ({
    key,
    name: key,
    level,
    kind,
  });

  it('finds issuers that cannot be one body: another level or another kind', () => {
    expect(issuersConflict([issuer('a', 'tỉnh', 'Đảng'), issuer('b', 'tỉnh', 'Đảng')])).toBe(false);
    expect(issuersConflict([issuer('a', 'tỉnh', 'Đảng'), issuer('b', 'huyện', 'Đảng')])).toBe(true);
    expect(issuersConflict([issuer('a', 'tỉnh', 'Đảng'), issuer('b', 'tỉnh', 'chính quyền')])).toBe(true);
    expect(
      issuersConflict([issuer('a', 'tỉnh', null), issuer('b', 'tỉnh', 'Đảng'), issuer('c', 'huyện', null)]),
    ).toBe(true);
  });

  it('lets an unknown level or kind agree with anything', () => {
    expect(issuersConflict([issuer('a', 'tỉnh', null), issuer('b', null, 'Đảng')])).toBe(false);
    expect(issuersConflict([issuer('a', null, null), issuer('b', 'huyện', 'Đảng')])).toBe(false);
    expect(issuersConflict([issuer('a', 'tỉnh', 'Đảng')])).toBe(false);
    expect(issuersConflict([])).toBe(false);
  });

  it('keeps one cycle per set of documents, the first found', () => {
    const c = (tag: string, ...keys: string[]) => ({ tag, docs: keys.map((k) => doc(k)) });
    const cycles = [
      c('1', 'a', 'b'),
      c('2', 'b', 'a'),
      c('3', 'a', 'b', 'c'),
      c('4', 'c', 'a', 'b', 'c'),
      c('5', 'a'),
    ];
    expect(distinctCycles(cycles).map((x) => x.tag)).toEqual(['1', '3', '5']);
    expect(distinctCycles([c('6', 'ab', 'c'), c('7', 'a', 'bc')]).map((x) => x.tag)).toEqual(['6', '7']);
  });
});
