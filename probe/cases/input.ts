import { copyFileSync, readdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { failed, held, withinMemory, type ProbeCase } from '../case.js';
import type { ProbeContext } from '../context.js';
import { writeDocx } from '../files.js';
import type { Run } from '../processes.js';

type Summary = { files: number; failed: number; results: unknown[]; failures: Array<{ error: string }> };

function summaryOf(r: Run): Summary | null {
  try {
    return JSON.parse(r.stdout) as Summary;
  } catch {
    return null;
  }
}

const firstSeed = (ctx: ProbeContext): string => {
  const name = readdirSync(ctx.seeds)
    .filter((f) => f.endsWith('.txt'))
    .sort()[0];
  if (!name) throw new Error(`no .txt seed in ${ctx.seeds}`);
  return join(ctx.seeds, name);
};

const PARAGRAPH =
  'Thực hiện Chỉ thị số 22-CT/TU ngày 01/02/2021 của Ban Thường vụ Tỉnh ủy về đẩy mạnh công tác dân vận, Ủy ban nhân dân xã báo cáo kết quả như sau.';

/** A bad file among good ones at high concurrency: refused with its name, the rest read, memory bounded. */
function refusedFile(
  id: string,
  tries: string,
  boundMb: number,
  make: (dir: string) => string,
  opts: { concurrency?: number; copies?: number } = {},
): ProbeCase {
  return {
    id,
    area: 'input',
    tries,
    limitMs: 180_000,
    async run(ctx) {
      const dir = ctx.folder(id);
      const bad: string[] = [];
      for (let i = 0; i < (opts.copies ?? 1); i++) bad.push(make(join(dir, String(i))));
      copyFileSync(firstSeed(ctx), join(dir, 'good.txt'));
      const r = await ctx.cli(
        ['ingest', '--dry-run', '--json', '--concurrency', String(opts.concurrency ?? 8), dir],
        {
          timeoutMs: 150_000,
        },
      );
      const s = summaryOf(r);
      const named = bad.every((b) => r.stderr.includes(basename(b)));
      const ok =
        !r.timedOut &&
        r.code !== 0 &&
        named &&
        s !== null &&
        s.failed === bad.length &&
        s.results.length >= 1;
      const said =
        r.stderr.split('\n').find((l) => l.includes(basename(bad[0] ?? '?'))) ?? r.stderr.slice(-160);
      const what = r.timedOut
        ? `still running after ${r.ms} ms`
        : `exit ${String(r.code)} in ${r.ms} ms, ${s?.failed ?? '?'} refused, ${s?.results.length ?? '?'} read: ${said.trim().slice(0, 160)}`;
      return withinMemory(ok, what, r.peakRssMb, boundMb);
    },
  };
}

const docxBomb = refusedFile(
  'input.docx-bomb',
  'a 4 MB .docx that unpacks to 1.2 GB of XML, three of them at --concurrency 8',
  600,
  (base) => {
    writeDocx(`${base}-bomb.docx`, 'a'.repeat(200), 1200);
    return `${base}-bomb.docx`;
  },
  { copies: 3 },
);

const lyingZip = refusedFile(
  'input.docx-lying-sizes',
  'a .docx whose headers declare 4 KB but whose XML inflates to 1.2 GB',
  600,
  (base) => {
    writeDocx(`${base}-liar.docx`, 'a'.repeat(200), 1200, { lieAboutSize: true });
    return `${base}-liar.docx`;
  },
);

const sparseText = refusedFile('input.sparse-text', 'a sparse 1.2 GB .txt file', 300, (base) => {
  const path = `${base}-sparse.txt`;
  writeFileSync(path, '');
  truncateSync(path, 1200 * 1024 * 1024);
  return path;
});

const hugeText = refusedFile(
  'input.over-2gib',
  'a sparse 2.5 GB .txt file (past the 2 GiB a buffer can hold)',
  300,
  (base) => {
    const path = `${base}-huge.txt`;
    writeFileSync(path, '');
    truncateSync(path, 2.5 * 1024 * 1024 * 1024);
    return path;
  },
);

const GARBAGE: Array<[string, Buffer]> = [
  ['empty.txt', Buffer.alloc(0)],
  ['random.pdf', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251))],
  ['not-a-zip.docx', Buffer.from('PK\u0003\u0004 truncated')],
  ['binary.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256))],
  ['truncated.pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog')],
];

const garbage: ProbeCase = {
  id: 'input.garbage-files',
  area: 'input',
  tries: 'an empty file, random bytes as .pdf and .txt, a broken .docx and .pdf beside a good report',
  limitMs: 90_000,
  async run(ctx) {
    const dir = ctx.folder('garbage');
    for (const [name, bytes] of GARBAGE) writeFileSync(join(dir, name), bytes);
    copyFileSync(firstSeed(ctx), join(dir, 'good.txt'));
    const r = await ctx.cli(['ingest', '--dry-run', '--json', dir], { timeoutMs: 60_000 });
    const s = summaryOf(r);
    const unnamed = GARBAGE.map(([n]) => n).filter((n) => !r.stderr.includes(n));
    const traces = /\n\s+at |node_modules/.test(r.stderr);
    const what = `exit ${String(r.code)}, ${s?.failed ?? '?'} refused, ${s?.results.length ?? '?'} read`;
    if (traces) return failed(`${what}; a stack trace in the output`);
    // Each bad file is either refused by name or read as (empty) text; none stops the good one.
    return s &&
      s.results.length >= 1 &&
      unnamed.length <= GARBAGE.length - s.failed &&
      (s.failed === 0 || r.code !== 0)
      ? held(`${what}; ${r.stderr.trim().split('\n').slice(0, 2).join(' | ').slice(0, 200)}`)
      : failed(`${what}; not named: ${unnamed.join(', ')}`);
  },
};

const BUDGET_MB = 2000;

const memoryBudget: ProbeCase = {
  id: 'input.memory-budget',
  area: 'input',
  tries: `three .docx of 30 MB of text XML each at --concurrency 8 under a ${BUDGET_MB} MB budget: all read, memory bounded`,
  limitMs: 240_000,
  async run(ctx) {
    const dir = ctx.folder('budget');
    for (const i of [1, 2, 3])
      writeDocx(join(dir, `large-${i}.docx`), `${PARAGRAPH} ${i}`, 30, { varied: true });
    const env = { ...ctx.env, LUOCDO_MEMORY_BUDGET_MB: String(BUDGET_MB) };
    const r = await ctx.cli(['ingest', '--dry-run', '--json', '--concurrency', '8', dir], {
      env,
      timeoutMs: 200_000,
    });
    const s = summaryOf(r);
    const read = r.code === 0 && s?.results.length === 3;
    const what = r.timedOut
      ? `still running after ${r.ms} ms`
      : read
        ? `3 read in ${r.ms} ms`
        : `exit ${String(r.code)}: ${r.stderr.trim().split('\n').pop()?.slice(0, 160) ?? ''}`;
    // The budget bounds what the files being read hold (one 30 MB-XML file alone peaks at 1.4 GB); the
    // process itself and V8's lazy freeing under its 4 GB heap limit add to it (2.3–2.5 GB measured one by
    // one). Since ingest batches by default (issue 15), an extraction worker's isolate and the results a
    // batch holds until it is written add more, which the budget does not count yet: 3.1 GB measured with
    // workers replaced after a large file (4.9 GB before that).
    return withinMemory(!r.timedOut && read, what, r.peakRssMb, BUDGET_MB + 1500);
  },
};

const symlinkLoops: ProbeCase = {
  id: 'input.symlink-loops',
  area: 'input',
  tries: 'a folder with two links to itself and one report: finishes, reads the report once',
  limitMs: 60_000,
  async run(ctx) {
    const dir = ctx.folder('loops');
    copyFileSync(firstSeed(ctx), join(dir, 'report.txt'));
    symlinkSync('.', join(dir, 'self-a'));
    symlinkSync(dir, join(dir, 'self-b'));
    symlinkSync('report.txt', join(dir, 'same-report.txt'));
    const r = await ctx.cli(['ingest', '--dry-run', '--json', dir], { timeoutMs: 45_000 });
    const s = summaryOf(r);
    if (r.timedOut) return failed(`still running after ${r.ms} ms (peak ${r.peakRssMb} MB)`);
    const files = s?.files ?? -1;
    return files === 1 && r.code === 0
      ? held(`${files} file in ${r.ms} ms`)
      : failed(`exit ${String(r.code)}, ${files} files read`);
  },
};

// A file name is the user's data: it may hold a newline or a terminal escape, and must not forge output.
const FORGED = ['x\nerror FILE_READ: forged.docx', 'y\u001b[2J\u001b[31mred.docx', 'z\u202etxt.docx'];

const forgedNames: ProbeCase = {
  id: 'input.control-characters-in-names',
  area: 'input',
  tries: 'file names with a newline, an ANSI escape and a right-to-left override, in error lines',
  limitMs: 60_000,
  async run(ctx) {
    const dir = ctx.folder('names');
    // Over the size limit, so that each one gets an error line with its name.
    for (const name of FORGED) {
      writeFileSync(join(dir, name), '');
      truncateSync(join(dir, name), 200 * 1024 * 1024);
    }
    const r = await ctx.cli(['ingest', '--dry-run', dir], { timeoutMs: 45_000 });
    const out = r.stdout + r.stderr;
    const forgedLine = out.split('\n').some((l) => l.startsWith('error FILE_READ: forged'));
    const raw = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(out);
    const errors = out.split('\n').filter((l) => l.startsWith('error')).length;
    if (forgedLine || raw)
      return failed(
        `${forgedLine ? 'a forged line' : ''} ${raw ? 'raw control characters' : ''} in the output`,
      );
    return errors === FORGED.length && r.code !== 0
      ? held(`${errors} error lines, names escaped`)
      : failed(`exit ${String(r.code)}, ${errors} error lines for ${FORGED.length} bad files`);
  },
};

const removeRelative: ProbeCase = {
  id: 'input.remove-relative-path',
  area: 'input',
  tries: '`remove` with a path relative to the working folder, as ingest takes it',
  limitMs: 90_000,
  async run(ctx) {
    const dir = ctx.folder('remove');
    const file = join(dir, 'report.txt');
    copyFileSync(firstSeed(ctx), file);
    const cwd = join(dir, '..');
    const rel = relative(cwd, file);
    const i = await ctx.cli(['ingest', rel], { cwd });
    const r = await ctx.cli(['remove', rel], { cwd });
    const again = await ctx.cli(['remove', file]);
    if (i.code !== 0) return failed(`the ingest failed: ${i.stderr.slice(-160)}`);
    return r.code === 0 && /removed/.test(r.stdout) && again.code !== 0
      ? held(`removed by ${rel}`)
      : failed(`remove ${rel}: exit ${String(r.code)}: ${(r.stdout + r.stderr).trim().slice(0, 160)}`);
  },
};

export const inputCases: ProbeCase[] = [
  docxBomb,
  lyingZip,
  sparseText,
  hugeText,
  memoryBudget,
  garbage,
  symlinkLoops,
  forgedNames,
  removeRelative,
];
