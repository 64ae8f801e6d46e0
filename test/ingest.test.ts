import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../src/extract/index.js';
import { closeDrivers } from '../src/store/connection.js';
import { counts, removeSource } from '../src/store/ingest.js';
import { ingestPaths } from '../src/ingest/pipeline.js';
import { toPlain } from '../src/store/values.js';
import { runCli } from './helpers/cli.js';
import { cleanGraph, testDb, testEnv } from './helpers/db.js';
import { makeDocx, makePdf } from './helpers/documents.js';
import { gold, seedPath } from './helpers/gold.js';

const db = testDb();
const opts = { maxBytes: 5e6, concurrency: 2, dryRun: false };
const seeds = join(seedPath('x'), '..');

async function q(cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  return db.read(async (tx) =>
    (await tx.run(cypher, params)).records.map((r) => toPlain(r.toObject()) as Record<string, unknown>),
  );
}
async function totals(): Promise<{ nodes: number; rels: number }> {
  const [n] = await q('MATCH (n) WHERE NOT n:Migration RETURN count(n) AS nodes');
  const [r] = await q('MATCH ()-[r]->() RETURN count(r) AS rels');
  return { nodes: n?.['nodes'] as number, rels: r?.['rels'] as number };
}

afterAll(() => closeDrivers());

describe('ingesting the seeds', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'luocdo-ingest-'));
  beforeAll(async () => {
    await cleanGraph(db);
    const s = await ingestPaths(db, [seeds], opts);
    expect(s.failures).toEqual([]);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('gives 4 reports with text from 5 source files, seeds 000 and 001 being one report', async () => {
    const c = await counts(db);
    expect(c.sources).toBe(5);
    expect(c.withText).toBe(4);
    const [dup] = await q(
      'MATCH (s:SourceFile)-[:OF]->(d:Document) WITH d, collect(s.path) AS paths WHERE size(paths) > 1 RETURN d.symbol AS symbol, paths',
    );
    expect(dup?.['symbol']).toBe('39/BC-UBND');
    expect((dup?.['paths'] as string[]).map((p) => p.split('/').pop()).sort()).toEqual([
      '000_0f68266f658f0987.txt',
      '001_5451492b04ecc796.txt',
    ]);
  });

  it('keeps apart what the numbering rules keep apart', async () => {
    const rows = await q(
      'MATCH (d:Document) WHERE d.symbol IN $s RETURN d.symbol AS symbol, count(*) AS n ORDER BY symbol',
      {
        s: ['17/KH-UBND', '11/KH-UBND', '31/KH-UBND', '31-KH/TU'],
      },
    );
    expect(rows).toEqual([
      { symbol: '11/KH-UBND', n: 2 },
      { symbol: '17/KH-UBND', n: 2 },
      { symbol: '31-KH/TU', n: 1 },
      { symbol: '31/KH-UBND', n: 1 },
    ]);
  });

  it('merges what two reports cite into one document with all its citers', async () => {
    const rows = await q(
      `MATCH (d:Document) WHERE d.symbol IN $s
       OPTIONAL MATCH (r:Document)-[:HAS_CITATION]->(:Citation)-[:REFERS_TO]->(d)
       WITH d.symbol AS symbol, count(DISTINCT d) AS nodes, collect(DISTINCT r.key) AS citers
       RETURN symbol, nodes, size(citers) AS citers ORDER BY symbol`,
      { s: ['114-KL/TW', '22-CT/TU', '70/KH-UBND', '16/CT-TTg'] },
    );
    expect(rows).toEqual([
      { symbol: '114-KL/TW', nodes: 1, citers: 2 },
      { symbol: '16/CT-TTg', nodes: 1, citers: 2 },
      { symbol: '22-CT/TU', nodes: 1, citers: 2 },
      { symbol: '70/KH-UBND', nodes: 1, citers: 2 },
    ]);
  });

  it('records that 71/KH-UBND implements 70/KH-UBND and was issued by Bình Sơn', async () => {
    const rows = await q(
      `MATCH (a:Document {symbol: '71/KH-UBND'})-[:IMPLEMENTS]->(b:Document) RETURN b.symbol AS b ORDER BY b`,
    );
    expect(rows.map((r) => r['b'])).toEqual(['65-KH/HU', '70/KH-UBND']);
    const [o] = await q(
      `MATCH (:Document {symbol: '71/KH-UBND'})-[:ISSUED_BY]->(o:Organization) RETURN o.name AS name, o.level AS level`,
    );
    expect(o).toEqual({ name: 'Ủy ban nhân dân huyện Bình Sơn', level: 'huyện' });
    const [f] = await q(`MATCH (:Document {symbol: '31/KH-UBND'})-[:IMPLEMENTS]->(b) RETURN b.symbol AS b`);
    expect(f?.['b']).toBe('53/KH-UBND');
  });

  it('records the units a report was sent to that its context resolves, and no others', async () => {
    const sent = async (file: string) =>
      (
        await q(
          `MATCH (:SourceFile {path: $path})-[:OF]->(:Document)-[:SENT_TO]->(o:Organization) RETURN o.name AS name ORDER BY name`,
          { path: seedPath(file) },
        )
      ).map((r) => r['name']);
    // "UBND tỉnh; Sở Nội vụ; TT Huyện ủy; TT HĐND huyện; CT, các PCT UBND huyện; Cơ quan TC-NV; …" from Sơn Tây.
    expect(await sent('004_0662ae5257e579c5.txt')).toEqual([
      'Ban Thường vụ Huyện ủy Sơn Tây',
      'Hội đồng nhân dân huyện Sơn Tây',
      'Sở Nội vụ tỉnh Quảng Ngãi',
      'Ủy ban nhân dân tỉnh Quảng Ngãi',
    ]);
    // "Như trên; CT, PCT (VX) UBND huyện; Ban Dân vận Huyện ủy; Cơ quan TC-NV; VPH: …": nothing sure enough.
    expect(await sent('002_996c47b50c70c726.txt')).toEqual([]);
  });

  it('resolves every issuer the gold names, from the citing report’s context', async () => {
    for (const [file, g] of Object.entries(gold.files)) {
      for (const w of g.references.filter((x) => x.issuer)) {
        const rows = await q(
          `MATCH (s:SourceFile)-[:OF]->(rep:Document)-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(d:Document {symbol: $symbol})
           WHERE s.path ENDS WITH $file AND c.source = s.sha256 AND ($on IS NULL OR d.issuedOn = $on)
           MATCH (d)-[:ISSUED_BY]->(o:Organization) RETURN DISTINCT o.name AS name`,
          { symbol: w.symbol, file, on: w.issuedOn },
        );
        const want = fold(w.issuer as string).replace(/^ubnd/, 'uy ban nhan dan');
        const names = rows.map((r) => fold(r['name'] as string));
        expect(
          names.some((n) => n.startsWith(want) || want.startsWith(n)),
          `${file} ${w.symbol}: ${names.join(', ')} vs ${w.issuer}`,
        ).toBe(true);
      }
    }
  });

  it('finds the implementers the gold lists, through chains of IMPLEMENTS', async () => {
    for (const [symbol, units] of Object.entries(gold.across.implementers)) {
      const rows = await q(
        `MATCH (target:Document {symbol: $symbol})
         MATCH (doc:Document)-[:REPORTS_ON|IMPLEMENTS]->(target)
         MATCH (doc)-[:ISSUED_BY]->(u:Organization) RETURN DISTINCT u.name AS name
         UNION
         MATCH (target:Document {symbol: $symbol})<-[:IMPLEMENTS*2..4]-(doc:Document)-[:ISSUED_BY]->(u:Organization) RETURN DISTINCT u.name AS name`,
        { symbol },
      );
      const names = rows.map((r) => fold(r['name'] as string));
      for (const u of units)
        expect(
          names.some((n) => n.startsWith(fold(u))),
          `${symbol}: ${u} in ${names.join('; ')}`,
        ).toBe(true);
    }
  });

  it('keeps the evidence: each edge the report asserts has its Citation with quote, offsets and relation', async () => {
    const rows = await q(
      `MATCH (rep:Document)-[e:REPORTS_ON]->(d:Document {symbol: '22-CT/TU'})
       MATCH (rep)-[:HAS_CITATION]->(c:Citation {relation: 'REPORTS_ON'})-[:REFERS_TO]->(d)
       MATCH (s:SourceFile {sha256: c.source})
       RETURN s.path AS path, c.quote AS quote, c.start AS start, c.end AS end, c.text AS text, c.inFootnote AS fn LIMIT 3`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const original = readFileSync(r['path'] as string, 'utf8');
      expect(original.slice(r['start'] as number, r['end'] as number)).toBe(r['text']);
      expect(r['quote']).toContain('22-CT/TU');
      expect(r['fn']).toBe(false);
    }
    const [fn] = await q(
      `MATCH (c:Citation {inFootnote: true})-[:REFERS_TO]->(:Document {symbol: '40-KH/HU'}) RETURN count(c) AS n`,
    );
    expect(fn?.['n']).toBe(1);
    // The report's own edge carries the sentence of its first Citation of that relation (in one of its
    // sources: seeds 000 and 001 are one report).
    const edges = await q(
      `MATCH (rep:Document {hasText: true})-[e]->(d:Document)
       MATCH (rep)-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(d) WHERE c.relation = type(e)
       WITH e, c ORDER BY c.start
       WITH e, c.source AS source, collect(c.quote)[0] AS first
       RETURN e.quote AS quote, collect(first) AS firsts`,
    );
    expect(edges.length).toBeGreaterThan(10);
    for (const e of edges) expect(e['firsts']).toContain(e['quote']);
  });

  it('changes nothing on a second ingest', async () => {
    const before = await totals();
    const s = await ingestPaths(db, [seeds], opts);
    expect(s.unchanged).toBe(5);
    expect(await totals()).toEqual(before);
  });

  it('replaces exactly its own citations when a file changes, and a removed source leaves what others cite', async () => {
    const before = await totals();
    const path = join(tmp, 'report.txt');
    const original = readFileSync(seedPath('002_996c47b50c70c726.txt'), 'utf8') + '\n';
    writeFileSync(path, original);
    const first = await ingestPaths(db, [path], opts);
    expect(first.results[0]?.status).toBe('added');
    const shaA = first.results[0]?.sha256 as string;
    // The same file edited: the sentence citing 65-KH/HU goes.
    writeFileSync(path, original.replace(/Kế hoạch số 65-KH\/HU[^;]*;/, ''));
    const second = await ingestPaths(db, [path], opts);
    expect(second.results[0]?.status).toBe('replaced');
    const [old] = await q('MATCH (c:Citation {source: $sha}) RETURN count(c) AS n', { sha: shaA });
    expect(old?.['n']).toBe(0);
    const removed = await removeSource(db, path);
    expect(removed).toHaveLength(1);
    expect(await totals()).toEqual(before);
    // Taking out a seed report: what the others cite stays; what only it cited goes.
    const three = await removeSource(db, seedPath('003_2802fcf99e6bc536.txt'));
    expect(three).toHaveLength(1);
    const rows = await q(
      `MATCH (d:Document) WHERE d.symbol IN ['22-CT/TU', '516/SNV-XDCQ', '290-QĐ/TW'] RETURN d.symbol AS s ORDER BY s`,
    );
    expect(rows.map((r) => r['s'])).toEqual(['22-CT/TU']);
    await ingestPaths(db, [seedPath('003_2802fcf99e6bc536.txt')], opts);
    expect(await totals()).toEqual(before);
  });

  it('upgrades a document known only by citation when its own text arrives, keeping its citers', async () => {
    const path = join(tmp, '71.txt');
    writeFileSync(
      path,
      'ỦY BAN NHÂN DÂN\nHUYỆN BÌNH SƠN\n\nSố: 71/KH-UBND\n\nBình Sơn, ngày 07 tháng 8 năm 2020\n\nKẾ HOẠCH\nPhát động phong trào thi đua “Dân vận khéo”\n\nThực hiện Kế hoạch số 70/KH-UBND ngày 04/6/2020 của UBND tỉnh Quảng Ngãi, Ủy ban nhân dân huyện Bình Sơn ban hành kế hoạch như sau.',
    );
    const before = await q(
      `MATCH (d:Document {symbol: '71/KH-UBND'}) RETURN d.key AS key, d.hasText AS hasText`,
    );
    expect(before).toEqual([{ key: expect.any(String), hasText: false }]);
    await ingestPaths(db, [path], opts);
    const after = await q(
      `MATCH (d:Document {symbol: '71/KH-UBND'}) OPTIONAL MATCH (c:Citation)-[:REFERS_TO]->(d) RETURN d.key AS key, d.hasText AS hasText, count(c) AS citedBy`,
    );
    expect(after).toEqual([{ key: before[0]?.['key'], hasText: true, citedBy: 1 }]);
    await removeSource(db, path);
  });
});

describe('files of every format, and bad ones among good ones', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luocdo-files-'));
  beforeAll(async () => {
    await cleanGraph(db);
    const body = [
      'BÁO CÁO',
      'Kết quả thực hiện công tác dân vận',
      'Thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy, UBND huyện Minh Long báo cáo như sau:',
      'Tiếp tục thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư về công tác dân vận.',
    ];
    writeFileSync(join(dir, 'a-report.docx'), await makeDocx(body));
    writeFileSync(join(dir, 'b-report.pdf'), await makePdf([body.slice(0, 3), body.slice(3)]));
    writeFileSync(
      join(dir, 'c-report.html'),
      `<!doctype html><html><body><h1>BÁO CÁO</h1>${body.map((p) => `<p>${p}</p>`).join('')}</body></html>`,
    );
    writeFileSync(
      join(dir, 'd-utf16.txt'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body.join('\n\n'), 'utf16le')]),
    );
    writeFileSync(join(dir, 'e-pdf-named.txt'), await makePdf([body])); // the bytes decide, not the name
    writeFileSync(join(dir, 'f-empty.txt'), '');
    writeFileSync(join(dir, 'g-binary.dat'), Buffer.from([0, 1, 2, 3, 255, 0, 7, 8]));
    writeFileSync(join(dir, 'h-scanned.pdf'), await makePdf([['x']], { text: false }));
    writeFileSync(join(dir, 'i-encrypted.pdf'), await makePdf([body], { password: 'secret' }));
    writeFileSync(
      join(dir, 'j-corrupt.pdf'),
      Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntruncated'),
    );
    // Not UTF-8, and no Vietnamese in TCVN3, VNI or cp1258 either (French in Latin-1).
    writeFileSync(
      join(dir, 'k-latin1.txt'),
      Buffer.from("Ça m'a été très agréable, ô combien! Où êtes-vous?", 'latin1'),
    );
    writeFileSync(join(dir, 'l-big.txt'), 'Kế hoạch số 1/KH-UBND ngày 1/1/2020. '.repeat(200_000));
    writeFileSync(
      join(dir, 'm-old.doc'),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads .docx, .pdf, .html and UTF-16 text, and names each bad file with its reason', async () => {
    const s = await ingestPaths(db, [dir], { ...opts, maxBytes: 2e6 });
    const why = Object.fromEntries(s.failures.map((f) => [f.path.split('/').pop(), f.error]));
    expect(why['f-empty.txt']).toMatch(/empty file/);
    expect(why['g-binary.dat']).toMatch(/binary/);
    expect(why['h-scanned.pdf']).toMatch(/no text layer.*OCR/);
    expect(why['i-encrypted.pdf']).toMatch(/encrypted/);
    expect(why['j-corrupt.pdf']).toMatch(/not a valid PDF|could not be read/);
    expect(why['k-latin1.txt']).toMatch(/not valid UTF-8 text, nor TCVN3, VNI or Windows-1258 Vietnamese/);
    expect(why['l-big.txt']).toMatch(/over the 2 MB limit/);
    expect(why['m-old.doc']).toMatch(/not a readable Word \.doc/);
    expect(s.failed).toBe(8);
    const formats = await q('MATCH (s:SourceFile) RETURN s.format AS f ORDER BY f');
    expect(formats.map((r) => r['f'])).toEqual(['docx', 'html', 'pdf', 'pdf', 'txt']);
    // Five sources of one report: one Document, one 22-CT/TU cited by it.
    const rows = await q(
      `MATCH (:Document {hasText: true})-[:REPORTS_ON|IMPLEMENTS]->(d:Document {symbol: '22-CT/TU'}) RETURN count(*) AS n`,
    );
    expect(rows[0]?.['n']).toBeGreaterThanOrEqual(1);
  });

  it('exits non-zero from the CLI and says which files failed, while the good ones land', async () => {
    await cleanGraph(db);
    const r = await runCli(['ingest', dir, '--json'], { env: testEnv({ LUOCDO_MAX_FILE_MB: '2' }) });
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout) as { failed: number; added: number; merged: number };
    expect(s.failed).toBe(8);
    expect(s.added + s.merged).toBe(5);
    expect(r.stderr).toContain('i-encrypted.pdf');
    const dry = await runCli(['ingest', seeds, '--dry-run'], { env: testEnv() });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^\(dry run\) 5 files/);
  });
});

describe('support of shared edges and deferred search text', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'luocdo-support-'));
  const report = (n: number, unit: string, extra: string) =>
    [
      `ỦY BAN NHÂN DÂN HUYỆN ${unit.toUpperCase()}`,
      `Số: ${n}/BC-UBND`,
      `${unit}, ngày 5 tháng 3 năm 2024`,
      'BÁO CÁO',
      `Kết quả thực hiện Chỉ thị số 05-CT/TU tại huyện ${unit}`,
      `Thực hiện Chỉ thị số 05-CT/TU ngày 10 tháng 1 năm 2023 của Ban Thường vụ Tỉnh ủy Quảng Ngãi, Ủy ban nhân dân huyện ${unit} báo cáo như sau. ${extra}`,
      'CHỦ TỊCH',
      'Nguyễn Văn A',
    ].join('\n');
  const paths = [join(tmp, 'a.txt'), join(tmp, 'b.txt')];
  beforeAll(async () => {
    await cleanGraph(db);
    writeFileSync(
      paths[0] as string,
      report(11, 'Sơn Tịnh', 'Căn cứ Nghị định số 30/2020/NĐ-CP của Chính phủ.'),
    );
    writeFileSync(paths[1] as string, report(12, 'Tư Nghĩa', ''));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const issuedBy = async () =>
    (
      await q(
        "MATCH (d:Document)-[:ISSUED_BY]->(o:Organization) WHERE d.symbol = '05-CT/TU' RETURN o.key AS org",
      )
    ).map((r) => r['org']);

  it('keeps an edge two sources assert until the last of them goes, and writes it once', async () => {
    const s = await ingestPaths(db, paths, { ...opts, concurrency: 1 });
    expect(s.failures).toEqual([]);
    expect(await issuedBy()).toHaveLength(1);
    // Nothing on the shared edge grows with its citers.
    const [props] = await q(
      "MATCH (d:Document {symbol: '05-CT/TU'})-[r:ISSUED_BY]->() RETURN keys(r) AS keys",
    );
    expect(props?.['keys']).toEqual([]);
    await removeSource(db, paths[0] as string);
    expect(await issuedBy()).toHaveLength(1);
    const [nd] = await q("MATCH (d:Document) WHERE d.symbol = '30/2020/NĐ-CP' RETURN count(d) AS n");
    expect(nd?.['n']).toBe(0);
    await removeSource(db, paths[1] as string);
    expect(await issuedBy()).toHaveLength(0);
    expect((await counts(db)).documents).toBe(0);
  });

  it('keeps two numbered reports of one unit apart however alike their text', async () => {
    await cleanGraph(db);
    const body = report(
      21,
      'Sơn Tịnh',
      'Căn cứ Nghị định số 30/2020/NĐ-CP và Quyết định số 12/QĐ-UBND của UBND tỉnh.',
    );
    const twins = [join(tmp, 'q1.txt'), join(tmp, 'q2.txt')];
    writeFileSync(twins[0] as string, body);
    writeFileSync(twins[1] as string, body.replace('Số: 21/BC-UBND', 'Số: 22/BC-UBND'));
    for (const batch of [1, 10]) {
      await cleanGraph(db);
      const s = await ingestPaths(db, twins, { ...opts, concurrency: 1, batch });
      expect(s.added).toBe(2);
      expect((await counts(db)).withText).toBe(2);
    }
    await cleanGraph(db);
  });

  it('finds a cited document by the title a later report gives it, not only by its symbol', async () => {
    await cleanGraph(db);
    // Seed 000 cites 70/KH-UBND by number alone; seed 002 gives its title. Two ingests, two search batches.
    for (const f of ['000_0f68266f658f0987.txt', '002_996c47b50c70c726.txt'])
      expect((await ingestPaths(db, [seedPath(f)], opts)).failures).toEqual([]);
    const [hit] = await q(
      `CALL db.index.fulltext.queryNodes('document_search', 'phat dong phong trao') YIELD node
       WITH node WHERE node.symbol = '70/KH-UBND' AND NOT node.hasText RETURN count(node) AS n`,
    );
    expect(hit?.['n']).toBe(1);
    await cleanGraph(db);
  });

  it('writes search text a stopped bulk ingest left pending when the source comes again', async () => {
    await ingestPaths(db, paths, opts);
    await db.write((tx) =>
      tx.run('MATCH (s:SourceFile)-[:OF]->(d:Document) SET s.searchPending = true REMOVE d.searchText'),
    );
    const s = await ingestPaths(db, paths, opts);
    expect(s.unchanged).toBe(2);
    const [left] = await q(
      'MATCH (s:SourceFile)-[:OF]->(d:Document) WHERE s.searchPending OR d.searchText IS NULL RETURN count(s) AS n',
    );
    expect(left?.['n']).toBe(0);
    const [hit] = await q(
      "CALL db.index.fulltext.queryNodes('document_search', 'tu nghia') YIELD node RETURN count(node) AS n",
    );
    expect(hit?.['n']).toBeGreaterThan(0);
  });
});

describe('bulk ingest, many sources per transaction', () => {
  // Every node and edge with its properties (but the write times), in one order. Two extractions of one
  // report (seeds 000, 001) leave the sentence and search text of whichever came first or last: both
  // runs below take the files in the same order.
  const snapshot = async () => {
    const props = (m: unknown) =>
      JSON.stringify(
        Object.entries(toPlain(m) as Record<string, unknown>)
          .filter(([k]) => k !== 'createdAt' && k !== 'ingestedAt')
          .sort(([a], [b]) => a.localeCompare(b)),
      );
    const nodes = await q('MATCH (n) WHERE NOT n:Migration RETURN labels(n) AS labels, properties(n) AS p');
    const edges = await q(
      'MATCH (a)-[r]->(b) RETURN coalesce(a.key, a.sha256) AS a, type(r) AS t, coalesce(b.key, b.sha256) AS b, properties(r) AS p',
    );
    return {
      nodes: nodes.map((r) => `${String(r['labels'])} ${props(r['p'])}`).sort(),
      edges: edges
        .map((r) => `${String(r['a'])} ${String(r['t'])} ${String(r['b'])} ${props(r['p'])}`)
        .sort(),
    };
  };

  it('gives the graph one transaction per source gives, near-identical reports in one batch included', async () => {
    await cleanGraph(db);
    const one = await ingestPaths(db, [seeds], { ...opts, concurrency: 1, batch: 1 });
    const expected = await snapshot();
    await cleanGraph(db);
    const bulk = await ingestPaths(db, [seeds], { ...opts, concurrency: 1, batch: 10 });
    expect(bulk.failures).toEqual([]);
    expect({ added: bulk.added, merged: bulk.merged }).toEqual({ added: one.added, merged: one.merged });
    expect(await snapshot()).toEqual(expected);
    // And again: nothing changes.
    const again = await ingestPaths(db, [seeds], { ...opts, batch: 10 });
    expect(again.unchanged).toBe(5);
    expect(await snapshot()).toEqual(expected);
  });

  it('takes the same bytes at two paths in one batch as one source', async () => {
    await cleanGraph(db);
    const tmp = mkdtempSync(join(tmpdir(), 'luocdo-same-'));
    const text = readFileSync(seedPath('004_0662ae5257e579c5.txt'));
    writeFileSync(join(tmp, 'a.txt'), text);
    writeFileSync(join(tmp, 'b.txt'), text);
    // In one batch, and one transaction each with both in flight at once.
    for (const mode of [
      { concurrency: 1, batch: 10 },
      { concurrency: 2, batch: 1 },
    ]) {
      await cleanGraph(db);
      const s = await ingestPaths(db, [tmp], { ...opts, ...mode });
      expect(s.failures).toEqual([]);
      expect({ added: s.added, unchanged: s.unchanged }).toEqual({ added: 1, unchanged: 1 });
      expect((await counts(db)).sources).toBe(1);
    }
    rmSync(tmp, { recursive: true, force: true });
  });

  it('refuses a batch size that is not a whole number from 1 to 1000', async () => {
    const r = await runCli(['ingest', seeds, '--batch', '0'], { env: testEnv() });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--batch.*whole number from 1 to 1000/);
  });
});
