import { getHeapStatistics } from 'node:v8';
import { loadSettings } from '../config.js';

/** Set in the process `luocdo load` runs again in, so that it never runs itself again. */
export const HEAP_SET = 'LUOCDO_LOAD_HEAP_SET';

/** This process's Node heap limit, in MB. */
export const heapLimitMb = () => Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);

/**
 * The V8 flag a `luocdo load` needs when this process's heap is smaller than `LUOCDO_LOAD_HEAP_MB`: Node's
 * default (≈ 4 GB here) holds the documents of ≈ 200,000 reports, and beyond it the load would die with
 * V8's own out-of-memory crash, not a word of ours. Null for any other command, or a bad setting (the
 * command then reports it).
 */
export function loadHeapFlag(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string | null {
  if (env[HEAP_SET] || argv.slice(2).find((a) => !a.startsWith('-')) !== 'load') return null;
  let want: number;
  try {
    want = loadSettings(env).loadHeapMb;
  } catch {
    return null;
  }
  // heap_size_limit counts the young generation too: a few per cent over what --max-old-space-size sets.
  return heapLimitMb() < want ? `--max-old-space-size=${want}` : null;
}
