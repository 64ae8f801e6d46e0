import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { loadSettings } from '../config.js';
import { loadPaths, type LoadProgress } from '../ingest/load.js';
import { heapLimitMb } from './heap.js';
import { intOption, json, printable, type Io } from './output.js';

/**
 * On a terminal, a bar for each long phase (files extracted, sources written into the graph: minutes each
 * for an archive), ended before any line the load says; nothing otherwise, so pipes and tests stay clean.
 */
function terminalProgress(
  io: Io,
  json: boolean,
): { log: (l: string) => void; onProgress?: LoadProgress; end: () => void } {
  if (json || !process.stderr.isTTY) return { log: (l) => io.err(l), end: () => {} };
  const names = { extract: 'extracted', graph: 'in the graph' } as const;
  let bar: SingleBar | null = null;
  let phase: keyof typeof names | null = null;
  const end = () => {
    bar?.stop();
    bar = null;
    phase = null;
  };
  return {
    end,
    log: (l) => {
      end();
      io.err(l);
    },
    onProgress: (p, done, total) => {
      if (phase !== p) {
        end();
        phase = p;
        bar = new SingleBar(
          {
            stream: process.stderr,
            format: `load [{bar}] {value}/{total} ${names[p]}, {eta_formatted} left`,
            etaBuffer: 200,
          },
          Presets.shades_classic,
        );
        bar.start(total, done);
      } else bar?.update(done);
      if (done === total) end();
    },
  };
}

export function registerLoad(program: Command, io: Io): void {
  program
    .command('load')
    .description(
      'fill an empty local database with Neo4j’s bulk importer: the graph `ingest` of the same files gives',
    )
    .argument('<paths...>', 'files, folders or .zip archives')
    .option(
      '--replace',
      'rebuild a database that holds a graph (the old one stays until the new one is ready)',
    )
    .option('--workers <n>', 'extraction threads (default: one per core)', intOption(0, 64))
    .option('--json', 'machine-readable summary')
    .action(async (paths: string[], opts: { replace?: boolean; workers?: number; json?: boolean }) => {
      const settings = loadSettings();
      // Said first: the bound of what this load can keep (the documents it resolves), and where it comes from.
      io.err(`memory: Node heap ${heapLimitMb()} MB (LUOCDO_LOAD_HEAP_MB ${settings.loadHeapMb})`);
      const { log, onProgress, end } = terminalProgress(io, opts.json ?? false);
      const s = await loadPaths(settings, paths, {
        replace: opts.replace ?? false,
        workers: opts.workers ?? availableParallelism(),
        log,
        ...(onProgress ? { onProgress } : {}),
      }).finally(end);
      for (const f of s.failures) io.err(`error FILE_READ: ${printable(f.error)}`);
      if (opts.json) io.out(json(s));
      else
        io.out(
          `${s.files} files: ${s.added} added, ${s.merged} merged into an existing report, ${s.unchanged} unchanged, ` +
            `${s.failed} failed; ${s.nodes} nodes, ${s.relationships} relationships in ${s.seconds.toFixed(1)} s ` +
            `(${(s.files / s.seconds).toFixed(0)} files/s, peak memory ${(s.peakRss / 1e6).toFixed(0)} MB` +
            `${s.spilled > 0 ? `, ${s.spilled} sources spilled to disk` : ''})\n` +
            s.phases
              .map(
                (p) =>
                  `  ${p.name}: ${p.seconds.toFixed(1)} s, peak memory ${(p.peakRss / 1e6).toFixed(0)} MB`,
              )
              .join('\n'),
        );
      if (s.failed > 0) process.exitCode = 1;
    });
}
