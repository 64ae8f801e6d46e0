import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { overSize, readDocument, type ReadResult } from './index.js';
import { fail, limitsOf, memoryEstimate, type ReadOptions } from './limits.js';
import { SNIFF_BYTES, sniff } from './sniff.js';
import { checkZipLimits, zipDirectory, type ReadAt } from './zip.js';

/** Called with what reading the file will cost in memory, before the file is read; may wait, or refuse. */
export type Reserve = (estimate: number) => Promise<void>;

export const atOf =
  (fh: FileHandle): ReadAt =>
  async (pos, len) => {
    const buf = Buffer.allocUnsafe(len);
    let got = 0;
    while (got < len) {
      const { bytesRead } = await fh.read(buf, got, len - got, pos + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buf.subarray(0, got);
  };

const why = (e: NodeJS.ErrnoException): string =>
  e.code === 'ENOENT'
    ? 'no such file'
    : e.code === 'ELOOP'
      ? 'a symbolic link that loops'
      : e.code === 'EACCES'
        ? 'permission denied'
        : e.message;

/** An open file: its size, its bytes at an offset, and closing it. */
type Opened = { size: number; at: ReadAt; close: () => Promise<void> | void };

const openAsync = async (path: string): Promise<Opened> => {
  const fh = await open(path, 'r').catch((e: NodeJS.ErrnoException) => {
    throw fail(path, why(e), e);
  });
  try {
    return { size: (await fh.stat()).size, at: atOf(fh), close: () => fh.close() };
  } catch (e) {
    await fh.close();
    throw e;
  }
};

/**
 * The same with blocking calls: for a thread that has nothing else to do meanwhile (an extraction
 * worker), where the thread pool's round trips cost ten times the CPU of the reads (issue 15).
 */
const openBlocking = (path: string): Opened => {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw fail(path, why(e as NodeJS.ErrnoException), e);
  }
  const at: ReadAt = (pos, len) => {
    const buf = Buffer.allocUnsafe(len);
    let got = 0;
    while (got < len) {
      const n = readSync(fd, buf, got, len - got, pos + got);
      if (n === 0) break;
      got += n;
    }
    return Promise.resolve(buf.subarray(0, got));
  };
  try {
    return { size: fstatSync(fd).size, at, close: () => closeSync(fd) };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
};

/** How a file is read: `blocking` only off the main thread, where no other work waits on the event loop. */
export type FileIo = 'async' | 'blocking';

/**
 * A file on disk → text, each limit checked before the work it bounds: the size by stat before any byte
 * is read, a .docx's zip directory from its last bytes before the archive is read whole, and `reserve`
 * told the memory the file will take before it takes it. At most the size stat gave is read, so a file
 * that grows meanwhile cannot get past the limit either.
 */
export async function readFileDocument(
  path: string,
  opts: ReadOptions,
  reserve?: Reserve,
  io: FileIo = 'async',
): Promise<ReadResult> {
  const limits = limitsOf(opts);
  const file = io === 'blocking' ? openBlocking(path) : await openAsync(path);
  try {
    const { size, at } = file;
    if (size === 0) throw fail(path, 'empty file');
    if (size > limits.maxBytes) throw overSize(path, size, limits.maxBytes);
    const head = await at(0, Math.min(size, SNIFF_BYTES));
    const format = sniff(head);
    const expanded =
      format === 'docx' || format === 'odt'
        ? checkZipLimits(await zipDirectory(at, size, path, limits.maxZipEntries), limits, path)
        : 0;
    if (format !== 'binary') await reserve?.(memoryEstimate(format, size, expanded));
    // A small file is read whole by its head: a second read would give the same bytes.
    return await readDocument(size <= SNIFF_BYTES ? head : await at(0, size), path, limits, format);
  } finally {
    await file.close();
  }
}
