/**
 * The CSV thread (see csv-thread.ts): writes the rows it is sent through a CsvWriter of its own, in the
 * order sent, and says when each batch is taken; on `close`, closes its files and sends their arguments.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { formatError } from '../errors.js';
import { CsvWriter } from './csv.js';
import type { FromCsv, ThreadRow, ToCsv } from './csv-thread.js';

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

function write(rows: ThreadRow[]): void {
  for (const r of rows)
    if (r.end === null) out.node(r.name, r.start, r.props);
    else out.edge(r.name, r.start, r.end, r.props);
}

// One message at a time, in order: a batch waits for the compressors the one before it filled.
let queue = Promise.resolve();
port.on('message', (m: ToCsv) => {
  queue = queue.then(async () => {
    try {
      if (m.kind === 'rows') {
        write(m.rows);
        await out.drained();
        send({ kind: 'took' });
      } else send({ kind: 'closed', files: await out.close() });
    } catch (e) {
      send({ kind: 'failed', message: formatError(e) });
    }
  });
});
