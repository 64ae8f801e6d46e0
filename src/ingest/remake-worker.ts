/**
 * A remake worker (see remake.ts): resolves again the sources it is sent with the knowledge it was last
 * told, and sends each back packed anew (the bytes moved, not copied).
 */
import { parentPort } from 'node:worker_threads';
import { formatError } from '../errors.js';
import { NOTHING_KNOWN, type Known } from '../graph/known.js';
import type { FromRemake, ToRemake } from './remake.js';
import { remakeSource } from './spill.js';

const port = parentPort;
if (!port) throw new Error('remake-worker.js runs as a worker thread only');
let known: Known = NOTHING_KNOWN;

port.on('message', (m: ToRemake) => {
  if (m.kind === 'known') {
    known = m.known;
    return;
  }
  try {
    const r = remakeSource(m.bytes, known);
    const made: FromRemake = {
      kind: 'made',
      id: m.id,
      bytes: r.bytes,
      asked: { questions: r.questions, answers: r.answers },
    };
    port.postMessage(made, [r.bytes.buffer as ArrayBuffer]);
  } catch (e) {
    const failed: FromRemake = { kind: 'failed', id: m.id, message: formatError(e) };
    port.postMessage(failed);
  }
});
