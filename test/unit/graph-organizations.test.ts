import { describe, expect, it } from 'vitest';
import {
  areaKey,
  codeFamily,
  isCentralCode,
  reporterOrg,
  resolveOrg,
  type Org,
} from '../../src/graph/organizations.js';
import type { Context } from '../../src/graph/places.js';

const XA: Context = { level: 'xã', province: 'Quảng Ngãi', district: 'Sơn Tịnh', commune: 'Tịnh Hà' };
const HUYEN: Context = { level: 'huyện', province: 'Quảng Ngãi', district: 'Bình Sơn', commune: null };
const TINH: Context = { level: 'tỉnh', province: 'Quảng Ngãi', district: null, commune: null };
const NOWHERE: Context = { level: null, province: null, district: null, commune: null };

const brief = (o: Org | null) => o && { key: o.key, name: o.name, level: o.level, kind: o.kind };

describe('issuer codes', () => {
  it('fold a term onto its body and ignore case', () => {
    expect(codeFamily('QH13')).toBe('QH');
    expect(codeFamily('qh14')).toBe('QH');
    expect(codeFamily('UBTVQH11')).toBe('UBTVQH');
    expect(codeFamily('UBTVQHH11')).toBe('UBTVQH');
    expect(codeFamily('QHX')).toBe('QHX');
    expect(codeFamily('AQH1')).toBe('AQH1');
    expect(codeFamily('XUBTVQH1')).toBe('XUBTVQH1');
    expect(codeFamily('ubnd')).toBe('UBND');
  });

  it('tell central bodies from local ones', () => {
    for (const c of ['TW', 'VPTW', 'CP', 'TTg', 'VPCP', 'QH15', 'UBTVQH14', 'BNV', 'BTC', 'NHNN', 'BLĐTBXH'])
      expect(isCentralCode(c), c).toBe(true);
    for (const c of ['TU', 'HU', 'ĐU', 'UBND', 'HĐND', 'SNV', 'XYZ']) expect(isCentralCode(c), c).toBe(false);
  });
});

describe('central bodies by code', () => {
  it.each([
    ['TW', 'org:tw', 'Ban Chấp hành Trung ương Đảng', 'Đảng', 'BCH TW'],
    ['VPTW', 'org:vptw', 'Văn phòng Trung ương Đảng', 'Đảng', 'VPTW'],
    ['CP', 'org:cp', 'Chính phủ', 'chính quyền', 'CP'],
    ['TTg', 'org:ttg', 'Thủ tướng Chính phủ', 'chính quyền', 'TTg'],
    ['VPCP', 'org:vpcp', 'Văn phòng Chính phủ', 'chính quyền', 'VPCP'],
    ['QH13', 'org:qh', 'Quốc hội', 'chính quyền', 'QH'],
    ['UBTVQH14', 'org:ubtvqh', 'Ủy ban Thường vụ Quốc hội', 'chính quyền', 'UBTVQH'],
    ['BNV', 'org:bnv', 'Bộ Nội vụ', 'chính quyền', 'BNV'],
    ['BTC', 'org:btc', 'Bộ Tài chính', 'chính quyền', 'BTC'],
    ['BCA', 'org:bca', 'Bộ Công an', 'chính quyền', 'BCA'],
    ['BQP', 'org:bqp', 'Bộ Quốc phòng', 'chính quyền', 'BQP'],
    ['BTP', 'org:btp', 'Bộ Tư pháp', 'chính quyền', 'BTP'],
    ['BYT', 'org:byt', 'Bộ Y tế', 'chính quyền', 'BYT'],
    ['BCT', 'org:bct', 'Bộ Công Thương', 'chính quyền', 'BCT'],
    ['BGDĐT', 'org:bgddt', 'Bộ Giáo dục và Đào tạo', 'chính quyền', 'BGDĐT'],
    ['BLĐTBXH', 'org:bldtbxh', 'Bộ Lao động - Thương binh và Xã hội', 'chính quyền', 'BLĐTBXH'],
    ['NHNN', 'org:nhnn', 'Ngân hàng Nhà nước Việt Nam', 'chính quyền', 'NHNN'],
  ])('%s', (code, key, name, kind, shortName) => {
    expect(resolveOrg(null, code, NOWHERE)).toEqual({
      key,
      name,
      shortName,
      level: 'trung ương',
      kind,
      area: null,
    });
  });
});

describe('areas', () => {
  it('are keyed by their tier and the path of names from the province down', () => {
    const tinh = { tier: 'tỉnh' as const, name: 'Quảng Ngãi', parent: null };
    const huyen = { tier: 'huyện' as const, name: 'Sơn Tịnh', parent: tinh };
    expect(areaKey(tinh)).toBe('area:tỉnh:quang-ngai');
    expect(areaKey(huyen)).toBe('area:huyện:quang-ngai/son-tinh');
    expect(areaKey({ tier: 'xã', name: 'Tịnh Hà', parent: huyen })).toBe(
      'area:xã:quang-ngai/son-tinh/tinh-ha',
    );
    expect(areaKey({ tier: 'xã', name: 'Tịnh Hà', parent: null })).toBe('area:xã:tinh-ha');
  });
});

describe('the unit behind an issuer phrase', () => {
  it.each([
    ['Bộ Chính trị', 'org:bo-chinh-tri', 'Bộ Chính trị', 'Đảng'],
    ['Ban Bí thư', 'org:ban-bi-thu', 'Ban Bí thư', 'Đảng'],
    ['Ban Chấp hành Trung ương', 'org:tw', 'Ban Chấp hành Trung ương Đảng', 'Đảng'],
    ['BCH Trung ương', 'org:tw', 'Ban Chấp hành Trung ương Đảng', 'Đảng'],
    ['Trung ương', 'org:tw', 'Ban Chấp hành Trung ương Đảng', 'Đảng'],
    ['Văn phòng Trung ương Đảng', 'org:vptw', 'Văn phòng Trung ương Đảng', 'Đảng'],
    ['Thủ tướng Chính phủ', 'org:ttg', 'Thủ tướng Chính phủ', 'chính quyền'],
    ['Văn phòng Chính phủ', 'org:vpcp', 'Văn phòng Chính phủ', 'chính quyền'],
    ['Chính phủ', 'org:cp', 'Chính phủ', 'chính quyền'],
    ['Ủy ban Thường vụ Quốc hội', 'org:ubtvqh', 'Ủy ban Thường vụ Quốc hội', 'chính quyền'],
    ['Quốc hội', 'org:qh', 'Quốc hội', 'chính quyền'],
    ['Bộ Nội vụ', 'org:bo-noi-vu', 'Bộ Nội vụ', 'chính quyền'],
  ])('%s is a central body', (phrase, key, name, kind) => {
    expect(brief(resolveOrg(phrase, null, XA))).toEqual({ key, name, level: 'trung ương', kind });
  });

  it('names a ministry by at most six words', () => {
    expect(resolveOrg('Bộ Tài nguyên và Môi trường về việc quản lý đất đai', null, XA)).toMatchObject({
      key: 'org:bo-tai-nguyen-va-moi-truong',
      name: 'Bộ Tài nguyên và Môi trường',
    });
  });

  it.each([
    ['Ban Thường vụ Tỉnh ủy', XA, 'org:tu:quang-ngai', 'Ban Thường vụ Tỉnh ủy Quảng Ngãi', 'tỉnh', 'Đảng'],
    ['Tỉnh ủy Quảng Nam', XA, 'org:tu:quang-nam', 'Ban Thường vụ Tỉnh ủy Quảng Nam', 'tỉnh', 'Đảng'],
    ['Thành ủy', TINH, 'org:tu:quang-ngai', 'Ban Thường vụ Tỉnh ủy Quảng Ngãi', 'tỉnh', 'Đảng'],
    [
      'Ban Thường vụ Huyện ủy',
      XA,
      'org:hu:quang-ngai/son-tinh',
      'Ban Thường vụ Huyện ủy Sơn Tịnh',
      'huyện',
      'Đảng',
    ],
    [
      'Huyện ủy Bình Sơn',
      XA,
      'org:hu:quang-ngai/binh-son',
      'Ban Thường vụ Huyện ủy Bình Sơn',
      'huyện',
      'Đảng',
    ],
    [
      'Thường trực Huyện ủy',
      HUYEN,
      'org:hu:quang-ngai/binh-son',
      'Ban Thường vụ Huyện ủy Bình Sơn',
      'huyện',
      'Đảng',
    ],
    ['UBND tỉnh', XA, 'org:ubnd:tỉnh:quang-ngai', 'Ủy ban nhân dân tỉnh Quảng Ngãi', 'tỉnh', 'chính quyền'],
    [
      'Ủy ban nhân dân tỉnh Bình Định',
      XA,
      'org:ubnd:tỉnh:binh-dinh',
      'Ủy ban nhân dân tỉnh Bình Định',
      'tỉnh',
      'chính quyền',
    ],
    [
      'Chủ tịch UBND tỉnh',
      XA,
      'org:ubnd:tỉnh:quang-ngai',
      'Ủy ban nhân dân tỉnh Quảng Ngãi',
      'tỉnh',
      'chính quyền',
    ],
    [
      'UBND huyện',
      XA,
      'org:ubnd:huyện:quang-ngai/son-tinh',
      'Ủy ban nhân dân huyện Sơn Tịnh',
      'huyện',
      'chính quyền',
    ],
    [
      'UBND huyện Bình Sơn',
      XA,
      'org:ubnd:huyện:quang-ngai/binh-son',
      'Ủy ban nhân dân huyện Bình Sơn',
      'huyện',
      'chính quyền',
    ],
    [
      'UBND xã',
      XA,
      'org:ubnd:xã:quang-ngai/son-tinh/tinh-ha',
      'Ủy ban nhân dân xã Tịnh Hà',
      'xã',
      'chính quyền',
    ],
    ['HĐND tỉnh', XA, 'org:hdnd:tỉnh:quang-ngai', 'Hội đồng nhân dân tỉnh Quảng Ngãi', 'tỉnh', 'chính quyền'],
    [
      'Hội đồng nhân dân huyện',
      HUYEN,
      'org:hdnd:huyện:quang-ngai/binh-son',
      'Hội đồng nhân dân huyện Bình Sơn',
      'huyện',
      'chính quyền',
    ],
    ['Đảng ủy xã', XA, 'org:du:xã:quang-ngai/son-tinh/tinh-ha', 'Đảng ủy xã Tịnh Hà', 'xã', 'Đảng'],
    ['Đảng ủy', XA, 'org:du:xã:quang-ngai/son-tinh/tinh-ha', 'Đảng ủy xã Tịnh Hà', 'xã', 'Đảng'],
    ['Sở Nội vụ', XA, 'org:so:so-noi-vu:quang-ngai', 'Sở Nội vụ tỉnh Quảng Ngãi', 'tỉnh', 'chính quyền'],
    [
      'Sở Nội vụ tỉnh Bình Định',
      XA,
      'org:so:so-noi-vu:binh-dinh',
      'Sở Nội vụ tỉnh Bình Định',
      'tỉnh',
      'chính quyền',
    ],
    [
      'Ban Dân vận huyện',
      XA,
      'org:ban:ban-dan-van:huyện:quang-ngai/son-tinh',
      'Ban Dân vận huyện Sơn Tịnh',
      'huyện',
      'Đảng',
    ],
    [
      'Ban Tuyên giáo tỉnh',
      XA,
      'org:ban:ban-tuyen-giao:tỉnh:quang-ngai',
      'Ban Tuyên giáo tỉnh Quảng Ngãi',
      'tỉnh',
      'Đảng',
    ],
    [
      'Ban Quản lý dự án tỉnh',
      XA,
      'org:ban:ban-quan-ly-du-an:tỉnh:quang-ngai',
      'Ban Quản lý dự án tỉnh Quảng Ngãi',
      'tỉnh',
      'chính quyền',
    ],
  ])('%s in context is a local unit', (phrase, ctx, key, name, level, kind) => {
    expect(brief(resolveOrg(phrase, null, ctx))).toEqual({ key, name, level, kind });
  });

  it('places each local unit in its area, with the areas above it', () => {
    expect(resolveOrg('UBND xã', null, XA)?.area).toEqual({
      tier: 'xã',
      name: 'Tịnh Hà',
      parent: { tier: 'huyện', name: 'Sơn Tịnh', parent: { tier: 'tỉnh', name: 'Quảng Ngãi', parent: null } },
    });
    expect(resolveOrg('UBND tỉnh', null, XA)?.shortName).toBe('UBND tỉnh Quảng Ngãi');
    expect(resolveOrg('HĐND tỉnh', null, XA)?.shortName).toBeNull();
    expect(resolveOrg('Ban Thường vụ Tỉnh ủy', null, XA)?.shortName).toBe('BTV Tỉnh ủy');
  });

  it('takes cities, towns and wards at the tier they stand for', () => {
    expect(resolveOrg('UBND thành phố Quảng Ngãi', null, TINH)).toMatchObject({
      key: 'org:ubnd:huyện:quang-ngai/quang-ngai',
      level: 'huyện',
    });
    expect(resolveOrg('UBND thị xã Đức Phổ', null, TINH)).toMatchObject({ level: 'huyện' });
    expect(resolveOrg('UBND quận Ba Đình', null, TINH)).toMatchObject({ level: 'huyện' });
    expect(resolveOrg('UBND phường Trần Phú', null, XA)).toMatchObject({
      key: 'org:ubnd:xã:quang-ngai/son-tinh/tran-phu',
      level: 'xã',
    });
    expect(resolveOrg('UBND thị trấn Châu Ổ', null, XA)).toMatchObject({ level: 'xã' });
  });

  it.each([
    'Bộ Chính trị',
    'Ban Bí thư',
    'Văn phòng Trung ương Đảng',
    'Thủ tướng Chính phủ',
    'Văn phòng Chính phủ',
    'Chính phủ',
    'Ủy ban Thường vụ Quốc hội',
    'Quốc hội',
    'Bộ Nội vụ',
    'Tỉnh ủy',
  ])('goes by the body the phrase opens with: UBND tỉnh theo %s', (other) => {
    expect(resolveOrg(`UBND tỉnh theo ${other}`, null, XA)?.key).toBe('org:ubnd:tỉnh:quang-ngai');
  });

  it('reads a proper name of up to four words, only right after the committee', () => {
    expect(resolveOrg('Tỉnh ủy Bà Rịa Vũng Tàu Xa', null, XA)?.key).toBe('org:tu:ba-ria-vung-tau');
    expect(resolveOrg('Ban Thường vụ Tỉnh ủy khóa XX', null, XA)?.key).toBe('org:tu:quang-ngai');
    expect(resolveOrg('Huyện ủy khóa XX', null, XA)?.key).toBe('org:hu:quang-ngai/son-tinh');
  });

  it('reads through the spaces PDF extraction doubles', () => {
    expect(resolveOrg('Thường trực  HĐND tỉnh', null, XA)?.key).toBe('org:hdnd:tỉnh:quang-ngai');
    expect(resolveOrg('Bộ  Nội vụ', null, XA)?.name).toBe('Bộ Nội vụ');
  });

  it('keys a district Party committee with no province known by its district alone', () => {
    // As every local unit is keyed: by its area's key (h-resolve), which has no province part here.
    expect(resolveOrg('Huyện ủy Bình Sơn', null, NOWHERE)).toMatchObject({
      key: 'org:hu:binh-son',
      shortName: 'BTV Huyện ủy',
      level: 'huyện',
    });
  });

  it('says nothing when the text and the context do not tell which unit', () => {
    expect(resolveOrg('UBND', null, XA)).toBeNull();
    expect(resolveOrg('Công an tỉnh và UBND tỉnh', null, XA)).toBeNull();
    expect(resolveOrg('Công an tỉnh phối hợp Sở Tư pháp', null, XA)).toBeNull();
    expect(resolveOrg('Công an tỉnh và Ban Dân vận tỉnh', null, XA)).toBeNull();
    expect(resolveOrg('UBND tỉnh', null, NOWHERE)).toBeNull();
    expect(resolveOrg('UBND huyện', null, TINH)).toBeNull();
    expect(resolveOrg('UBND xã', null, HUYEN)).toBeNull();
    expect(resolveOrg('Hội đồng nhân dân', null, XA)).toBeNull();
    expect(resolveOrg('Đảng ủy', null, HUYEN)).toBeNull();
    expect(resolveOrg('Ban Dân vận Huyện ủy', null, XA)).toBeNull();
    expect(resolveOrg('Công an tỉnh', null, XA)).toBeNull();
    expect(resolveOrg(null, null, XA)).toBeNull();
  });

  it('falls back on the symbol’s issuer code, within what the context allows', () => {
    const key = (code: string, ctx: Context) => resolveOrg(null, code, ctx)?.key ?? null;
    expect(key('TW', NOWHERE)).toBe('org:tw');
    expect(key('QH14', NOWHERE)).toBe('org:qh');
    expect(key('UBTVQH11', NOWHERE)).toBe('org:ubtvqh');
    expect(key('TTg', NOWHERE)).toBe('org:ttg');
    expect(key('TU', XA)).toBe('org:tu:quang-ngai');
    expect(key('HU', XA)).toBe('org:hu:quang-ngai/son-tinh');
    expect(key('HU', HUYEN)).toBe('org:hu:quang-ngai/binh-son');
    expect(key('HU', TINH)).toBeNull();
    expect(key('HU', { ...HUYEN, level: null })).toBeNull();
    expect(key('ĐU', XA)).toBe('org:du:xã:quang-ngai/son-tinh/tinh-ha');
    expect(key('ĐU', HUYEN)).toBeNull();
    expect(key('SNV', XA)).toBe('org:so:so-noi-vu:quang-ngai');
    expect(key('UBND', XA)).toBeNull();
    expect(key('XYZ', XA)).toBeNull();
  });

  it('prefers the phrase to the code', () => {
    expect(resolveOrg('UBND tỉnh', 'TW', XA)?.key).toBe('org:ubnd:tỉnh:quang-ngai');
    expect(resolveOrg('Công an tỉnh', 'TW', XA)?.key).toBe('org:tw');
  });
});

describe('the reporting unit', () => {
  it('is the unit its header names, resolved in its context', () => {
    expect(reporterOrg('Ủy ban nhân dân xã Tịnh Hà', XA)?.key).toBe(
      'org:ubnd:xã:quang-ngai/son-tinh/tinh-ha',
    );
  });

  it('is kept by its name, in its province, when no rule knows it', () => {
    expect(reporterOrg('Công an tỉnh', XA)).toEqual({
      key: 'org:cong-an-tinh:quang-ngai',
      name: 'Công an tỉnh',
      shortName: null,
      level: 'xã',
      kind: null,
      area: null,
    });
    expect(reporterOrg('Công an tỉnh', NOWHERE)?.key).toBe('org:cong-an-tinh');
  });
});
