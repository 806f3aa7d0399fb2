/// <reference lib="dom" />
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type RunningServer, startServer } from '../../src/main.ts';
import { DEMO_PASSWORD } from '../../src/seed.ts';

const require = createRequire(import.meta.url);

/** Debian's Chromium, or CHROMIUM_PATH. Never a downloaded browser. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // The machine's network is closed: stop Chromium reaching out at start.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** Runs axe-core on the page against WCAG 2.0–2.2 A and AA; returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

export type E2eRun = { server: RunningServer; browser: Browser; context: BrowserContext; stop(): Promise<void> };

/**
 * The embedded default, as `npm start` runs it, in a data directory of its own, and Chromium with a
 * context for axe: axe is injected as a script, which CSP would (rightly) refuse, so only the test
 * context bypasses CSP.
 */
export async function startE2e(): Promise<E2eRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bridgework-e2e-'));
  const silence = process.stdout.write.bind(process.stdout);
  process.stdout.write = () => true;
  let server: RunningServer;
  try {
    server = await startServer(loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', BRIDGEWORK_DATA_DIR: dataDir }), { seedIfEmpty: true });
  } finally {
    process.stdout.write = silence;
  }
  const browser = await launchChromium();
  const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
  return {
    server,
    browser,
    context,
    async stop() {
      await context.close();
      await browser.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every page a journey sees is checked with axe: 0 violations at WCAG 2.2 AA. */
export async function expectAccessible(page: Page, visited?: Map<string, number>): Promise<void> {
  const violations = await axeViolations(page);
  visited?.set(new URL(page.url()).pathname, violations.length);
  expect(violations, `${page.url()}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** Signs a demo member of staff in through the sign-in page, as a person would. */
export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator('#email').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^(Sign in|Mewngofnodi)$/ }).click();
  await page.waitForURL('**/home');
}
