import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

// Issue 15: `luocdo load` keeps every distinct document it resolves in memory; Node's default heap (≈ 4 GB
// on this machine) holds those of ≈ 200,000 reports and would end a larger load with V8's own crash. The
// command runs again in a Node whose heap is LUOCDO_LOAD_HEAP_MB and says so first. No database is needed
// to see it: NEO4J_URI makes the load refuse right after.
describe('luocdo load: its Node heap', () => {
  const env = (heap: string) => ({
    ...process.env,
    NEO4J_URI: 'bolt://127.0.0.1:1',
    LUOCDO_LOAD_HEAP_MB: heap,
  });

  it('runs in a Node with the heap LUOCDO_LOAD_HEAP_MB asks, says so, and passes the exit status on', async () => {
    const r = await runCli(['load', '/nonexistent'], { env: env('6000') });
    const m = /memory: Node heap (\d+) MB \(LUOCDO_LOAD_HEAP_MB 6000\)/.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    const heap = Number(m?.[1]);
    // heap_size_limit counts the young generation on top of --max-old-space-size.
    expect(heap).toBeGreaterThanOrEqual(6000);
    expect(heap).toBeLessThan(6400);
    expect(r.stderr).toContain('NEO4J_URI is set');
    expect(r.code).toBe(1);
  });

  it('names a bad setting', async () => {
    const r = await runCli(['load', '/nonexistent'], { env: env('lots') });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('LUOCDO_LOAD_HEAP_MB');
  });
});
