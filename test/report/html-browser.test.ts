// The HTML report of the sample corpus in real headless Chromium (Debian's package, driven by playwright-core; no
// browser download): no console errors, no network, charts drawn, sorting works; a screenshot is kept in
// test-output/. .ci/run installs chromium and fonts-noto-cjk; elsewhere the test is skipped, saying why.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ensureBuilt, heard, ROOT } from './run-heard.js';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = join(ROOT, 'test-output');
// In CI the browser must be there (.ci/run installs it): a missing browser fails instead of skipping quietly.
const required = Boolean(process.env.HEARD_REQUIRE_BROWSER);
const available = existsSync(CHROMIUM);
if (!available && !required) {
  console.warn(`html-browser.test.ts skipped: no Chromium at ${CHROMIUM}. Install Debian's chromium and fonts-noto-cjk (.ci/run does) to run it.`);
}

describe.skipIf(!available && !required)('the HTML report in headless Chromium', () => {
  let browser: BrowserContext;
  let page: Page;
  let profile: string;
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  let reportUrl: string;

  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(OUTPUT, { recursive: true });
    const file = join(OUTPUT, 'report.html');
    const run = heard(['analyze', 'fixtures/samples', '--out', file]);
    expect(run.status, run.stderr).toBe(0);
    reportUrl = pathToFileURL(file).href;

    const { chromium } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'heard-chromium-'));
    // A fresh profile per run (playwright takes it as the persistent context's user data dir).
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1200, height: 900 },
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(reportUrl, { waitUntil: 'load' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('loads with no console error and no request but the file itself', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([reportUrl]);
  });

  it('draws the charts: histogram bars, per-agent bars and score dots with a size on screen', async () => {
    const box = await page.locator('svg.histogram').boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(await page.locator('svg.histogram rect').count()).toBe(10);
    const agents = await page.locator('#agents-table tbody tr').count();
    expect(await page.locator('svg.moves').count()).toBe(agents);
    expect(await page.locator('svg.scores circle').count()).toBe(12);
    const heights = await page.locator('svg.histogram rect').evaluateAll((rects) => rects.map((r) => (r as SVGGraphicsElement).getBBox().height));
    expect(heights.some((h) => h > 0)).toBe(true);
  });

  it('sorts the agent table by a column, and reverses on a second click', async () => {
    const scores = () => page.locator('#agents-table tbody tr td:nth-child(3)').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-sort'))));
    const button = page.locator('#agents-table th button', { hasText: 'Score' });
    await button.click();
    const ascending = await scores();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await button.click();
    expect(await scores()).toEqual([...ascending].reverse());
    expect(await page.locator('#agents-table th[aria-sort="descending"]').innerText()).toContain('Score');
  });

  it('keeps screenshots as test artefacts: the top of the report and a Chinese transcript', async () => {
    await page.locator('#agents-table th button', { hasText: 'Score' }).click(); // back to ascending
    await page.evaluate(() => window.scrollTo(0, 0));
    expect((await page.screenshot({ path: join(OUTPUT, 'report.png') })).length).toBeGreaterThan(10_000);
    const zh = page.locator('article[lang="zh"]').first();
    expect((await zh.screenshot({ path: join(OUTPUT, 'report-zh.png') })).length).toBeGreaterThan(5_000);
  });
});
