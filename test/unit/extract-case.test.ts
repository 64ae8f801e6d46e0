import { describe, expect, it } from 'vitest';
import { lowerVi, upperVi } from '../../src/extract/case.js';

/** Every code point, lone surrogates included, in runs: glued, and between letters and spaces (final sigma). */
function* runs(): Generator<string> {
  for (let from = 0; from <= 0x10ffff; from += 2048) {
    const chars: string[] = [];
    for (let cp = from; cp < Math.min(from + 2048, 0x110000); cp++) chars.push(String.fromCodePoint(cp));
    yield chars.join('');
    yield chars.map((c) => `A${c} `).join('');
  }
}

describe('Vietnamese case (issue 15: no locale look-up)', () => {
  it("is toLocaleUpperCase('vi') and toLocaleLowerCase('vi') on every code point, in context", () => {
    for (const s of runs()) {
      if (upperVi(s) !== s.toLocaleUpperCase('vi')) expect(upperVi(s)).toBe(s.toLocaleUpperCase('vi'));
      if (lowerVi(s) !== s.toLocaleLowerCase('vi')) expect(lowerVi(s)).toBe(s.toLocaleLowerCase('vi'));
    }
    expect(upperVi('Ủy ban nhân dân tỉnh Quảng Ngãi đ')).toBe('ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI Đ');
    expect(lowerVi('ΟΔΟΣ ĐẢNG ỦY')).toBe('ΟΔΟΣ ĐẢNG ỦY'.toLocaleLowerCase('vi'));
  });
});
