import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { loadSettings } from '../config.js';
import { loadPaths } from '../ingest/load.js';
import { heapLimitMb } from './heap.js';
import { intOption, json, printable, type Io } from './output.js';

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
      const s = await loadPaths(settings, paths, {
        replace: opts.replace ?? false,
        workers: opts.workers ?? availableParallelism(),
        log: (l) => io.err(l),
      });
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
