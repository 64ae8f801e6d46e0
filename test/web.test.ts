import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDrivers } from '../src/store/connection.js';
import { ingestPaths } from '../src/ingest/pipeline.js';
import { projectRoot } from '../src/paths.js';
import { bytesAt, entryBytes, zipDirectory } from '../src/read/zip.js';
import { chromiumExecutable } from './helpers/chromium.js';
import { startApi, type TestApi } from './helpers/api.js';
import { cleanGraph, testDb } from './helpers/db.js';
import { makeDocx } from './helpers/documents.js';
import { seedPath } from './helpers/gold.js';

// The staff's pages (issue 14) in a real headless Chromium, used as a person would, against the real API
// over the seeds. Every page is a fresh tab whose requests outside the server fail the test.

const executable = chromiumExecutable();
const TOKEN = 'web-test-token-0123456789abcdef';
const SHOTS = join(projectRoot(), '.cache', 'screenshots');

let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  expect(executable, 'chromium not found: run scripts/ensure-chromium.sh').not.toBe('');
  const db = testDb();
  await cleanGraph(db);
  await ingestPaths(db, [seedPath('.')], { maxBytes: 5e6, concurrency: 2, dryRun: false });
  api = await startApi(db, TOKEN);
  browser = await chromium.launch({ executablePath: executable, args: ['--no-sandbox'] });
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
  await closeDrivers();
});

type Tab = { page: Page; problems: string[]; scripts: string[]; close(): Promise<void> };

/** A tab on `path`: requests outside the server, page errors and CSP violations are collected as problems. */
async function open(path: string, opts: { width?: number; token?: boolean } = {}): Promise<Tab> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1200, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const scripts: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(api.base) || url.startsWith('data:') || url.startsWith('blob:'))
      return route.continue();
    problems.push(`outside request: ${url}`);
    return route.abort();
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(r.url());
  });
  await page.exposeFunction('reportBlocked', (what: string) => problems.push(`CSP: ${what}`));
  await page.addInitScript(
    ([token]) => {
      if (token) sessionStorage.setItem('luocdo-token', token);
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportBlocked(s: string): void }).reportBlocked(
          `${e.violatedDirective} ${e.blockedURI}`,
        ),
      );
    },
    [opts.token ? TOKEN : ''],
  );
  await page.goto(`${api.base}${path}`);
  return { page, problems, scripts, close: () => context.close() };
}

/** Waits for `selector`; when it never shows, fails with what the page says instead (its error, say). */
async function see(page: Page, selector: string | Locator, timeout = 30_000): Promise<void> {
  try {
    await (typeof selector === 'string' ? page.locator(selector) : selector).first().waitFor({ timeout });
  } catch {
    const error = page.locator('main .loi');
    const said = (await error.count())
      ? await error.first().textContent()
      : await page.locator('main').textContent();
    throw new Error(`${String(selector)} never showed; the page says: ${(said ?? '').slice(0, 800)}`);
  }
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

/** Every script the page loaded, gzip-compressed, in bytes. */
async function compressedScripts(urls: string[]): Promise<number> {
  let total = 0;
  for (const u of new Set(urls)) total += gzipSync(Buffer.from(await (await fetch(u)).arrayBuffer())).length;
  return total;
}

describe('the staff pages in a real headless Chromium', () => {
  it('search: results as one types, grouped, with facets; a click opens the document', async () => {
    const tab = await open('/');
    const { page } = tab;
    expect(await page.title()).toContain('Tìm văn bản');
    // Keyboard alone: the box has the focus once it shows; the person types, goes to a result, presses Enter.
    await see(page, '#tim:focus', 20_000);
    await page.keyboard.type('chi thi 22', { delay: 30 });
    const result = page.locator('#ket-qua a', { hasText: '22-CT/TU' }).first();
    await see(page, result, 20_000);
    await expect.poll(() => page.locator('fieldset.bo-loc legend').allTextContents()).toContain('Loại');
    expect(await page.locator('#ket-qua h3').first().textContent()).toMatch(/\(\d+\)/);
    await shot(page, '1-tim-kiem');
    const size = await compressedScripts(tab.scripts);
    expect(size, 'the first page’s script, compressed').toBeLessThan(300_000);
    await result.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/van-ban\?ref=/);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toContain('22-CT/TU');
    expect(tab.problems).toEqual([]);
    await tab.close();
  }, 90_000);

  it('document: the card, the lược đồ in groups with counts, who implemented it, its findings', async () => {
    const tab = await open('/van-ban?ref=22-CT%2FTU');
    const { page } = tab;
    await see(page, 'dl.the', 20_000);
    expect(await page.title()).toContain('Chỉ thị số 22-CT/TU');
    const card = await page.locator('dl.the').textContent();
    expect(card).toContain('Số hiệu');
    expect(card).toContain('Chỉ thị');
    const groups = await page.locator('#luoc-do h3').allTextContents();
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) expect(g).toMatch(/\(\d+\)$/);
    await see(page, '#thuc-hien table', 20_000);
    const units = await page.locator('#thuc-hien tbody th').allTextContents();
    expect(units.some((n) => n.includes('Bình Sơn'))).toBe(true);
    await expect
      .poll(() => page.locator('#phat-hien h2').textContent(), { timeout: 20_000 })
      .toMatch(/Phát hiện khi rà soát \(\d+\)/);
    await shot(page, '2-van-ban');
    expect(tab.problems).toEqual([]);
    await tab.close();
  }, 90_000);

  it('the implementers download as CSV and as Excel, with the units in them', async () => {
    const tab = await open('/van-ban?ref=22-CT%2FTU');
    const { page } = tab;
    await see(page, '#thuc-hien table', 20_000);
    const get = async (name: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name }).click(),
      ]);
      return readFileSync((await download.path()) ?? '');
    };
    const csv = (await get('Tải CSV')).toString('utf8');
    expect(csv.charCodeAt(0), 'a BOM, for Excel').toBe(0xfeff);
    expect(csv).toContain('Đơn vị');
    expect(csv).toContain('Bình Sơn');
    const xlsx = await get('Tải Excel (.xlsx)');
    const entries = await zipDirectory(bytesAt(xlsx), xlsx.length, 'trien-khai.xlsx', 1000);
    let text = '';
    for (const e of entries.filter((x) => x.name.endsWith('.xml')))
      text += Buffer.from(await entryBytes(bytesAt(xlsx), xlsx.length, e, 'trien-khai.xlsx')).toString(
        'utf8',
      );
    expect(text).toContain('Bình Sơn');
    expect(tab.problems).toEqual([]);
    await tab.close();
  }, 90_000);

  it('the chain: a layered picture and a table; clicking a node opens its page', async () => {
    const tab = await open('/van-ban?ref=22-CT%2FTU');
    const { page } = tab;
    await see(page, 'dl.the', 20_000);
    expect(
      tab.scripts.some((u) => u.includes('cytoscape')),
      'the graph library waits for the chain',
    ).toBe(false);
    await page.locator('#chuoi summary').click();
    await see(page, '.so-do canvas', 30_000);
    expect(await page.locator('ul.chu-giai li').count()).toBeGreaterThan(0);
    const rows = await page.locator('table.bang-chuoi tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    await page.locator('#so-tang').selectOption('1');
    await expect
      .poll(() => page.locator('table.bang-chuoi tbody tr').count(), { timeout: 20_000 })
      .toBeLessThanOrEqual(rows);
    await page.waitForTimeout(500); // the layout settles (an animation frame or two), not a timed assertion
    await page.locator('#chuoi').screenshot({ path: join(SHOTS, '4-chuoi.png') });
    type Cy = { nodes(): Array<{ data(k: string): string; renderedPosition(): { x: number; y: number } }> };
    const target = await page.evaluate(() => {
      const cy = (document.querySelector('.so-do') as unknown as { cy: Cy }).cy;
      const node = cy.nodes().find((n) => n.data('root') !== 'yes');
      return node ? { key: node.data('key'), ...node.renderedPosition() } : null;
    });
    expect(target).not.toBeNull();
    const box = await page.locator('.so-do').boundingBox();
    await page.mouse.click((box?.x ?? 0) + (target?.x ?? 0), (box?.y ?? 0) + (target?.y ?? 0));
    await page.waitForURL((u) => u.searchParams.get('ref') === target?.key, { timeout: 20_000 });
    expect(tab.problems).toEqual([]);
    await tab.close();
  }, 120_000);

  it('a quote opens the source view with its references highlighted and the quote in view', async () => {
    const tab = await open('/van-ban?ref=22-CT%2FTU');
    const { page } = tab;
    const link = page.locator('#luoc-do a.xem-nguon').first();
    await link.waitFor({ timeout: 20_000 });
    await link.click();
    await page.waitForURL(/\/nguon\?sha=/);
    await see(page, '.toan-van', 20_000);
    expect(await page.locator('.toan-van mark').count()).toBeGreaterThan(1);
    expect(await page.locator('mark.dang-xem').count()).toBeGreaterThan(0);
    expect(await page.title()).toContain('Nguồn');
    await shot(page, '8-nguon');
    expect(tab.problems).toEqual([]);
    await tab.close();
  }, 90_000);

  it('a unit: what it issued and implemented, by year', async () => {
    const tab = await open('/van-ban?ref=22-CT%2FTU');
    const unit = tab.page.locator('#thuc-hien tbody th a').first();
    await unit.waitFor({ timeout: 20_000 });
    const name = (await unit.textContent()) ?? '';
    await unit.click();
    const { page } = tab;
    await page.waitForURL(/\/don-vi\?name=/);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toBe(name);
    expect(await page.locator('main ul.muc-luoc-do > li').count()).toBeGreaterThan(0);
    expect(await page.locator('h2').allTextContents()).toContainEqual(
      expect.stringMatching(/báo cáo, triển khai \(\d+\)/),
    );
    await shot(page, '5-don-vi');
    expect(tab.problems).toEqual([]);
    await tab.close();
  }, 90_000);

  it('rà soát: findings by code, explained in Vietnamese, documents as links, cited words marked', async () => {
    const tab = await open('/ra-soat', { token: true });
    const { page } = tab;
    await see(page, 'section.ma-phat-hien', 30_000);
    expect(await page.locator('section.ma-phat-hien p.giai-thich').first().textContent()).toMatch(
      /[ăâđêôơư]/,
    );
    expect(await page.locator('section.ma-phat-hien ul.van-ban a').count()).toBeGreaterThan(0);
    expect(await page.locator('section.ma-phat-hien ul.trich mark').count()).toBeGreaterThan(0);
    await shot(page, '6-ra-soat');
    expect(tab.problems).toEqual([]);
    await tab.close();
  }, 90_000);

  it('rà soát: "Xem thêm" reads on, page after page, each finding once, until every one is counted', async () => {
    const tab = await open('/ra-soat', { token: true });
    const { page } = tab;
    await see(page, 'section.ma-phat-hien', 30_000);
    const cards = page.locator('section.ma-phat-hien article.phat-hien');
    const status = page.locator('#ket-qua > p[role=status]');
    const more = page.getByRole('button', { name: 'Xem thêm' });
    // The seeds hold more findings than a page of 40: the first page's counts are floors.
    expect(await more.count()).toBe(1);
    expect(await status.textContent()).toContain('ít nhất');
    let shown = await cards.count();
    for (let clicks = 0; (await more.count()) > 0; clicks++) {
      expect(clicks, 'the audit of the seeds ends').toBeLessThan(50);
      await more.click();
      // The next page is appended: the cards already shown stay (a page may stop at its time budget with
      // none new: then it offers to read on again).
      await expect
        .poll(
          async () =>
            (await page.locator('.xem-them[aria-busy]').count()) === 0 && (await cards.count()) >= shown,
          { timeout: 20_000 },
        )
        .toBe(true);
      shown = await cards.count();
    }
    expect(shown).toBeGreaterThan(40);
    // The last page counts every finding, all shown, and each code's section says its own count.
    const n = shown.toLocaleString('vi-VN');
    expect(await status.textContent()).toMatch(new RegExp(`^${n} phát hiện, .*Đang hiện ${n}\\.$`));
    const perCode = await page.locator('ul.muc-luc li').allTextContents();
    expect(perCode.reduce((t, x) => t + Number(/\((\d+)\)$/.exec(x)?.[1] ?? NaN), 0)).toBe(shown);
    expect(await page.locator('h2', { hasText: 'ít nhất' }).count()).toBe(0);
    expect(tab.problems).toEqual([]);
    await tab.close();
  }, 180_000);

  it('kiểm tra: a draft citing a real and a non-existent document; the unknown one is said to be unknown', async () => {
    const tab = await open('/kiem-tra');
    const { page } = tab;
    const draft =
      'Thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy và Quyết định số 999/QĐ-UBND ngày 15/3/2021 của UBND tỉnh Quảng Ngãi, UBND huyện báo cáo như sau.';
    // As a dropped .txt: read in the browser, checked at once.
    await page
      .locator('#tep-du-thao')
      .setInputFiles({ name: 'du-thao.txt', mimeType: 'text/plain', buffer: Buffer.from(draft) });
    await see(page, '#ket-qua .toan-van', 30_000);
    const marks = await page.locator('#ket-qua .toan-van mark').allTextContents();
    expect(marks.join(' ')).toContain('999/QĐ-UBND');
    expect(await page.locator('#ket-qua').textContent()).toContain('hệ thống chưa biết văn bản này');
    expect(await page.locator('#ket-qua [role=status]').first().textContent()).toMatch(/\d+ chỗ dẫn chiếu/);
    await shot(page, '7-kiem-tra');
    expect(tab.problems).toEqual([]);
    await tab.close();
  }, 90_000);

  it('kiểm tra: a dropped .docx is read by the API; every reference is marked, known ones linked', async () => {
    const tab = await open('/kiem-tra');
    const { page } = tab;
    const docx = await makeDocx([
      'BÁO CÁO',
      'Thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy và Quyết định số 999/QĐ-UBND ngày 15/3/2021 của UBND tỉnh Quảng Ngãi.',
    ]);
    await page.locator('#tep-du-thao').setInputFiles({
      name: 'du-thao.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx,
    });
    await see(page, '#ket-qua .toan-van', 30_000);
    const mark = (s: string) => page.locator('#ket-qua .toan-van mark', { hasText: s });
    expect(await mark('22-CT/TU').count()).toBe(1);
    expect(await mark('22-CT/TU').locator('a').getAttribute('href')).toMatch(/\/van-ban/);
    expect(await mark('22-CT/TU').getAttribute('title')).toContain('Chỉ thị số 22-CT/TU');
    expect(await mark('999/QĐ-UBND').count()).toBe(1);
    expect(await mark('999/QĐ-UBND').getAttribute('title')).toContain('hệ thống chưa biết văn bản này');
    expect(await mark('999/QĐ-UBND').locator('a').count()).toBe(0);
    expect(await page.locator('#du-thao').inputValue()).toContain('999/QĐ-UBND');
    expect(tab.problems).toEqual([]);
    await tab.close();
  }, 90_000);

  it('a failed request says what failed in Vietnamese and retries', async () => {
    const tab = await open('/ra-soat', { token: true });
    const { page } = tab;
    await see(page, 'section.ma-phat-hien', 30_000);
    let fail = true;
    await page.route('**/graphql', (route) => (fail ? route.abort() : route.continue()));
    await page.reload();
    const retry = page.getByRole('button', { name: 'Thử lại' });
    await retry.waitFor({ timeout: 20_000 });
    expect(await page.locator('.loi').textContent()).toContain('Không tải được kết quả rà soát');
    fail = false;
    await retry.click();
    await see(page, 'section.ma-phat-hien', 30_000);
    await tab.close();
  }, 90_000);

  it('a phone’s width and 200% zoom: nothing runs off the side', async () => {
    for (const width of [375, 600]) {
      const tab = await open('/van-ban?ref=22-CT%2FTU', { width });
      const { page } = tab;
      await see(page, '#thuc-hien table', 20_000);
      // What runs off the side, named, should it fail.
      const over = await page.evaluate((w) => {
        const out: string[] = [];
        for (const el of document.querySelectorAll('body *')) {
          const r = el.getBoundingClientRect();
          if (r.right > w + 0.5 && !el.parentElement?.closest('.cuon'))
            out.push(`${el.tagName}.${el.className} ${Math.round(r.right)}`);
        }
        return { scroll: document.documentElement.scrollWidth, out: out.slice(0, 5) };
      }, width);
      expect(over.scroll, over.out.join(', ')).toBeLessThanOrEqual(width);
      if (width === 375) await shot(page, '3-dien-thoai');
      expect(tab.problems).toEqual([]);
      await tab.close();
    }
  }, 90_000);
  it('a register’s facts on the card: its force, the rows that describe it, the link to the signed copy', async () => {
    // A document the seeds only cite, described by a register imported through the API (issue 16).
    const row = {
      so_ky_hieu: '516/SNV-XDCQ',
      ngay_ban_hanh: '05/4/2022',
      co_quan_ban_hanh: 'Sở Nội vụ tỉnh Quảng Ngãi',
      trich_yeu: 'V/v báo cáo sơ kết 05 năm thực hiện Chỉ thị số 22-CT/TU',
      hieu_luc: 'Còn hiệu lực',
      link: 'https://congbao.example/516.pdf',
    };
    const imported = await api.gql<{ registryImport: { rows: number } }>(
      'mutation($t: String!) { registryImport(text: $t, format: "jsonl", path: "so-cong-van.jsonl") { rows } }',
      { t: JSON.stringify(row) },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(imported.body.data?.registryImport.rows, JSON.stringify(imported.body.errors)).toBe(1);
    const tab = await open('/van-ban?ref=516%2FSNV-XDCQ');
    const { page } = tab;
    await see(page, 'dl.the', 20_000);
    const card = (await page.locator('dl.the').textContent()) ?? '';
    expect(card).toContain('Còn hiệu lực');
    expect(card).toContain('so-cong-van.jsonl, dòng 1');
    expect(await page.locator('dl.the a[href="https://congbao.example/516.pdf"]').count()).toBe(1);
    expect(tab.problems).toEqual([]);
    await tab.close();
  }, 60_000);

  // Last: the report it ingests changes the graph the other cases read.
  it('ingest: without the token the page reads only; with it, dropped files land or fail with their reason', async () => {
    const without = await open('/nap');
    await expect
      .poll(() => without.page.locator('main').textContent(), { timeout: 20_000 })
      .toContain('cần mã truy cập');
    await without.close();
    const tab = await open('/nap', { token: true });
    const { page } = tab;
    const report =
      'BÁO CÁO\nKết quả thực hiện Kế hoạch số 70/KH-UBND ngày 04/6/2020 của Ủy ban nhân dân tỉnh Quảng Ngãi\nỦy ban nhân dân xã Thử Nghiệm báo cáo như sau: đã triển khai Kế hoạch đến toàn thể cán bộ.\n';
    await page.locator('#tep-nap').setInputFiles([
      { name: 'bao-cao-thu.txt', mimeType: 'text/plain', buffer: Buffer.from(report) },
      // A zip cut short: the reader refuses it, with its reason.
      {
        name: 'hong.zip',
        mimeType: 'application/zip',
        buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]),
      },
    ]);
    await expect.poll(() => page.locator('li.ket-qua-nap').count(), { timeout: 60_000 }).toBe(2);
    const rows = await page.locator('li.ket-qua-nap').allTextContents();
    expect(rows.find((r) => r.includes('bao-cao-thu.txt'))).toMatch(/^Đã nạp/);
    const failed = rows.find((r) => r.includes('hong.zip')) ?? '';
    expect(failed, rows.join(' | ')).toMatch(/^Không nạp được/);
    expect(failed.length).toBeGreaterThan('Không nạp được: hong.zip'.length);
    await shot(page, '9-nap');
    expect(tab.problems).toEqual([]);
    await tab.close();
  }, 120_000);
});
