// OCR of scanned pages (issue 13): pages per second, wall, and CPU seconds per page of the children that do
// the work (pdftoppm renders, tesseract reads). Node's own cpuUsage and resourceUsage leave children out;
// the kernel adds a child's CPU time to its parent's cutime/cstime (/proc/self/stat) once the parent has
// waited for it, which Node does for every child it spawns. So the children's figure is exact for the
// processes that ran, whatever else shares the machine; the wall figure is not (it counts other work's turns).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { readDocument } from '../src/read/index.js';
import { makeScannedPdf } from '../test/helpers/documents.js';

// Asked once, before anything is measured: getconf is a child too.
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** The CPU seconds (user + system) of this process, and of its children that have been waited for. */
export function cpuTimes(): { self: number; children: number } {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // The fields after the command name, which is in parentheses and may hold spaces: utime is field 14.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const at = (field: number) => Number(f[field - 3] ?? 0) / TICKS;
  return { self: at(14) + at(15), children: at(16) + at(17) };
}

/** Dense pages of report text (`lines` lines each, from the seeds), as a scanner gives them: images only. */
function pagesOf(texts: string[], pages: number, lines: number): string[][] {
  const all = texts
    .flatMap((t) => t.split('\n'))
    .map((l) => l.trim())
    .filter((l) => l.length > 20);
  return Array.from({ length: pages }, (_, p) =>
    Array.from({ length: lines }, (_, i) => all[(p * lines + i) % all.length] ?? ''),
  );
}

export async function benchOcr(seeds: string[], pages: number): Promise<void> {
  const pdf = await makeScannedPdf(pagesOf(seeds, pages, 25));
  const t0 = performance.now();
  const c0 = cpuTimes();
  const read = await readDocument(pdf, 'bench-scan.pdf', { maxBytes: Infinity, ocr: true });
  const s = (performance.now() - t0) / 1000;
  const c1 = cpuTimes();
  const children = c1.children - c0.children;
  console.log(
    JSON.stringify({
      case: `OCR: scanned A4 pages of 25 lines (pdftoppm 300 dpi + tesseract vie), ${availableParallelism()} in parallel`,
      pages: read.ocr?.pages ?? 0,
      meanConfidence: read.ocr?.meanConfidence ?? null,
      seconds: +s.toFixed(1),
      pagesPerSecond: +(pages / s).toFixed(3),
      childCpuSecondsPerPage: +(children / pages).toFixed(2),
      nodeCpuSecondsPerPage: +((c1.self - c0.self) / pages).toFixed(2),
      charsOut: read.text.length,
    }),
  );
}
