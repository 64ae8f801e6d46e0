import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';

/**
 * A long document with very many references (a register, a compiled annex, a hostile draft sent to
 * `auditText`) is still read, each reference once: no step may spread an unbounded array into a call's
 * arguments (the stack overflows past about 100,000 items). The time it takes is `npm run bench:extract`'s
 * business; before the fix, 20,000 alias definitions took 88 s, now under 1 s.
 */
describe('extraction at scale', () => {
  it('reads 150,000 bare symbols without overflowing the stack', () => {
    const text = `BÁO CÁO\nDanh mục văn bản\n${'22-CT/TU; '.repeat(150_000)}\n`;
    expect(extractDocument(text).references).toHaveLength(150_000);
  }, 120_000);

  it.each([
    ['typed and dated', 'Chỉ thị số 22-CT/TU ngày 03/4/2017 của Tỉnh ủy; '],
    ['number only', 'Kế hoạch số 70; '],
    ['law names', 'Luật Đất đai năm 2013 và '],
    ['alias definitions', 'Chỉ thị số 22-CT/TU (sau đây gọi là Chỉ thị 22); '],
  ])(
    'reads 20,000 references %s, each once',
    (_shape, unit) => {
      const text = `BÁO CÁO\nDanh mục văn bản\n${unit.repeat(20_000)}\n`;
      expect(extractDocument(text).references).toHaveLength(20_000);
    },
    120_000,
  );
});
