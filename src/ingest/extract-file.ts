import { isMainThread } from 'node:worker_threads';
import { readMember, type Member } from '../read/archive.js';
import { readFileDocument, type Reserve } from '../read/file.js';
import type { ReadLimits } from '../read/limits.js';
import type { Prepared } from '../store/ingest.js';
import { prepare } from './prepare.js';

export type FileLimits = { maxBytes: number } & Partial<ReadLimits>;

/**
 * One file (or archive member) read and extracted: the same work in the main thread and in an extraction
 * worker, so that a pool changes where it runs, never what it gives.
 */
export async function extractFile(
  path: string,
  member: Member | undefined,
  limits: FileLimits,
  reserve: Reserve,
): Promise<Prepared> {
  const read = member
    ? await readMember(member, limits, reserve)
    : // An extraction worker waits on its read anyway: blocking calls spare it the thread pool's round trips.
      await readFileDocument(path, limits, reserve, isMainThread ? 'async' : 'blocking');
  return prepare({
    path,
    text: read.text,
    sha256: read.sha256,
    format: read.format,
    bytes: read.bytes,
    ...(read.pageStarts ? { pageStarts: read.pageStarts } : {}),
    ...(read.encoding ? { encoding: read.encoding } : {}),
    ...(read.ocr ? { ocr: read.ocr } : {}),
  });
}
