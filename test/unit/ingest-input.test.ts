import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { printable } from '../../src/cli/output.js';
import { MemoryBudget } from '../../src/ingest/budget.js';
import { memoryEstimate } from '../../src/read/limits.js';
import { ingestPaths, listFiles } from '../../src/ingest/pipeline.js';

// What the ingest is given from outside — folders with links in them, file names with control characters
// in them, many big files at once — without a database: the dry run reads and extracts, writes nothing.

const tmp = mkdtempSync(join(tmpdir(), 'luocdo-input-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const REPORT = (n: number) =>
  `ỦY BAN NHÂN DÂN HUYỆN MINH LONG\nSố: ${n}/BC-UBND\nBÁO CÁO\nThực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy.\n`;
const folder = (name: string) => {
  const d = join(tmp, name);
  mkdirSync(d);
  return d;
};

describe('links in the folders given', () => {
  it('walks each real folder once: links to their own folder neither loop nor repeat a file', async () => {
    const one = folder('one-link');
    writeFileSync(join(one, 'a.txt'), REPORT(1));
    symlinkSync('.', join(one, 'self'));
    // One self-link listed a.txt 41 times (until ELOOP); two made the walk endless.
    expect((await listFiles([one])).files).toEqual([join(one, 'a.txt')]);
    const two = folder('two-links');
    writeFileSync(join(two, 'a.txt'), REPORT(1));
    symlinkSync('.', join(two, 'loop1'));
    symlinkSync('.', join(two, 'loop2'));
    expect(await listFiles([two])).toMatchObject({ files: [join(two, 'a.txt')], failures: [] });
  });

  it('lists each real file once, however many names lead to it', async () => {
    const d = folder('aliases');
    writeFileSync(join(d, 'a.txt'), REPORT(1));
    symlinkSync('a.txt', join(d, 'b.txt'));
    symlinkSync(d, join(d, 'sub'));
    const s = await ingestPaths(null, [d, join(d, 'a.txt')], { maxBytes: 1e6, concurrency: 2, dryRun: true });
    expect(s.files).toBe(1);
    expect(s.results.map((r) => r.path)).toEqual([join(d, 'a.txt')]);
  });

  it('reports a link that loops on itself as a failure naming it', async () => {
    const d = folder('eloop');
    symlinkSync('x', join(d, 'x'));
    const { files, failures } = await listFiles([d]);
    expect(files).toEqual([]);
    expect(failures).toEqual([{ path: join(d, 'x'), error: `${join(d, 'x')}: a symbolic link that loops` }]);
  });
});

describe('file names printed at a terminal', () => {
  it('escapes control characters and bidi overrides, and nothing else', () => {
    expect(printable('a\nb\r\t\x1b[2J\x00\x7f\x9b\u202e\u2066ổ/x.txt')).toBe(
      'a\\nb\\r\\t\\x1b[2J\\x00\\x7f\\x9b\\u202e\\u2066ổ/x.txt',
    );
    expect(printable('/srv/Báo cáo 22-CT/TU.docx')).toBe('/srv/Báo cáo 22-CT/TU.docx');
  });

  it('cannot forge an output line or send an escape sequence through a file name', async () => {
    const d = folder('names');
    const name = 'x\nerror FILE_READ: passwd: forged\x1b[2J\u202e.txt';
    writeFileSync(join(d, name), ''); // empty: its error line names it
    writeFileSync(join(d, 'good.txt'), REPORT(2));
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['node', 'luocdo', 'ingest', '--dry-run', d], {
      out: (s) => out.push(s),
      err: (s) => err.push(s),
    });
    expect(code).toBe(1);
    const lines = [...out, ...err].join('\n').split('\n');
    expect(lines.filter((l) => l.startsWith('error'))).toEqual([
      `error FILE_READ: ${d}/x\\nerror FILE_READ: passwd: forged\\x1b[2J\\u202e.txt: empty file`,
    ]);
    expect(lines.join('\n')).not.toMatch(/[\x1b\u202e]/);
  });
});

describe('the memory budget of an ingest', () => {
  it('holds files to what fits, serving them in order, and gives back what each took', async () => {
    const b = new MemoryBudget(100, () => 0); // the heap as the counts alone say it
    const first = await b.reserve(60);
    let second = false;
    const waiting = b.reserve(60).then((r) => ((second = true), r));
    const small = b.reserve(10).then((r) => r);
    await new Promise((r) => setTimeout(r, 10));
    expect(second).toBe(false); // and the small one waits behind it: no starving the big one
    first();
    first(); // twice is once
    (await waiting)();
    (await small)();
    expect(b.peak).toEqual({ bytes: 70, holders: 2 });
    await expect(b.reserve(101)).rejects.toThrow(RangeError);
  });

  it('reads big files fewer at a time than --concurrency, and refuses one over the whole budget', async () => {
    const d = folder('budget');
    for (let i = 1; i <= 6; i++) writeFileSync(join(d, `r${i}.txt`), REPORT(i).repeat(40));
    const size = REPORT(1).repeat(40).length * 1.2; // bytes, Vietnamese letters being 2-3 bytes
    // Two such files fit, not three; the real heap is checked too.
    const budget = new MemoryBudget(Math.round(memoryEstimate('txt', size, 0) * 2.2));
    const s = await ingestPaths(null, [d], {
      maxBytes: 1e6,
      concurrency: 6,
      dryRun: true,
      memoryBudget: budget,
    });
    expect(s.failures).toEqual([]);
    expect(s.results).toHaveLength(6);
    expect(budget.peak.holders).toBeLessThanOrEqual(2);
    expect(budget.peak.bytes).toBeLessThanOrEqual(budget.total);
    const real = new MemoryBudget(1000);
    const held = await real.reserve(10);
    const ballast = Buffer.alloc(0).toString().padEnd(4e6, 'x').split(''); // the heap grows past the budget
    let next = false;
    const after = real.reserve(10).then((r) => ((next = true), r));
    await new Promise((r) => setTimeout(r, 10));
    expect(next).toBe(false); // the counts would let it in; the heap as it is does not
    held();
    (await after)();
    expect(ballast.length).toBe(4e6);
    const tiny = await ingestPaths(null, [join(d, 'r1.txt')], {
      maxBytes: 1e6,
      concurrency: 1,
      dryRun: true,
      memoryBudget: 1e4,
    });
    expect(tiny.failures[0]?.error).toMatch(
      /r1\.txt: needs about \d+ MB of memory to read, more than the whole memory budget of 0 MB \(LUOCDO_MEMORY_BUDGET_MB\)$/,
    );
  });
});
