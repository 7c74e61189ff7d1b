import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM}`);

const SUPERVISOR = { name: 'zhangban', password: 'Banzhang-2026-yushu' };
const OPERATOR = { name: 'lihua', password: 'Huawu-2026-yushu' };

// A caller as an operator would type it: a migrant worker, a named company, an address in 榆树市, a mobile number.
const CALL =
  '你好，我叫王大力，是在工地干活的农民工。我们十二个工人给榆树市宏达建筑工程有限公司干了半年活，老板一直拖欠工资不给，' +
  '一共欠我们八万六千元，去找也找不到人。工地在榆树市华昌街道正阳路88号，我的手机是13904412345，请帮我们讨回工资。';

const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';
const IMG = '<img src=x onerror="window.__xss=1">';

/** This month in China Standard Time, as the report page names it. */
const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

describe.skipIf(!available)('hotline console in a real browser (Chromium)', () => {
  let s: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    s = await startTestServer();
    await s.running.accounts.addUser(SUPERVISOR.name, 'supervisor', SUPERVISOR.password);
    await s.running.accounts.addUser(OPERATOR.name, 'operator', OPERATOR.password);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  /** A fresh browser profile (own cookies) at the 1366x768 laptop the operators use. */
  async function fresh(): Promise<{ ctx: BrowserContext; page: Page }> {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    ctx.setDefaultTimeout(15_000);
    const page = await ctx.newPage();
    page.on('pageerror', (e) => console.error('[page error]', e.message));
    return { ctx, page };
  }

  async function login(page: Page, who: { name: string; password: string }): Promise<void> {
    await page.goto(`${s.url}/console/login?next=/console`);
    await page.fill('#name', who.name);
    await page.fill('#password', who.password);
    await page.click('#login-submit');
    await page.waitForURL((u) => u.pathname === '/console');
    await page.waitForSelector('body[data-ready="1"]');
  }

  /** Paste a call into 受理 and wait for the assist panel. */
  async function analyse(page: Page, text: string): Promise<void> {
    await page.click('#tab-assist');
    await page.fill('#transcript', text);
    await page.click('#assist-run');
    await page.waitForFunction((t) => document.getElementById('highlighted')?.textContent === t, text, { timeout: 15_000 });
    await page.waitForSelector('#draft-card:not(.hidden)');
  }

  /** Create the order from the draft; the detail drawer opens on it. Returns its number. */
  async function createFromDraft(page: Page): Promise<string> {
    await page.check('#d-consent');
    await page.click('#d-submit');
    await page.waitForSelector('#detail:not(.hidden) section[data-action]');
    const title = await page.locator('#detail-title').textContent();
    const number = /XF\d{12}/.exec(title ?? '')?.[0];
    expect(number, `detail title: ${title}`).toBeTruthy();
    return number!;
  }

  const status = (page: Page) => page.locator('#detail-fields dd.d-status').textContent();
  const section = (page: Page, action: string): Locator => page.locator(`#detail-actions section[data-action="${action}"]`);

  /** Fill one action's form in the drawer, press its button, wait for the new status. */
  async function act(page: Page, action: string, expected: string, fill?: (box: Locator) => Promise<void>): Promise<void> {
    const box = section(page, action);
    await box.waitFor();
    await fill?.(box);
    await box.locator('button').last().click();
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe(expected);
    expect(await page.locator('#detail-error').textContent()).toBe('');
  }

  it('an unauthenticated visit to /console ends on the login page', async () => {
    const { ctx, page } = await fresh();
    try {
      await page.goto(`${s.url}/console`);
      await page.waitForURL((u) => u.pathname === '/console/login');
      const url = new URL(page.url());
      expect(url.pathname).toBe('/console/login');
      expect(url.searchParams.get('next')).toBe('/console');
      for (const sel of ['#login-form', '#name', '#password', '#login-submit']) expect(await page.locator(sel).isVisible()).toBe(true);
      // a wrong password is refused in Chinese and the page stays put
      await page.fill('#name', SUPERVISOR.name);
      await page.fill('#password', 'wrong-password');
      await page.click('#login-submit');
      await expect.poll(() => page.locator('#login-error').textContent()).toContain('用户名或密码错误');
      expect(new URL(page.url()).pathname).toBe('/console/login');
    } finally {
      await ctx.close();
    }
  });

  it('a full shift: assist, create, dispatch, accept, return, re-dispatch, close, call back, statistics', async () => {
    const { ctx, page } = await fresh();
    try {
      await login(page, SUPERVISOR);
      expect(await page.locator('#me-name').textContent()).toBe(SUPERVISOR.name);
      expect(await page.locator('#tab-report').isVisible()).toBe(true);

      await analyse(page, CALL);
      // suggested answers with a legal citation
      const suggestions = page.locator('#suggestions .suggestion');
      expect(await suggestions.count()).toBeGreaterThan(0);
      expect(await suggestions.count()).toBeLessThanOrEqual(3);
      expect(await page.locator('#suggestions .citations cite').first().textContent()).toMatch(/《.+》/);
      // classification, routing and the trigger words highlighted in the caller's own words
      expect(await page.locator('#c-category').inputValue()).toBe('劳动和社会保障');
      expect(await page.locator('#c-department').textContent()).not.toBe('');
      expect(await page.locator('#highlighted mark').count()).toBeGreaterThan(0);
      const marked = await page.locator('#highlighted mark').allTextContents();
      for (const m of marked) expect(CALL).toContain(m);
      // a pre-filled order
      expect(await page.inputValue('#d-phone')).toBe('13904412345');
      expect(await page.inputValue('#d-address')).toContain('榆树市');
      expect(await page.inputValue('#d-content')).toContain('拖欠工资');
      expect(await page.inputValue('#d-category')).toBe('劳动和社会保障');
      mkdirSync('reports', { recursive: true });
      await page.screenshot({ path: 'reports/e2e-console-assist.png', fullPage: true });
      // right/wrong feedback on a suggestion is accepted
      await suggestions.first().locator('button', { hasText: '对' }).click();
      await expect.poll(() => suggestions.first().textContent()).toContain('已记录反馈');

      const number = await createFromDraft(page);
      expect(await status(page)).toBe('待派单');
      // it is in the queue
      await expect.poll(() => page.locator(`#queue-body tr[data-number="${number}"]`).count()).toBe(1);
      await page.click('#detail-close');
      await page.locator(`#queue-body tr[data-number="${number}"]`).click();
      await expect.poll(() => page.locator('#detail-title').textContent()).toContain(number);
      expect(await page.locator('#detail-fields').textContent()).toContain('劳动和社会保障');

      await act(page, 'dispatch', '已派单');
      await act(page, 'accept', '办理中');
      await act(page, 'return', '退单', (box) => box.locator('textarea').fill('不属于本单位职责，应由劳动保障监察部门办理'));
      expect(await page.locator('#detail-fields dd.d-return').textContent()).toContain('不属于本单位职责');
      expect(await section(page, 'dispatch').locator('h3').textContent()).toBe('重新派单');
      await act(page, 'dispatch', '已派单');
      await act(page, 'accept', '办理中');
      await act(page, 'close', '已办结', async (box) => {
        await box.locator('textarea').fill('经劳动保障监察大队调查，已责令宏达公司支付拖欠工资，十二名工人已全部领到工资。');
        const toggle = box.locator('input[type=checkbox]');
        if (await toggle.count()) await toggle.check();
        await box.locator('input[aria-label="农民工人数"]').fill('12');
        await box.locator('input[aria-label="追回金额(元)"]').fill('86000');
      });
      expect(await page.locator('#detail-fields').textContent()).toContain('农民工 12 人');
      await act(page, 'callback', '已回访', async (box) => {
        await box.locator('input[type=radio][value="满意"]').check();
        await box.locator('textarea').fill('来电人表示工资已到手，感谢');
      });
      expect(await page.locator('#detail-fields dd.d-satisfaction').textContent()).toBe('满意');
      expect(await page.locator('#detail-fields dd.d-callback').textContent()).toBe('来电人表示工资已到手，感谢');
      expect(await page.locator('#detail-actions section[data-action]').count()).toBe(0);
      // every step is in the history, in order
      expect(await page.locator('#detail-history li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-action')))).toEqual([
        'create', 'dispatch', 'accept', 'return', 'dispatch', 'accept', 'close', 'callback',
      ]);
      const history = await page.locator('#detail-history').textContent();
      for (const word of ['受理登记', '派单', '签收', '退单', '办结', '回访', '已办结 → 已回访', SUPERVISOR.name]) expect(history).toContain(word);
      // the queue row shows the new status
      await expect.poll(() => page.locator(`#queue-body tr[data-number="${number}"] .status`).textContent()).toBe('已回访');
      await page.screenshot({ path: 'reports/e2e-console-detail.png' });

      // the dashboard counts it and draws its charts
      await page.click('#tab-stats');
      await expect.poll(() => page.locator('#m-tickets .metric__value').textContent().then(Number)).toBeGreaterThanOrEqual(1);
      await expect.poll(() => page.locator('#chart-volume canvas').count()).toBeGreaterThan(0);
      await expect.poll(() => page.locator('#chart-satisfaction canvas').count()).toBeGreaterThan(0);
      await page.screenshot({ path: 'reports/e2e-console-stats.png' });

      // the monthly report for this month has the order and the recovered wages
      await page.click('#tab-report');
      await page.waitForURL((u) => u.pathname === '/console/report');
      await page.waitForSelector('#body:not(.hidden)');
      expect(await page.locator('#title').textContent()).toMatch(/榆树市12345热线 月度报告 \d{4}年\d{2}月/);
      expect(await page.locator('#sentences').textContent()).toContain('为 12 名农民工追回欠薪');
      expect(await page.locator('#csv').getAttribute('href')).toBe(`/api/reports/monthly.csv?month=${thisMonth()}`);
    } finally {
      await ctx.close();
    }
  });

  it('script typed into any free-text field stays text: order, return reason, reply, queue, detail, report', async () => {
    const { ctx, page } = await fresh();
    try {
      await login(page, SUPERVISOR);
      await analyse(page, `小区门口的垃圾堆了一个星期没人清理 ${XSS}`);
      expect(await page.locator('#highlighted').textContent()).toContain(XSS);
      await page.fill('#d-address', `榆树市城发街道 ${XSS}`);
      await page.fill('#d-phone', '13812345678');
      await page.fill('#d-name', IMG);
      const number = await createFromDraft(page);
      await act(page, 'dispatch', '已派单', (box) => box.locator('input[type=text]').fill(`派单 ${XSS}`));
      await act(page, 'return', '退单', (box) => box.locator('textarea').fill(`退回 ${XSS}`));
      expect(await page.locator('#detail-fields dd.d-return').textContent()).toBe(`退回 ${XSS}`);
      await act(page, 'dispatch', '已派单');
      await act(page, 'accept', '办理中');
      await act(page, 'close', '已办结', (box) => box.locator('textarea').fill(`已清理 ${XSS}`));

      // the queue
      await page.click('#detail-close');
      const row = page.locator(`#queue-body tr[data-number="${number}"]`);
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.textContent()).toContain(XSS);
      // the detail, masked and then revealed (the name is masked until then)
      await row.click();
      await expect.poll(() => page.locator('#detail-fields dd.d-content').textContent()).toContain(XSS);
      expect(await page.locator('#detail-fields dd.d-address').textContent()).toContain(XSS);
      expect(await page.locator('#detail-fields dd.d-reply').textContent()).toContain(`已清理 ${XSS}`);
      // re-dispatching clears the order's return reason; it stays in the history with the dispatch note
      const history = await page.locator('#detail-history').textContent();
      expect(history).toContain(`退回 ${XSS}`);
      expect(history).toContain(`派单 ${XSS}`);
      expect(history).toContain(`已清理 ${XSS}`);
      await page.locator('#detail-fields button', { hasText: '显示完整号码' }).click();
      await expect.poll(() => page.locator('#detail-fields dd.d-name').textContent()).toBe(IMG);
      expect(await page.locator('#detail-fields').textContent()).toContain('13812345678');
      expect(await page.locator('#detail').isVisible()).toBe(true);

      // CSP alone would stop the handlers, so also check that no element was made from the text
      const injected = () =>
        page.evaluate(() => ({
          xss: (window as unknown as { __xss?: unknown }).__xss,
          imgs: document.querySelectorAll('img').length,
          scripts: Array.from(document.querySelectorAll('script')).filter((s) => !s.src).length,
        }));
      expect(await injected()).toEqual({ xss: undefined, imgs: 0, scripts: 0 });
      await page.screenshot({ path: 'reports/e2e-console-xss.png' });

      await page.goto(`${s.url}/console/report?month=${thisMonth()}`);
      await page.waitForSelector('#body:not(.hidden)');
      expect(await page.locator('#error').textContent()).toBe('');
      expect(await injected()).toEqual({ xss: undefined, imgs: 0, scripts: 0 });
    } finally {
      await ctx.close();
    }
  });

  it('an operator (not a supervisor) who opens the monthly report gets a 403, not the report', async () => {
    const { ctx, page } = await fresh();
    try {
      await login(page, OPERATOR);
      expect(await page.locator('#me-role').textContent()).toBe('话务员');
      expect(await page.locator('#tab-report').isVisible()).toBe(false);
      const res = await page.goto(`${s.url}/console/report?month=${thisMonth()}`);
      expect(res?.status()).toBe(403);
      expect(await page.locator('#report').count()).toBe(0);
      expect(await page.content()).not.toContain('月度报告');
    } finally {
      await ctx.close();
    }
  });
});
