// extractFile per file (issue 15): the synthetic corpus written to files (as bench/load.ts does), then read,
// extracted and prepared one at a time in ONE worker thread, as `luocdo load`'s extraction workers do.
// Prints files/s (wall) and CPU ms per file: the process's CPU (user + system, all threads: GC and the
// thread pool count) over the measured run, while the main thread only waits.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { extractFile } from '../src/ingest/extract-file.js';
import { reports } from './corpus.js';

type Job = { files: string[]; warm: number };
type Done = { ms: number; cpuMs: number; refs: number };

async function work({ files, warm }: Job): Promise<Done> {
  const limits = { maxBytes: 100e6 };
  const reserve = async () => {};
  for (const f of files.slice(0, warm)) await extractFile(f, undefined, limits, reserve);
  let refs = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const f of files) refs += (await extractFile(f, undefined, limits, reserve)).draft.references.length;
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, refs };
}

if (!isMainThread && (workerData as { bench?: string } | null)?.bench === 'extract-files') {
  parentPort?.postMessage(await work((workerData as { job: Job }).job));
}

/** `count` synthetic reports (seed 5150, as bench:load) extracted from files in one worker thread. */
export async function extractFilesBench(count: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'luocdo-bench-extract-files-'));
  try {
    const files: string[] = [];
    let bytes = 0;
    for (const r of reports(5150, count)) {
      const path = join(dir, r.name);
      writeFileSync(path, r.text);
      files.push(path);
      bytes += Buffer.byteLength(r.text);
    }
    const done = await new Promise<Done>((resolve, reject) => {
      const w = new Worker(fileURLToPath(import.meta.url), {
        workerData: { bench: 'extract-files', job: { files, warm: Math.min(200, count) } },
      });
      w.once('message', (m: Done) => void w.terminate().then(() => resolve(m)));
      w.once('error', reject);
    });
    console.log(
      JSON.stringify({
        corpus: 'synthetic reports as files, extractFile in one worker thread',
        files: count,
        megabytes: +(bytes / 1e6).toFixed(1),
        seconds: +(done.ms / 1000).toFixed(2),
        filesPerSecond: Math.round(count / (done.ms / 1000)),
        cpuMsPerFile: +(done.cpuMs / count).toFixed(3),
        references: done.refs,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
