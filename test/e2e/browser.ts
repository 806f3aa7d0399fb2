/// <reference lib="dom" />
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type CDPSession, chromium, type Download, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { RunningServer } from '../../src/main.ts';
import { findUserByEmail, type UserPrincipal, userPrincipal } from '../../src/platform/auth/index.ts';
import { systemClock } from '../../src/platform/clock/index.ts';
import { DEMO_PASSWORD } from '../../src/seed.ts';
import { createServices, type Services } from '../../src/services.ts';
import { referralInput } from '../support/referrals.ts';
import { scratchRoot } from '../support/test-templates.ts';
import { launchChromium, startQuietly } from './browser-server.ts';

const require = createRequire(import.meta.url);

export { chromiumPath, hasChromium, launchChromium } from './browser-server.ts';

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const axeVersion = (require('axe-core/package.json') as { version: string }).version;

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/**
 * The axe rules whose answer can change with the width of the window alone, the colours and the
 * markup being the same: what is too small to tap, and what scrolls sideways without being
 * reachable by keyboard (a wide table at 375 px).
 */
export const LAYOUT_RULES = ['target-size', 'scrollable-region-focusable'] as const;

let axeUrl: Promise<string> | undefined;

/**
 * Where the page loads axe from: a local HTTP server in this worker, one per process, that serves
 * axe-core's script as cacheable for a year. Each page is a new document that needs axe again;
 * loaded by URL, Chromium keeps the script and its compiled code between pages, where an inline
 * script (`addScriptTag({ content })`) is parsed and compiled afresh each time: that was about a
 * third of axe's CPU a page (ADR 0068). The tests' contexts bypass CSP, which would (rightly)
 * refuse the script on the service's own pages.
 */
function axeScriptUrl(): Promise<string> {
  axeUrl ??= new Promise((resolve, reject) => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' });
      response.end(axeSource);
    });
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      // The worker may end with it listening.
      server.unref();
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/axe-${axeVersion}.min.js`);
    });
  });
  return axeUrl;
}

/**
 * Runs axe-core on the page against WCAG 2.0–2.2 A and AA (or only `rules`, by id); returns the
 * violations. One round trip: axe is loaded once per document (a second run on the same page, at
 * another width, reuses it) and asked for violations only (axe then keeps one node per passing or
 * incomplete rule, not all).
 */
export async function axeViolations(page: Page, rules?: readonly string[]): Promise<AxeViolation[]> {
  const src = await axeScriptUrl();
  return page.evaluate(
    async ({ src, only }) => {
      type Axe = { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> };
      const held = window as unknown as { axe?: Axe };
      if (!held.axe) {
        await new Promise<void>((resolve, reject) => {
          const script = document.createElement('script');
          script.src = src;
          script.onload = () => resolve();
          script.onerror = () => reject(new Error(`axe-core did not load from ${src}`));
          (document.head ?? document.documentElement).append(script);
        });
      }
      const axe = held.axe as Axe;
      const result = await axe.run(document, {
        runOnly: only ? { type: 'rule', values: only } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
    },
    { src, only: rules },
  );
}

/**
 * Whether the page scrolls sideways at its viewport's width: null if the document is no wider than
 * the window, else how wide it is and the widest thing that runs past the window's right edge: an
 * element that breaks out of a parent that fits (a wide table), or one whose own text does (a long
 * address), not counting what is inside a box that scrolls or clips it (`.app-table-scroll`). It
 * is named by its tag, id, classes and first words, so that the fix is easy to find (ADR 0071).
 */
export async function sidewaysScroll(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const edge = window.innerWidth + 0.5;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= window.innerWidth) return null;
    // Inside a box that scrolls or clips it: an absolutely placed element only by a box at or
    // above the one it is placed against (which is why `.app-table-scroll` is positioned).
    const clipped = (el: Element): boolean => {
      let escapes = /absolute|fixed/.test(getComputedStyle(el).position);
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (escapes && style.position !== 'static') escapes = false;
        if (!escapes && style.overflowX !== 'visible') return true;
        if (/absolute|fixed/.test(style.position)) escapes = true;
      }
      return false;
    };
    const range = document.createRange();
    const textPast = (el: Element): number => {
      let widest = 0;
      // Text an element clips itself (govuk-visually-hidden) is not seen, and widens nothing.
      if (getComputedStyle(el).overflowX !== 'visible') return 0;
      for (const node of el.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
        range.selectNodeContents(node);
        const box = range.getBoundingClientRect();
        if (box.right > edge) widest = Math.max(widest, box.width);
      }
      return widest;
    };
    // The widest that breaks out; failing that, the one that reaches furthest right.
    let widest: { el: Element; w: number } | null = null;
    let furthest: { el: Element; w: number; right: number } | null = null;
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      const parent = el.parentElement?.getBoundingClientRect();
      const breaksOut = box.width > 0 && box.right > edge && (!parent || parent.right <= edge) ? box.width : 0;
      const w = Math.max(breaksOut, textPast(el));
      const past = box.right > edge && (!furthest || box.right > furthest.right);
      if ((w > 0 && (!widest || w > widest.w)) || past) {
        if (clipped(el)) continue;
        if (w > 0 && (!widest || w > widest.w)) widest = { el, w };
        if (past) furthest = { el, w: box.width, right: box.right };
      }
    }
    const found = widest ?? furthest;
    if (!found) return `${scrollWidth}px wide in a ${window.innerWidth}px window`;
    const { el, w } = found;
    const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
    const words = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return `${scrollWidth}px wide in a ${window.innerWidth}px window; widest past the edge: ${name} (${Math.round(w)}px) "${words}"`;
  });
}

/**
 * What is wrong with the page's tables: a column whose heading is set as numbers (right-aligned,
 * `govuk-table__header--numeric`) but whose cells are not, or the other way round (GOV.UK Frontend
 * aligns a column of numbers right, heading and cells together); and a cell left empty, which reads
 * as missing data (say "None" or "–"). Each is named by the table's caption and column.
 */
export async function tableProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const table of document.querySelectorAll('table.govuk-table')) {
      const name = (table.querySelector('caption')?.textContent ?? '').replace(/\s+/g, ' ').trim() || 'a table';
      const empty = [...table.querySelectorAll('tbody td')].filter(
        (cell) => (cell.textContent ?? '').trim() === '' && !cell.querySelector('img, svg, input, button'),
      );
      if (empty.length > 0) found.push(`${name}: ${empty.length} empty cell(s)`);
      const heads = [...table.querySelectorAll('thead tr:last-child > th')];
      if (heads.length === 0) continue;
      heads.forEach((head, column) => {
        const numericHead = head.classList.contains('govuk-table__header--numeric');
        const cells = [...table.querySelectorAll('tbody tr')].flatMap((row) => {
          const cell = row.children[column];
          return cell && !cell.hasAttribute('colspan') ? [cell] : [];
        });
        const numericCell = (cell: Element) => cell.classList.contains('govuk-table__cell--numeric') || cell.classList.contains('govuk-table__header--numeric');
        // The first column is usually the row's heading: only a column headed as numbers is checked both ways.
        const off = cells.filter((cell) => numericCell(cell) !== numericHead && (numericHead || column > 0));
        if (off.length > 0)
          found.push(
            `${name}, column "${(head.textContent ?? '').replace(/\s+/g, ' ').trim()}": heading ${numericHead ? 'right' : 'left'}-aligned, ${off.length} cell(s) not`,
          );
      });
    }
    return found;
  });
}

/**
 * Whether the page has one main heading and a window title that says the same (GOV.UK: the title
 * is the h1, then the service); the h1 may add to it ("Your caseload: 3 of 20 open cases").
 */
export async function headingProblem(page: Page): Promise<string | null> {
  const { h1s, title } = await page.evaluate(() => ({
    h1s: [...document.querySelectorAll('h1')].map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()),
    title: document.title.replace(/\s+/g, ' ').trim(),
  }));
  const named = title.replace(/^(Error|Gwall): /, '').split(' – ')[0] ?? '';
  if (h1s.length !== 1) return `${h1s.length} h1 headings`;
  return (h1s[0] ?? '').startsWith(named) ? null : `the title "${title}" does not say what the h1 "${h1s[0]}" says`;
}

/**
 * Fields on a page where a person gives their own details (their name, date of birth, address,
 * postcode, email or phone) without an `autocomplete` that says so: WCAG 1.3.5, Identify Input
 * Purpose, which axe checks only where the attribute is present. For the public and participant
 * pages; on staff pages the details are someone else's and must not be filled from the browser's.
 */
export async function ownDetailsWithoutAutocomplete(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main input')]
      .map((input) => input as HTMLInputElement)
      .filter(
        (input) => /^(givenName|familyName|dateOfBirth-(day|month|year)|addressLine1|postcode|email|phone|telephone)$/.test(input.name) && !input.autocomplete,
      )
      .map((input) => input.name),
  );
}

const cdpSessions = new WeakMap<Page, Promise<CDPSession>>();

/**
 * A full-page PNG of what the page shows now, at its viewport's width, written to `path`. Taken
 * with Chromium's own capture (DevTools protocol) asking for fast encoding (`optimizeForSpeed`:
 * a lighter compression, a larger file), and without Playwright's preparation for a screenshot
 * (hiding the caret, waiting on fonts and frames), which a page just loaded or resized does not
 * need: about 40% less CPU a screenshot (ADR 0068).
 */
export async function fullPageScreenshot(page: Page, path: string): Promise<void> {
  let session = cdpSessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    cdpSessions.set(page, session);
  }
  const cdp = await session;
  const { cssContentSize } = await cdp.send('Page.getLayoutMetrics');
  const { data } = await cdp.send('Page.captureScreenshot', {
    format: 'png',
    optimizeForSpeed: true,
    captureBeyondViewport: true,
    clip: { x: 0, y: 0, width: Math.ceil(cssContentSize.width), height: Math.ceil(cssContentSize.height), scale: 1 },
  });
  writeFileSync(path, Buffer.from(data, 'base64'));
}

export type E2eRun = { server: RunningServer; browser: Browser; context: BrowserContext; stop(): Promise<void> };

/**
 * The embedded default, as `npm start` runs it, in a data directory of its own, and a Chromium
 * context for axe: axe is injected as a script, which CSP would (rightly) refuse, so only the test
 * context bypasses CSP. Under the browser config's global set-up (`test/e2e/global-setup.ts`) the
 * data directory starts as a copy of the run's migrated, seeded one and the context is opened on the
 * run's one Chromium; otherwise this file migrates, seeds and launches its own.
 */
export async function startE2e(): Promise<E2eRun> {
  const dataDir = mkdtempSync(join(scratchRoot(), 'bridgework-e2e-'));
  const template = inject('e2eDataTemplate');
  if (template) cpSync(template, dataDir, { recursive: true });
  const server = await startQuietly(dataDir);
  const endpoint = inject('chromiumEndpoint');
  // Closing a connected browser closes this file's contexts and disconnects; the run's Chromium stays.
  const browser = endpoint ? await chromium.connect(endpoint) : await launchChromium();
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

/** A download's bytes, read through the browser connection (the file is on the browser's side). */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A test file's run, with the services over the same database for setting up what a test needs. */
export type E2e = E2eRun & { services: Services };

/**
 * Starts the run before a test file's tests and stops it after them. What it returns is read once
 * the run has started: inside tests and hooks, not when the file loads.
 */
export function useE2e(): E2e {
  let run: E2e | undefined;
  beforeAll(async () => {
    const started = await startE2e();
    const services = createServices({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), db: started.server.db, clock: systemClock });
    run = { ...started, services };
  }, 120_000);
  afterAll(() => run?.stop());
  const current = (): E2e => {
    if (!run) throw new Error('the browser run starts in beforeAll');
    return run;
  };
  return {
    get server() {
      return current().server;
    },
    get browser() {
      return current().browser;
    },
    get context() {
      return current().context;
    },
    get services() {
      return current().services;
    },
    stop: () => current().stop(),
  };
}

/** A local authority's demo specialist (Leicester E06000016, Cardiff W06000015), as the services see them. */
export async function specialistIn(e2e: E2e, gss: string): Promise<{ tenantId: string; specialist: UserPrincipal }> {
  const { db } = e2e.server;
  const tenant = await db.global((tx) => tx.selectFrom('tenants').select('id').where('gss_code', '=', gss).executeTakeFirstOrThrow());
  const email = `specialist@${gss === 'W06000015' ? 'cardiff' : 'leicester'}.bridgework.example`;
  const user = await db.inTenant(tenant.id, (tx) => findUserByEmail(tx, email));
  if (!user) throw new Error(`no specialist ${email}`);
  return { tenantId: tenant.id, specialist: userPrincipal(user, tenant.id) };
}

/** A self-referral in a local authority, accepted by its demo specialist: the case it opens. */
export async function openCase(
  e2e: E2e,
  gss: string,
  who: { givenName: string; familyName: string; email: string; postcode: string; language: 'en' | 'cy'; dateOfBirth?: string },
): Promise<{ tenantId: string; specialist: UserPrincipal; caseId: string }> {
  const { tenantId, specialist } = await specialistIn(e2e, gss);
  const input = referralInput({
    givenName: who.givenName,
    postcode: who.postcode,
    email: who.email,
    nhsNumber: '',
    dateOfBirth: who.dateOfBirth ?? '1984-06-30',
  });
  const { referral } = await e2e.services.referrals.create({ kind: 'public', tenantId }, 'self', {
    ...input,
    person: { ...input.person, familyName: who.familyName, preferredLanguage: who.language },
  });
  const accepted = await e2e.services.referrals.accept(specialist, referral.id, {});
  if (!accepted.caseId) throw new Error('no case opened');
  return { tenantId, specialist, caseId: accepted.caseId };
}

/** The sign-in email a participant asked for, from the local outbox. */
export async function signInEmail(e2e: E2e, tenantId: string, email: string) {
  return e2e.server.db.inTenant(tenantId, (tx) =>
    tx
      .selectFrom('notifications_outbox')
      .select(['body', 'subject', 'language'])
      .where('template', '=', 'participant-sign-in')
      .where('recipient', '=', email)
      .executeTakeFirstOrThrow(),
  );
}

/** A form's answers by field name: a choice's value, or what is typed into a box. */
export type Answers = Record<string, string | string[]>;

/** The UK calendar date `days` from today, as the three boxes of a GOV.UK date input. */
export function ukDate(name: string, days: number): Answers {
  const [year = '', month = '', day = ''] = new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/London' }).split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year };
}

/** Fills a form by field name (a choice with that value is checked, anything else is typed) and submits it. */
export async function fillAndSubmit(page: Page, answers: Answers): Promise<void> {
  for (const [name, value] of Object.entries(answers)) {
    for (const v of [value].flat()) {
      const choice = page.locator(`main input[name="${name}"][value="${v}"]`);
      if (await choice.count()) await choice.check();
      else await page.locator(`main [name="${name}"]`).fill(v);
    }
  }
  await page.locator('main form button.govuk-button').click();
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
