import { listOutbox } from '../../src/platform/notify/index.ts';
import { makeReferral, staffPrincipal } from './referrals.ts';
import { type Browser, browser, type TestApp } from './test-app.ts';

export const LEICESTER_SPECIALIST = 'specialist@leicester.bridgework.example';
export const LEICESTER_TEAM_LEAD = 'team-lead@leicester.bridgework.example';

/**
 * An accepted referral's open case in Leicester, assigned to the demo specialist. The referral says
 * the person has a health condition, so the regime is voluntary-health.
 */
export async function openCase(t: TestApp, overrides: Parameters<typeof makeReferral>[2] = {}) {
  const referral = await makeReferral(t, 'leicester', { identifier: crypto.randomUUID(), nhsNumber: '', ...overrides });
  const specialist = await staffPrincipal(t, 'leicester', LEICESTER_SPECIALIST);
  const accepted = await t.services.referrals.accept(specialist, referral.id, {});
  if (!accepted.caseId) throw new Error('no case opened');
  return { caseId: accepted.caseId, referralId: referral.id, specialist };
}

/** The person with this email signed in to their own pages, through the newest link emailed to them. */
export async function participantSignedIn(t: TestApp, tenant: 'leicester' | 'cardiff', email: string): Promise<Browser> {
  const b = browser(t.app);
  const asked = await b.post('/my-support', { _csrf: await b.csrf('/my-support'), email });
  if (asked.statusCode !== 303) throw new Error(`asking for a sign-in link gave ${asked.statusCode}`);
  const newest = (await listOutbox(t.testDb.db, t.tenants[tenant])).find((m) => m.template === 'participant-sign-in' && m.recipient === email);
  const link = /\/my-support\/sign-in\/(\S+)/.exec(newest?.body ?? '')?.[1] ?? '';
  const signed = await b.post(`/my-support/sign-in/${link}`, { _csrf: await b.csrf(`/my-support/sign-in/${link}`) });
  if (signed.statusCode !== 303) throw new Error(`signing in with the emailed link gave ${signed.statusCode}`);
  return b;
}
