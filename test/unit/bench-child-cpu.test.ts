import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cpuTimes } from '../../bench/read-ocr.js';

// `npm run bench:read` gives OCR's CPU per page from the children that do it (pdftoppm, tesseract), which
// process.cpuUsage() leaves out: the kernel's count of waited-for children (/proc/self/stat cutime, cstime).

describe('the OCR bench’s CPU of child processes', () => {
  it('counts the CPU a child spent, which the process’s own figure does not', () => {
    const before = cpuTimes();
    const own0 = process.cpuUsage();
    // The child reports its own CPU seconds after spinning a while.
    const out = execFileSync(process.execPath, [
      '-e',
      'let x = 0; for (let i = 0; i < 2e8; i++) x += i; const c = process.cpuUsage(); console.log((c.user + c.system) / 1e6, x > 0)',
    ]);
    const childSays = Number(String(out).split(' ')[0]);
    const after = cpuTimes();
    const own = process.cpuUsage(own0);
    expect(childSays).toBeGreaterThan(0.05);
    // Clock ticks (10 ms) round the kernel's count; node's start-up adds to it.
    expect(after.children - before.children).toBeGreaterThanOrEqual(childSays * 0.8);
    expect((own.user + own.system) / 1e6).toBeLessThan(after.children - before.children);
  });
});
