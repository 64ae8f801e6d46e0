import { describe, expect, it } from 'vitest';
import {
  documentIdentity,
  NEAR_DUPLICATE,
  numberingScope,
  sameReport,
  similarity,
} from '../../src/graph/identity.js';
import type { Org } from '../../src/graph/organizations.js';

const org = (key: string, level: Org['level']): Org => ({
  key,
  name: key,
  shortName: null,
  level,
  kind: null,
  area: null,
});
const BINH_SON = org('org:ubnd:huyện:quang-ngai/binh-son', 'huyện');
const MINISTRY = org('org:bo-ke-hoach-va-dau-tu', 'trung ương');
const ref = (r: Partial<Parameters<typeof documentIdentity>[0]>) => ({
  symbol: null,
  name: null,
  number: null,
  type: 'KH' as const,
  issuedOn: null,
  year: null,
  ...r,
});

describe('the numbering scope of a symbol', () => {
  it('is the code alone for central bodies, whoever the text says issued it', () => {
    expect(numberingScope('30/2020/NĐ-CP', null)).toEqual({ scope: 'CP', resolved: true });
    expect(numberingScope('16/CT-TTg', BINH_SON)).toEqual({ scope: 'TTG', resolved: true });
    expect(numberingScope('80/2015/QH13', null)).toEqual({ scope: 'QH', resolved: true });
    expect(numberingScope('34/2007/PL-UBTVQHH11', null)).toEqual({ scope: 'UBTVQH', resolved: true });
    expect(numberingScope('114-KL/TW', null)).toEqual({ scope: 'TW', resolved: true });
  });

  it('is the code at the local unit, without its kind, when the unit is known', () => {
    expect(numberingScope('70/KH-UBND', BINH_SON)).toEqual({
      scope: 'UBND@huyện:quang-ngai/binh-son',
      resolved: true,
    });
    expect(numberingScope('1444/UBND-NV', BINH_SON).scope).toBe('UBND@huyện:quang-ngai/binh-son');
    expect(numberingScope('65-KH/HU', BINH_SON).scope).toBe('HU@huyện:quang-ngai/binh-son');
  });

  it('keeps the whole key of a central unit whose code is not a central one', () => {
    expect(numberingScope('12/QĐ-BKHĐT', MINISTRY)).toEqual({
      scope: 'BKHĐT@org:bo-ke-hoach-va-dau-tu',
      resolved: true,
    });
  });

  it('is unresolved when the unit is not known', () => {
    expect(numberingScope('70/KH-UBND', null)).toEqual({ scope: 'UBND@?', resolved: false });
  });
});

describe('the identity of a document', () => {
  it('takes the year from the number when it has one, and the date does not matter then', () => {
    const a = documentIdentity(ref({ symbol: '48/2021/QĐ-UBND', issuedOn: '2021-09-22' }), BINH_SON, null);
    const b = documentIdentity(ref({ symbol: '48/2021/QĐ-UBND' }), BINH_SON, null);
    expect(a).toEqual({
      key: '48/2021/QĐ-UBND|UBND@huyện:quang-ngai/binh-son',
      ambiguous: false,
      prefix: null,
      year: null,
      resolved: true,
    });
    expect(b).toEqual(a);
    expect(documentIdentity(ref({ symbol: '48/2021/QĐ-UBND' }), null, null)).toEqual({
      key: '48/2021/QĐ-UBND|UBND@?',
      ambiguous: true,
      prefix: null,
      year: null,
      resolved: false,
    });
  });

  it('takes the year from the date, else from the year, else leaves it open', () => {
    const id = (r: Partial<Parameters<typeof documentIdentity>[0]>, o: Org | null = BINH_SON) =>
      documentIdentity(ref({ symbol: '17/KH-UBND', ...r }), o, null);
    expect(id({ issuedOn: '2021-04-20', year: 2019 })).toEqual({
      key: '17/KH-UBND|UBND@huyện:quang-ngai/binh-son|2021',
      ambiguous: false,
      prefix: '17/KH-UBND|UBND@huyện:quang-ngai/binh-son|',
      year: '2021',
      resolved: true,
    });
    expect(id({ year: 2022 })).toEqual({
      key: '17/KH-UBND|UBND@huyện:quang-ngai/binh-son|2022',
      ambiguous: false,
      prefix: '17/KH-UBND|UBND@huyện:quang-ngai/binh-son|',
      year: '2022',
      resolved: true,
    });
    expect(id({})).toEqual({
      key: '17/KH-UBND|UBND@huyện:quang-ngai/binh-son|?',
      ambiguous: true,
      prefix: '17/KH-UBND|UBND@huyện:quang-ngai/binh-son|',
      year: '?',
      resolved: true,
    });
    expect(id({ issuedOn: '2021-04-20' }, null)).toEqual({
      key: '17/KH-UBND|UBND@?|2021',
      ambiguous: true,
      prefix: '17/KH-UBND|UBND@?|',
      year: '2021',
      resolved: false,
    });
    // One symbol of one issuer a year apart: two documents.
    expect(id({ issuedOn: '2021-04-20' }).key).not.toBe(id({ issuedOn: '2022-05-03' }).key);
  });

  it('keys a document cited by name by its folded name and year, a local one by its province too', () => {
    expect(
      documentIdentity(ref({ type: 'L', name: 'Luật Hóa chất', year: 2007 }), null, 'Quảng Ngãi'),
    ).toEqual({ key: 'name:luat hoa chat|2007', ambiguous: false, prefix: null, year: null, resolved: true });
    expect(documentIdentity(ref({ type: 'HP', name: 'Hiến pháp' }), null, null)).toEqual({
      key: 'name:hien phap|',
      ambiguous: false,
      prefix: null,
      year: null,
      resolved: true,
    });
    const local = ref({ type: 'NQ', name: 'Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX' });
    expect(documentIdentity(local, null, 'Quảng Ngãi').key).toBe(
      'name:nghi quyet dai hoi dang bo tinh lan thu xix||quang-ngai',
    );
    expect(documentIdentity(local, null, null).key).toBe('name:nghi quyet dai hoi dang bo tinh lan thu xix|');
  });

  it('keys a bare number by type, number, issuer and date, always ambiguous', () => {
    expect(documentIdentity(ref({ number: '15', issuedOn: '2020-04-03' }), BINH_SON, null)).toEqual({
      key: 'num:KH:15|org:ubnd:huyện:quang-ngai/binh-son|2020-04-03',
      ambiguous: true,
      prefix: null,
      year: null,
      resolved: false,
    });
    expect(documentIdentity(ref({}), null, null)).toEqual({
      key: 'num:KH:?|?|?',
      ambiguous: true,
      prefix: null,
      year: null,
      resolved: false,
    });
  });
});

describe('near-identical reports', () => {
  const keys = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `k${from + i}`);

  it('measures likeness as the Jaccard similarity of the reference keys, as sets', () => {
    expect(similarity([], [])).toBe(0);
    expect(similarity(['a'], [])).toBe(0);
    expect(similarity(['a', 'b'], ['a', 'b'])).toBe(1);
    expect(similarity(['a', 'b', 'c'], ['b', 'c', 'd'])).toBe(2 / 4);
    expect(similarity(['a', 'a', 'b'], ['a', 'b', 'b'])).toBe(1);
    expect(similarity(keys(4), keys(5))).toBe(0.8);
  });

  const rep = (
    refKeys: string[],
    title: string | null = 'Báo cáo quý I',
    numberedKey: string | null = null,
  ) => ({
    numberedKey,
    title,
    refKeys,
  });

  it('takes two reports for one at the threshold and above it, not below', () => {
    expect(NEAR_DUPLICATE).toBe(0.8);
    expect(sameReport(rep(keys(5)), rep(keys(4)))).toBe(true); // 4/5
    expect(sameReport(rep(keys(4)), rep(keys(5)))).toBe(true);
    expect(sameReport(rep(keys(3)), rep(keys(4)))).toBe(false); // 3/4
    expect(sameReport(rep(keys(5)), rep([...keys(4), 'x']))).toBe(false); // 4/6
  });

  it('needs three references at least, on the side being placed', () => {
    expect(sameReport(rep(keys(2)), rep(keys(2)))).toBe(false);
    expect(sameReport(rep(keys(3)), rep(keys(3)))).toBe(true);
  });

  it('never joins two reports with different titles (diacritics and case aside)', () => {
    expect(sameReport(rep(keys(5), 'Báo cáo quý I'), rep(keys(5), 'Báo cáo quý II'))).toBe(false);
    expect(sameReport(rep(keys(5), 'Báo cáo quý I'), rep(keys(5), 'BAO CAO QUY I'))).toBe(true);
    expect(sameReport(rep(keys(5), null), rep(keys(5), 'Báo cáo quý II'))).toBe(true);
    expect(sameReport(rep(keys(5), 'Báo cáo quý I'), rep(keys(5), null))).toBe(true);
  });

  it('never joins two reports that carry different numbers of their own', () => {
    expect(sameReport(rep(keys(5), 't', '21/BC-UBND|x'), rep(keys(5), 't', '22/BC-UBND|x'))).toBe(false);
    expect(sameReport(rep(keys(5), 't', '21/BC-UBND|x'), rep(keys(5), 't', '21/BC-UBND|x'))).toBe(true);
    expect(sameReport(rep(keys(5), 't', '21/BC-UBND|x'), rep(keys(5), 't', null))).toBe(true);
    expect(sameReport(rep(keys(5), 't', null), rep(keys(5), 't', '22/BC-UBND|x'))).toBe(true);
  });
});
