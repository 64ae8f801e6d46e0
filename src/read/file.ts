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
): Promise<ReadResult> {
  const limits = limitsOf(opts);
  const fh = await open(path, 'r').catch((e: NodeJS.ErrnoException) => {
    throw fail(path, why(e), e);
  });
  try {
    const { size } = await fh.stat();
    if (size === 0) throw fail(path, 'empty file');
    if (size > limits.maxBytes) throw overSize(path, size, limits.maxBytes);
    const at = atOf(fh);
    const format = sniff(await at(0, Math.min(size, SNIFF_BYTES)));
    const expanded =
      format === 'docx' || format === 'odt'
        ? checkZipLimits(await zipDirectory(at, size, path, limits.maxZipEntries), limits, path)
        : 0;
    if (format !== 'binary') await reserve?.(memoryEstimate(format, size, expanded));
    return await readDocument(await at(0, size), path, limits);
  } finally {
    await fh.close();
  }
}
