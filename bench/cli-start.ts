// Wall time of `luocdo extract` on a small file, from process start to exit: what a user waits for at the
// prompt. Runs it 15 times and prints the median and the slowest, with the time of a bare `node -e 0`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/paths.js';

const runs = Number(process.argv[2] ?? 15);
const dir = mkdtempSync(join(tmpdir(), 'luocdo-cli-'));
const file = join(dir, 'small.txt');
writeFileSync(file, 'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;\n');
const bin = join(projectRoot(), 'bin', 'luocdo.js');

function time(args: string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, args, { stdio: 'ignore' });
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

const median = (xs: number[]) => xs[Math.floor(xs.length / 2)] as number;
const cli = time([bin, 'extract', file]);
const bare = time(['-e', '0']);
console.log(
  JSON.stringify({
    command: 'luocdo extract small.txt',
    runs,
    medianSeconds: +(median(cli) / 1000).toFixed(3),
    slowestSeconds: +((cli[cli.length - 1] as number) / 1000).toFixed(3),
    bareNodeMedianSeconds: +(median(bare) / 1000).toFixed(3),
  }),
);
