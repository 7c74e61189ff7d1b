import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM}`);

describe.skipIf(!available)('in a real browser (Chromium)', () => {
  let s: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    s = await startTestServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  async function ask(page: Page, text: string): Promise<void> {
    const before = await page.locator('.msg--bot').count();
    await page.fill('#input', text);
    await page.click('#send');
    await page.waitForFunction((n) => document.querySelectorAll('.msg--bot').length > n, before, { timeout: 15_000 });
  }

  it('asks a wage question, sees a cited answer, files a work order and sees its number', async () => {
    const page = await browser.newPage();
    await page.goto(s.url);
    await ask(page, '老板拖欠工资三个月了怎么办');
    const answer = page.locator('.msg--bot').last();
    await expect.poll(() => answer.locator('.citations li').count()).toBeGreaterThan(0);
    expect(await answer.locator('.citations cite').first().textContent()).toMatch(/《.+》第.+条/);
    expect(await answer.textContent()).toContain('不是针对您个人情况的法律意见');
    await page.click('#human');
    await page.waitForFunction(() => document.querySelectorAll('.msg--bot').length >= 3);
    for (const text of ['工地老板欠我们十个人的工资一直不给', '榆树市XX镇XX村工地', '13812345678', '匿名', '同意', '确认提交']) await ask(page, text);
    const last = page.locator('.msg--bot').last();
    expect(await last.locator('.ticket').textContent()).toMatch(/工单号 XF\d{12}/);
    mkdirSync('reports', { recursive: true });
    await page.screenshot({ path: 'reports/e2e-chat.png', fullPage: true });
    await page.close();
  });

  it('renders user text as text, never as markup', async () => {
    const page = await browser.newPage();
    let dialog = false;
    page.on('dialog', async (d) => {
      dialog = true;
      await d.dismiss();
    });
    await page.goto(s.url);
    await ask(page, '<img src=x onerror="alert(1)"><script>alert(2)</script>');
    expect(dialog).toBe(false);
    expect(await page.locator('.msg--user img, .msg--user script').count()).toBe(0);
    expect(await page.locator('.msg--user').last().textContent()).toContain('<img src=x');
    await page.close();
  });

  it('embedded on another site (no cookies in the iframe), the panel keeps one conversation', async () => {
    // localhost and 127.0.0.1 are different sites: the iframe's SameSite cookie is withheld.
    const host: Server = createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><meta charset="utf-8"><h1>某政府网站</h1><script src="${s.url}/widget.js"></script>`);
    });
    await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
    const page = await browser.newPage();
    try {
      await page.goto(`http://localhost:${(host.address() as AddressInfo).port}/`);
      await page.click('#xiaofa-widget-button');
      const frame = page.frameLocator('#xiaofa-widget-panel');
      await expect.poll(() => frame.locator('.msg--bot').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const say = async (text: string, n: number) => {
        await frame.locator('#input').fill(text);
        await frame.locator('#send').click();
        await expect.poll(() => frame.locator('.msg--bot').count(), { timeout: 15_000 }).toBeGreaterThan(n);
      };
      await say('我要投诉', 1);
      await say('小区门口的路灯坏了半个月没人修', 2);
      expect(await frame.locator('.msg--bot').last().textContent()).toContain('哪里');
    } finally {
      await page.close();
      host.close();
    }
  });

  it('a page with /widget.js embedded opens the chat panel', async () => {
    const page = await browser.newPage();
    await page.goto(`${s.url}/static/widget-demo.html`);
    await page.click('#xiaofa-widget-button');
    const frame = page.frameLocator('#xiaofa-widget-panel');
    await expect.poll(() => frame.locator('.msg--bot').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await frame.locator('#input').fill('被狗咬了谁负责');
    await frame.locator('#send').click();
    await expect.poll(() => frame.locator('.msg--bot').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await page.close();
  });
});
