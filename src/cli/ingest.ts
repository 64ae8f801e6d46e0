import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { loadSettings } from '../config.js';
import { LuocdoError } from '../errors.js';
import type { Db } from '../store/connection.js';
import { removeSource } from '../store/ingest.js';
import { connect } from '../store/runtime/target.js';
import { ingestPaths, sourcePath, type IngestSummary } from '../ingest/pipeline.js';
import { intOption, json, ocrPageLine, ocrProgress, printable, type Io } from './output.js';

export function summaryLine(s: IngestSummary): string {
  return (
    `${s.files} files: ${s.added} added, ${s.replaced} replaced, ${s.merged} merged into an existing report, ` +
    `${s.unchanged} unchanged, ${s.failed} failed; ${s.documents} documents, ${s.citations} citations in ${s.seconds.toFixed(1)} s`
  );
}

/**
 * What an ingest shows on a terminal (stderr a TTY, and not --json): a bar of the files done, and each page
 * OCR reads, on the bar once it runs (the first file's pages come before it), as a line before. Nothing
 * otherwise, so tests and pipes stay clean.
 */
function terminalProgress(io: Io, json: boolean) {
  const onOcrLine = json ? undefined : ocrProgress(io);
  if (!onOcrLine) return { onFile: () => {}, onOcrPage: undefined, stop: () => {} };
  const bar = new SingleBar(
    { stream: process.stderr, format: 'ingest [{bar}] {value}/{total} {file}' },
    Presets.shades_classic,
  );
  let started = false;
  const name = (file: string) => printable(file.split('/').pop() ?? file);
  return {
    onFile: (done: number, total: number, file: string) => {
      if (!started) bar.start(total, 0, { file: '' });
      started = true;
      bar.update(done, { file: name(file) });
    },
    onOcrPage: (path: string, done: number, total: number) => {
      if (started) bar.update({ file: ocrPageLine(path, done, total) });
      else onOcrLine(path, done, total);
    },
    stop: () => bar.stop(),
  };
}

/** Sources per transaction when several files are given (issue 15: bulk loads default to batches). */
export const DEFAULT_BATCH = 100;

type IngestCliOptions = {
  json?: boolean;
  dryRun?: boolean;
  concurrency?: number;
  batch?: number;
  oneByOne?: boolean;
  workers?: number;
  ocr?: boolean;
};

/**
 * How an ingest writes: by default in batches, two in flight (the measured best on two cores: see the
 * README), extraction in one worker per core; `--one-by-one` is one transaction per source, extraction in
 * this thread, LUOCDO_INGEST_CONCURRENCY in flight. A single file is always written alone (a batch of one).
 */
export function writeMode(
  opts: IngestCliOptions,
  concurrency: number,
): { batch: number; concurrency: number; workers: number } {
  if (opts.oneByOne) {
    if (opts.batch !== undefined)
      throw new LuocdoError('BAD_INPUT', '--one-by-one and --batch contradict each other: give one');
    return { batch: 1, concurrency: opts.concurrency ?? concurrency, workers: opts.workers ?? 0 };
  }
  return {
    batch: opts.batch ?? DEFAULT_BATCH,
    concurrency: opts.concurrency ?? 2,
    workers: opts.workers ?? availableParallelism(),
  };
}

export function registerIngest(program: Command, io: Io): void {
  program
    .command('ingest')
    .description(
      'read, extract and store documents (files, folders or .zip archives: .txt, .docx, .doc, .odt, .rtf, .pdf, .html)',
    )
    .argument('<paths...>', 'files or folders')
    .option('--json', 'machine-readable summary')
    .option('--dry-run', 'read and extract, write nothing')
    .option('--concurrency <n>', 'files (or batches) in flight at once', intOption(1, 64))
    .option(
      '--batch <n>',
      `sources per transaction when several files are given (default ${DEFAULT_BATCH})`,
      intOption(1, 1000),
    )
    .option('--one-by-one', 'one transaction per source, extraction in this thread (the old behaviour)')
    .option(
      '--workers <n>',
      'threads that extract while the writer writes (default: one per core; 0: in this thread)',
      intOption(0, 64),
    )
    .option('--no-ocr', 'refuse scanned PDFs (no text layer) instead of reading them by OCR')
    .action(async (paths: string[], opts: IngestCliOptions) => {
      const settings = loadSettings();
      const db = opts.dryRun ? null : connect(settings);
      const progress = terminalProgress(io, opts.json ?? false);
      const summary = await ingestPaths(db, paths, {
        maxBytes: settings.maxFileBytes,
        limits: {
          ...settings.readLimits,
          ocr: settings.readLimits.ocr && opts.ocr !== false,
          ...(progress.onOcrPage ? { onOcrPage: progress.onOcrPage } : {}),
        },
        memoryBudget: settings.memoryBudgetBytes,
        ...writeMode(opts, settings.ingestConcurrency),
        dryRun: opts.dryRun ?? false,
        onFile: progress.onFile,
      });
      progress.stop();
      for (const f of summary.failures) io.err(`error FILE_READ: ${printable(f.error)}`);
      if (opts.json) io.out(json(summary));
      else io.out((opts.dryRun ? '(dry run) ' : '') + summaryLine(summary));
      if (summary.failed > 0) process.exitCode = 1;
    });

  program
    .command('remove')
    .description('take a source out of the graph again (by sha256, a prefix of it, or its path)')
    .argument('<source>', 'sha256 or path')
    .option('--json', 'machine-readable output')
    .action(async (ref: string, opts: { json?: boolean }) => {
      const removed = await removeByRef(connect(loadSettings()), ref);
      if (opts.json) io.out(json({ removed }));
      else if (removed.length === 0) io.out(`no source matches ${printable(ref)}`);
      else for (const r of removed) io.out(`removed ${r.sha.slice(0, 12)} ${printable(r.path)}`);
      if (removed.length === 0) process.exitCode = 1;
    });
}

/**
 * A source by a prefix of its sha256, or by its path resolved as `ingest` resolves it: `remove seeds/x.txt`
 * found nothing when the graph knows the file by its absolute path (issue 12).
 */
async function removeByRef(db: Db, ref: string): Promise<{ sha: string; path: string }[]> {
  const sha = /^[0-9a-f]+$/i.test(ref);
  if (sha && ref.length < 6)
    throw new LuocdoError('BAD_INPUT', 'give at least 6 characters of the sha256, or the path');
  const bySha = sha ? await removeSource(db, ref.toLowerCase()) : [];
  return bySha.length > 0 ? bySha : removeSource(db, sourcePath(ref));
}
