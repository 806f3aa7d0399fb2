import { findUserByEmail, type UserPrincipal, userPrincipal } from '../../src/platform/auth/index.ts';
import type { TestApp } from './test-app.ts';

/** An email address nobody else in the test has. */
export const uniqueEmail = (label: string) => `${label}.${crypto.randomUUID().slice(0, 8)}@example.com`;

/**
 * New people, one a call: referrals match people by name, date of birth and postcode, so each gets
 * an email of its own and a date of birth a day after the last, starting from `firstBorn`.
 */
export function newPeople(firstBorn: string): (label: string) => { email: string; dateOfBirth: string } {
  let born = 0;
  return (label) => ({
    email: uniqueEmail(label),
    dateOfBirth: new Date(Date.parse(`${firstBorn}T00:00:00Z`) + born++ * 86_400_000).toISOString().slice(0, 10),
  });
}

/** A complete referral in the shape the service takes: each test changes what it is about. */
export function referralInput(
  overrides: { identifier?: string; nhsNumber?: string; givenName?: string; postcode?: string; email?: string; dateOfBirth?: string; neet?: boolean } = {},
) {
  return {
    identifier: { system: 'urn:test:referral', value: overrides.identifier ?? crypto.randomUUID() },
    person: {
      givenName: overrides.givenName ?? 'Alex',
      familyName: 'Morgan',
      dateOfBirth: overrides.dateOfBirth ?? '1988-04-12',
      nhsNumber: overrides.nhsNumber ?? '9434765919',
      addressLine1: '1 High Street',
      postcode: overrides.postcode ?? 'LE1 6ZG',
      email: overrides.email ?? 'alex.morgan@example.com',
      preferredLanguage: 'en',
      contactMethod: 'email',
      doNotContact: ['post'],
    },
    context: {
      referringService: 'gp',
      conditionsText: 'Back pain and low mood',
      conditionCategories: ['musculoskeletal', 'mental-health'],
      fitNote: 'may-be-fit',
      fitNoteAdvice: 'Phased return',
      benefits: ['uc-lcw'],
      helpWanted: 'A job with flexible hours',
      urgency: 'routine',
      notInEducationEmploymentOrTraining: overrides.neet ?? false,
    },
    consent: {
      scopes: ['share-with-employment-team', 'share-with-health-team'],
      method: 'verbal',
      givenOn: '2026-11-20',
      recordedBy: 'Dr Priya Shah',
      active: true,
    },
  };
}

/** A referral made by the public in a tenant; returns its id. */
export async function makeReferral(t: TestApp, tenant: 'leicester' | 'cardiff', overrides: Parameters<typeof referralInput>[0] = {}) {
  const input = referralInput({ postcode: tenant === 'cardiff' ? 'CF10 1AA' : 'LE1 6ZG', ...overrides });
  const { referral } = await t.services.referrals.create({ kind: 'public', tenantId: t.tenants[tenant] }, 'self', input);
  return referral;
}

/** A signed-in member of staff, as the service sees them, without going through the pages. */
export async function staffPrincipal(t: TestApp, tenant: 'leicester' | 'cardiff', email: string): Promise<UserPrincipal> {
  const user = await t.testDb.db.inTenant(t.tenants[tenant], (tx) => findUserByEmail(tx, email));
  if (!user) throw new Error(`no user ${email}`);
  return userPrincipal(user, t.tenants[tenant]);
}
