import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDrivers } from '../src/store/connection.js';
import { startApi, type TestApi } from './helpers/api.js';
import { cleanGraph, testDb } from './helpers/db.js';

const TOKEN = 'token-for-the-tests-0123456789';
const BEARER = { authorization: `Bearer ${TOKEN}` };
const WRONG = { authorization: `Bearer ${TOKEN.replace(/9$/, '8')}` };
const TEXT =
  'ỦY BAN NHÂN DÂN\nXÃ ĐỨC PHONG\n\nSố: 14/BC-UBND\n\nĐức Phong, ngày 3 tháng 4 năm 2024\n\nBÁO CÁO\nKết quả công tác dân vận\n\nThực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân xã Đức Phong báo cáo như sau.';
const PATH = 'token-test/duc-phong.txt';

const db = testDb();
type Stats = { documents: number; documentsWithText: number; sources: number; citations: number };
const STATS = '{ stats { documents documentsWithText sources citations } }';
const REMOVE = 'mutation($s: String!) { removeSource(source: $s) { sha256 path } }';

afterAll(() => closeDrivers());

describe('mutations with a token set', () => {
  let api: TestApi;
  let sha = '';
  beforeAll(async () => {
    await cleanGraph(db);
    api = await startApi(db, TOKEN);
    const r = await api.gql<{ ingestText: { sha256: string; status: string } }>(
      'mutation($t: String!, $p: String!) { ingestText(text: $t, path: $p) { sha256 status } }',
      { t: TEXT, p: PATH },
      BEARER,
    );
    expect(r.body.data?.ingestText.status).toBe('added');
    sha = r.body.data?.ingestText.sha256 ?? '';
  });
  afterAll(() => api.close());

  const stats = async () => (await api.gql<{ stats: Stats }>(STATS)).body.data?.stats;
  const report = async () =>
    (await api.gql<{ document: { hasText: boolean } | null }>('{ document(ref: "14/BC-UBND") { hasText } }'))
      .body.data?.document;

  it.each([
    ['no token', {}],
    ['a wrong token', WRONG],
    ['the token without Bearer', { authorization: TOKEN.slice(0, -1) }],
  ])('refuses removeSource with %s and changes nothing', async (_, headers) => {
    const before = await stats();
    expect(before).toMatchObject({ documentsWithText: 1, sources: 1 });
    for (const source of [PATH, sha, sha.slice(0, 8)]) {
      const r = await api.gql(REMOVE, { s: source }, headers);
      expect(r.status).toBe(200);
      expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(r.body.data ?? null).toBeNull();
    }
    expect(await stats()).toEqual(before);
    expect(await report()).toEqual({ hasText: true });
  });

  it('refuses ingestText without the token and stores nothing', async () => {
    const before = await stats();
    const r = await api.gql(
      'mutation($t: String!) { ingestText(text: $t, path: "token-test/other.txt") { status } }',
      { t: TEXT.replace('14/BC-UBND', '15/BC-UBND') },
    );
    expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await stats()).toEqual(before);
  });

  it('removes the source with the token', async () => {
    const r = await api.gql<{ removeSource: Array<{ sha256: string; path: string }> }>(
      REMOVE,
      { s: PATH },
      BEARER,
    );
    expect(r.body.data?.removeSource).toEqual([{ sha256: sha, path: PATH }]);
    expect(await stats()).toMatchObject({ documents: 0, sources: 0, citations: 0 });
    expect(await report()).toBeNull();
  });
});

describe('reads protected too', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi(db, TOKEN, { protectReads: true });
  });
  afterAll(() => api.close());

  it('refuses a query without the right token, answers it with', async () => {
    for (const headers of [{}, WRONG]) {
      const r = await api.gql(STATS, {}, headers);
      expect(r.status).toBe(401);
      expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(r.body.data ?? null).toBeNull();
    }
    const ok = await api.gql<{ stats: Stats }>(STATS, {}, BEARER);
    expect(ok.status).toBe(200);
    expect(ok.body.data?.stats).toMatchObject({ sources: 0 });
  });

  it('still answers /health and serves GraphiQL to a browser', async () => {
    expect((await fetch(`${api.base}/health`)).status).toBe(200);
    const page = await fetch(`${api.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
  });
});
