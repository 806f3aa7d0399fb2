import { createGuaranteeService } from './domains/benefits/index.ts';
import { createCaseService } from './domains/participants/index.ts';
import { createReferralService } from './domains/referrals/index.ts';
import { findUserByEmail, type UserPrincipal, userPrincipal } from './platform/auth/index.ts';
import type { Clock } from './platform/clock/index.ts';
import type { Database } from './platform/db/index.ts';

const raise = (message: string): never => {
  throw new Error(message);
};

/** A person as a demo referral gives them: contact by email, English unless said. */
const demoPerson = (p: { givenName: string; familyName: string; dateOfBirth: string; nhsNumber?: string; postcode: string; language?: 'en' | 'cy' }) => ({
  ...p,
  addressLine1: '1 Demo Street',
  email: `${p.givenName.toLowerCase()}.${p.familyName.toLowerCase()}@example.com`,
  preferredLanguage: p.language ?? 'en',
  contactMethod: 'email',
  doNotContact: [],
});

/**
 * A few referrals, made through the referral service as real referrers and the public would, so a
 * demo's inboxes, lists and outbox are not empty: two from a GP (one urgent), a young person's
 * self-referral, one the team has accepted and contacted, and a Welsh self-referral in Cardiff.
 */
export async function seedDemoReferrals(db: Database, clock: Clock): Promise<void> {
  const referrals = createReferralService({ db, clock, baseUrl: 'http://localhost:3000' });
  const tenants = await db.global((tx) => tx.selectFrom('tenants').select(['id', 'gss_code']).execute());
  const tenantOf = (gss: string) => tenants.find((t) => t.gss_code === gss)?.id ?? '';
  const leicester = tenantOf('E06000016');
  const cardiff = tenantOf('W06000015');
  const staff = async (tenantId: string, email: string): Promise<UserPrincipal> =>
    userPrincipal((await db.inTenant(tenantId, (tx) => findUserByEmail(tx, email))) ?? raise(`no demo user ${email}`), tenantId);
  const gp = await staff(leicester, 'referrer@leicester.bridgework.example');
  const specialist = await staff(leicester, 'specialist@leicester.bridgework.example');
  const consent = (recordedBy: string) => ({
    scopes: ['share-with-employment-team', 'share-with-health-team'],
    method: 'verbal',
    givenOn: '2026-11-20',
    recordedBy,
    active: true,
  });
  const context = (c: {
    conditionsText: string;
    categories: string[];
    fitNote: string;
    benefits: string[];
    helpWanted: string;
    urgency?: string;
    neet?: boolean;
  }) => ({
    referringService: 'gp',
    conditionsText: c.conditionsText,
    conditionCategories: c.categories,
    fitNote: c.fitNote,
    benefits: c.benefits,
    helpWanted: c.helpWanted,
    urgency: c.urgency ?? 'routine',
    notInEducationEmploymentOrTraining: c.neet ?? false,
  });
  const id = (n: number) => ({ system: 'urn:bridgework:demo', value: `demo-${n}` });
  await referrals.create(gp, 'clinician', {
    identifier: id(1),
    person: demoPerson({ givenName: 'Amira', familyName: 'Hussain', dateOfBirth: '1992-03-14', nhsNumber: '1234567822', postcode: 'LE2 1TE' }),
    context: context({
      conditionsText: 'Anxiety and low mood',
      categories: ['mental-health'],
      fitNote: 'may-be-fit',
      benefits: ['uc-lcw'],
      helpWanted: 'Part-time office work close to home',
    }),
    consent: consent(gp.displayName),
  });
  await referrals.create(gp, 'clinician', {
    identifier: id(2),
    person: demoPerson({ givenName: 'Tom', familyName: 'Wilkinson', dateOfBirth: '1974-09-02', nhsNumber: '1234567830', postcode: 'LE3 5DR' }),
    context: context({
      conditionsText: 'Long-term back pain after an injury at work',
      categories: ['musculoskeletal'],
      fitNote: 'not-fit',
      benefits: ['esa'],
      helpWanted: 'Keep his job as a driver, or find lighter work',
      urgency: 'urgent',
    }),
    consent: consent(gp.displayName),
  });
  await referrals.create({ kind: 'public', tenantId: leicester }, 'self', {
    identifier: id(3),
    person: demoPerson({ givenName: 'Lily', familyName: 'Evans', dateOfBirth: '2006-05-21', postcode: 'LE1 7RH' }),
    context: {
      ...context({ conditionsText: 'Depression', categories: ['mental-health'], fitNote: 'none', benefits: ['uc'], helpWanted: 'My first job', neet: true }),
      referringService: 'self',
    },
    consent: { ...consent('The person, online'), method: 'online', scopes: ['share-with-employment-team'] },
  });
  const { referral } = await referrals.create(gp, 'clinician', {
    identifier: id(4),
    person: demoPerson({ givenName: 'Daniel', familyName: 'Okoro', dateOfBirth: '1985-11-30', nhsNumber: '1234567849', postcode: 'LE4 6AB' }),
    context: context({
      conditionsText: 'Recovering from a stroke',
      categories: ['neurological'],
      fitNote: 'may-be-fit',
      benefits: ['uc-lcwra', 'pip'],
      helpWanted: 'Return to work as a chef, with adjustments',
    }),
    consent: consent(gp.displayName),
  });
  await referrals.accept(specialist, referral.id, {});
  await referrals.recordContactAttempt(specialist, referral.id, { outcome: 'contacted', note: 'Talked through what work he wants' });
  const work = await seedDemoCaseWork(db, clock, referrals, { specialist, gp, referralId: referral.id });
  // A person in work whose bridge-back guarantee ends in about three weeks: the guarantees page and its reminder have something to show.
  const inWork = await referrals.create(gp, 'clinician', {
    identifier: id(7),
    person: demoPerson({ givenName: 'Marcus', familyName: 'Reid', dateOfBirth: '1979-02-11', nhsNumber: '1234567865', postcode: 'LE5 3PH' }),
    context: context({
      conditionsText: 'Depression, managed with medication',
      categories: ['mental-health'],
      fitNote: 'may-be-fit',
      benefits: ['uc-lcw'],
      helpWanted: 'Steady daytime work',
    }),
    consent: consent(gp.displayName),
  });
  const marcus = (await referrals.accept(specialist, inWork.referral.id, {})).caseId ?? raise('the demo referral opened no case');
  // A person in work has been in touch: contacted on referral and supported in work since.
  await referrals.recordContactAttempt(specialist, inWork.referral.id, { outcome: 'contacted', note: 'Talked about steady daytime work' });
  const isoDay = (d: Date) => d.toISOString().slice(0, 10);
  const started = new Date(clock.now());
  started.setUTCMonth(started.getUTCMonth() - 6, started.getUTCDate() + 20);
  await work.guarantees.recordAward(specialist, marcus, { benefit: 'uc-lcw', decisionDate: '2024-03-18', evidence: ['uc-journal'] });
  await work.cases.startJob(specialist, marcus, {
    employer: 'Leicester Distribution Ltd',
    role: 'Warehouse operative',
    hoursPerWeek: 20,
    hourlyPay: 12.6,
    contractType: 'permanent',
    startDate: isoDay(started),
  });
  await work.cases.addNote(specialist, marcus, { kind: 'in-work-support', body: 'Weekly call: settling in well; asked about more hours after Christmas.' });
  // A Jobcentre referral of a short-term unemployed person with no health condition: the one conditional regime.
  const jobcentre = await staff(leicester, 'jobcentre-referrer@leicester.bridgework.example');
  const conditional = await referrals.create(jobcentre, 'jobcentre', {
    identifier: id(6),
    person: demoPerson({ givenName: 'Kevin', familyName: 'Marsh', dateOfBirth: '1990-07-17', nhsNumber: '1234567857', postcode: 'LE2 0QT' }),
    context: {
      ...context({ conditionsText: '', categories: [], fitNote: 'none', benefits: ['uc'], helpWanted: 'Warehouse or delivery work' }),
      referringService: 'jobcentre',
    },
    consent: { ...consent(jobcentre.displayName), scopes: ['share-with-employment-team', 'share-with-jobcentre'] },
    jobcentre: { shortTermUnemployed: true, conditionalityRequested: true },
  });
  await referrals.accept(specialist, conditional.referral.id, {});
  await referrals.create({ kind: 'public', tenantId: cardiff }, 'self', {
    identifier: id(5),
    person: demoPerson({ givenName: 'Gwen', familyName: 'Pritchard', dateOfBirth: '2003-01-09', postcode: 'CF11 9LJ', language: 'cy' }),
    context: {
      ...context({
        conditionsText: 'Gorbryder',
        categories: ['mental-health'],
        fitNote: 'none',
        benefits: ['none'],
        helpWanted: 'Swydd ran-amser',
        neet: true,
      }),
      referringService: 'self',
    },
    consent: { ...consent('Y person, ar-lein'), method: 'online', scopes: ['share-with-employment-team'] },
  });
}

/**
 * Case work on the accepted demo referral, through the case service: a profile, a plan, a past
 * appointment attended and the next one booked, a note, and the GP named in the health team.
 */
async function seedDemoCaseWork(
  db: Database,
  clock: Clock,
  referrals: ReturnType<typeof createReferralService>,
  demo: { specialist: UserPrincipal; gp: UserPrincipal; referralId: string },
) {
  // A job start for someone with a health-related benefit makes their bridge-back guarantee, as in the running service.
  // The seed never checks a code, so the guarantee service's throttle secret is not used here.
  const guarantees = createGuaranteeService({ db, clock, baseUrl: 'http://localhost:3000', secret: 'seed-checks-no-codes', cases: () => cases });
  const cases = createCaseService({ db, clock, baseUrl: 'http://localhost:3000', referrals, jobEvents: guarantees.jobEvents });
  const { specialist, gp } = demo;
  const caseId = (await referrals.view(specialist, demo.referralId)).referral.caseId ?? raise('the demo referral opened no case');
  const day = (offset: number) => new Date(clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  await cases.updateProfile(specialist, caseId, {
    workHistory: 'Twelve years as a chef, the last five as head chef in a hotel kitchen.',
    skills: 'Menu planning, managing a small team, food safety (level 3).',
    qualifications: 'NVQ level 3 in professional cookery.',
    interests: 'Cooking for events; teaching.',
    wants: 'Daytime hours, a kitchen where he can sit for some tasks.',
    doesNotWant: 'Late evening shifts or split shifts.',
    helps: 'Written lists for each shift; a quiet start to the day.',
    getsInTheWay: 'Tiring quickly in the afternoon; travel on two buses.',
    healthInOwnWords: 'My left hand is weaker since the stroke and I get tired after lunch.',
  });
  const goal = await cases.addPlanItem(specialist, caseId, { kind: 'goal', text: 'Back in a kitchen, daytime hours', owner: 'participant' });
  await cases.addPlanItem(specialist, caseId, { kind: 'action', goalId: goal, text: 'Update CV with the hotel work', owner: 'participant', dueOn: day(7) });
  await cases.addPlanItem(specialist, caseId, {
    kind: 'action',
    goalId: goal,
    text: 'Ask two local caterers about daytime roles',
    owner: 'specialist',
    dueOn: day(10),
  });
  // Booked a week ago for yesterday (an appointment is never booked in the past), then attended.
  const weekAgo: Clock = { now: () => new Date(clock.now().getTime() - 7 * 86_400_000) };
  const casesWeekAgo = createCaseService({ db, clock: weekAgo, baseUrl: 'http://localhost:3000', referrals, jobEvents: guarantees.jobEvents });
  const first = await casesWeekAgo.bookAppointment(specialist, caseId, { date: day(-1), time: '10:00', mode: 'in-person', place: 'Westcotes GP surgery' });
  await cases.recordOutcome(specialist, caseId, first, { outcome: 'attended', note: 'Went through his work history and what he wants next.' });
  await cases.bookAppointment(specialist, caseId, { date: day(6), time: '14:30', mode: 'phone' });
  await cases.addNote(specialist, caseId, { kind: 'benefits-advice', body: 'Explained that his LCWRA element carries on in work under Universal Credit.' });
  await cases.addHealthTeamMember(specialist, caseId, { userId: gp.userId });
  // The benefit he had before work, as evidenced: a job start will give him a bridge-back guarantee.
  await guarantees.recordAward(specialist, caseId, {
    benefit: 'uc-lcwra',
    decisionDate: day(-420),
    evidence: ['award-letter', 'uc-journal'],
    evidenceNote: 'Award letter seen at the first appointment',
  });
  return { cases, guarantees };
}
