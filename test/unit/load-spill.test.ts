import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { ARRAY_DELIMITER, CsvWriter } from '../../src/ingest/csv.js';
import { Results, TextRef, Texts, textOf } from '../../src/ingest/spill.js';
import type { Prepared } from '../../src/store/ingest.js';

// Issue 15: `luocdo load` keeps its extracted sources within a memory limit (the rest on disk), keeps long
// texts on disk until they are written, and writes its CSV files as rows come.
describe('load: what is kept on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luocdo-load-spill-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fake = (i: number) => ({ path: `r${i}.txt`, sha256: 'x'.repeat(i + 1) }) as unknown as Prepared;

  it('holds sources up to its limit and spills the rest, reading each back the same', () => {
    const bytes = serialize(fake(0)).byteLength;
    const r = new Results(bytes * 2.5, join(dir, 'spill'));
    for (const i of [3, 0, 4, 1, 2]) r.put(i, serialize(fake(i)));
    expect(r.spilled).toBe(3);
    expect(r.peakHeldBytes).toBeLessThanOrEqual(bytes * 2.5);
    for (let i = 0; i < 5; i++) expect(r.get(i)).toEqual(fake(i));
    expect(r.get(5)).toBeUndefined();
    r.drop(3);
    expect(r.heldBytes).toBeLessThan(bytes * 2);
    r.close();
  });

  it('keeps texts on disk and compares them as settle-documents does (longer, then smaller)', () => {
    const t = new Texts(join(dir, 'texts'));
    const a = t.put('Chỉ thị về phòng chống');
    expect(a).toBeInstanceOf(TextRef);
    expect(t.get(a)).toBe('Chỉ thị về phòng chống');
    expect(t.better('Chỉ thị về phòng chống thêm', a)).toBe(true);
    expect(t.better('ngắn', a)).toBe(false);
    expect(t.better('Chỉ thị về phòng chốnA', a)).toBe(true);
    expect(t.better('Chỉ thị về phòng chống', a)).toBe(false);
    expect(t.better(null, null)).toBe(false);
    expect(t.better('x', undefined)).toBe(true);
    expect(textOf(t)(a)).toBe('Chỉ thị về phòng chống');
    expect(textOf(t)(7)).toBe(7);
    t.close();
  });

  it('writes a header file after the rows, with each column typed as its values are', () => {
    const out = new CsvWriter(dir);
    out.node('Doc', 1, { key: 'a', year: null, tags: [], text: 'một\nhai "ba"', z: new Int8Array([1, -2]) });
    out.node('Doc', 2, { key: 'b', year: 2020, tags: ['x', 'y'], text: null, z: null });
    out.edge('CITES', 1, 2, { quote: 'q' });
    const files = out.close();
    const [nodes, rels] = files.args;
    expect(nodes).toBe(`--nodes=Doc=${join(dir, 'nodes-Doc.header.csv')},${join(dir, 'nodes-Doc.csv')}`);
    expect(rels).toContain('--relationships=CITES=');
    expect(files.multiline).toEqual([join(dir, 'nodes-Doc.csv')]);
    expect(readFileSync(join(dir, 'nodes-Doc.header.csv'), 'utf8')).toBe(
      ':ID,key,year:long,tags:string[],text,z:byte[],_emptyLists:string[]\n',
    );
    expect(readFileSync(join(dir, 'nodes-Doc.csv'), 'utf8')).toBe(
      `1,"a",,"","một\nhai ""ba""","1${ARRAY_DELIMITER}-2","tags"\n` +
        `2,"b",2020,"x${ARRAY_DELIMITER}y",,,\n`,
    );
  });
});
