import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDrivers } from '../src/store/connection.js';
import { ingestPaths } from '../src/ingest/pipeline.js';
import { chromiumExecutable } from './helpers/chromium.js';
import { startApi, type TestApi } from './helpers/api.js';
import { cleanGraph, testDb } from './helpers/db.js';
import { seedPath } from './helpers/gold.js';

// Debian's chromium, installed by scripts/ensure-chromium.sh (npm's pretest).
const executable = chromiumExecutable();

let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  expect(executable, 'chromium not found: run scripts/ensure-chromium.sh').not.toBe('');
  const db = testDb();
  await cleanGraph(db);
  await ingestPaths(db, [seedPath('.')], { maxBytes: 5e6, concurrency: 2, dryRun: false });
  api = await startApi(db);
  // Running as root (CI containers) needs Chromium's sandbox off.
  browser = await chromium.launch({ executablePath: executable, args: ['--no-sandbox'] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await api?.close();
  await closeDrivers();
});

describe('GraphiQL in a real headless Chromium', () => {
  it('loads with no network beyond the server and under its CSP, and answers its example query', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    // Anything not from our server fails, as on a closed office network.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(api.base) || url.startsWith('data:') || url.startsWith('blob:'))
        return route.continue();
      outside.push(url);
      return route.abort();
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Whatever the Content-Security-Policy blocks (a script, a style, a worker) is reported here.
    const blocked: string[] = [];
    await page.exposeFunction('reportBlocked', (what: string) => blocked.push(what));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportBlocked(s: string): void }).reportBlocked(
          `${e.violatedDirective} ${e.blockedURI}`,
        ),
      ),
    );
    const answer = await page.goto(`${api.base}/graphql`);
    const csp = (await answer?.allHeaders())?.['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe');
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    await page.locator('.graphiql-execute-button').click();
    // The result pane is a CodeMirror editor that renders only the lines in view: read its whole text.
    const resultText = () =>
      page.evaluate(() => {
        const el = document.querySelector('.result-window .CodeMirror') as
          (Element & { CodeMirror?: { getValue(): string } }) | null;
        return el?.CodeMirror?.getValue() ?? '';
      });
    await expect.poll(resultText, { timeout: 30_000 }).toContain('"implementers"');
    const body = JSON.parse(await resultText()) as {
      data: { implementers: Array<{ unit: { name: string } }> };
    };
    const names = body.data.implementers.map((i) => i.unit.name);
    expect(names.some((n) => n.includes('Bình Sơn'))).toBe(true);
    expect(names.some((n) => n.includes('Ban Dân tộc'))).toBe(true);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    await page.close();
  }, 90_000);
});
