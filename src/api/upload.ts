import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { formatError, LuocdoError } from '../errors.js';
import { MemoryBudget, overBudget } from '../ingest/budget.js';
import { prepare } from '../ingest/prepare.js';
import { listArchive, readMember } from '../read/archive.js';
import { readFileDocument } from '../read/file.js';
import type { ReadLimits } from '../read/index.js';
import { awaitSearchRefresh, writeSource } from '../store/ingest.js';
import type { Db } from '../store/connection.js';

/** What an upload may cost: the same settings as `ingest` (LUOCDO_MAX_FILE_MB, the read limits, the budget). */
export type UploadLimits = { maxBytes: number; limits: Omit<ReadLimits, 'maxBytes'>; budget: MemoryBudget };

export type UploadResult = {
  path: string;
  status: 'ingested' | 'unchanged' | 'failed';
  code: string | null;
  message: string | null;
  /** The report's key, when written. */
  report: string | null;
};

/** A file name from a client as a source's name: its last part, printable, never empty. */
export function uploadName(name: string): string {
  const base = (name.split(/[/\\]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base && base !== '.' && base !== '..' ? base.slice(0, 255) : 'upload';
}

/** A name's extension, kept only when it is a plain one (`.docx`), lower case; else none. */
export function uploadExtension(name: string): string {
  const ext = extname(name).toLowerCase();
  return /^\.[a-z0-9]{1,8}$/.test(ext) ? ext : '';
}

const failed = (path: string, e: unknown): UploadResult => ({
  path,
  status: 'failed',
  code: e instanceof LuocdoError ? e.code : 'INTERNAL',
  message: formatError(e).replace(/^error( [A-Z_]+)?: /, ''),
  report: null,
});

/** One document read (from the file, or a member of it when it is a .zip), extracted and written. */
async function ingestOne(
  db: Db,
  path: string,
  read: (reserve: (n: number) => Promise<void>) => ReturnType<typeof readFileDocument>,
  u: UploadLimits,
): Promise<UploadResult> {
  let release = () => {};
  try {
    const r = await read(async (estimate) => {
      if (estimate > u.budget.total) throw overBudget(path, estimate, u.budget.total);
      release = await u.budget.reserve(estimate);
    });
    const w = await writeSource(
      db,
      prepare({
        path,
        text: r.text,
        sha256: r.sha256,
        format: r.format,
        bytes: r.bytes,
        ...(r.pageStarts ? { pageStarts: r.pageStarts } : {}),
        ...(r.encoding ? { encoding: r.encoding } : {}),
        ...(r.ocr ? { ocr: r.ocr } : {}),
      }),
    );
    const status = w.status === 'unchanged' ? 'unchanged' : 'ingested';
    return { path, status, code: null, message: null, report: w.report };
  } catch (e) {
    return failed(path, e);
  } finally {
    release();
  }
}

/**
 * An uploaded file ingested as `ingest` ingests a file on disk, by the same reader: a .zip is the folder it
 * holds (each member a result, named by its path inside), every limit and the memory budget as there. The
 * bytes go to a private temporary folder for the reader (which reads archives from disk) and are removed.
 */
export async function ingestUpload(db: Db, file: File, u: UploadLimits): Promise<UploadResult[]> {
  const name = uploadName(file.name);
  if (file.size > u.maxBytes)
    return [
      failed(
        name,
        new LuocdoError(
          'FILE_READ',
          `${name}: ${file.size} bytes is over the limit of ${u.maxBytes} (LUOCDO_MAX_FILE_MB)`,
        ),
      ),
    ];
  const dir = await mkdtemp(join(tmpdir(), 'luocdo-upload-'));
  // The file's own extension, so the reader judges it as it judges the same file given to the CLI.
  const disk = join(dir, `upload${uploadExtension(name)}`);
  try {
    await writeFile(disk, new Uint8Array(await file.arrayBuffer()), { mode: 0o600 });
    const limits = { ...u.limits, maxBytes: u.maxBytes };
    let archive;
    try {
      archive = await listArchive(disk, name, limits);
    } catch (e) {
      return [failed(name, e)];
    }
    const results = archive
      ? [
          ...archive.failures.map((f) => failed(f.path, new LuocdoError('FILE_READ', f.error))),
          ...(await sequential(archive.members, (m) =>
            ingestOne(db, m.path, (reserve) => readMember(m, limits, reserve), u),
          )),
        ]
      : [await ingestOne(db, name, (reserve) => readFileDocument(disk, limits, reserve), u)];
    if (results.some((r) => r.status === 'ingested')) await awaitSearchRefresh(db);
    // The reader names the file it read: the upload's name, not the temporary one.
    return results.map((r) => ({ ...r, message: r.message?.replaceAll(disk, name) ?? null }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One member after another: an upload is one request, and its members share the budget with the others. */
async function sequential<T, R>(items: readonly T[], f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const t of items) out.push(await f(t));
  return out;
}

/**
 * An uploaded draft read as `ingest` reads a file (the same reader, limits and budget), stored nowhere: its
 * text, or the reader's reason naming the upload. One document: a .zip is not a draft.
 */
export async function readUpload(
  file: File,
  u: UploadLimits,
  ocr = true,
): Promise<{ name: string; text: string }> {
  const name = uploadName(file.name);
  if (file.size > u.maxBytes)
    throw new LuocdoError(
      'FILE_READ',
      `${name}: ${file.size} bytes is over the limit of ${u.maxBytes} (LUOCDO_MAX_FILE_MB)`,
    );
  const dir = await mkdtemp(join(tmpdir(), 'luocdo-upload-'));
  const disk = join(dir, `upload${uploadExtension(name)}`);
  let release = () => {};
  try {
    await writeFile(disk, new Uint8Array(await file.arrayBuffer()), { mode: 0o600 });
    const limits = { ...u.limits, maxBytes: u.maxBytes, ocr: u.limits.ocr && ocr };
    const r = await readFileDocument(disk, limits, async (estimate) => {
      if (estimate > u.budget.total) throw overBudget(name, estimate, u.budget.total);
      release = await u.budget.reserve(estimate);
    });
    return { name, text: r.text };
  } catch (e) {
    // The reader's reason is about the client's own file (FILE_READ is masked, as it names this machine's).
    if (e instanceof LuocdoError && e.code === 'FILE_READ')
      throw new LuocdoError(
        'BAD_INPUT',
        e.message.replaceAll(disk, name) +
          (u.limits.ocr && !ocr && /needs OCR/.test(e.message)
            ? '; OCR of a scanned PDF is done for those who hold the API token'
            : ''),
      );
    throw e;
  } finally {
    release();
    await rm(dir, { recursive: true, force: true });
  }
}
