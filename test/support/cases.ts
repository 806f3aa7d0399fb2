import { makeReferral, staffPrincipal } from './referrals.ts';
import type { TestApp } from './test-app.ts';

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
