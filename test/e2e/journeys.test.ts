/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../src/main.ts';
import { DEMO_PASSWORD } from '../../src/seed.ts';
import { axeViolations, expectAccessible as checkAccessible, type E2eRun, startE2e } from './browser.ts';

let run: E2eRun;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
const visited = new Map<string, number>();

beforeAll(async () => {
  run = await startE2e();
  ({ server, browser, context } = run);
}, 120_000);
afterAll(() => run?.stop());

const expectAccessible = (page: Page) => checkAccessible(page, visited);

describe('browser journeys in Chromium with axe-core', () => {
  test('a tenant admin signs in, switches to Welsh, gets an error on a form, fixes it, and signs out', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.title()).toContain('Sign in to Bridgework');
    await expectAccessible(page);

    await page.getByLabel('Email address').fill('tenant-admin@leicester.bridgework.example');
    await page.getByLabel('Password', { exact: true }).fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.title()).toMatch(/^Error: /);
    // The title is read once the new page's head is parsed; on a loaded machine its body may not be
    // laid out yet, so wait for the summary to show (failing if it never does) before checking it.
    await page.locator('.govuk-error-summary').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.locator('.govuk-error-summary').isVisible()).toBe(true);
    await expectAccessible(page);

    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/home');
    expect(await page.locator('h1').textContent()).toContain('Your Bridgework home');
    // The authority's bar, outside GOV.UK Frontend's classes, is in the service's typeface too.
    const fonts = await page.evaluate(() =>
      ['.app-organisation-bar__name', 'h1'].map((s) => getComputedStyle(document.querySelector(s) as Element).fontFamily),
    );
    expect(fonts[0]).toBe(fonts[1]);
    await expectAccessible(page);

    await page.getByRole('link', { name: /Cymraeg/ }).click();
    await page.waitForURL('**/home');
    expect(await page.getAttribute('html', 'lang')).toBe('cy');
    expect(await page.locator('h1').textContent()).toContain('Eich hafan Bridgework');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Sefydliadau' }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Ychwanegu sefydliad' }).click();
    await page.waitForURL('**/organisations/new');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Ychwanegu sefydliad' }).click();
    expect(await page.title()).toMatch(/^Gwall: /);
    const summary = page.locator('.govuk-error-summary');
    expect(await summary.textContent()).toContain('Rhowch enw’r sefydliad');
    expect(await summary.textContent()).toContain('Dewiswch y math o sefydliad');
    // GOV.UK Frontend moves focus to the summary so screen readers announce it. Its script runs once
    // the page has loaded, which on a loaded machine can be after the summary is read: wait for it.
    await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary') === true, null, { timeout: 10_000 });
    await expectAccessible(page);

    await page.getByLabel('Enw’r sefydliad').fill('Caffi Cymunedol Leicester');
    await page.getByLabel('Cyflogwr').check();
    await page.getByRole('button', { name: 'Ychwanegu sefydliad' }).click();
    await page.waitForURL('**/organisations?added=*');
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Caffi Cymunedol Leicester');
    await expectAccessible(page);

    for (const path of [
      '/admin/staff',
      '/admin/staff/new',
      '/admin/security',
      '/admin/audit',
      '/admin/outbox',
      '/accessibility',
      '/cookies',
      '/privacy',
      '/no-such-page',
    ]) {
      await page.goto(`${server.url}${path}`);
      await expectAccessible(page);
    }
    await page.goto(`${server.url}/admin/staff`);
    await page.locator('main table a').first().click();
    await page.waitForURL('**/admin/staff/*');
    await expectAccessible(page);
    // The error state of the other form, too.
    await page.goto(`${server.url}/admin/staff/new`);
    await page.locator('form[action="/admin/staff/new"] button').click();
    expect(await page.title()).toMatch(/^Gwall: /);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Allgofnodi' }).click();
    await page.waitForURL('**/sign-in?signed-out=1');
    await expectAccessible(page);
    await page.goto(`${server.url}/home`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.close();
  });

  test('pages work without JavaScript: sign in and add an organisation with a plain form post', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email address').fill('tenant-admin@cardiff.bridgework.example');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /Sign in|Mewngofnodi/ }).click();
    await page.waitForURL('**/home');
    await page.goto(`${server.url}/organisations/new`);
    await page.locator('#name').fill('Cardiff Bay Employer');
    await page.locator('input[value="employer"]').check();
    await page.locator('form[action="/organisations/new"] button').click();
    await page.waitForURL('**/organisations?added=*');
    expect(await page.content()).toContain('Cardiff Bay Employer');
    await noJs.close();
  });

  test('not a GOV.UK service: no GDS Transport or crown icons are downloaded, and the footer has no crown (ADR 0039)', async () => {
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => void fetched.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/`);
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((p) => p.startsWith('/assets/fonts/') || p.startsWith('/assets/images/'))).toEqual([]);
    // The icons are the service's own. (The headless shell does not fetch icons itself: ask for them.)
    const icons = await page.locator('link[rel~="icon"]').evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
    expect(icons).toContain('/assets/app/favicon.svg');
    expect(icons.filter((p) => !p.startsWith('/assets/app/'))).toEqual([]);
    for (const icon of icons) expect((await page.request.get(`${server.url}${icon}`)).status()).toBe(200);
    expect(await page.locator('.govuk-footer__crown, .govuk-footer__copyright-logo, .govuk-logo').count()).toBe(0);
    await page.close();
  });

  test('the national analyst sees only suppressed figures', async () => {
    // A context of its own: a journey above that failed before signing out must not sign this one in.
    const analyst = await browser.newContext({ bypassCSP: true });
    const page = await analyst.newPage();
    await page.goto(`${server.url}/language/en?return=/sign-in`);
    await page.getByLabel('Email address').fill('national-analyst@leicester.bridgework.example');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/home');
    await page.getByRole('link', { name: 'Areas using Bridgework' }).click();
    const text = await page.locator('main').textContent();
    expect(text).toContain('Cardiff Council');
    expect(text).toContain('fewer than 10');
    await expectAccessible(page);
    await analyst.close();
  });

  test('the accessibility check can fail: a broken page has violations', async () => {
    const page = await context.newPage();
    await page.setContent('<html><body><img src="x.png"><input type="text"></body></html>');
    const ids = (await axeViolations(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['image-alt', 'html-has-lang']));
    await page.close();
  });

  test('every page visited had no accessibility violations', () => {
    expect(visited.size).toBeGreaterThanOrEqual(16);
    expect([...visited.values()].every((n) => n === 0)).toBe(true);
  });
});
