// Legacy-encoding detection and conversion on one core: MB/s (input bytes) and MB per CPU-second, for
// genuine UTF-8 (the seeds, and ../shared/corpus when it is there, where any conversion is a false one),
// for the seeds encoded here as TCVN3, VNI and cp1258 bytes, as TCVN3 shown as cp1252 text (a .doc typed
// in .VnTime), and for the plain per-font conversion the .docx reader calls per run. Then OCR (bench/read-ocr.ts):
// pages per second and the CPU seconds per page of its pdftoppm and tesseract children.
// Arguments: megabytes of text per case (8), scanned pages to OCR (4; 0 skips OCR).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/paths.js';
import {
  CP1252_HIGH,
  decodeByFont,
  detectLegacyBytes,
  detectLegacyText,
  encodeCp1258,
  encodeTcvn3,
  encodeVni,
} from '../src/read/legacy/index.js';
import { benchOcr } from './read-ocr.js';

const targetMb = Number(process.argv[2] ?? 8);
const ocrPages = Number(process.argv[3] ?? 4);

type Case = { label: string; inputs: (string | Uint8Array)[]; run: (x: string | Uint8Array) => string };

const size = (x: string | Uint8Array) => (typeof x === 'string' ? Buffer.byteLength(x) : x.length);

function measure({ label, inputs, run }: Case): void {
  const bytes = inputs.reduce((n, x) => n + size(x), 0);
  for (const x of inputs.slice(0, 3)) run(x); // warm-up
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let chars = 0;
  for (const x of inputs) chars += run(x).length;
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  // CPU seconds of this process: the machine is shared, so wall time also counts other work's turns.
  const cpu = (c.user + c.system) / 1e6;
  const mb = bytes / 1e6;
  console.log(
    JSON.stringify({
      case: label,
      inputs: inputs.length,
      megabytes: +mb.toFixed(2),
      seconds: +s.toFixed(2),
      mbPerSecond: +(mb / s).toFixed(2),
      mbPerCpuSecond: +(mb / cpu).toFixed(2),
      charsOut: chars,
    }),
  );
}

const seedDir = join(projectRoot(), 'seeds');
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(seedDir, f), 'utf8'));
const seedBytes = seeds.reduce((n, t) => n + Buffer.byteLength(t), 0);
const repeat = <T>(xs: T[]): T[] =>
  Array.from({ length: Math.max(1, Math.ceil((targetMb * 1e6) / seedBytes)) }, () => xs).flat();
const asCp1252 = (b: Uint8Array) => [...b].map((x) => CP1252_HIGH.get(x) ?? String.fromCharCode(x)).join('');

console.log(
  `machine: ${cpus()[0]?.model ?? '?'} (${cpus().length} cores), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);

/** Genuine UTF-8 files: every one must come back unchanged; the count of those that did not is printed. */
function falseConversions(label: string, files: string[]): void {
  let changed = 0;
  let doubtful = 0;
  for (const f of files) {
    const bytes = readFileSync(f);
    const d = detectLegacyBytes(bytes);
    if (d.encoding !== 'utf-8' || d.text !== bytes.toString('utf8')) changed++;
    if (d.doubtful) doubtful++;
  }
  console.log(
    JSON.stringify({ case: `false conversions: ${label}`, files: files.length, changed, doubtful }),
  );
}

const corpusDir = join(projectRoot(), '..', 'shared', 'corpus', 'vlc');
const corpus = existsSync(corpusDir)
  ? readdirSync(corpusDir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(corpusDir, f))
  : [];
falseConversions(
  'seeds',
  readdirSync(seedDir).map((f) => join(seedDir, f)),
);
if (corpus.length) falseConversions('../shared/corpus/vlc', corpus);

const utf8 = repeat(seeds).map((t) => new TextEncoder().encode(t));
measure({ label: 'detect: genuine UTF-8 (seeds)', inputs: utf8, run: (x) => detectLegacy(x) });
if (corpus.length) {
  const files = corpus.map((f) => new Uint8Array(readFileSync(f)));
  measure({ label: 'detect: genuine UTF-8 (corpus)', inputs: files, run: (x) => detectLegacy(x) });
}
measure({ label: 'detect+convert: TCVN3 bytes', inputs: repeat(seeds.map(encodeTcvn3)), run: detectLegacy });
measure({ label: 'detect+convert: VNI bytes', inputs: repeat(seeds.map(encodeVni)), run: detectLegacy });
measure({
  label: 'detect+convert: cp1258 bytes',
  inputs: repeat(seeds.map(encodeCp1258)),
  run: detectLegacy,
});
const lookAlikes = repeat(seeds.map((t) => asCp1252(encodeTcvn3(t))));
measure({ label: 'detect+convert: TCVN3 look-alikes (a .doc)', inputs: lookAlikes, run: detectLegacy });
measure({
  label: 'convert by font: .VnTime runs',
  inputs: lookAlikes,
  run: (x) => decodeByFont(typeof x === 'string' ? x : '', '.VnTime'),
});

function detectLegacy(x: string | Uint8Array): string {
  return (typeof x === 'string' ? detectLegacyText(x) : detectLegacyBytes(x)).text;
}

if (ocrPages > 0) await benchOcr(seeds, ocrPages);
