import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { fail, mb, type ReadLimits } from './limits.js';

/** A size as a person reads it: bytes when small, megabytes when not. */
const amount = (n: number) => (n < 1e6 ? `${n} bytes` : `${mb(n)} MB`);

/**
 * The central directory of a zip (a .docx), read before the archive is handed to mammoth: mammoth
 * (JSZip) expands whatever the archive holds, so a 1 MB zip bomb became gigabytes of XML in memory.
 */
export type ZipEntry = {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressed: number;
  size: number;
  localOffset: number;
};

/** Bytes at a position of the archive: a file read piece by piece, or bytes already in memory. */
export type ReadAt = (pos: number, len: number) => Promise<Uint8Array>;

export const bytesAt =
  (bytes: Uint8Array): ReadAt =>
  (pos, len) =>
    Promise.resolve(bytes.subarray(pos, pos + len));

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_MARK = 0xffffffff;
/** Below this a part's ratio says nothing: a small part that compresses well is no threat. */
const RATIO_FLOOR = 1 << 20;

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** The end-of-central-directory record, searched from the end as JSZip does (a comment may follow it). */
async function endRecord(read: ReadAt, size: number, path: string) {
  const tailLen = Math.min(size, 22 + 0xffff + 20);
  const tail = await read(size - tailLen, tailLen);
  const v = view(tail);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (v.getUint32(i, true) !== EOCD) continue;
    if (i >= 20 && v.getUint32(i - 20, true) === ZIP64_LOCATOR)
      throw fail(path, 'a ZIP64 archive, which no .docx within the limits needs');
    return {
      entries: v.getUint16(i + 10, true),
      cdSize: v.getUint32(i + 12, true),
      cdOffset: v.getUint32(i + 16, true),
    };
  }
  throw fail(path, 'not a readable Word document (.docx): no zip directory (corrupt or truncated)');
}

/** Every entry of the central directory; refuses the archive as soon as it has too many. */
export async function zipDirectory(
  read: ReadAt,
  size: number,
  path: string,
  maxEntries: number,
): Promise<ZipEntry[]> {
  const end = await endRecord(read, size, path);
  if (end.entries > maxEntries) throw tooMany(path, end.entries, maxEntries);
  if (end.cdOffset + end.cdSize > size)
    throw fail(path, 'not a readable Word document (.docx): its zip directory points past the end');
  const cd = await read(end.cdOffset, end.cdSize);
  const v = view(cd);
  const entries: ZipEntry[] = [];
  for (let at = 0; at + 46 <= cd.length && v.getUint32(at, true) === CEN;) {
    if (entries.length >= maxEntries) throw tooMany(path, entries.length + 1, maxEntries);
    const nameLen = v.getUint16(at + 28, true);
    entries.push({
      flags: v.getUint16(at + 8, true),
      method: v.getUint16(at + 10, true),
      crc: v.getUint32(at + 16, true),
      compressed: v.getUint32(at + 20, true),
      size: v.getUint32(at + 24, true),
      localOffset: v.getUint32(at + 42, true),
      name: entryName(cd.subarray(at + 46, at + 46 + nameLen), v.getUint16(at + 8, true)),
    });
    at += 46 + nameLen + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
  }
  return entries;
}

const tooMany = (path: string, n: number, max: number) =>
  fail(path, `a zip of ${n} or more parts, over the limit of ${max} (LUOCDO_MAX_ZIP_ENTRIES)`);

/** The declared sizes against the limits; the total expanded size when they hold. */
export function checkZipLimits(
  entries: ZipEntry[],
  limits: ReadLimits,
  path: string,
  what: 'docx' | 'zip' = 'docx',
): number {
  const doc = what === 'docx' ? 'Word document' : 'zip archive';
  let total = 0;
  for (const e of entries) {
    if (e.size === ZIP64_MARK || e.compressed === ZIP64_MARK || e.localOffset === ZIP64_MARK)
      throw fail(
        path,
        what === 'docx'
          ? 'a ZIP64 archive, which no .docx within the limits needs'
          : 'a ZIP64 archive (over 4 GB or 65,535 files), over every limit',
      );
    if (e.flags & 1) throw fail(path, `the ${doc} is encrypted (password protected)`);
    if (e.method !== 0 && e.method !== 8)
      throw fail(
        path,
        `not a readable ${what === 'docx' ? 'Word document (.docx)' : doc}: part ${e.name} uses zip method ${e.method}`,
      );
    const ratio = e.size / Math.max(1, e.compressed);
    if (e.size > RATIO_FLOOR && ratio > limits.maxZipRatio)
      throw fail(
        path,
        `part ${e.name} expands ${Math.round(ratio)} times (${amount(e.compressed)} to ${amount(e.size)}), ` +
          `over the limit of ${limits.maxZipRatio} (LUOCDO_MAX_ZIP_RATIO): a zip bomb?`,
      );
    total += e.size;
  }
  if (total > limits.maxExpandedBytes)
    throw fail(
      path,
      `expands to ${mb(total)} MB, over the ${mb(limits.maxExpandedBytes)} MB limit (LUOCDO_MAX_EXPANDED_MB)`,
    );
  return total;
}

/**
 * Each part expanded for real, never past the size its directory entry declares: the declared sizes are
 * what the limits were checked against, and a lying archive would otherwise get past them.
 */
export async function checkZipContent(
  read: ReadAt,
  size: number,
  entries: ZipEntry[],
  path: string,
): Promise<void> {
  for (const e of entries) {
    const local = view(await read(e.localOffset, 30));
    if (local.byteLength < 30 || local.getUint32(0, true) !== LOC)
      throw fail(path, `not a readable Word document (.docx): part ${e.name} is missing`);
    const start = e.localOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
    if (start + e.compressed > size)
      throw fail(path, `not a readable Word document (.docx): part ${e.name} is truncated`);
    if (e.method === 0 && e.compressed !== e.size)
      throw fail(path, `not a readable Word document (.docx): part ${e.name} is corrupt`);
    if (e.method === 0) continue;
    try {
      // zlib stops at the declared size: what the limits were checked against is all it may grow to.
      inflateRawSync(await read(start, e.compressed), { maxOutputLength: Math.max(1, e.size) });
    } catch (x) {
      const over = (x as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
      throw fail(
        path,
        over
          ? `part ${e.name} expands past the ${amount(e.size)} its zip directory declares (a zip bomb?)`
          : `not a readable Word document (.docx): part ${e.name} is corrupt`,
        x,
      );
    }
  }
}

/** A zip whose parts are not those of a Word or OpenDocument file: a folder of files (issue 13). */
export const isArchive = (entries: ZipEntry[]): boolean =>
  !entries.some(
    (e) => e.name === 'word/document.xml' || e.name === '[Content_Types].xml' || e.name === 'mimetype',
  );

/** A .docx's archive checked whole, before mammoth sees it; its expanded size. */
export async function checkDocx(
  read: ReadAt,
  size: number,
  limits: ReadLimits,
  path: string,
): Promise<number> {
  const entries = await zipDirectory(read, size, path, limits.maxZipEntries);
  const total = checkZipLimits(entries, limits, path);
  await checkZipContent(read, size, entries, path);
  return total;
}

/** CP437, the zip format's own code page for names without the UTF-8 flag (bit 11): what DOS and Windows wrote. */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/** An entry's name: UTF-8 when the flag says so (or when it is valid UTF-8 anyway), CP437 otherwise. */
export function entryName(raw: Uint8Array, flags: number): string {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  if (flags & 0x800 || raw.every((b) => b < 0x80)) return new TextDecoder().decode(raw);
  try {
    // Many archivers write UTF-8 without the flag; CP437 bytes are seldom valid UTF-8.
    return utf8.decode(raw);
  } catch {
    return Array.from(raw, (b) => (b < 0x80 ? String.fromCharCode(b) : (CP437_HIGH[b - 0x80] ?? '?'))).join(
      '',
    );
  }
}

/** Where an entry's data begins, after its local header. */
async function dataStart(read: ReadAt, size: number, e: ZipEntry, path: string): Promise<number> {
  const local = view(await read(e.localOffset, 30));
  if (local.byteLength < 30 || local.getUint32(0, true) !== LOC)
    throw fail(path, `part ${e.name} of the zip is missing`);
  const start = e.localOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  if (start + e.compressed > size) throw fail(path, `part ${e.name} of the zip is truncated`);
  return start;
}

/** One entry expanded, never past the size its directory entry declares (the size the limits were checked on). */
export async function entryBytes(read: ReadAt, size: number, e: ZipEntry, path: string): Promise<Uint8Array> {
  const start = await dataStart(read, size, e, path);
  const data = await read(start, e.compressed);
  if (e.method === 0) return data;
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
  } catch (x) {
    const over = (x as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    throw fail(
      path,
      over
        ? `part ${e.name} expands past the ${amount(e.size)} its zip directory declares (a zip bomb?)`
        : `part ${e.name} of the zip is corrupt`,
      x,
    );
  }
}

/** One part of a zip to write: its bytes as stored (deflated when `method` is 8) and what they expand to. */
export type ZipPart = {
  name: string;
  method: number;
  body: Uint8Array;
  crc: number;
  /** The expanded size the headers declare (a test's zip may lie about it). */
  size: number;
  /** The name's bytes as an archiver wrote them (CP437, say) instead of `name` in UTF-8. */
  rawName?: Uint8Array;
  /** The general-purpose flags; bit 11 (UTF-8 names) unless told. */
  flags?: number;
};

/** The fields a local header and its central-directory entry share, in the same order (times left at 0). */
function writeCommonFields(b: Buffer, at: number, p: ZipPart, flags: number, nameLength: number): void {
  b.writeUInt16LE(flags, at);
  b.writeUInt16LE(p.method, at + 2);
  b.writeUInt32LE(p.crc >>> 0, at + 8);
  b.writeUInt32LE(p.body.length, at + 12);
  b.writeUInt32LE(p.size, at + 16);
  b.writeUInt16LE(nameLength, at + 20);
}

/**
 * A zip of the given parts, as written: local headers, bodies, the central directory (UTF-8 names, flag
 * bit 11). The one zip writer of the project: the .docx rewrite below, the tests' and the probe's zips.
 */
export function writeZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = p.rawName ? Buffer.from(p.rawName) : Buffer.from(p.name);
    const flags = p.flags ?? 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOC, 0);
    local.writeUInt16LE(20, 4);
    writeCommonFields(local, 6, p, flags, name.length);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(CEN, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    writeCommonFields(cen, 8, p, flags, name.length);
    cen.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(p.body.buffer, p.body.byteOffset, p.body.byteLength));
    central.push(cen, name);
    offset += 30 + name.length + p.body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(Math.min(parts.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(parts.length, 0xffff), 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * The archive again, with some parts replaced: the others copied as they are, compressed bytes and all.
 * How a .docx whose legacy-font runs were decoded in its XML is handed to mammoth as it expects it.
 */
export async function rewriteZip(
  bytes: Uint8Array,
  entries: ZipEntry[],
  replaced: Map<string, Uint8Array>,
  path: string,
): Promise<Buffer> {
  const parts: ZipPart[] = [];
  for (const e of entries) {
    const fresh = replaced.get(e.name);
    parts.push(
      fresh
        ? { name: e.name, method: 8, body: deflateRawSync(fresh), crc: crc32(fresh), size: fresh.length }
        : {
            name: e.name,
            method: e.method,
            body: bytes
              .subarray(await dataStart(bytesAt(bytes), bytes.length, e, path))
              .subarray(0, e.compressed),
            crc: e.crc,
            size: e.size,
          },
    );
  }
  return writeZip(parts);
}
