/**
 * The CSV thread (see csv-thread.ts): writes the rows it is sent through a CsvWriter of its own, in the
 * order sent, and says when each batch is taken; on `close`, closes its files and sends their arguments.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { formatError } from '../errors.js';
import { CsvWriter } from './csv.js';
import type { FromCsv, ThreadSink, ToCsv } from './csv-thread.js';

const port = parentPort;
if (!port) throw new Error('csv-worker.js runs as a worker thread only');
const { dir, prefix } = workerData as { dir: string; prefix: string };
const send = (m: FromCsv) => port.postMessage(m);

/** Only what a streamed row may hold: an object of another kind (a kept text's reference) is a bug. */
const value = (v: unknown): unknown => {
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Int8Array))
    throw new Error(`a streamed row holds an object (${JSON.stringify(v).slice(0, 80)})`);
  return v;
};
const out = new CsvWriter(dir, value, prefix);

const sinks: ThreadSink[] = [];

function write(m: Extract<ToCsv, { kind: 'rows' }>): void {
  for (const [i, s] of m.sinks) sinks[i] = s;
  const flat = m.flat;
  for (let at = 0; at < flat.length;) {
    const s = sinks[flat[at] as number] as ThreadSink;
    const start = flat[at + 1] as number;
    const end = flat[at + 2] as number;
    at += 3;
    const props: Record<string, unknown> = {};
    for (const k of s.columns) props[k] = flat[at++];
    if (s.node) out.node(s.name, start, props);
    else out.edge(s.name, start, end, props);
  }
}

// One message at a time, in order: a batch waits for the compressors the one before it filled.
let queue = Promise.resolve();
port.on('message', (m: ToCsv) => {
  queue = queue.then(async () => {
    try {
      if (m.kind === 'rows') {
        write(m);
        await out.drained();
        send({ kind: 'took' });
      } else send({ kind: 'closed', files: await out.close() });
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      send({
        kind: 'failed',
        message: formatError(e).replace(/^error: /, ''),
        code: typeof code === 'string' ? code : null,
      });
    }
  });
});
