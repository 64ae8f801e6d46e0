/**
 * An extraction worker (see extract-pool.ts): reads and extracts the files it is sent, one at a time, and
 * asks the main thread for the memory each will take, so one budget bounds the whole process.
 */
import { parentPort } from 'node:worker_threads';
import { formatError, isLuocdoError } from '../errors.js';
import type { Member } from '../read/archive.js';
import { extractFile, type FileLimits } from './extract-file.js';
import { pack, type FromWorker, type ToWorker } from './extract-pool.js';

const port = parentPort;
if (!port) throw new Error('extract-worker.js runs as a worker thread only');
const send = (m: FromWorker) => port.postMessage(m);
// The serializer's bytes are never shared memory: moved to the main thread, not copied.
const sendMoving = (m: FromWorker, bytes: Uint8Array) => port.postMessage(m, [bytes.buffer as ArrayBuffer]);
const grants = new Map<number, () => void>();
let nextGrant = 0;

const reserveFor = (id: number, total: number, path: string) => async (estimate: number) => {
  if (estimate > total) {
    // The same refusal as in the main thread (budget.ts overBudget), made there from these numbers.
    throw Object.assign(new Error('over budget'), { overBudget: { path, estimate, total } });
  }
  const g = nextGrant++;
  await new Promise<void>((granted) => {
    grants.set(g, granted);
    send({ kind: 'reserve', id, grant: g, bytes: estimate });
  });
};

async function work(m: Extract<ToWorker, { kind: 'extract' }>): Promise<void> {
  try {
    const member: Member | undefined = m.member ?? undefined;
    const limits: FileLimits = m.ocrProgress
      ? {
          ...m.limits,
          onOcrPage: (path, done, total) => send({ kind: 'ocrPage', id: m.id, path, done, total }),
        }
      : m.limits;
    const prepared = await extractFile(m.path, member, limits, reserveFor(m.id, m.budget, m.path));
    if (m.packed) {
      const packed = pack(prepared);
      sendMoving({ kind: 'packed', id: m.id, packed }, packed.bytes);
    } else send({ kind: 'done', id: m.id, prepared });
  } catch (e) {
    const over = (e as { overBudget?: { path: string; estimate: number; total: number } }).overBudget;
    send({
      kind: 'failed',
      id: m.id,
      over: over ?? null,
      code: isLuocdoError(e) ? e.code : null,
      message: isLuocdoError(e) ? e.message : formatError(e).replace(/^error: /, ''),
      hint: isLuocdoError(e) ? (e.hint ?? null) : null,
    });
  }
}

port.on('message', (m: ToWorker) => {
  if (m.kind === 'granted') {
    grants.get(m.grant)?.();
    grants.delete(m.grant);
  } else void work(m);
});
