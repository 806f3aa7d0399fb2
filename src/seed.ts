import { readFile } from 'node:fs/promises';
import { createGuaranteeService, saveCouncilTaxSupportScheme } from './domains/benefits/index.ts';
import { seedDemoDirectory, stableId } from './domains/directory/index.ts';
import { type DemoEmployer, ensureReferenceData, seedDemoEmployer } from './domains/employers/index.ts';
import { insertOrganisation, type OrganisationKind } from './domains/organisations/index.ts';
import { INACTIVITY_FIXTURE, importInactivity } from './domains/outcomes/index.ts';
import { createCaseService } from './domains/participants/index.ts';
import { seedDemoPartnerships } from './domains/partnerships/index.ts';
import { createReferralService, type Programme, type ReferringService, referralTables } from './domains/referrals/index.ts';
import { recordAudit } from './platform/audit/index.ts';
import { findUserByEmail, hashPassword, insertUser, type UserPrincipal, userPrincipal } from './platform/auth/index.ts';
import type { Clock } from './platform/clock/index.ts';
import { type Database, type Nation, newId, type Role } from './platform/db/index.ts';

/** The demo password for every seeded account. Demo data only: `seed` refuses to run in production. */
export const DEMO_PASSWORD = 'bridgework-demo-2026';

type DemoTenant = {
  gssCode: string;
  name: string;
  nameCy: string;
  nation: Nation;
  slug: string;
  language: 'en' | 'cy';
  /** An English council's own banded Council Tax Support scheme; a Welsh one uses the national scheme. */
  councilTaxSupport?: { name: string; url: string; bands: { upTo: number; discount: number }[] };
  organisations: { key: string; kind: OrganisationKind; name: string; email?: string }[];
  staff: { role: Role; name: string; organisation: string; login?: string }[];
  /** Employers, by the key of their organisation (kind employer), with a few open vacancies. */
  employers?: Record<string, DemoEmployer>;
  teams: {
    name: string;
    organisation: string;
    services: ReferringService[];
    districts: string[];
    programmes: Programme[];
    specialists: number;
    members: string[];
  }[];
};

const HEALTH_AND_SELF: ReferringService[] = ['gp', 'mental-health', 'addiction', 'rehabilitation', 'talking-therapies', 'other', 'self', 'jobcentre'];

const TENANTS: DemoTenant[] = [
  {
    gssCode: 'E06000016',
    name: 'Leicester City Council',
    nameCy: 'Cyngor Dinas Caerlŷr',
    nation: 'england',
    slug: 'leicester',
    language: 'en',
    // Illustrative bands for the demo, not Leicester's real scheme: the name says so on every page and PDF.
    councilTaxSupport: {
      name: 'Leicester Council Tax Support (illustrative bands for the demo)',
      url: 'https://www.leicester.gov.uk/',
      bands: [
        { upTo: 400, discount: 80 },
        { upTo: 700, discount: 60 },
        { upTo: 1000, discount: 40 },
        { upTo: 1300, discount: 20 },
      ],
    },
    organisations: [
      { key: 'gp', kind: 'health-service', name: 'Leicester Central Primary Care Network', email: 'referrals@leicester-pcn.bridgework.example' },
      { key: 'mh', kind: 'health-service', name: 'Leicester Community Mental Health Team' },
      { key: 'ips', kind: 'employment-provider', name: 'Leicester IPS Employment Service' },
      { key: 'jcp', kind: 'jobcentre', name: 'Leicester Jobcentre' },
      { key: 'council', kind: 'council', name: 'Leicester City Council Employment and Skills' },
      { key: 'uhl', kind: 'employer', name: 'University Hospitals of Leicester NHS Trust' },
    ],
    staff: [
      { role: 'referrer', name: 'Dr Priya Shah', organisation: 'gp' },
      { role: 'referrer', name: 'Joanne Clarke', organisation: 'jcp', login: 'jobcentre-referrer' },
      { role: 'specialist', name: 'Sam Okafor', organisation: 'ips' },
      { role: 'team-lead', name: 'Helen Brooks', organisation: 'ips' },
      { role: 'tenant-admin', name: 'Mark Patel', organisation: 'council' },
      { role: 'national-analyst', name: 'Grace Liu', organisation: 'council' },
      { role: 'ig-lead', name: 'Ruth Adeyemi', organisation: 'council' },
      { role: 'commissioner', name: 'Nadia Hussain', organisation: 'council' },
      { role: 'employer', name: 'Nadia Khan', organisation: 'uhl' },
    ],
    employers: {
      uhl: {
        sector: 'Health',
        sizeBand: 'large',
        nhsBody: true,
        disabilityConfident: 'leader',
        ods: 'RWE',
        vacancies: [
          {
            title: 'Ward housekeeper',
            description: 'Keeping ward kitchens and patient areas clean and stocked, as part of the ward team.',
            soc: '9229',
            hours_min: 16,
            hours_max: 22.5,
            days: ['mon', 'tue', 'wed', 'thu', 'fri'],
            shifts: ['day'],
            pattern_note: 'Mornings, 7:30 to 12:00',
            workplace: 'on-site',
            flexible_options: ['part-time', 'phased-start', 'job-share'],
            adjustments_offered: ['quiet-space', 'flexible-breaks', 'written-instructions'],
            pay_hourly: 12.72,
            contract_type: 'permanent',
            postcode: 'LE1 5WW',
            closing_date: '2027-03-31',
            status: 'open',
          },
          {
            title: 'Medical records clerk',
            description: 'Preparing and filing patient records for outpatient clinics.',
            soc: '4131',
            hours_min: 20,
            hours_max: 37.5,
            days: ['mon', 'tue', 'wed', 'thu', 'fri'],
            shifts: ['day'],
            pattern_note: '',
            workplace: 'hybrid',
            flexible_options: ['flexi-time', 'home-working-bad-days', 'compressed-hours'],
            adjustments_offered: ['assistive-technology', 'quiet-space'],
            pay_hourly: 12.95,
            contract_type: 'permanent',
            postcode: 'LE5 4PW',
            closing_date: '2027-02-28',
            status: 'open',
          },
        ],
      },
    },
    teams: [
      {
        name: 'Leicester IPS team',
        organisation: 'ips',
        services: HEALTH_AND_SELF,
        districts: ['LE1', 'LE2', 'LE3', 'LE4', 'LE5'],
        programmes: ['ips', 'youth', 'retention'],
        specialists: 2,
        members: ['Sam Okafor', 'Helen Brooks'],
      },
      {
        name: 'Leicester Recovery into Work team',
        organisation: 'ips',
        services: ['addiction', 'rehabilitation'],
        districts: [],
        programmes: ['ips'],
        specialists: 1,
        members: ['Helen Brooks'],
      },
    ],
  },
  {
    gssCode: 'W06000015',
    name: 'Cardiff Council',
    nameCy: 'Cyngor Caerdydd',
    nation: 'wales',
    slug: 'cardiff',
    language: 'cy',
    organisations: [
      { key: 'gp', kind: 'health-service', name: 'Cardiff South West Primary Care Cluster', email: 'atgyfeiriadau@cardiff-cluster.bridgework.example' },
      { key: 'ips', kind: 'employment-provider', name: 'Cardiff IPS Employment Service' },
      { key: 'jcp', kind: 'jobcentre', name: 'Cardiff Jobcentre' },
      { key: 'council', kind: 'council', name: 'Cardiff Council Into Work Services' },
      { key: 'cav', kind: 'employer', name: 'Cardiff and Vale University Health Board' },
    ],
    staff: [
      { role: 'referrer', name: 'Dr Rhys Evans', organisation: 'gp' },
      { role: 'specialist', name: 'Catrin Jones', organisation: 'ips' },
      { role: 'team-lead', name: 'Owain Davies', organisation: 'ips' },
      { role: 'tenant-admin', name: 'Sian Williams', organisation: 'council' },
      { role: 'national-analyst', name: 'Dafydd Morgan', organisation: 'council' },
      { role: 'ig-lead', name: 'Eleri Thomas', organisation: 'council' },
      { role: 'commissioner', name: 'Gareth Price', organisation: 'council' },
      { role: 'employer', name: 'Bethan Hughes', organisation: 'cav' },
    ],
    employers: {
      cav: {
        sector: 'Health',
        sizeBand: 'large',
        nhsBody: true,
        disabilityConfident: 'leader',
        ods: '7A4',
        vacancies: [
          {
            title: 'Porter',
            description: 'Moving patients, equipment and supplies around the hospital.',
            soc: '9219',
            hours_min: 15,
            hours_max: 30,
            days: ['mon', 'tue', 'wed', 'thu', 'fri'],
            shifts: ['day'],
            pattern_note: '',
            workplace: 'on-site',
            flexible_options: ['part-time', 'phased-start'],
            adjustments_offered: ['flexible-breaks'],
            pay_hourly: 12.6,
            contract_type: 'permanent',
            postcode: 'CF14 4XW',
            closing_date: '2027-03-31',
            status: 'open',
          },
        ],
      },
    },
    teams: [
      {
        name: 'Cardiff IPS team',
        organisation: 'ips',
        services: HEALTH_AND_SELF,
        districts: ['CF3', 'CF5', 'CF10', 'CF11', 'CF14', 'CF24'],
        programmes: ['ips', 'youth'],
        specialists: 2,
        members: ['Catrin Jones', 'Owain Davies'],
      },
    ],
  },
];

export type DemoSignIn = { localAuthority: string; role: Role; email: string; password: string };

export async function isEmpty(db: Database): Promise<boolean> {
  const row = await db.global((tx) => tx.selectFrom('tenants').select('id').limit(1).executeTakeFirst());
  return row === undefined;
}

/**
 * Two demo local authorities (Leicester, Cardiff), their organisations and one staff account per
 * role. Tenants are reference data, written by the owner; everything else is written as the app
 * role inside each tenant, as the service itself would.
 */
export async function seedDemo(db: Database, clock: Clock): Promise<DemoSignIn[]> {
  if (!(await isEmpty(db))) throw new Error('The database already has data; seed runs only on an empty database.');
  await ensureReferenceData(db.owner);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const signIns: DemoSignIn[] = [];
  for (const t of TENANTS) {
    const tenantId = newId(clock.now());
    await db.owner.insertInto('tenants').values({ id: tenantId, gss_code: t.gssCode, name: t.name, name_cy: t.nameCy, nation: t.nation }).execute();
    await db.inTenant(tenantId, async (tx) => {
      await tx.insertInto('tenant_settings').values({ tenant_id: tenantId, require_mfa: false }).execute();
      if (t.councilTaxSupport) await saveCouncilTaxSupportScheme(tx, tenantId, t.councilTaxSupport, clock.now());
      const orgIds = new Map<string, string>();
      for (const o of t.organisations) {
        const id = newId(clock.now());
        await insertOrganisation(tx, { tenantId, id, kind: o.kind, name: o.name, email: o.email ?? null, createdAt: clock.now() });
        orgIds.set(o.key, id);
      }
      const userIds = new Map<string, string>();
      for (const s of t.staff) {
        const email = `${s.login ?? s.role}@${t.slug}.bridgework.example`;
        const id = newId(clock.now());
        userIds.set(s.name, id);
        await insertUser(tx, {
          tenantId,
          id,
          organisationId: orgIds.get(s.organisation) ?? '',
          email,
          displayName: s.name,
          passwordHash,
          roles: [s.role],
          language: t.language,
        });
        signIns.push({ localAuthority: `${t.name} (${t.gssCode})`, role: s.role, email, password: DEMO_PASSWORD });
      }
      for (const [key, employer] of Object.entries(t.employers ?? {})) {
        const organisation = t.organisations.find((o) => o.key === key);
        await seedDemoEmployer(tx, tenantId, orgIds.get(key) ?? '', organisation?.name ?? key, employer, clock.now());
      }
      for (const team of t.teams) {
        const id = newId(clock.now());
        await referralTables(tx)
          .insertInto('teams')
          .values({
            tenant_id: tenantId,
            id,
            organisation_id: orgIds.get(team.organisation) ?? '',
            name: team.name,
            services: team.services,
            postcode_districts: team.districts,
            programmes: team.programmes,
            specialists: team.specialists,
            caseload_limit: 20,
            accepting: true,
            created_at: clock.now(),
            updated_at: clock.now(),
          })
          .execute();
        await referralTables(tx)
          .insertInto('team_members')
          .values(team.members.map((m) => ({ tenant_id: tenantId, team_id: id, user_id: userIds.get(m) ?? '' })))
          .execute();
      }
      await recordAudit(tx, tenantId, clock, {
        actor: { kind: 'system', id: 'seed' },
        action: 'tenant.seed',
        recordType: 'tenant',
        recordId: tenantId,
        reason: 'demo data created',
        details: { organisations: t.organisations.length, staff: t.staff.length, teams: t.teams.length },
      });
    });
  }
  await seedDemoReferrals(db, clock);
  const tenants = await db.global((tx) => tx.selectFrom('tenants').select(['id', 'gss_code', 'name']).execute());
  await seedDemoDirectory(
    db,
    clock,
    tenants.map((t) => ({ id: t.id, gssCode: t.gss_code, name: t.name })),
  );
  await seedDemoPartnerships(
    db,
    clock,
    tenants.map((t) => ({
      id: t.id,
      gssCode: t.gss_code,
      name: t.name,
      welsh: t.gss_code.startsWith('W'),
      moneyOrganisationId: stableId(`${t.gss_code}:org:money`),
    })),
  );
  // The inactivity fixture: the national figures the policy cites and the demo areas (illustrative).
  await importInactivity(db, clock, await readFile(INACTIVITY_FIXTURE, 'utf8'));
  return signIns;
}

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
async function seedDemoReferrals(db: Database, clock: Clock): Promise<void> {
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

/**
 * The demo sign-ins in a seeded database, read back (every demo account's address ends in
 * `.bridgework.example` and has the demo password), so they can be printed again at any time.
 */
export async function listDemoSignIns(db: Database): Promise<DemoSignIn[]> {
  const tenants = await db.global((tx) => tx.selectFrom('tenants').select(['id', 'name', 'gss_code']).orderBy('created_at').orderBy('id').execute());
  const signIns: DemoSignIn[] = [];
  for (const t of tenants) {
    const users = await db.inTenant(t.id, (tx) =>
      tx.selectFrom('users').select(['email', 'roles']).where('email', 'like', '%.bridgework.example').where('disabled_at', 'is', null).orderBy('id').execute(),
    );
    for (const u of users) {
      for (const role of u.roles) signIns.push({ localAuthority: `${t.name} (${t.gss_code})`, role, email: u.email, password: DEMO_PASSWORD });
    }
  }
  return signIns;
}

export function formatSignIns(signIns: readonly DemoSignIn[]): string {
  const lines = signIns.map((s) => `  ${s.localAuthority.padEnd(36)} ${s.role.padEnd(17)} ${s.email}`);
  return [`Demo sign-ins (every password is ${DEMO_PASSWORD}):`, ...lines].join('\n');
}
