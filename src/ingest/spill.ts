import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { deflateRawSync, gunzipSync, gzipSync, inflateRawSync } from 'node:zlib';
import { factsOf, type Answers, type Draft } from '../graph/facts.js';
import type { Known, Question } from '../graph/known.js';
import type { Prepared } from '../store/ingest.js';

/**
 * A source as `luocdo load` keeps it between extraction and the graph (issue 15): the Prepared without its
 * draft, which only a source resolved again reads, and the draft as its SourceFile stores it (gzip of its
 * JSON, the bytes `writeParams` would make: made in the worker, not in the single-threaded writer).
 */
export type Lean = Omit<Prepared, 'draft'> & { draftZ: Int8Array | null };

/** The draft as store/ingest.ts packDraft stores it, for a source whose resolution asks the graph. */
export function packDraft(p: Prepared): Int8Array | null {
  if (p.facts.questions.length === 0) return null;
  const b = gzipSync(JSON.stringify(p.draft));
  return new Int8Array(b.buffer, b.byteOffset, b.byteLength);
}

export const unpackDraft = (b: Int8Array): Draft =>
  JSON.parse(gunzipSync(Buffer.from(b.buffer, b.byteOffset, b.byteLength)).toString('utf8')) as Draft;

/**
 * A source's bytes as kept: the lengths of the two parts that follow, its Lean but the facts and the draft,
 * then its facts, each v8-serialized and deflated at the fastest level (most of it is two-byte Vietnamese
 * strings: 61 kB a report of the synthetic corpus become ≈ 8 kB), then its packed draft as is (none: no
 * bytes). Resolution reads the draft alone, and a source resolved again has its facts alone replaced.
 */
export function packLean(p: Prepared): Uint8Array {
  const { draft: _draft, facts, ...rest } = p;
  return packParts(deflated(rest), deflated(facts), packDraft(p));
}

const deflated = (v: unknown): Uint8Array => deflateRawSync(serialize(v), { level: 1 });

/** The bytes `packLean` makes of its parts, in a buffer of their own (so it can be moved to a thread). */
function packParts(rest: Uint8Array, facts: Uint8Array, draft: Int8Array | null): Uint8Array {
  const b = new Uint8Array(8 + rest.byteLength + facts.byteLength + (draft?.byteLength ?? 0));
  const v = new DataView(b.buffer);
  v.setUint32(0, rest.byteLength, true);
  v.setUint32(4, facts.byteLength, true);
  b.set(rest, 8);
  b.set(facts, 8 + rest.byteLength);
  if (draft) b.set(draft, 8 + rest.byteLength + facts.byteLength);
  return b;
}

/** Where a source's packed facts and draft begin (see packLean). */
function partsOf(b: Uint8Array): { factsAt: number; draftAt: number } {
  const v = new DataView(b.buffer, b.byteOffset, 8);
  const factsAt = 8 + v.getUint32(0, true);
  return { factsAt, draftAt: factsAt + v.getUint32(4, true) };
}

const draftIn = (b: Uint8Array, at: number): Int8Array | null =>
  at === b.byteLength ? null : new Int8Array(b.buffer, b.byteOffset + at, b.byteLength - at);

/**
 * A source's packed bytes made again with its facts resolved with `known` (issue 15: in a worker thread,
 * while resolution across the set goes on), and what the next round of it reads: its questions and answers.
 * The rest of its bytes, its draft's among them, stay as they were.
 */
export function remakeSource(
  bytes: Uint8Array,
  known: Known,
): { bytes: Uint8Array; questions: Question[]; answers: Answers } {
  const { factsAt, draftAt } = partsOf(bytes);
  const draftZ = draftIn(bytes, draftAt);
  if (draftZ === null) throw new Error('load: a source has no draft to resolve again from');
  const facts = factsOf(unpackDraft(draftZ), known);
  const made = packParts(bytes.subarray(8, factsAt), deflated(facts), draftZ);
  return { bytes: made, questions: facts.questions, answers: facts.answers };
}

export function unpackLean(b: Uint8Array): Lean {
  const { factsAt, draftAt } = partsOf(b);
  const rest = deserialize(inflateRawSync(b.subarray(8, factsAt))) as Omit<Prepared, 'draft' | 'facts'>;
  const facts = deserialize(inflateRawSync(b.subarray(factsAt, draftAt))) as Prepared['facts'];
  return { ...rest, facts, draftZ: draftIn(b, draftAt) };
}

/**
 * The extracted sources of a `luocdo load`, by file index, as packed bytes (`packLean`, issue 15): held in memory
 * up to `limit` bytes, the rest appended to a spill file and read back when the graph is built. What is
 * held is given back as each source goes into the graph.
 */
export class Results {
  private readonly held: Array<Uint8Array | undefined> = [];
  private readonly at: Array<{ offset: number; length: number } | undefined> = [];
  private fd: number | null = null;
  private end = 0;
  heldBytes = 0;
  /** The most bytes held at once, and how many sources went to the spill file. */
  peakHeldBytes = 0;
  spilled = 0;

  constructor(
    private readonly limit: number,
    private readonly file: string,
  ) {}

  put(i: number, bytes: Uint8Array): void {
    if (this.heldBytes + bytes.byteLength <= this.limit) {
      this.held[i] = bytes;
      this.heldBytes += bytes.byteLength;
      this.peakHeldBytes = Math.max(this.peakHeldBytes, this.heldBytes);
      return;
    }
    this.fd ??= openSync(this.file, 'w+', 0o600);
    writeSync(this.fd, bytes, 0, bytes.byteLength, this.end);
    this.at[i] = { offset: this.end, length: bytes.byteLength };
    this.end += bytes.byteLength;
    this.spilled++;
  }

  /** The source at `i`, or undefined if none was put there (its file failed). */
  get(i: number): Lean | undefined {
    const b = this.held[i] ?? this.read(i);
    return b ? unpackLean(b) : undefined;
  }

  /** The packed bytes of the source at `i` as they are, in a buffer of their own, or undefined if none. */
  raw(i: number): Uint8Array | undefined {
    const held = this.held[i];
    // A copy of held bytes: the copy is moved to a thread, and what is held stays whole till replaced.
    if (held) return new Uint8Array(held);
    const b = this.read(i);
    if (!b) return undefined;
    return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : new Uint8Array(b);
  }

  /** The source at `i` packed anew (its facts made again): held or spilled as any other, the old let go. */
  replace(i: number, bytes: Uint8Array): void {
    const wasSpilled = this.at[i] !== undefined;
    this.drop(i);
    this.put(i, bytes);
    // One source spilled twice is counted once.
    if (wasSpilled && this.at[i] !== undefined) this.spilled--;
  }

  /** Bytes appended to the spill file. */
  get spillBytes(): number {
    return this.end;
  }

  private read(i: number): Uint8Array | undefined {
    const a = this.at[i];
    if (!a || this.fd === null) return undefined;
    const b = Buffer.allocUnsafe(a.length);
    readSync(this.fd, b, 0, a.length, a.offset);
    return b;
  }

  /** Lets the bytes of `i` go (once its source is in the graph). */
  drop(i: number): void {
    const b = this.held[i];
    if (b) this.heldBytes -= b.byteLength;
    this.held[i] = undefined;
    this.at[i] = undefined;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** A text kept on disk: where it is, and its length in characters (what `better` compares first). */
export class TextRef {
  constructor(
    readonly offset: number,
    readonly bytes: number,
    readonly chars: number,
  ) {}
}

/**
 * Long texts the graph keeps to the end but never reads meanwhile (a report's search text, a relation's
 * quote): appended to a file as they come, read back when their node or edge is written out.
 */
export class Texts {
  private fd: number | null = null;
  /** Where the file ends; what is past `written` is still in `pending` (one write per 1 MB, not per text). */
  private end = 0;
  private written = 0;
  private pending: Buffer[] = [];

  constructor(private readonly file: string) {}

  put(s: string): TextRef {
    const b = Buffer.from(s, 'utf8');
    const ref = new TextRef(this.end, b.byteLength, s.length);
    this.pending.push(b);
    this.end += b.byteLength;
    if (this.end - this.written > 1 << 20) this.flush();
    return ref;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.fd ??= openSync(this.file, 'w+', 0o600);
    const b = Buffer.concat(this.pending);
    writeSync(this.fd, b, 0, b.byteLength, this.written);
    this.written = this.end;
    this.pending = [];
  }

  get(ref: TextRef): string {
    if (ref.offset + ref.bytes > this.written) this.flush();
    if (this.fd === null) throw new Error('no text was kept');
    const b = Buffer.allocUnsafe(ref.bytes);
    readSync(this.fd, b, 0, ref.bytes, ref.offset);
    return b.toString('utf8');
  }

  /** Of a kept text and a new one, whether the new one is what settle-documents keeps (bulk-graph `better`). */
  better(t: string | null | undefined, x: TextRef | null | undefined): boolean {
    if (t == null) return false;
    if (x == null || t.length > x.chars) return true;
    return t.length === x.chars && t < this.get(x);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** A field's value as written: a kept text read back. */
export const textOf = (texts: Texts) => (v: unknown) => (v instanceof TextRef ? texts.get(v) : v);
