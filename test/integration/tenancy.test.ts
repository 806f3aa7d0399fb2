import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateSigningKey, sealAuditChains, writeCheckpoints } from '../../src/platform/audit/index.ts';
import { APP_ROLE } from '../../src/platform/db/index.ts';
import { queueNotification } from '../../src/platform/notify/index.ts';
import { makeReferral, referralInput, staffPrincipal } from '../support/referrals.ts';
import { bearerToken, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

let t: TestApp;
let tenantTables: string[];

beforeAll(async () => {
  t = await createTestApp();
  // Put rows in every tenant table of both tenants: sessions, clients, tokens, audit, idempotency, outbox.
  for (const [gss, slug] of [
    ['E06000016', 'leicester'],
    ['W06000015', 'cardiff'],
  ] as const) {
    await browser(t.app).signIn(`tenant-admin@${slug}.bridgework.example`);
    // A referral, accepted (person, participant, case, events) and a started web draft.
    const referral = await makeReferral(t, slug);
    const specialist = browser(t.app);
    await specialist.signIn(`specialist@${slug}.bridgework.example`);
    const csrf = await specialist.csrf(`/referrals/${referral.id}`);
    const accepted = await specialist.post(`/referrals/${referral.id}/accept`, { _csrf: csrf });
    if (accepted.statusCode !== 303) throw new Error(`accept failed: ${accepted.statusCode}`);
    await t.services.drafts.start(t.tenants[slug], 'self', null);
    const token = await bearerToken(t, gss, 'organisations:read organisations:write');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': `k-${slug}` },
      payload: { name: `${slug} employer`, kind: 'employer' },
    });
    // A partner system's FHIR subscription (ADR 0046): the subscription and its handshake waiting.
    const subscribed = await t.app.inject({
      method: 'POST',
      url: '/fhir/Subscription',
      headers: { authorization: `Bearer ${await bearerToken(t, gss, 'referrals:read')}`, 'content-type': 'application/fhir+json' },
      payload: {
        resourceType: 'Subscription',
        status: 'requested',
        criteria: 'https://bridgework.org.uk/fhir/SubscriptionTopic/referral-task-changes',
        channel: { type: 'rest-hook', endpoint: `https://${slug}.partner.example/hook` },
      },
    });
    if (subscribed.statusCode !== 201) throw new Error(`subscription failed: ${subscribed.statusCode}`);
    const ips = (await t.services.organisations.list(t.tenants[slug])).find((o) => o.kind === 'employment-provider')?.id;
    await t.services.staff.invite(
      t.tenants[slug],
      { kind: 'system', id: 'test' },
      { displayName: 'New Starter', email: `new.starter@${slug}.example`, organisationId: ips, role: 'specialist' },
    );
    await caseWork(slug, referral.id);
    // A council's banded scheme: the demo gives Leicester one; a Welsh tenant's pages never set one,
    // but the table must still keep tenants apart, so Cardiff gets a row written directly.
    if (slug === 'cardiff') {
      await t.testDb.db.inTenant(t.tenants[slug], (tx) =>
        sql`insert into council_tax_support_schemes (tenant_id, name, url, bands, updated_at)
            values (${t.tenants[slug]}, 'Test scheme', 'https://example.org', ${JSON.stringify([{ upTo: 400, discount: 80 }])}::jsonb, now())`.execute(tx),
      );
    }
    // Access to Work: a tenant's countersignature amount, a passport and a draft decision on the case.
    await t.testDb.db.inTenant(t.tenants[slug], async (tx) => {
      const c = await sql<{ id: string; participant_id: string }>`select id, participant_id from cases limit 1`.execute(tx);
      const one = c.rows[0];
      if (!one) throw new Error('no case');
      await sql`insert into access_to_work_settings (tenant_id, countersign_above, updated_at, updated_by) values (${t.tenants[slug]}, 5000, now(), 'test')`.execute(
        tx,
      );
      await sql`insert into access_to_work_passports (tenant_id, participant_id, adjustments, updated_at, updated_by) values (${t.tenants[slug]}, ${one.participant_id}, '{quiet-space}', now(), 'test')`.execute(
        tx,
      );
      // An onward referral (the demo seeds one only where a case exists when it runs).
      await sql`insert into onward_referrals (tenant_id, id, case_id, participant_id, service_id, service_name, provider_email, status, need, shared_items, shared, consent_method, consent_given_on, sent_by, sent_at)
          select ${t.tenants[slug]}, ${crypto.randomUUID()}, ${one.id}, ${one.participant_id}, s.id, s.name, 'p@example.org', 'sent', 'Debt advice', '{name}', '{}'::jsonb, 'verbal', '2026-11-01', u.id, now()
          from directory_services s, users u limit 1`.execute(tx);
      await sql`insert into access_to_work_decisions (tenant_id, id, case_id, participant_id, assessed_on, input, assessment, categories, access_to_work_annual, needs_countersign, created_at, created_by_id, created_by_name, updated_at)
          values (${t.tenants[slug]}, ${crypto.randomUUID()}, ${one.id}, ${one.participant_id}, '2026-01-15', '{}'::jsonb, '{}'::jsonb, '[]'::jsonb, 0, false, now(), 'test', 'test', now())`.execute(
        tx,
      );
    });
    // Employers: the demo seeds an employer with vacancies in each tenant; add the rest directly.
    await t.testDb.db.inTenant(t.tenants[slug], async (tx) => {
      const tenant = t.tenants[slug];
      const c = (await sql<{ id: string; user_id: string }>`select c.id, c.specialist_user_id as user_id from cases c limit 1`.execute(tx)).rows[0];
      const v = (await sql<{ id: string; employer_id: string }>`select id, employer_id from vacancies limit 1`.execute(tx)).rows[0];
      if (!c || !v) throw new Error('no case or vacancy');
      await sql`insert into growth_sectors (tenant_id, code, name, name_cy) values (${tenant}, 'health', 'Health', 'Iechyd')`.execute(tx);
      await sql`insert into employer_sites (tenant_id, id, employer_id, name, postcode, lat, lon) values (${tenant}, ${crypto.randomUUID()}, ${v.employer_id}, 'Main site', 'LE1 5WW', 52.6, -1.1)`.execute(
        tx,
      );
      await sql`insert into employer_contacts (tenant_id, id, employer_id, name) values (${tenant}, ${crypto.randomUUID()}, ${v.employer_id}, 'Recruiter')`.execute(
        tx,
      );
      await sql`insert into employer_engagements (tenant_id, id, employer_id, user_id, at, mode, purpose) values (${tenant}, ${crypto.randomUUID()}, ${v.employer_id}, ${c.user_id ?? crypto.randomUUID()}, now(), 'phone', 'job-development')`.execute(
        tx,
      );
      await sql`insert into work_profiles (tenant_id, case_id, updated_at, updated_by) values (${tenant}, ${c.id}, now(), 'test')`.execute(tx);
      await sql`insert into introductions (tenant_id, id, vacancy_id, employer_id, case_id, shared_fields, shared, consent_recorded_by, consent_at, status, created_at, updated_at)
          values (${tenant}, ${crypto.randomUUID()}, ${v.id}, ${v.employer_id}, ${c.id}, '{name}', '{}'::jsonb, 'test', now(), 'introduced', now(), now())`.execute(
        tx,
      );
    });
    // The youth pathway: a triage row and an offer on the case.
    await t.testDb.db.inTenant(t.tenants[slug], async (tx) => {
      const c = (await sql<{ id: string; user_id: string }>`select id, specialist_user_id as user_id from cases limit 1`.execute(tx)).rows[0];
      if (!c) throw new Error('no case');
      await sql`insert into youth_pathways (tenant_id, case_id, aims, mental_health, housing, caring, clock_starts_on, working_days, days_source, offer_due, triaged_at, triaged_by, updated_at)
          values (${t.tenants[slug]}, ${c.id}, '{work}', 'not-said', 'settled', 'none', '2026-11-23', 20, 'platform policy', '2026-12-21', now(), ${c.user_id}, now())`.execute(
        tx,
      );
      await sql`insert into youth_offers (tenant_id, id, case_id, offer_type, provider, offered_on, status, recorded_by, created_at, updated_at)
          values (${t.tenants[slug]}, ${crypto.randomUUID()}, ${c.id}, 'training', 'A college', '2026-11-23', 'made', ${c.user_id}, now(), now())`.execute(tx);
    });
    // In-work retention: a retention case beside the case's referral, a fit note and a phased-return week.
    await t.testDb.db.inTenant(t.tenants[slug], async (tx) => {
      const c = (await sql<{ referral_id: string }>`select referral_id from cases limit 1`.execute(tx)).rows[0];
      if (!c) throw new Error('no case');
      const id = crypto.randomUUID();
      await sql`insert into retention_cases (tenant_id, id, referral_id, referred_by, employer_name, job_title, hours_per_week, absent_now, absence_spells, absence_days, created_at, updated_at)
          values (${t.tenants[slug]}, ${id}, ${c.referral_id}, 'gp', 'An employer', 'Porter', 30, true, 1, 10, now(), now())`.execute(tx);
      await sql`insert into retention_fit_notes (tenant_id, id, retention_case_id, fitness, advice, condition, valid_from, valid_to, follow_up_needed, issued_on, source, recorded_at)
          values (${t.tenants[slug]}, ${crypto.randomUUID()}, ${id}, 'may-be-fit', '{phased-return}', 'Back pain', '2026-11-20', '2026-12-20', false, '2026-11-20', 'web', now())`.execute(
        tx,
      );
      await sql`insert into retention_weeks (tenant_id, retention_case_id, week, starts_on, ends_on, hours, duties)
          values (${t.tenants[slug]}, ${id}, 1, '2026-12-07', '2026-12-13', 15, 'Light duties')`.execute(tx);
    });
    // Staff sign-in through an identity provider: the provider, a sign-in under way and a linked identity.
    await t.testDb.db.inTenant(t.tenants[slug], async (tx) => {
      const tenant = t.tenants[slug];
      const user = (await sql<{ id: string }>`select id from users limit 1`.execute(tx)).rows[0];
      if (!user) throw new Error('no user');
      const provider = crypto.randomUUID();
      await sql`insert into identity_providers (tenant_id, id, kind, name, issuer, client_id, created_at, updated_at)
          values (${tenant}, ${provider}, 'entra-id', 'Council accounts', 'https://login.example/tenant', 'bridgework', now(), now())`.execute(tx);
      await sql`insert into oidc_login_states (tenant_id, state_hash, provider_id, nonce, code_verifier, return_to, created_at, expires_at)
          values (${tenant}, ${crypto.randomUUID()}, ${provider}, 'n', 'v', '/', now(), now() + interval '10 minutes')`.execute(tx);
      await sql`insert into user_identities (tenant_id, issuer, subject, provider_id, user_id, created_at)
          values (${tenant}, 'https://login.example/tenant', ${`subject-${slug}`}, ${provider}, ${user.id}, now())`.execute(tx);
    });
    // A record that moved: one sent from this tenant, one taken in.
    await t.testDb.db.inTenant(t.tenants[slug], async (tx) => {
      const tenant = t.tenants[slug];
      const person = (await sql<{ id: string; user_id: string }>`select participant_id as id, specialist_user_id as user_id from cases limit 1`.execute(tx))
        .rows[0];
      if (!person) throw new Error('no case');
      await sql`insert into record_transfers_out (tenant_id, id, participant_id, destination, consent_given_on, consent_method, bundle_identifier, sent_by, sent_by_name, sent_at)
          values (${tenant}, ${crypto.randomUUID()}, ${person.id}, 'Another council', '2026-11-30', 'verbal', ${crypto.randomUUID()}, ${person.user_id}, 'Tenancy test', now())`.execute(
        tx,
      );
      await sql`insert into record_transfers_in (tenant_id, id, source, bundle_identifier, sender_name, record_as_of, person_name, consent_given_on, consent_method, bundle, imported_by_kind, imported_by_name, imported_at)
          values (${tenant}, ${crypto.randomUUID()}, 'https://bridgework.example', ${crypto.randomUUID()}, 'Another council', now(), 'Alex Morgan', '2026-11-30', 'verbal', '{}'::jsonb, 'system', 'Tenancy test', now())`.execute(
        tx,
      );
    });
    await t.testDb.db.inTenant(t.tenants[slug], (tx) =>
      queueNotification(tx, t.clock, {
        tenantId: t.tenants[slug],
        id: crypto.randomUUID(),
        channel: 'email',
        recipient: `someone@${slug}.example`,
        template: 't',
        subject: 's',
        body: 'b',
        language: 'en',
      }),
    );
  }
  // The person asks for a sign-in link (one in each tenant: the same address) and uses it.
  await t.services.participants.requestLink({ email: 'alex.morgan@example.com' });
  for (const slug of ['leicester', 'cardiff'] as const) {
    const links = await t.testDb.db.inTenant(t.tenants[slug], (tx) =>
      tx.selectFrom('notifications_outbox').select('body').where('template', '=', 'participant-sign-in').execute(),
    );
    const link = /\/my-support\/sign-in\/(\S+)/.exec(links[0]?.body ?? '')?.[1] ?? '';
    const signedIn = await t.services.participants.signIn(link);
    if (!signedIn) throw new Error(`participant sign-in failed in ${slug}`);
    // Their equality monitoring answers, and a team's IPS fidelity review.
    await t.services.participants.saveEquality(signedIn.principal, { sex: 'prefer-not-to-say' });
    await t.testDb.db.inTenant(t.tenants[slug], (tx) =>
      sql`insert into fidelity_reviews (tenant_id, id, team_id, reviewed_on, reviewer, items, total, band, created_at)
          select tenant_id, ${crypto.randomUUID()}, id, '2026-11-01', 'Tenancy test', '[]'::jsonb, 100, 'good', now() from teams limit 1`.execute(tx),
    );
  }
  // Chain heads and checkpoints appear once the sealer has run.
  await sealAuditChains(t.testDb.db);
  await writeCheckpoints(t.testDb.db, t.clock, generateSigningKey());
  const rows = await t.testDb.db.owner
    .selectFrom('information_schema.columns' as never)
    .select(sql<string>`table_name`.as('table_name'))
    .where(sql<boolean>`table_schema = 'public' and column_name = 'tenant_id' and table_name not in ('principal_index', 'verification_codes', 'jobs')`)
    .execute();
  tenantTables = rows.map((r) => r.table_name).sort();
}, 180_000);
afterAll(() => t.close());

/** Case work that leaves a row in every case table: profile, plan, appointment, note, job and week, health team, break-glass, compliance report. */
async function caseWork(slug: 'leicester' | 'cardiff', referralId: string) {
  const cases = t.services.cases;
  const tenantId = t.tenants[slug];
  const specialist = await staffPrincipal(t, slug, `specialist@${slug}.bridgework.example`);
  const admin = await staffPrincipal(t, slug, `tenant-admin@${slug}.bridgework.example`);
  const gp = await staffPrincipal(t, slug, `referrer@${slug}.bridgework.example`);
  const caseOf = async (id: string) =>
    (await t.testDb.db.inTenant(tenantId, (tx) => sql<{ id: string }>`select id from cases where referral_id = ${id}`.execute(tx))).rows[0]?.id ?? '';
  const caseId = await caseOf(referralId);
  await cases.updateProfile(specialist, caseId, { skills: 'Driving' });
  await cases.addPlanItem(specialist, caseId, { kind: 'goal', text: 'Find work near home', owner: 'participant' });
  await cases.bookAppointment(specialist, caseId, { date: '2026-12-01', time: '10:00', mode: 'phone' });
  await cases.addNote(specialist, caseId, { kind: 'contact', body: 'Called to say hello' });
  // The benefit before work: the job start below makes a bridge-back guarantee.
  await t.services.guarantees.recordAward(specialist, caseId, { benefit: 'uc-lcw', decisionDate: '2025-06-01', evidence: ['award-letter'] });
  const jobId = await cases.startJob(specialist, caseId, {
    employer: 'Corner Cafe',
    role: 'Barista',
    hoursPerWeek: 16,
    hourlyPay: 12.5,
    contractType: 'permanent',
    startDate: '2026-11-02',
  });
  await cases.recordJobWeek(specialist, caseId, jobId, { week: 1, hours: 16 });
  await cases.addHealthTeamMember(specialist, caseId, { userId: gp.userId });
  // Once the team lead has taken the case over, the specialist has no working relationship: break-glass.
  const teamLead = await staffPrincipal(t, slug, `team-lead@${slug}.bridgework.example`);
  await cases.reassign(teamLead, caseId, { specialistUserId: teamLead.userId, reason: 'Tenancy test: cover' });
  if (!(await cases.breakGlass(specialist, caseId, { reason: 'Tenancy test: checking access' }))) throw new Error(`no break-glass grant in ${slug}`);
  // A compliance-doubt report exists only for a conditional participant (a Jobcentre referral, no health condition).
  const base = referralInput({ nhsNumber: '', givenName: 'Jordan', email: 'jordan@example.com', postcode: slug === 'cardiff' ? 'CF10 1AA' : 'LE1 6ZG' });
  const { referral } = await t.services.referrals.create(admin, 'jobcentre', {
    ...base,
    context: { ...base.context, referringService: 'jobcentre', conditionsText: '', conditionCategories: [], fitNote: 'none', fitNoteAdvice: '' },
    consent: { ...base.consent, scopes: ['share-with-employment-team', 'share-with-jobcentre'] },
    jobcentre: { shortTermUnemployed: true, conditionalityRequested: true },
  });
  await t.services.referrals.accept(specialist, referral.id, {});
  await cases.reportComplianceDoubt(specialist, await caseOf(referral.id), { details: 'Tenancy test report' });
}

describe(`tenant isolation on ${testDatabaseKind}`, () => {
  test('the tenant tables are the ones we expect, and every one has rows in both tenants', async () => {
    expect(tenantTables).toEqual([
      'access_to_work_decisions',
      'access_to_work_passports',
      'access_to_work_settings',
      'access_tokens',
      'appointments',
      'audit_chain_heads',
      'audit_checkpoints',
      'audit_events',
      'benefit_awards',
      'break_glass_grants',
      'bridge_back_guarantees',
      'case_events',
      'case_health_team',
      'case_job_weeks',
      'case_jobs',
      'case_notes',
      'cases',
      'compliance_reports',
      'council_tax_support_schemes',
      'data_sharing_agreements',
      'directory_locations',
      'directory_organisations',
      'directory_service_locations',
      'directory_service_places',
      'directory_service_terms',
      'directory_services',
      'directory_taxonomies',
      'directory_taxonomy_terms',
      'employer_contacts',
      'employer_engagements',
      'employer_sites',
      'employers',
      'equality_answers',
      'fhir_subscription_notifications',
      'fhir_subscriptions',
      'fidelity_reviews',
      'growth_sectors',
      'idempotency_keys',
      'identity_providers',
      'introductions',
      'local_plan_targets',
      'local_plans',
      'notifications_outbox',
      'oauth_clients',
      'oidc_login_states',
      'onward_referrals',
      'organisations',
      'outcome_area_counts',
      'outcome_counts',
      'outcome_facts',
      'participant_links',
      'participant_sessions',
      'participants',
      'partners',
      'people',
      'plan_items',
      'record_transfers_in',
      'record_transfers_out',
      'referral_drafts',
      'referral_events',
      'referrals',
      'retention_cases',
      'retention_fit_notes',
      'retention_weeks',
      'sessions',
      'team_members',
      'teams',
      'tenant_settings',
      'user_identities',
      'user_invitations',
      'users',
      'vacancies',
      'vocational_profiles',
      'work_profiles',
      'youth_offers',
      'youth_pathways',
    ]);
    for (const table of tenantTables) {
      const counts = await t.testDb.db.owner
        .selectFrom(sql.table(table).as('x'))
        .select(sql<string>`count(distinct tenant_id)`.as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(counts.n), table).toBe(2);
    }
  });

  test('every tenant table has row-level security enabled and forced', async () => {
    const result = await sql<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>`
      select relname, relrowsecurity, relforcerowsecurity from pg_class
      where relnamespace = 'public'::regnamespace and relname = any(${tenantTables})`.execute(t.testDb.db.owner);
    expect(result.rows).toHaveLength(tenantTables.length);
    for (const row of result.rows) expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
  });

  test('tenant_id leads every primary key and every foreign key between tenant tables', async () => {
    const keys = await sql<{ table: string; name: string; type: string; first: string; target: string | null }>`
      select c.conrelid::regclass::text as table, c.conname as name, c.contype as type,
             a.attname as first, c.confrelid::regclass::text as target
      from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype in ('p', 'f', 'u') and c.conrelid::regclass::text = any(${tenantTables})`.execute(t.testDb.db.owner);
    for (const key of keys.rows) {
      // Shared reference tables have no tenant: a tenant row may point at them.
      if (key.type === 'f' && (key.target === 'tenants' || key.target === 'employer_bodies' || key.target === 'vacancy_statuses')) continue;
      expect(key.first, `${key.table}.${key.name}`).toBe('tenant_id');
    }
  });

  test('the app works as a role that is no superuser, cannot bypass RLS and owns nothing', async () => {
    const who = await t.testDb.db.global((tx) => sql<{ current_user: string }>`select current_user`.execute(tx));
    expect(who.rows[0]?.current_user).toBe(APP_ROLE);
    const role = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`select rolsuper, rolbypassrls from pg_roles where rolname = ${APP_ROLE}`.execute(
      t.testDb.db.owner,
    );
    expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await sql<{ n: string }>`select count(*) as n from pg_class where relowner = (select oid from pg_roles where rolname = ${APP_ROLE})`.execute(
      t.testDb.db.owner,
    );
    expect(Number(owned.rows[0]?.n)).toBe(0);
  });

  test('with no tenant set, a raw query on any tenant table returns nothing', async () => {
    for (const table of tenantTables) {
      const rows = await t.testDb.db.global((tx) => sql.raw(`select * from ${table}`).execute(tx));
      expect(rows.rows, table).toHaveLength(0);
    }
  });

  test('with a tenant set, a raw query that forgets the tenant filter sees only that tenant', async () => {
    const pairs: [string, string][] = [
      [t.tenants.leicester, t.tenants.cardiff],
      [t.tenants.cardiff, t.tenants.leicester],
    ];
    for (const [mine, theirs] of pairs) {
      for (const table of tenantTables) {
        const rows = await t.testDb.db.inTenant(mine, (tx) => sql.raw<{ tenant_id: string }>(`select tenant_id from ${table}`).execute(tx));
        expect(rows.rows.length, table).toBeGreaterThan(0);
        expect(
          rows.rows.filter((r) => r.tenant_id === theirs),
          table,
        ).toHaveLength(0);
      }
    }
  });

  test('a read through readInTenant sees only its tenant, on every tenant table', async () => {
    const pairs: [string, string][] = [
      [t.tenants.leicester, t.tenants.cardiff],
      [t.tenants.cardiff, t.tenants.leicester],
    ];
    for (const [mine, theirs] of pairs) {
      for (const table of tenantTables) {
        const rows = await t.testDb.db.readInTenant(mine, (q) => q.selectFrom(sql.table(table).as('x')).select(sql<string>`x.tenant_id`.as('tenant_id')));
        expect(rows.length, table).toBeGreaterThan(0);
        expect(
          rows.filter((r) => r.tenant_id === theirs),
          table,
        ).toHaveLength(0);
      }
    }
  });

  test('a read through readInTenant sets its tenant for itself only: the setting is gone after it, and a bad id is refused', async () => {
    await t.testDb.db.readInTenant(t.tenants.leicester, (q) => q.selectFrom('users').select('id'));
    const after = await t.testDb.db.global((tx) => sql<{ v: string | null }>`select nullif(current_setting('app.tenant_id', true), '') as v`.execute(tx));
    expect(after.rows[0]?.v ?? null).toBeNull();
    await expect(t.testDb.db.readInTenant(`${t.tenants.leicester}' or true --`, (q) => q.selectFrom('users').select('id'))).rejects.toThrow(/uuid/);
  });

  test('interleaved readInTenant reads and transactions of two tenants never see each other', async () => {
    const runs = Array.from({ length: 40 }, (_, i) => {
      const [mine, theirs] = i % 2 === 0 ? [t.tenants.leicester, t.tenants.cardiff] : [t.tenants.cardiff, t.tenants.leicester];
      const seen =
        i % 4 < 2
          ? t.testDb.db.readInTenant(mine, (q) => q.selectFrom('users').select('tenant_id'))
          : t.testDb.db.inTenant(mine, (tx) => tx.selectFrom('users').select('tenant_id').execute());
      return seen.then((rows) => rows.length > 0 && rows.every((r) => r.tenant_id !== theirs));
    });
    expect(await Promise.all(runs)).toEqual(Array(40).fill(true));
  });

  test('writing a row into another tenant is refused by the policy', async () => {
    await expect(
      t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
        sql`insert into organisations (tenant_id, id, kind, name) values (${t.tenants.cardiff}, ${crypto.randomUUID()}, 'employer', 'smuggled')`.execute(tx),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(t.testDb.db.inTenant(t.tenants.leicester, (tx) => sql`update organisations set tenant_id = ${t.tenants.cardiff}`.execute(tx))).rejects.toThrow(
      /row-level security/,
    );
  });

  test('the tenant setting lasts one transaction only', async () => {
    await t.testDb.db.inTenant(t.tenants.leicester, (tx) => sql`select 1`.execute(tx));
    const after = await t.testDb.db.global((tx) => sql<{ v: string | null }>`select nullif(current_setting('app.tenant_id', true), '') as v`.execute(tx));
    expect(after.rows[0]?.v ?? null).toBeNull();
  });

  test('interleaved transactions of two tenants never see each other', async () => {
    const runs = Array.from({ length: 40 }, (_, i) => {
      const [mine, theirs] = i % 2 === 0 ? [t.tenants.leicester, t.tenants.cardiff] : [t.tenants.cardiff, t.tenants.leicester];
      return t.testDb.db.inTenant(mine, async (tx) => {
        await new Promise((r) => setImmediate(r));
        const rows = await tx.selectFrom('users').select('tenant_id').execute();
        return rows.length > 0 && rows.every((r) => r.tenant_id !== theirs);
      });
    });
    expect(await Promise.all(runs)).toEqual(Array(40).fill(true));
  });

  test('audit rows cannot be changed or removed by the app role', async () => {
    await expect(t.testDb.db.inTenant(t.tenants.leicester, (tx) => sql`update audit_events set reason = 'x'`.execute(tx))).rejects.toThrow(/permission denied/);
    await expect(t.testDb.db.inTenant(t.tenants.leicester, (tx) => sql`delete from audit_events`.execute(tx))).rejects.toThrow(/permission denied/);
  });

  test('a bearer token of one tenant cannot read another tenant’s organisation', async () => {
    const cardiffToken = await bearerToken(t, 'W06000015', 'organisations:read');
    const leicesterOrg = await t.services.organisations.list(t.tenants.leicester);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/organisations/${leicesterOrg[0]?.id}`,
      headers: { authorization: `Bearer ${cardiffToken}` },
    });
    expect(res.statusCode).toBe(404);
  });
});
