import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDrivers } from '../src/store/connection.js';
import { ingestPaths } from '../src/ingest/pipeline.js';
import { startApi, type TestApi } from './helpers/api.js';
import { runCli } from './helpers/cli.js';
import { cleanGraph, testDb, testEnv } from './helpers/db.js';
import { walk, type Connection } from './helpers/pages.js';

// A directive carried out down three levels of government, each level's plan implementing the plan
// above it: xã plan → huyện plan → tỉnh plan → directive. Every unit on the way implemented the
// directive (DESIGN §3), the xã two IMPLEMENTS steps away from the plan that names the directive.
const plan = (header: string[], no: string, dated: string, title: string, body: string) =>
  ['ỦY BAN NHÂN DÂN', ...header, '', `Số: ${no}`, '', dated, '', 'KẾ HOẠCH', title, '', body].join('\n');

const PLANS: Record<string, string> = {
  'tinh.txt': plan(
    ['TỈNH QUẢNG NGÃI'],
    '21/KH-UBND',
    'Quảng Ngãi, ngày 20 tháng 02 năm 2023',
    'Triển khai thực hiện Chỉ thị về công tác dân vận',
    'Thực hiện Chỉ thị số 05-CT/TU ngày 10/01/2023 của Ban Thường vụ Tỉnh ủy Quảng Ngãi về tăng cường công tác dân vận, Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện như sau.',
  ),
  'huyen.txt': plan(
    ['HUYỆN BÌNH SƠN'],
    '35/KH-UBND',
    'Bình Sơn, ngày 10 tháng 3 năm 2023',
    'Thực hiện công tác dân vận trên địa bàn huyện',
    'Thực hiện Kế hoạch số 21/KH-UBND ngày 20/02/2023 của UBND tỉnh Quảng Ngãi về công tác dân vận, Ủy ban nhân dân huyện Bình Sơn ban hành kế hoạch thực hiện như sau.',
  ),
  'xa.txt': plan(
    ['XÃ BÌNH HIỆP'],
    '08/KH-UBND',
    'Bình Hiệp, ngày 25 tháng 3 năm 2023',
    'Thực hiện công tác dân vận trên địa bàn xã Bình Hiệp, huyện Bình Sơn, tỉnh Quảng Ngãi',
    'Thực hiện Kế hoạch số 35/KH-UBND ngày 10/3/2023 của UBND huyện Bình Sơn về công tác dân vận, Ủy ban nhân dân xã Bình Hiệp ban hành kế hoạch thực hiện như sau.',
  ),
};
const UNITS = [
  'Ủy ban nhân dân huyện Bình Sơn',
  'Ủy ban nhân dân tỉnh Quảng Ngãi',
  'Ủy ban nhân dân xã Bình Hiệp',
];

type Evidence = {
  document: { symbol: string | null };
  through: { symbol: string | null };
  target: { symbol: string | null };
  relation: string;
};
type Impl = { unit: { key: string; name: string }; via: Evidence[] };
const IMPL = 'unit { key name } via { relation document { symbol } through { symbol } target { symbol } }';

const db = testDb();
const dir = mkdtempSync(join(tmpdir(), 'luocdo-chain-'));
let api: TestApi;

beforeAll(async () => {
  await cleanGraph(db);
  for (const [name, text] of Object.entries(PLANS)) writeFileSync(join(dir, name), text);
  const s = await ingestPaths(db, [dir], { maxBytes: 5e6, concurrency: 1, dryRun: false });
  expect(s.failures).toEqual([]);
  expect(s.added).toBe(3);
  api = await startApi(db);
});
afterAll(async () => {
  await api.close();
  await closeDrivers();
  rmSync(dir, { recursive: true, force: true });
});

describe('implementers through a chain of plans', () => {
  it('names every unit down the chain, the xã two plans away included, with the step that reaches the directive', async () => {
    const { body } = await api.gql<{ implementers: Impl[] }>(
      `query($d: String!) { implementers(directive: $d) { ${IMPL} } }`,
      { d: 'Chỉ thị 05-CT/TU' },
    );
    expect(body.errors).toBeUndefined();
    const impl = body.data?.implementers ?? [];
    expect(impl.map((i) => i.unit.name)).toEqual(UNITS);
    const xa = impl.find((i) => i.unit.name.endsWith('Bình Hiệp'));
    expect(xa?.via).toEqual([
      {
        relation: 'IMPLEMENTS',
        document: { symbol: '08/KH-UBND' },
        through: { symbol: '21/KH-UBND' },
        target: { symbol: '05-CT/TU' },
      },
    ]);
  });

  it('gives the same units a page at a time', async () => {
    const whole = await api.gql<{ implementers: Impl[] }>(
      `{ implementers(directive: "05-CT/TU") { ${IMPL} } }`,
    );
    const { nodes, total, pages } = await walk(1, async (after) => {
      const { body } = await api.gql<{ implementersPage: Connection<Impl> }>(
        `query($a: String) { implementersPage(directive: "05-CT/TU", first: 1, after: $a) {
           totalCount edges { cursor node { ${IMPL} } } pageInfo { hasNextPage endCursor } } }`,
        { a: after },
      );
      expect(body.errors).toBeUndefined();
      return body.data?.implementersPage as Connection<Impl>;
    });
    expect(total).toBe(3);
    expect(pages).toBe(3);
    expect(nodes).toEqual(whole.body.data?.implementers);
    expect(nodes.map((i) => i.unit.name)).toEqual(UNITS);
  });

  it('answers the same from the CLI', async () => {
    const r = await runCli(['trace', '05-CT/TU', '--json'], { env: testEnv() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { implementers: Array<{ unit: { name: string } }> };
    expect(out.implementers.map((i) => i.unit.name)).toEqual(UNITS);
  });

  it('counts the huyện plan among the tỉnh plan’s implementers, one level down', async () => {
    const { body } = await api.gql<{ implementers: Impl[] }>(
      `{ implementers(directive: "21/KH-UBND") { ${IMPL} } }`,
    );
    expect(body.data?.implementers.map((i) => i.unit.name)).toEqual([UNITS[0], UNITS[2]]);
  });
});
