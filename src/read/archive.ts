import { open } from 'node:fs/promises';
import { formatError } from '../errors.js';
import { overSize, readDocument, type ReadResult } from './index.js';
import { fail, limitsOf, mb, memoryEstimate, type ReadLimits, type ReadOptions } from './limits.js';
import { sniff } from './sniff.js';
import { atOf, type Reserve } from './file.js';
import {
  bytesAt,
  checkZipLimits,
  entryBytes,
  isArchive,
  zipDirectory,
  type ReadAt,
  type ZipEntry,
} from './zip.js';

/**
 * A .zip read as the folder it holds (issue 13): each document inside is a source of its own, known by
 * the archive's path and its name inside (`x.zip/inner/dir/report.docx`). A .docx is a zip too; it is
 * told apart by the parts every Word document has.
 */
export type Member = {
  /** The member's path as a source: the archive's path, then its name inside (and inside a nested zip). */
  path: string;
  /** The archive on disk. */
  archive: string;
  /** The entry in the archive on disk, then the entry in the zip it holds, and so on. */
  chain: ZipEntry[];
};

export type ArchiveListing = { members: Member[]; failures: { path: string; error: string }[] };

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** A name inside an archive as the path below it; none for folders, hidden files, or one that climbs out. */
function memberName(name: string): string | undefined {
  if (name.endsWith('/') || name.endsWith('\\')) return undefined;
  const parts = name.split(/[/\\]/).filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..' || p.startsWith('.')) || parts[0] === '__MACOSX') return undefined;
  return parts.join('/');
}

/** What a whole archive has taken, its nested zips with it: the limits hold for all of it together. */
type Tally = { expanded: number; entries: number };
type Where = { archive: string; chain: ZipEntry[]; depth: number };

const message = (e: unknown) => formatError(e).replace(/^error( [A-Z_]+)?: /, '');

/** The entries of one zip (the archive on disk, or one inside it) checked against the limits, whole. */
async function checkedEntries(
  read: ReadAt,
  size: number,
  path: string,
  limits: ReadLimits,
  tally: Tally,
): Promise<ZipEntry[]> {
  const entries = await zipDirectory(read, size, path, limits.maxZipEntries);
  tally.entries += entries.length;
  if (tally.entries > limits.maxZipEntries)
    throw fail(
      path,
      `${tally.entries} or more files with the zips inside it, over the limit of ${limits.maxZipEntries} (LUOCDO_MAX_ZIP_ENTRIES)`,
    );
  tally.expanded += checkZipLimits(entries, limits, path, 'zip');
  if (tally.expanded > limits.maxExpandedBytes)
    throw fail(
      path,
      `expands to ${mb(tally.expanded)} MB or more with the zips inside it, over the ${mb(limits.maxExpandedBytes)} MB limit (LUOCDO_MAX_EXPANDED_MB)`,
    );
  return entries;
}

/** A member named .zip: listed as a folder when it is an archive, within the depth; a document otherwise. */
async function nested(
  e: ZipEntry,
  read: ReadAt,
  size: number,
  path: string,
  at: Where & { limits: ReadLimits; tally: Tally; out: ArchiveListing },
): Promise<void> {
  const chain = [...at.chain, e];
  const bytes = await entryBytes(read, size, e, path);
  if (!ZIP_SIGNATURE.every((b, i) => bytes[i] === b)) {
    at.out.members.push({ path, archive: at.archive, chain });
    return;
  }
  const inner = bytesAt(bytes);
  const entries = await zipDirectory(inner, bytes.length, path, at.limits.maxZipEntries);
  if (!isArchive(entries)) {
    at.out.members.push({ path, archive: at.archive, chain });
    return;
  }
  if (at.depth >= at.limits.maxZipDepth)
    throw fail(
      path,
      `a zip inside a zip ${at.depth} deep, over the limit of ${at.limits.maxZipDepth} (LUOCDO_MAX_ZIP_DEPTH)`,
    );
  const all = await checkedEntries(inner, bytes.length, path, at.limits, at.tally);
  await members(all, inner, bytes.length, path, { ...at, chain, depth: at.depth + 1 });
}

/** Every document below one zip, in name order; a nested zip that fails is one failure, the rest listed. */
async function members(
  entries: ZipEntry[],
  read: ReadAt,
  size: number,
  path: string,
  at: Where & { limits: ReadLimits; tally: Tally; out: ArchiveListing },
): Promise<void> {
  const named = entries
    .map((e) => ({ e, name: memberName(e.name) }))
    .filter((x): x is { e: ZipEntry; name: string } => x.name !== undefined)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { e, name } of named) {
    const memberPath = `${path}/${name}`;
    if (!/\.zip$/i.test(name)) {
      at.out.members.push({ path: memberPath, archive: at.archive, chain: [...at.chain, e] });
      continue;
    }
    try {
      await nested(e, read, size, memberPath, at);
    } catch (x) {
      at.out.failures.push({ path: memberPath, error: message(x) });
    }
  }
}

/**
 * The documents a file on disk holds when it is a .zip archive (not a .docx), or undefined when it is not
 * one. The archive is refused whole, naming the limit, when it (with the zips inside it) is over one.
 */
export async function listArchive(
  file: string,
  path: string,
  opts: ReadOptions,
): Promise<ArchiveListing | undefined> {
  const limits = limitsOf(opts);
  // A file that cannot be opened is no archive here: reading it says why, as for any file.
  const fh = await open(file, 'r').catch(() => undefined);
  if (!fh) return undefined;
  try {
    const { size } = await fh.stat();
    const read = atOf(fh);
    const head = await read(0, 4);
    if (size < 22 || !ZIP_SIGNATURE.every((b, i) => head[i] === b)) return undefined;
    const first = await zipDirectory(read, size, path, limits.maxZipEntries);
    if (!isArchive(first)) return undefined;
    const tally: Tally = { expanded: 0, entries: 0 };
    const entries = await checkedEntries(read, size, path, limits, tally);
    const out: ArchiveListing = { members: [], failures: [] };
    await members(entries, read, size, path, { archive: file, chain: [], depth: 1, limits, tally, out });
    return out;
  } finally {
    await fh.close();
  }
}

/**
 * The zip that members of a nested zip are in, kept expanded for the next member: they are read in the
 * order they were listed, and expanding a 90 MB inner zip again for each of its thousand files would be
 * 90 GB of work from one archive within the limits. One is kept, so the memory it holds stays bounded.
 */
let holder: { key: string; bytes: Uint8Array } | undefined;

/** A member's bytes: expanded from the archive on disk, then from each zip it is inside. */
async function memberBytes(m: Member, last: ZipEntry): Promise<Uint8Array> {
  const fh = await open(m.archive, 'r').catch((e: unknown) => {
    throw fail(m.path, `the archive ${m.archive} cannot be opened: ${message(e)}`, e);
  });
  let bytes: Uint8Array;
  let key: string;
  try {
    const { size, mtimeMs } = await fh.stat();
    const inside = m.chain.slice(0, -1).map((e) => `${e.localOffset}:${e.crc}`);
    key = [m.archive, size, mtimeMs, ...inside].join('\0');
    const held = holder?.key === key ? holder.bytes : undefined;
    if (m.chain.length > 1 && held) return await entryBytes(bytesAt(held), held.length, last, m.path);
    bytes = await entryBytes(atOf(fh), size, m.chain[0] as ZipEntry, m.path);
  } finally {
    await fh.close();
  }
  if (m.chain.length === 1) return bytes;
  for (const e of m.chain.slice(1, -1)) bytes = await entryBytes(bytesAt(bytes), bytes.length, e, m.path);
  holder = { key, bytes };
  return entryBytes(bytesAt(bytes), bytes.length, last, m.path);
}

/**
 * One member's bytes expanded from its archive (and the zips it is inside), then read as any file is:
 * its declared size is checked against the file limit before it is expanded, and `reserve` told what
 * reading it will cost before the reading.
 */
export async function readMember(m: Member, opts: ReadOptions, reserve?: Reserve): Promise<ReadResult> {
  const limits = limitsOf(opts);
  const last = m.chain[m.chain.length - 1];
  if (!last) throw fail(m.path, 'not in an archive');
  if (last.size > limits.maxBytes) throw overSize(m.path, last.size, limits.maxBytes);
  const bytes = await memberBytes(m, last);
  const format = sniff(bytes);
  const expanded =
    format === 'docx' || format === 'odt'
      ? checkZipLimits(
          await zipDirectory(bytesAt(bytes), bytes.length, m.path, limits.maxZipEntries),
          limits,
          m.path,
        )
      : 0;
  if (format !== 'binary') await reserve?.(memoryEstimate(format, bytes.length, expanded));
  return readDocument(bytes, m.path, limits);
}
