import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stableId, termId } from '../../src/domains/directory/index.ts';
import { listOutbox } from '../../src/platform/notify/index.ts';
import { LEICESTER_SPECIALIST, openCase, participantSignedIn } from '../support/cases.ts';
import { newPeople, staffPrincipal } from '../support/referrals.ts';
import { type Browser, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

let t: TestApp;
let specialist: Browser;
beforeAll(async () => {
  t = await createTestApp();
  specialist = browser(t.app);
  await specialist.signIn(LEICESTER_SPECIALIST);
}, 120_000);
afterAll(() => t.close());

const MONEY = stableId('E06000016:service:money');
// The demo gives the city centre's money advice an agreement; the east clinic has none.
const EAST = stableId('E06000016:service:money-east');
const EAST_ORG = stableId('E06000016:org:money-east');

async function agreement(o: { startsOn: string; endsOn: string; purposes?: string[]; categories?: string[] }) {
  const id = crypto.randomUUID();
  const admin = await t.testDb.db.inTenant(t.tenants.leicester, (tx) => tx.selectFrom('users').select('id').limit(1).executeTakeFirstOrThrow());
  await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
    sql`insert into data_sharing_agreements (tenant_id, id, title, directory_organisation_id, purposes, data_categories, article6, starts_on, ends_on, recorded_by, created_at)
          values (${t.tenants.leicester}, ${id}, 'Money advice referrals', ${EAST_ORG}, ${o.purposes ?? ['onward-referral']}, ${o.categories ?? ['identity', 'contact', 'need']}, 'public-task', ${o.startsOn}, ${o.endsOn}, ${admin.id}, now())`.execute(
      tx,
    ),
  );
  return id;
}

const form = async (caseId: string, fields: Record<string, string | string[]>, serviceId = MONEY) => {
  const url = `/cases/${caseId}/onward/${serviceId}`;
  const token = await specialist.csrf(url);
  const payload = new URLSearchParams({ _csrf: token });
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) payload.append(k, one);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: [...specialist.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    payload: payload.toString(),
  });
};

const linkIn = (body: string) => /\/onward-referrals\/respond\?link=(\S+)/.exec(body)?.[1] ?? '';
const providerMail = async (template: string) =>
  (await listOutbox(t.testDb.db, t.tenants.leicester)).filter((m) => m.template === template && m.recipient === 'referrals@citymoneyadvice.example');

describe(`onward referrals, closed loop, on ${testDatabaseKind}`, () => {
  // (The seeded agreement covers identity, contact and need for onward referrals.)
  let caseId = '';

  test('the specialist finds a debt-advice service near the person, accepting, from the case', async () => {
    const opened = await openCase(t, { ...newPeople('1980-02-02')('onward'), givenName: 'Onward' });
    caseId = opened.caseId;
    const page = await specialist.get(`/cases/${caseId}/onward?term=${termId('Debt and money advice')}&postcode=LE1`);
    expect(page.statusCode, page.body.slice(0, 400)).toBe(200);
    expect(page.body).toContain('City Money Advice Centre');
    expect(page.body).toContain('East Leicester Debt Clinic');
    // Closed services are not offered.
    expect(page.body).not.toContain('Westcotes Debt Drop-in');
    expect((await specialist.get(`/cases/${caseId}`)).body).toContain(`/cases/${caseId}/onward`);
  });

  test('with no agreement in force the referral is refused, with a clear message and an audit row', async () => {
    const refused = await form(
      caseId,
      { need: 'Rent arrears and a county court letter', share: ['name', 'contact'], consent: 'yes', consentMethod: 'verbal' },
      EAST,
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('There is no data-sharing agreement with this service');
    const audit = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx.selectFrom('audit_events').select(['action', 'reason']).where('action', '=', 'onward-referral.refused').execute(),
    );
    expect(audit).toEqual([{ action: 'onward-referral.refused', reason: 'no data-sharing agreement in force (none)' }]);
    // A lapsed one is refused too, with its own message.
    await agreement({ startsOn: '2025-01-01', endsOn: '2026-01-31' });
    const lapsed = await form(caseId, { need: 'Rent arrears', share: ['name'], consent: 'yes', consentMethod: 'verbal' }, EAST);
    expect(lapsed.statusCode).toBe(403);
    expect(lapsed.body).toContain('has ended');
  });

  test('bad input is shown in the error summary', async () => {
    const bad = await form(caseId, { need: '', share: 'name' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Enter what help the person wants');
    expect(bad.body).toContain('Confirm the person agrees to this referral');
  });

  test('with an agreement, it is sent with only what the person agreed; the provider accepts from the emailed link, once', async () => {
    // Date of birth is not covered by the agreement: refused, naming the category problem.
    const tooMuch = await form(caseId, { need: 'Rent arrears', share: ['name', 'date-of-birth'], consent: 'yes', consentMethod: 'verbal' });
    expect(tooMuch.statusCode).toBe(403);
    expect(tooMuch.body).toContain('does not cover some of what you ticked');

    const sent = await form(caseId, { need: 'Rent arrears and a county court letter', share: ['name'], consent: 'yes', consentMethod: 'written' });
    expect(sent.statusCode, sent.body.slice(0, 400)).toBe(303);
    expect((await specialist.get(sent.headers.location as string)).body).toContain('Referral sent to City Money Advice Centre');

    const [mail] = await providerMail('onward-new');
    expect(mail?.subject).toBe('New referral to City Money Advice Centre');
    const token = linkIn(mail?.body ?? '');
    const page = await t.app.inject({ method: 'GET', url: `/onward-referrals/respond?link=${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Rent arrears and a county court letter');
    expect(page.body).toMatch(/Onward \w+/); // the person's name, as agreed
    expect(page.body).not.toMatch(/@example\.(com|org)/); // contact details were not agreed

    const provider = browser(t.app);
    const accepted = await provider.post(`/onward-referrals/respond?link=${token}`, {
      _csrf: await provider.csrf(`/onward-referrals/respond?link=${token}`),
      action: 'accept',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.body).toContain('the referral is accepted');
    // Single use: the same link again says so.
    const again = await provider.get(`/onward-referrals/respond?link=${token}`);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('This link has already been used');

    // The outcome comes through a new link.
    const [outcomeMail] = await providerMail('onward-outcome');
    const outcomeToken = linkIn(outcomeMail?.body ?? '');
    const recorded = await provider.post(`/onward-referrals/respond?link=${outcomeToken}`, {
      _csrf: await provider.csrf(`/onward-referrals/respond?link=${outcomeToken}`),
      action: 'outcome',
      outcome: 'Debt relief order application made',
    });
    expect(recorded.body).toContain('the outcome is recorded');

    const casePage = await specialist.get(`/cases/${caseId}`);
    expect(casePage.body).toContain('Referred on to City Money Advice Centre');
    expect(casePage.body).toContain('City Money Advice Centre accepted the referral');
    expect(casePage.body).toContain('City Money Advice Centre recorded the outcome');
    const list = await specialist.get(`/cases/${caseId}/onward`);
    expect(list.body).toContain('Finished');
    expect(list.body).toContain('Debt relief order application made');
  });

  test('a link expires after 14 days, unused', async () => {
    const sent = await form(caseId, { need: 'Budgeting help', share: ['name'], consent: 'yes', consentMethod: 'verbal' });
    expect(sent.statusCode).toBe(303);
    const mails = await providerMail('onward-new');
    const token = linkIn(mails[0]?.body ?? '');
    t.clock.advance(14 * 86_400_000);
    const page = await t.app.inject({ method: 'GET', url: `/onward-referrals/respond?link=${token}` });
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('This link has expired');
    // A tampered token is not found at all.
    expect((await t.app.inject({ method: 'GET', url: `/onward-referrals/respond?link=${token.slice(0, -2)}xx` })).statusCode).toBe(404);
  });

  test('the reminder job sends the provider a fresh link when it has not answered within the service level', async () => {
    // Ours, still unanswered; and the demo's accepted referral in Leicester, its outcome still awaited.
    expect(await t.services.onward.remind()).toBe(2);
    const [reminder] = await providerMail('onward-reminder');
    expect(reminder?.subject).toBe('Reminder: a referral to City Money Advice Centre is waiting for you');
    const fresh = await t.app.inject({ method: 'GET', url: `/onward-referrals/respond?link=${linkIn(reminder?.body ?? '')}` });
    expect(fresh.statusCode).toBe(200);
    expect(await t.services.onward.remind()).toBe(0);
    // (The specialist's session has run out over the fortnight: read the timeline through the service.)
    const view = await t.services.cases.view(await staffPrincipal(t, 'leicester', LEICESTER_SPECIALIST), caseId);
    expect(view.events.filter((e) => e.kind === 'onward-referral').map((e) => e.to)).toContain('reminded');
  });

  test('the person sees their onward referrals', async () => {
    const view = await t.services.cases.view(await staffPrincipal(t, 'leicester', LEICESTER_SPECIALIST), caseId);
    const mine = await t.services.onward.mine({ tenantId: t.tenants.leicester, participantId: view.participant.id });
    expect(mine.map((o) => o.status).sort()).toEqual(['completed', 'sent']);
    // Their own page lists them, in their council's colours like their other own pages.
    const own = await (await participantSignedIn(t, 'leicester', view.participant.email ?? '')).get('/my-support/referrals');
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('City Money Advice Centre');
    expect(own.body).toContain('A service run by Leicester City Council');
  });
});
