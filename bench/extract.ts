// Extraction throughput on one core over at least 20 MB of report text: the synthetic corpus, and the
// seed reports repeated. Prints MB/s (UTF-8 bytes of input) and the memory used. Then extractFile on
// synthetic reports as files, in one worker thread (bench/extract-files.ts): files/s and CPU ms per file.
//   npm run bench:extract -- [megabytes=20] [files=2000]
//   npm run bench:extract -- files [files=2000]      (the files figure alone)
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { extractDocument } from '../src/extract/index.js';
import { projectRoot } from '../src/paths.js';
import { reports } from './corpus.js';
import { extractFilesBench } from './extract-files.js';

const filesOnly = process.argv[2] === 'files';
const targetMb = Number(process.argv[2] ?? 20);
const fileCount = Number(process.argv[3] ?? 2000);

function run(label: string, texts: string[]): void {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  for (const t of texts.slice(0, 50)) extractDocument(t); // warm-up
  let refs = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const t of texts) refs += extractDocument(t).references.length;
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  // CPU seconds of this process: the machine is shared, so wall time also counts other work's turns.
  const cpu = (c.user + c.system) / 1e6;
  console.log(
    JSON.stringify({
      corpus: label,
      documents: texts.length,
      megabytes: +(bytes / 1e6).toFixed(1),
      seconds: +s.toFixed(2),
      mbPerSecond: +(bytes / 1e6 / s).toFixed(2),
      mbPerCpuSecond: +(bytes / 1e6 / cpu).toFixed(2),
      references: refs,
      heapUsedMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    }),
  );
}

console.log(
  `machine: ${cpus()[0]?.model ?? '?'} (${cpus().length} cores), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);
if (!filesOnly) {
  const synthetic: string[] = [];
  let size = 0;
  for (const rep of reports(42, 1_000_000)) {
    synthetic.push(rep.text);
    size += Buffer.byteLength(rep.text);
    if (size >= targetMb * 1e6) break;
  }
  run('synthetic reports', synthetic);

  const seedDir = join(projectRoot(), 'seeds');
  const seeds = readdirSync(seedDir).map((f) => readFileSync(join(seedDir, f), 'utf8'));
  const seedBytes = seeds.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const repeated: string[] = [];
  for (let i = 0; i < Math.ceil((targetMb * 1e6) / seedBytes); i++) repeated.push(...seeds);
  run('seed reports, repeated', repeated);
}
await extractFilesBench(fileCount);
