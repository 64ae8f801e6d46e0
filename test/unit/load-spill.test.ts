import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ARRAY_DELIMITER,
  CsvWriter,
  GZIP_CSV,
  LINE_MARK,
  markLineBreaks,
  unmarkLineBreaks,
} from '../../src/ingest/csv.js';
import { packLean, Results, TextRef, Texts, textOf, unpackDraft } from '../../src/ingest/spill.js';
import type { Prepared } from '../../src/store/ingest.js';

// Issue 15: `luocdo load` keeps its extracted sources within a memory limit (the rest on disk), keeps long
// texts on disk until they are written, and writes its CSV files as rows come.
describe('load: what is kept on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luocdo-load-spill-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fake = (i: number) =>
    ({
      path: `r${i}.txt`,
      sha256: 'x'.repeat(i + 1),
      facts: { questions: i % 2 === 0 ? [] : [{ key: 'sym:a' }] },
      draft: { text: 'văn bản '.repeat(50 + i) },
    }) as unknown as Prepared;
  // What is kept of a source: all but its draft, and the draft as its SourceFile stores it (gzip of the
  // JSON), only for a source whose resolution asks the graph.
  const lean = (i: number) => {
    const { draft: _d, ...rest } = fake(i);
    return rest;
  };

  it('holds sources up to its limit and spills the rest, reading each back the same', () => {
    const size = (i: number) => packLean(fake(i)).byteLength;
    const limit = size(3) + size(0);
    const r = new Results(limit, join(dir, 'spill'));
    for (const i of [3, 0, 4, 1, 2]) r.put(i, packLean(fake(i)));
    expect(r.spilled).toBe(3);
    expect(r.peakHeldBytes).toBeLessThanOrEqual(limit);
    for (let i = 0; i < 5; i++) {
      const { draftZ, ...rest } = r.get(i) ?? { draftZ: undefined };
      expect(rest).toEqual(lean(i));
      if (i % 2 === 0) expect(draftZ).toBeNull();
      else {
        expect(unpackDraft(draftZ as Int8Array)).toEqual(fake(i).draft);
        expect(gunzipSync(draftZ as Int8Array).toString()).toBe(JSON.stringify(fake(i).draft));
      }
    }
    // Compressed: the repeated text takes far less than its two-byte characters.
    expect(r.spillBytes).toBeLessThan(3 * 400);
    expect(r.get(5)).toBeUndefined();
    r.drop(3);
    expect(r.heldBytes).toBe(size(0));
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

  it('writes a header file after the rows, with each column typed as its values are', async () => {
    const out = new CsvWriter(dir);
    out.node('Doc', 1, { key: 'a', year: null, tags: [], text: 'một\nhai "ba"', z: new Int8Array([1, -2]) });
    out.node('Doc', 2, { key: 'b', year: 2020, tags: ['x', 'y'], text: null, z: null });
    out.edge('CITES', 1, 2, { quote: 'q' });
    const files = await out.close();
    const [nodes, rels] = files.args;
    const body = join(dir, GZIP_CSV ? 'nodes-Doc.csv.gz' : 'nodes-Doc.csv');
    expect(nodes).toBe(`--nodes=Doc=${join(dir, 'nodes-Doc.header.csv')},${body}`);
    expect(rels).toContain('--relationships=CITES=');
    expect(files.marked).toEqual({ labels: ['Doc'], types: [] });
    expect(readFileSync(join(dir, 'nodes-Doc.header.csv'), 'utf8')).toBe(
      ':ID,key,year:long,tags:string[],text,z:byte[],_emptyLists:string[],_lineBreaks:string[]\n',
    );
    const raw = readFileSync(body);
    // No line break inside a field: the importer's multiline reader is never needed.
    expect((GZIP_CSV ? gunzipSync(raw) : raw).toString('utf8')).toBe(
      `1,"a",,"","một${LINE_MARK}1hai ""ba""","1${ARRAY_DELIMITER}-2","tags","text"\n` +
        `2,"b",2020,"x${ARRAY_DELIMITER}y",,,,\n`,
    );
  });

  it('marks the line breaks of list items and relationship properties, and names them on the row', async () => {
    const out = new CsvWriter(dir);
    out.edge('ASKS', 1, 2, { answer: 'a|b\r\nc|d', n: 3 });
    out.edge('ASKS', 1, 3, { answer: 'e|f', n: 4 });
    out.node('Doc', 1, { names: ['x', 'y\nz'] });
    const files = await out.close();
    expect(files.marked).toEqual({ labels: ['Doc'], types: ['ASKS'] });
    const text = (name: string) => {
      const raw = readFileSync(join(dir, `${name}${GZIP_CSV ? '.csv.gz' : '.csv'}`));
      return (GZIP_CSV ? gunzipSync(raw) : raw).toString('utf8');
    };
    expect(text('rels-ASKS')).toBe(`1,2,"a|b${LINE_MARK}2${LINE_MARK}1c|d",3,"answer"\n1,3,"e|f",4,\n`);
    expect(text('nodes-Doc')).toBe(`1,"x${ARRAY_DELIMITER}y${LINE_MARK}1z",,"names"\n`);
  });

  it('gives back every text as it was, a mark or a mark and a digit in it included', () => {
    const texts = [
      'no break',
      'một\nhai',
      '\r\n\n\r',
      LINE_MARK,
      `${LINE_MARK}1 is not a line break`,
      `${LINE_MARK}0${LINE_MARK}2\n${LINE_MARK}${LINE_MARK}1`,
      '',
    ];
    for (const t of texts) {
      const marked = markLineBreaks(t);
      expect(marked, JSON.stringify(t)).not.toMatch(/[\n\r]/);
      expect(unmarkLineBreaks(marked), JSON.stringify(t)).toBe(t);
    }
    expect(markLineBreaks('no break')).toBe('no break');
  });
});
