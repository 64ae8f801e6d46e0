// The part of `luocdo load` before the importer (issue 15): list, extract in workers, resolve, build the
// graph and write the CSV files; no Neo4j, so it runs without the heavy lock and under `--cpu-prof`.
// Prints each phase's wall and CPU seconds and the bytes the spill and CSV files took on disk.
//   npm run build && node [--cpu-prof] dist/bench/load-middle.js [reports=5000] [memoryMB=256]
// ONE_THREAD=1: the graph phase in the one thread (no CSV thread, no remake workers), to compare the files
// (KEEP=1 keeps them) or the times.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from '../src/config.js';
import { buildGraph, extractAll } from '../src/ingest/load.js';
import { CsvWriter, joinFiles } from '../src/ingest/csv.js';
import { CsvThread } from '../src/ingest/csv-thread.js';
import { Texts, textOf } from '../src/ingest/spill.js';
import { listFiles, type Failure } from '../src/ingest/pipeline.js';
import { reports } from './corpus.js';

const n = Number(process.argv[2] ?? 5000);
const mb = process.argv[3] ?? '256';
const files = mkdtempSync(join(tmpdir(), 'luocdo-bench-middle-files-'));
const work = mkdtempSync(join(tmpdir(), 'luocdo-bench-middle-'));
for (const r of reports(5150, n)) writeFileSync(join(files, r.name), r.text);
const settings = loadSettings({ ...process.env, NEO4J_URI: '', LUOCDO_LOAD_MEMORY_MB: mb });
const du = (dir: string) => readdirSync(dir).reduce((t, f) => t + statSync(join(dir, f)).size, 0);
let t = performance.now();
let cpu = process.cpuUsage();
const out: Record<string, unknown> = { reports: n };
const phase = (name: string) => {
  const c = process.cpuUsage(cpu);
  out[name] = {
    s: +((performance.now() - t) / 1000).toFixed(1),
    cpu: +((c.user + c.system) / 1e6).toFixed(1),
  };
  t = performance.now();
  cpu = process.cpuUsage();
};
try {
  const failures: Failure[] = [];
  const l = await listFiles([files], { ...settings.readLimits, maxBytes: settings.maxFileBytes });
  phase('list');
  const spill = join(work, 'sources.spill');
  const x = await extractAll(
    settings,
    l.files,
    l.members,
    { workers: availableParallelism(), spill },
    failures,
  );
  phase('extract');
  out['spilled'] = x.results.spilled;
  out['spillBytes'] = du(work);
  mkdirSync(join(work, 'csv'));
  const texts = new Texts(join(work, 'csv', 'texts.spill'));
  const w = new CsvWriter(join(work, 'csv'), textOf(texts));
  const thread = process.env['ONE_THREAD'] ? null : CsvThread.open(join(work, 'csv'), 'streamed-');
  const g = await buildGraph(
    x,
    l.files.length,
    thread ?? w,
    texts,
    process.env['ONE_THREAD'] ? 0 : availableParallelism(),
  );
  phase('graph');
  x.results.close();
  await w.nodes(g.nodes);
  await w.edges(g.edges());
  let csv = await w.close();
  if (thread) csv = joinFiles(await thread.close(), csv);
  texts.close();
  phase('csv');
  out['csvBytes'] = du(join(work, 'csv'));
  out['textsBytes'] = statSync(join(work, 'csv', 'texts.spill')).size;
  out['peakRssMB'] = Math.round(process.resourceUsage().maxRSS / 1e3);
  out['failed'] = failures.length;
  out['nodes'] = g.nodes.length + g.streamed.nodes;
  out['relationships'] = g.edgeCount + g.streamed.relationships;
  console.log(JSON.stringify(out));
  if (process.env['KEEP']) writeFileSync(join(work, 'csv', 'args.json'), JSON.stringify(csv));
} finally {
  rmSync(files, { recursive: true, force: true });
  if (!process.env['KEEP']) rmSync(work, { recursive: true, force: true });
  else console.log(work);
}
