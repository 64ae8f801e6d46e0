import { describe, expect, it } from 'vitest';
import { contextOf, namedPlaces, ownPlace, slug } from '../../src/graph/places.js';

describe('slugs', () => {
  it('fold diacritics and đ, and join words with single hyphens', () => {
    expect(slug('Quảng Ngãi')).toBe('quang-ngai');
    expect(slug('  Đức Phổ / Ba Tơ  ')).toBe('duc-pho-ba-to');
    expect(slug('Sở Nội vụ (SNV)')).toBe('so-noi-vu-snv');
    expect(slug('-Tịnh Hà-')).toBe('tinh-ha');
  });
});

describe('the places a text names', () => {
  it('takes the most named place of each tier, the first named on a tie', () => {
    expect(
      namedPlaces(
        'tỉnh Quảng Ngãi và tỉnh Kon Tum; tỉnh Kon Tum. huyện Sơn Tịnh, huyện Ba Tơ, xã Tịnh Hà, thị trấn Châu Ổ, thị trấn Châu Ổ',
      ),
    ).toEqual({ tỉnh: 'Kon Tum', huyện: 'Sơn Tịnh', xã: 'Châu Ổ' });
    expect(namedPlaces('tỉnh Kon Tum, tỉnh Kon Tum và tỉnh Quảng Ngãi').tỉnh).toBe('Kon Tum');
  });

  it('counts quận and thị xã as districts, phường and thị trấn as communes', () => {
    expect(namedPlaces('quận Ba Đình')).toEqual({ tỉnh: null, huyện: 'Ba Đình', xã: null });
    expect(namedPlaces('thị xã Đức Phổ')).toEqual({ tỉnh: null, huyện: 'Đức Phổ', xã: null });
    expect(namedPlaces('phường Trần Phú')).toEqual({ tỉnh: null, huyện: null, xã: 'Trần Phú' });
  });

  it('reads a name of up to four capitalised words, across a line break after the tier word', () => {
    expect(namedPlaces('huyện\nSơn Tịnh').huyện).toBe('Sơn Tịnh');
    expect(namedPlaces('huyện Sơn  Tịnh').huyện).toBe('Sơn Tịnh');
    expect(namedPlaces('tỉnh Bà Rịa Vũng Tàu Xa Xôi').tỉnh).toBe('Bà Rịa Vũng Tàu');
    expect(namedPlaces('cấp tỉnh và cấp huyện đã')).toEqual({ tỉnh: null, huyện: null, xã: null });
    expect(namedPlaces('Huyện ủy Bình Sơn').huyện).toBeNull();
  });
});

describe('a unit’s own place', () => {
  it.each([
    ['Ủy ban nhân dân tỉnh Quảng Ngãi', { tier: 'tỉnh', name: 'Quảng Ngãi' }],
    ['Ủy ban nhân dân huyện Bình Sơn', { tier: 'huyện', name: 'Bình Sơn' }],
    ['Ủy ban nhân dân thành phố Quảng Ngãi', { tier: 'huyện', name: 'Quảng Ngãi' }],
    ['Ủy ban nhân dân quận Ba Đình', { tier: 'huyện', name: 'Ba Đình' }],
    ['Ủy ban nhân dân thị xã Đức Phổ', { tier: 'huyện', name: 'Đức Phổ' }],
    ['Ủy ban nhân dân xã Tịnh Hà', { tier: 'xã', name: 'Tịnh Hà' }],
    ['Ủy ban nhân dân phường Trần Phú', { tier: 'xã', name: 'Trần Phú' }],
    ['Ủy ban nhân dân thị trấn Châu Ổ', { tier: 'xã', name: 'Châu Ổ' }],
    ['Sở Nội vụ', null],
    ['Ủy ban nhân dân huyện Bình Sơn về việc', null],
  ])('%s', (name, place) => {
    expect(ownPlace(name)).toEqual(place);
  });
});

describe('a report’s context', () => {
  const TEXT = 'thực hiện tại tỉnh Quảng Ngãi, huyện Sơn Tịnh và xã Tịnh Hà';

  it('puts a commune’s report in the district and province its text names', () => {
    expect(contextOf(TEXT, { name: 'Ủy ban nhân dân xã Tịnh Phong', level: 'xã' })).toEqual({
      level: 'xã',
      province: 'Quảng Ngãi',
      district: 'Sơn Tịnh',
      commune: 'Tịnh Phong',
    });
  });

  it('puts a district’s report in its own district, not one it names', () => {
    expect(contextOf(TEXT, { name: 'Ủy ban nhân dân huyện Bình Sơn', level: 'huyện' })).toEqual({
      level: 'huyện',
      province: 'Quảng Ngãi',
      district: 'Bình Sơn',
      commune: null,
    });
  });

  it('gives a province’s report its own province and no district', () => {
    expect(contextOf(TEXT, { name: 'Ủy ban nhân dân tỉnh Bình Định', level: 'tỉnh' })).toEqual({
      level: 'tỉnh',
      province: 'Bình Định',
      district: null,
      commune: null,
    });
    expect(contextOf(TEXT, { name: 'Sở Nội vụ', level: 'tỉnh' })).toEqual({
      level: 'tỉnh',
      province: 'Quảng Ngãi',
      district: null,
      commune: null,
    });
  });

  it('takes only what the text names when there is no header', () => {
    expect(contextOf(TEXT, null)).toEqual({
      level: null,
      province: 'Quảng Ngãi',
      district: 'Sơn Tịnh',
      commune: null,
    });
  });
});
