/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sql } from 'kysely';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { referralQuestions } from '../../src/domains/referrals/index.ts';
import { routeFamily } from '../../src/platform/http/error-handler.ts';
import { codeLikeWords } from '../support/code-like.ts';
import {
  axeViolations,
  fullPageScreenshot,
  headingProblem,
  LAYOUT_RULES,
  ownDetailsWithoutAutocomplete,
  sidewaysScroll,
  signIn,
  signInEmail,
  tableProblems,
  useE2e,
} from './browser.ts';

/**
 * Every page of the service, in every role that sees it: a screenshot at desktop and phone widths
 * (test-results/screenshots/, for a reviewer to open), axe on each, no raw codes, and nothing
 * wider than the phone (ADR 0071). The pages come from the app's own GET routes at run time, so a
 * page added later is walked, or the walk fails naming it until it is given a role (a line in
 * PAGES) and its parameters (PARAMS).
 * The walk is split by role over three test files, `every-page-*.test.ts` (`WALKS`), so that the
 * browser run's two workers share it; this module is the table and the walk they run.
 */

const ROLES = [
  'public',
  'participant',
  'referrer',
  'specialist',
  'team-lead',
  'tenant-admin',
  'ig-lead',
  'national-analyst',
  'commissioner',
  'employer',
] as const;
type Who = (typeof ROLES)[number];

/** How a page is walked: who opens it, with what query; or why it is not walked. */
type Walk = Who | Who[] | { as: Who | Who[]; query?: string; redirects?: true; status?: number } | { skip: string };

const STAFF_HOME: Who[] = ['referrer', 'specialist', 'team-lead', 'tenant-admin', 'ig-lead', 'national-analyst', 'commissioner', 'employer'];
const DOWNLOAD = { skip: 'a download, not a page (checked by its own tests)' };
const NOT_A_PAGE = { skip: 'a machine endpoint (JSON), not a page' };

/**
 * Every GET page route and who walks it. A new route fails "every GET page route is walked" until it
 * is listed here: one line.
 */
const PAGES: Record<string, Walk> = {
  '/': 'public',
  '/accessibility': 'public',
  '/cookies': 'public',
  '/privacy': 'public',
  '/health': NOT_A_PAGE,
  '/ready': NOT_A_PAGE,
  '/language/:lang': { skip: 'switches the language and sends the reader back: no page of its own' },
  '/sign-in': 'public',
  '/sign-in/oidc/:providerId': { skip: 'sends the browser to the authority’s identity provider: no page of its own' },
  '/sign-in/oidc/callback': { skip: 'where the identity provider sends the browser back: no page of its own' },
  '/oidc/jwks': NOT_A_PAGE,
  '/sign-in/code': { skip: 'only mid-sign-in for an account with a second factor (test/http/sign-in.test.ts)' },
  // An invitation link that has expired: the page a person sees then.
  '/account/set-password': { as: 'public', query: '?token=not-a-token', status: 404 },
  '/account/password': 'specialist',
  '/account/authenticator': 'specialist',
  '/home': STAFF_HOME,
  '/self-referral': 'public',
  '/self-referral/:step': 'public',
  '/self-referral/check': { as: 'public', redirects: true },
  '/self-referral/sent': { as: 'public', redirects: true },
  '/in-work-support': 'public',
  '/in-work-support/about-you': 'public',
  '/in-work-support/job': 'public',
  '/in-work-support/hours': 'public',
  '/in-work-support/absence': 'public',
  '/in-work-support/health': 'public',
  '/in-work-support/consent': 'public',
  '/in-work-support/check': { as: 'public', redirects: true },
  '/in-work-support/sent': { as: 'public', redirects: true },
  '/check-a-guarantee': 'public',
  '/check-access-to-work': 'public',
  '/find-a-service': 'public',
  '/find-a-service/:council/:id': 'public',
  '/onward-referrals/respond': { as: 'public', query: '?link=not-a-link', status: 404 },
  // The participant's own pages.
  '/my-support': 'public',
  '/my-support/check-email': 'public',
  '/my-support/sign-in/:link': { skip: 'the link in the sign-in email, used once to sign the participant in below' },
  '/my-support/signed-out': 'public',
  '/my-support/plan': 'participant',
  '/my-support/plan/add-action': 'participant',
  '/my-support/plan/add-note': 'participant',
  '/my-support/details': 'participant',
  '/my-support/consent': 'participant',
  '/my-support/equality': 'participant',
  '/my-support/referrals': 'participant',
  '/my-support/guarantee': 'participant',
  '/my-support/better-off': 'participant',
  '/my-support/work': 'participant',
  '/my-support/work/profile': 'participant',
  '/my-support/access-to-work': 'participant',
  '/my-support/download': 'participant',
  '/my-support/leave': 'participant',
  '/my-support/retention': 'participant',
  '/my-support/left': { as: 'participant', redirects: true },
  '/my-support/download.json': DOWNLOAD,
  '/my-support/download.pdf': DOWNLOAD,
  '/my-support/download.fhir.json': DOWNLOAD,
  '/my-support/guarantee/:guaranteeId/certificate.pdf': DOWNLOAD,
  '/my-support/guarantee/:guaranteeId/return-pack.pdf': DOWNLOAD,
  '/my-support/access-to-work/:did/letter.pdf': DOWNLOAD,
  '/my-support/access-to-work/:did/pack.pdf': DOWNLOAD,
  // Referrers.
  '/referrals/new': 'referrer',
  '/referrals/new/:step': 'referrer',
  '/referrals/new/check': { as: 'referrer', redirects: true },
  '/referrals/mine': 'referrer',
  '/referrals/:id/sent': 'referrer',
  // The employment team.
  '/referrals/inbox': ['specialist', 'team-lead'],
  '/referrals/:id': 'specialist',
  '/cases': ['specialist', 'team-lead'],
  '/cases/team': 'team-lead',
  '/cases/reviews': 'ig-lead',
  '/cases/reviews/:grantId': { skip: 'the demo has no break-glass grant (walked with axe in test/e2e/cases.test.ts)' },
  '/cases/settings': 'tenant-admin',
  '/cases/for-referral/:referralId': { as: 'specialist', redirects: true },
  '/cases/:id': 'specialist',
  '/cases/:id/details': 'specialist',
  '/cases/:id/profile': 'specialist',
  '/cases/:id/consent': 'specialist',
  '/cases/:id/phase': 'specialist',
  '/cases/:id/regime': 'specialist',
  '/cases/:id/reassign': 'team-lead',
  '/cases/:id/close': 'specialist',
  '/cases/:id/reengage': { skip: 'only for a closed case; the demo has none' },
  '/cases/:id/break-glass': { skip: 'only for staff with no part in the case; the demo team all have one (walked in test/e2e/cases.test.ts)' },
  '/cases/:id/compliance-report': 'specialist',
  '/cases/:id/health-team': 'specialist',
  '/cases/:id/notes/new': 'specialist',
  '/cases/:id/goals/new': 'specialist',
  '/cases/:id/actions/new': 'specialist',
  '/cases/:id/plan/:itemId': 'specialist',
  '/cases/:id/appointments/new': 'specialist',
  '/cases/:id/appointments/:appointmentId/outcome': 'specialist',
  '/cases/:id/jobs/new': 'specialist',
  '/cases/:id/jobs/:jobId/end': 'specialist',
  '/cases/:id/jobs/:jobId/week': 'specialist',
  '/cases/:id/benefits': 'specialist',
  '/cases/:id/benefits/award': 'specialist',
  '/cases/:id/benefits/guarantees/:guaranteeId/withdraw': 'specialist',
  '/cases/:id/benefits/guarantees/:guaranteeId/certificate.pdf': DOWNLOAD,
  '/cases/:id/benefits/guarantees/:guaranteeId/return-pack.pdf': DOWNLOAD,
  '/cases/:id/better-off': 'specialist',
  '/cases/:id/onward': 'specialist',
  '/cases/:id/onward/:serviceId': 'specialist',
  '/cases/:id/work': 'specialist',
  '/cases/:id/work/profile': 'specialist',
  '/cases/:id/work/introduce/:vid': 'specialist',
  '/cases/:id/access-to-work': 'specialist',
  '/cases/:id/access-to-work/assess': 'specialist',
  '/cases/:id/access-to-work/passport': 'specialist',
  '/cases/:id/access-to-work/:did/application': { skip: 'the demo has no Access to Work decision (walked with axe in test/e2e/access-to-work.test.ts)' },
  '/cases/:id/access-to-work/:did/convert': { skip: 'the demo has no Access to Work decision (walked with axe in test/e2e/access-to-work.test.ts)' },
  '/cases/:id/access-to-work/:did/withdraw': { skip: 'the demo has no Access to Work decision (walked with axe in test/e2e/access-to-work.test.ts)' },
  '/cases/:id/access-to-work/:did/letter.pdf': DOWNLOAD,
  '/cases/:id/access-to-work/:did/pack.pdf': DOWNLOAD,
  '/guarantees': ['specialist', 'team-lead'],
  // Staying in work (retention) and the youth pathway.
  '/cases/:id/retention': { skip: 'only for a case on the staying-in-work programme; the demo has none' },
  '/cases/:id/retention/fit-note': 'specialist',
  '/cases/:id/retention/plan': { skip: 'only for a case on the staying-in-work programme; the demo has none' },
  '/cases/:id/retention/weeks/:week/review': 'specialist',
  '/cases/:id/retention/outcome': 'specialist',
  '/retention/missed-reviews': ['specialist', 'team-lead'],
  '/retention/refer': ['referrer', 'employer'],
  '/retention/referred/:id': { skip: 'the confirmation shown once a retention referral is sent' },
  '/retention-plans': 'employer',
  '/retention-plans/:id': { skip: 'the demo has no retention plan shared with an employer' },
  '/cases/:id/youth': 'specialist',
  '/cases/:id/youth/triage': 'specialist',
  '/cases/:id/youth/offers/new': 'specialist',
  '/cases/:id/youth/offers/:offerId/:step': { skip: 'the demo has no offer to a young person' },
  '/youth/breaches': 'team-lead',
  '/admin/youth': 'tenant-admin',
  // Employers and vacancies.
  '/employers': 'specialist',
  '/employers/new': 'specialist',
  '/employers/:id': 'specialist',
  '/employers/:id/contacts/new': 'specialist',
  '/vacancies': ['specialist', 'employer'],
  '/vacancies/new': ['specialist', 'employer'],
  '/vacancies/:id': ['specialist', 'employer'],
  '/vacancies/:id/people': 'specialist',
  '/candidates': 'employer',
  '/candidates/:id': { skip: 'the demo has no introduction to an employer (walked with axe in test/e2e/employers.test.ts)' },
  '/candidates/:id/decline': { skip: 'the demo has no introduction to an employer' },
  '/candidates/:id/interview': { skip: 'the demo has no introduction to an employer' },
  '/candidates/:id/offer': { skip: 'the demo has no introduction to an employer' },
  // Teams, partners and the local plan.
  '/teams': 'tenant-admin',
  '/teams/new': 'tenant-admin',
  '/teams/:id': 'tenant-admin',
  '/teams/:id/members/:userId/fte': 'tenant-admin',
  '/teams/service-levels': 'tenant-admin',
  '/organisations': 'tenant-admin',
  '/organisations/new': 'tenant-admin',
  '/partners': 'tenant-admin',
  '/partners/new': 'tenant-admin',
  '/partners/:id/edit': 'tenant-admin',
  '/partners/agreements': 'tenant-admin',
  '/partners/agreements/new': 'tenant-admin',
  '/partners/agreements/:id/signed-copy': DOWNLOAD,
  '/local-plan': 'commissioner',
  '/local-plan/edit': 'commissioner',
  '/local-plan/sectors/new': 'commissioner',
  '/local-plan/targets/new': 'commissioner',
  // Portable records.
  '/records': ['specialist', 'ig-lead'],
  '/records/import': 'ig-lead',
  '/records/person/:id': 'ig-lead',
  '/records/person/:id/subject-access': 'ig-lead',
  '/records/person/:id/transfer': 'ig-lead',
  '/records/in/:id': { skip: 'the demo has no record brought in from another service' },
  '/records/in/:id/bundle.json': DOWNLOAD,
  // Administration.
  '/admin/staff': 'tenant-admin',
  '/admin/staff/new': 'tenant-admin',
  '/admin/staff/:id': 'tenant-admin',
  '/admin/staff/:id/identity': 'tenant-admin',
  '/admin/sign-in': 'tenant-admin',
  '/admin/sign-in/providers/new': 'tenant-admin',
  '/admin/sign-in/providers/:id': { skip: 'the demo has no identity provider' },
  '/admin/security': 'tenant-admin',
  '/admin/privacy-and-accessibility': 'tenant-admin',
  '/admin/audit': 'tenant-admin',
  '/admin/outbox': 'tenant-admin',
  '/admin/outbox/:id': 'tenant-admin',
  '/admin/access-to-work': 'tenant-admin',
  '/admin/council-tax-support': 'tenant-admin',
  // Outcomes.
  '/outcomes': 'team-lead',
  '/outcomes/national': 'national-analyst',
  '/outcomes/returns': 'tenant-admin',
  '/outcomes/fidelity': 'team-lead',
  '/outcomes/fidelity/new': 'team-lead',
  '/outcomes/fidelity/:id': { skip: 'the demo has no fidelity review (walked with axe in test/e2e/outcomes.test.ts)' },
  '/outcomes/download.csv': DOWNLOAD,
  '/outcomes/national/download.csv': DOWNLOAD,
  '/outcomes/returns/download.csv': DOWNLOAD,
  '/outcomes/returns/download.json': DOWNLOAD,
  '/national': 'national-analyst',
};

/** The seeded demo data the parameters come from (Leicester's, where most of it is). */
type Demo = Record<string, string>;

/** Each question page of a referral route (the young person's page only shows for ages 16 to 24). */
const questions = (route: 'self' | 'clinician') => referralQuestions(route, {}, new Date().toISOString().slice(0, 10)).map((s) => s.slug);

/**
 * A route parameter's value, by the route's first path segment and the parameter's name; a list
 * walks the page once for each. A new route's parameter is one line here.
 */
const PARAMS: Record<string, (d: Demo, route: string) => string | string[]> = {
  'self-referral:step': () => questions('self'),
  'referrals:step': () => questions('clinician'),
  'referrals:id': (d) => d.referral ?? '',
  // Daniel Okoro's case has a plan and appointments, Marcus Reid's a job and its guarantee, Kevin Marsh's the conditional regime.
  'cases:id': (d, route) => (/jobId|guaranteeId/.test(route) ? d.inWorkCase : /compliance-report/.test(route) ? d.conditionalCase : d.case) ?? '',
  'cases:referralId': (d) => d.referral ?? '',
  'cases:itemId': (d) => d.planItem ?? '',
  'cases:appointmentId': (d) => d.appointment ?? '',
  'cases:jobId': (d) => d.job ?? '',
  'cases:guaranteeId': (d) => d.guarantee ?? '',
  'cases:serviceId': (d) => d.service ?? '',
  'cases:vid': (d) => d.vacancy ?? '',
  'cases:week': () => '1',
  'partners:id': (d) => d.partner ?? '',
  'records:id': (d) => d.participant ?? '',
  'find-a-service:council': () => 'E06000016',
  'find-a-service:id': (d) => d.service ?? '',
  'employers:id': (d) => d.employer ?? '',
  'vacancies:id': (d) => d.vacancy ?? '',
  'teams:id': (d) => d.team ?? '',
  'teams:userId': (d) => d.specialistUser ?? '',
  'admin:id': (d, route) => (route.startsWith('/admin/outbox') ? d.email : d.specialistUser) ?? '',
};

const SHOTS = join(process.cwd(), 'test-results', 'screenshots');
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 740 },
] as const;

type Route = { pattern: string; walk: Walk };
const asList = (w: Who | Who[]): Who[] => [w].flat();
const walkOf = (walk: Walk): { as: Who[]; query: string; redirects: boolean; status: number } | null =>
  typeof walk === 'string' || Array.isArray(walk)
    ? { as: asList(walk), query: '', redirects: false, status: 200 }
    : 'skip' in walk
      ? null
      : { as: asList(walk.as), query: walk.query ?? '', redirects: walk.redirects ?? false, status: walk.status ?? 200 };

/**
 * The route with its parameters filled from the demo data, once for each value of a listed one
 * (named by that value); throws naming what is missing.
 */
function fill(pattern: string, demo: Demo): { path: string; name: string }[] {
  const segment = pattern.split('/')[1] ?? '';
  let filled = [{ path: pattern, name: pattern }];
  for (const [, param] of pattern.matchAll(/:(\w+)/g)) {
    const value = PARAMS[`${segment}:${param}`]?.(demo, pattern);
    if (!value || value.length === 0) throw new Error(`${pattern}: no value for :${param}; add '${segment}:${param}' to PARAMS in test/e2e/every-page.ts`);
    const values = [value].flat();
    filled = filled.flatMap((f) =>
      values.map((v) => ({
        path: f.path.replace(new RegExp(`:${param}\\b`), encodeURIComponent(v)),
        name: Array.isArray(value) ? f.name.replace(new RegExp(`:${param}\\b`), v) : f.name,
      })),
    );
  }
  return filled;
}

const slug = (path: string) => path.replace(/^\//, '').replace(/[:/]+/g, '_') || 'home-page';

type Finding = string;

/**
 * The roles each every-page file walks (`every-page-<file>.test.ts`): three files of about the same
 * length (74, 52 and 70 s of one worker under load on 4 December 2026), so that the browser run's
 * two workers finish together (ADR 0068). A new role goes in one of them; the route check fails
 * until it does.
 */
export const WALKS = {
  outside: ['public', 'participant', 'referrer'],
  specialist: ['specialist'],
  staff: ['team-lead', 'tenant-admin', 'ig-lead', 'national-analyst', 'commissioner', 'employer'],
} as const satisfies Record<string, readonly Who[]>;

/**
 * The walk of one part of `WALKS`, as a test file's tests: its own server on its own copy of the
 * data, one signed-in browser context per role. The part with the public also checks that every
 * GET page route is in `PAGES`, and every role in `WALKS`.
 */
export function walkEveryPage(part: keyof typeof WALKS): void {
  const e2e = useE2e();
  function pageRoutes(): string[] {
    const urls = e2e.server.app.registeredRoutes
      .filter((r) => r.method === 'GET' && routeFamily(r.url) === 'page' && !r.url.startsWith('/assets/'))
      .map((r) => r.url);
    return [...new Set(urls)].sort();
  }

  async function loadDemo(): Promise<Demo> {
    const { db } = e2e.server;
    const tenant = (await db.global((tx) => sql<{ id: string }>`select id from tenants where gss_code = 'E06000016'`.execute(tx))).rows[0]?.id ?? '';
    const one = async (query: ReturnType<typeof sql<{ id: string }>>) => (await db.inTenant(tenant, (tx) => query.execute(tx))).rows[0]?.id ?? '';
    // Daniel Okoro's case has a plan, appointments and a benefit award; Marcus Reid's has a job and a guarantee.
    const planItem = await one(sql`select id from plan_items order by created_at limit 1`);
    const danielCase = await one(sql`select case_id as id from plan_items order by created_at limit 1`);
    return {
      tenant,
      case: danielCase,
      planItem,
      participant: await one(sql`select participant_id as id from cases where id = ${danielCase}`),
      appointment: await one(sql`select id from appointments where case_id = ${danielCase} order by starts_at desc limit 1`),
      job: await one(sql`select id from case_jobs limit 1`),
      inWorkCase: await one(sql`select case_id as id from case_jobs limit 1`),
      conditionalCase: await one(sql`select c.id from cases c join participants p on p.id = c.participant_id where p.regime = 'conditional' limit 1`),
      email: await one(sql`select id from notifications_outbox order by created_at limit 1`),
      guarantee: await one(sql`select id from bridge_back_guarantees limit 1`),
      referral: await one(sql`select r.id from referrals r join cases c on c.referral_id = r.id where c.id = ${danielCase}`),
      employer: await one(sql`select id from employers limit 1`),
      vacancy: await one(sql`select id from vacancies order by created_at limit 1`),
      team: await one(sql`select id from teams order by created_at limit 1`),
      partner: await one(sql`select id from partners order by name limit 1`),
      specialistUser: await one(sql`select id from users where email = 'specialist@leicester.bridgework.example'`),
      service: await one(sql`select id from directory_services order by name limit 1`),
    };
  }

  /** Who is signed in where: one browser context per role, signed in once. */
  const contexts = new Map<Who, BrowserContext>();
  let demo: Demo = {};

  async function contextFor(who: Who): Promise<BrowserContext> {
    const existing = contexts.get(who);
    if (existing) return existing;
    const context = await e2e.browser.newContext({ bypassCSP: true, viewport: WIDTHS[0] });
    const page = await context.newPage();
    const base = e2e.server.url;
    if (who === 'participant') {
      // Daniel Okoro signs in from the link in his email, as a participant does.
      await page.goto(`${base}/my-support`);
      await page.locator('input[name="email"]').fill('daniel.okoro@example.com');
      await page.locator('main form button.govuk-button').click();
      await page.waitForURL('**/my-support/check-email');
      const mail = await signInEmail(e2e, demo.tenant ?? '', 'daniel.okoro@example.com');
      const link = /\/my-support\/sign-in\/\S+/.exec(mail.body)?.[0] ?? '';
      await page.goto(`${base}${link}`);
      await page.locator('main form button.govuk-button').click();
      await page.waitForURL('**/my-support/plan');
    } else if (who === 'public') {
      // A self-referral begun, so that its question pages have a form to show.
      await page.goto(`${base}/self-referral`);
      await page.locator(`main input[name="tenantId"][value="${demo.tenant}"]`).check();
      await page.locator('main form button.govuk-button').click();
      await page.waitForURL('**/self-referral/name');
      // And an in-work self-referral, for its question pages (its own draft cookie).
      await page.goto(`${base}/in-work-support`);
      await page.locator(`main input[name="tenantId"][value="${demo.tenant}"]`).check();
      await page.locator('main form button.govuk-button').click();
      await page.waitForURL('**/in-work-support/about-you');
    } else {
      await signIn(page, base, `${who}@leicester.bridgework.example`);
      if (who === 'referrer') {
        await page.goto(`${base}/referrals/new`);
        await page.locator('main form button.govuk-button').click();
        await page.waitForURL('**/referrals/new/name');
      }
    }
    await page.close();
    contexts.set(who, context);
    return context;
  }

  /**
   * Opens one page as one role: screenshots at both widths, every axe rule at desktop width, no codes,
   * and at phone width no sideways scroll.
   * At phone width the markup and colours are the same, so axe runs only the rules the width alone
   * can change (`LAYOUT_RULES`); every rule too on a role's first page (`allAtPhone`), where the
   * header's navigation that collapses behind a menu button at that width is checked. Every rule at
   * both widths cost about an eighth of its CPU a page (docs/testing.md, ADR 0057).
   */
  async function visit(
    page: Page,
    who: Who,
    target: { path: string; name: string },
    walk: { query: string; redirects: boolean; status: number },
    allAtPhone: boolean,
  ): Promise<Finding[]> {
    const { path, name } = target;
    const response = await page.goto(`${e2e.server.url}${path}${walk.query}`);
    const status = response?.status() ?? 0;
    const findings: Finding[] = [];
    const where = `${who} ${name}`;
    if (status !== walk.status) findings.push(`${where}: answered ${status} (${await page.title()})`);
    if (!walk.redirects && new URL(page.url()).pathname !== path) findings.push(`${where}: went to ${new URL(page.url()).pathname} instead`);
    const codes = codeLikeWords(await page.content());
    if (codes.length > 0) findings.push(`${where}: shows code-like words ${codes.join(', ')}`);
    for (const problem of await tableProblems(page)) findings.push(`${where}: ${problem}`);
    if (who === 'public' || who === 'participant') {
      const fields = await ownDetailsWithoutAutocomplete(page);
      if (fields.length > 0) findings.push(`${where}: the person's own details without autocomplete (WCAG 1.3.5): ${fields.join(', ')}`);
    }
    const heading = await headingProblem(page);
    if (heading) findings.push(`${where}: ${heading}`);
    for (const size of WIDTHS) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await fullPageScreenshot(page, join(SHOTS, `${who}-${slug(name)}-${size.width}.png`));
      // At phone width nothing widens the page: a wide table scrolls in its own box (ADR 0071).
      const sideways = size.name === 'phone' ? await sidewaysScroll(page) : null;
      if (sideways) findings.push(`${where} at ${size.width}px: scrolls sideways, ${sideways}`);
      const rules = size.name === 'phone' && !allAtPhone ? LAYOUT_RULES : undefined;
      for (const v of await axeViolations(page, rules))
        findings.push(`${where} at ${size.width}px: axe ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
    }
    await page.setViewportSize(WIDTHS[0]);
    return findings;
  }

  beforeAll(async () => {
    // The browser run's global set-up empties the folder once (test/e2e/global-setup.ts): the parts run at once.
    mkdirSync(SHOTS, { recursive: true });
    demo = await loadDemo();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts.values()) await context.close();
    process.stdout.write(`\nScreenshots of every page: ${relative(process.cwd(), SHOTS)}/\n`);
  });

  describe(`every page, in every role that sees it, at desktop and phone widths: ${part}`, () => {
    if (part === 'outside') {
      test('every GET page route is walked, or left out with a reason, and every role by one of the files', () => {
        const routes = pageRoutes();
        const missing = routes.filter((r) => !(r in PAGES));
        expect(missing.join('\n'), 'GET page routes not in the walk: add each to PAGES (and its parameters to PARAMS) in test/e2e/every-page.ts').toBe('');
        const gone = Object.keys(PAGES).filter((r) => !routes.includes(r));
        expect(gone.join('\n'), 'PAGES lists routes the app no longer has').toBe('');
        const walked: readonly Who[] = Object.values(WALKS).flat();
        expect(
          ROLES.filter((who) => !walked.includes(who)),
          'roles in no part of WALKS',
        ).toEqual([]);
      });
    }

    test.each(WALKS[part] as readonly Who[])(
      'as %s: each page loads, has 0 axe violations and no codes',
      async (who) => {
        const routes: Route[] = pageRoutes().flatMap((pattern) => (PAGES[pattern] ? [{ pattern, walk: PAGES[pattern] }] : []));
        const mine = routes.flatMap((r) => {
          const w = walkOf(r.walk);
          return w?.as.includes(who) ? [{ pattern: r.pattern, walk: w }] : [];
        });
        const context = await contextFor(who);
        const page = await context.newPage();
        const findings: Finding[] = [];
        let walked = false;
        for (const r of mine) {
          try {
            for (const target of fill(r.pattern, demo)) {
              findings.push(...(await visit(page, who, target, r.walk, !walked)));
              walked = true;
            }
          } catch (error) {
            findings.push(`${who} ${r.pattern}: ${(error as Error).message.split('\n')[0]}`);
          }
        }
        await page.close();
        expect(findings.join('\n')).toBe('');
      },
      600_000,
    );
  });
}
