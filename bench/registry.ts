// `npm run bench:registry`: rows per second of `registry import` for a synthetic register of 100,000 rows
// (issue 16), on a fresh local server: reading and checking the rows (the pure part) and writing them
// (batches of 2,000, one transaction each). `-- --rows N` for another size.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importRead, readRegisterPath, writesOf } from '../src/ingest/registry/index.js';
import { counts } from '../src/store/ingest.js';
import { cpuSeconds, freshServer, machine } from './harness.js';

const arg = process.argv.indexOf('--rows');
const ROWS = arg > 0 ? Number(process.argv[arg + 1]) : 100_000;

const PROVINCES = ['Quảng Ngãi', 'Kon Tum', 'Bình Định', 'Phú Yên', 'Gia Lai'];
const TYPES = [
  ['Kế hoạch', 'KH-UBND'],
  ['Quyết định', 'QĐ-UBND'],
  ['Công văn', 'UBND-VX'],
  ['Báo cáo', 'BC-UBND'],
  ['Thông báo', 'TB-UBND'],
] as const;
const FORCE = ['Còn hiệu lực', 'Hết hiệu lực toàn bộ', 'Hết hiệu lực một phần', 'Chưa có hiệu lực', ''];

const pad = (n: number) => String(n).padStart(2, '0');
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** A province's register: numbers run per province, type and year; a title cites an earlier row one time in two, lower-cased one time in four. */
function register(rows: number): string {
  const lines = ['Số ký hiệu;Ngày ban hành;Trích yếu;Cơ quan ban hành;Loại văn bản;Hiệu lực'];
  const last: string[] = [];
  for (let i = 0; i < rows; i++) {
    const province = PROVINCES[i % PROVINCES.length] as string;
    const [typeName, code] = TYPES[Math.floor(i / PROVINCES.length) % TYPES.length] as readonly [
      string,
      string,
    ];
    const year = 2015 + (Math.floor(i / 997) % 10);
    const number = Math.floor(i / (PROVINCES.length * TYPES.length)) + 1;
    const day = (i % 28) + 1;
    const month = (Math.floor(i / 28) % 12) + 1;
    const symbol = `${number}/${code}`;
    const date = `${pad(day)}/${pad(month)}/${year}`;
    const cites = i % 2 === 0 ? last[i % last.length] : undefined;
    let title =
      `về việc triển khai công tác số ${i} năm ${year}` +
      (cites ? `, thực hiện ${cites} của UBND tỉnh ${province}` : '');
    if (i % 4 === 0) title = title.toLowerCase();
    lines.push(
      [symbol, date, quote(title), `UBND tỉnh ${province}`, typeName, FORCE[i % FORCE.length]].join(';'),
    );
    if (last.length < 50 || i % 7 === 0) last[i % 50] = `Kế hoạch số ${number}/KH-UBND ngày ${date}`;
  }
  return `${lines.join('\n')}\n`;
}

console.log(machine());
const dir = mkdtempSync(join(tmpdir(), 'luocdo-bench-registry-'));
const file = join(dir, 'so-dang-ky.csv');
writeFileSync(file, register(ROWS));
const server = await freshServer('registry', Number(process.env['LUOCDO_BOLT_PORT'] ?? 17996), '1g', '512m');
try {
  const t0 = performance.now();
  const read = await readRegisterPath(file, 500e6);
  const reading = (performance.now() - t0) / 1000;
  // The pure part alone (rows read as documents, titles extracted), for the record: the import does it again.
  const tx = performance.now();
  const writes = writesOf(read);
  const extracting = (performance.now() - tx) / 1000;
  const cpu0 = cpuSeconds(server.started.pid);
  const t1 = performance.now();
  const b = process.argv.indexOf('--batch');
  const r = await importRead(server.db, read, {
    ...(b > 0 ? { batch: Number(process.argv[b + 1]) } : {}),
    onBatch: (done, total) => {
      if (done % 10_000 < 500) process.stderr.write(`\r${done}/${total}`);
    },
  });
  const write = (performance.now() - t1) / 1000;
  process.stderr.write('\n');
  const c = await counts(server.db);
  console.log(
    JSON.stringify({
      rows: ROWS,
      imported: r.rows,
      refused: r.bad.length,
      readSeconds: +reading.toFixed(1),
      extractRowsPerSecond: Math.round(writes.length / extracting),
      importSeconds: +write.toFixed(1),
      rowsPerSecond: Math.round(r.rows / (reading + write)),
      serverCpuSeconds: +(cpuSeconds(server.started.pid) - cpu0).toFixed(1),
      documents: c.documents,
      citations: c.citations,
    }),
  );
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
