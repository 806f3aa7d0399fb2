import { sql } from 'kysely';
import type { Database } from '../src/platform/db/index.ts';

/**
 * Adds `count` open cases to the Leicester demo tenant, in bulk as the owner, shaped like a real
 * tenant's: one person, accepted referral, participant and case each, spread over synthetic
 * specialists at about the IPS limit of 20 each, with two appointments and a note per case. The demo
 * specialist gets a full caseload of about 20, which is what the caseload page shows.
 */
export async function seedBenchCases(db: Database, count: number): Promise<void> {
  const o = db.owner;
  const tenant = await sql<{ id: string }>`SELECT id FROM tenants WHERE gss_code = 'E06000016'`.execute(o);
  const tenantId = tenant.rows[0]?.id;
  if (!tenantId) throw new Error('no Leicester tenant');
  const team = await sql<{
    id: string;
    organisation_id: string;
  }>`SELECT id, organisation_id FROM teams WHERE tenant_id = ${tenantId} AND name = 'Leicester IPS team'`.execute(o);
  const { id: teamId, organisation_id: organisationId } = team.rows[0] ?? { id: '', organisation_id: '' };
  const specialists = Math.ceil(count / 20);
  await sql`
    INSERT INTO users (tenant_id, id, organisation_id, email, display_name, password_hash, roles)
    SELECT ${tenantId}::uuid, gen_random_uuid(), ${organisationId}::uuid, 'bench-specialist-' || n || '@leicester.bridgework.example', 'Bench specialist ' || n, 'not-a-hash', ARRAY['specialist']
    FROM generate_series(1, ${specialists}) AS n`.execute(o);
  await sql`
    INSERT INTO team_members (tenant_id, team_id, user_id)
    SELECT ${tenantId}::uuid, ${teamId}::uuid, id FROM users WHERE tenant_id = ${tenantId} AND email LIKE 'bench-specialist-%'`.execute(o);
  await sql`
    CREATE TEMPORARY TABLE bench_cases AS
    SELECT n, gen_random_uuid() AS person_id, gen_random_uuid() AS referral_id, gen_random_uuid() AS participant_id, gen_random_uuid() AS case_id,
           -- The demo specialist (the one the bench signs in as) gets a full caseload of 18 on top of the seed's.
           (SELECT id FROM users WHERE tenant_id = ${tenantId}
              AND email = CASE WHEN n <= 18 THEN 'specialist@leicester.bridgework.example'
                               ELSE 'bench-specialist-' || (1 + n % ${specialists}) || '@leicester.bridgework.example' END) AS specialist_id,
           now() - (n % 300) * interval '1 day' AS opened_at
    FROM generate_series(1, ${count}) AS n`.execute(o);
  await sql`
    INSERT INTO people (tenant_id, id, given_name, family_name, date_of_birth, address_line1, postcode, email, preferred_language, contact_method, match_key, created_at, updated_at)
    SELECT ${tenantId}::uuid, person_id, 'Bench', 'Person ' || n, '1985-01-01', n || ' Bench Street', 'LE1 6ZG', 'bench.' || n || '@example.com', 'en', 'email', 'bench-' || n, opened_at, opened_at
    FROM bench_cases`.execute(o);
  await sql`
    INSERT INTO referrals (tenant_id, id, reference, identifier_system, identifier_value, person_id, person_match, submitted_person, route, referrer_name,
                           referring_service, conditions_text, condition_categories, fit_note, benefits, help_wanted, urgency, young_person, regime, regime_basis,
                           consent_scopes, consent_method, consent_given_on, consent_recorded_by, team_id, owner_user_id, status, business_status,
                           first_contact_due, case_id, created_at, updated_at)
    SELECT ${tenantId}::uuid, referral_id, 'BW-BNCH-' || lpad(n::text, 5, '0'), 'urn:bench', n::text, person_id, 'new', '{}'::jsonb, 'clinician', 'Bench GP',
           'gp', 'Low mood', ARRAY['mental-health'], 'may-be-fit', ARRAY['uc-lcw'], 'Part-time work', 'routine', false, 'voluntary-health', 'health condition',
           ARRAY['share-with-employment-team', 'share-with-health-team'], 'verbal', '2026-01-01', 'Bench GP', ${teamId}::uuid, specialist_id, 'in-progress', 'engaged',
           '2026-01-08', case_id, opened_at, opened_at
    FROM bench_cases`.execute(o);
  await sql`
    INSERT INTO participants (tenant_id, id, person_id, regime, consent_scopes, created_at)
    SELECT ${tenantId}::uuid, participant_id, person_id, 'voluntary-health', ARRAY['share-with-employment-team', 'share-with-health-team'], opened_at FROM bench_cases`.execute(
    o,
  );
  await sql`
    INSERT INTO cases (tenant_id, id, participant_id, referral_id, team_id, specialist_user_id, phase, opened_at, last_contact_at, updated_at)
    SELECT ${tenantId}::uuid, case_id, participant_id, referral_id, ${teamId}::uuid, specialist_id,
           (ARRAY['engagement', 'vocational-profile', 'job-search', 'in-work'])[1 + n % 4], opened_at, opened_at + interval '2 days', opened_at
    FROM bench_cases`.execute(o);
  await sql`
    INSERT INTO appointments (tenant_id, id, case_id, starts_at, mode, place, created_by, created_at, updated_at, outcome)
    SELECT ${tenantId}::uuid, gen_random_uuid(), case_id, opened_at + interval '3 days', 'phone', '', 'Bench', opened_at, opened_at, 'attended' FROM bench_cases
    UNION ALL
    SELECT ${tenantId}::uuid, gen_random_uuid(), case_id, now() + (n % 14) * interval '1 day', 'in-person', 'Bench surgery', 'Bench', opened_at, opened_at, NULL FROM bench_cases`.execute(
    o,
  );
  await sql`
    INSERT INTO case_notes (tenant_id, id, case_id, kind, body, author_kind, author_id, author_name, at)
    SELECT ${tenantId}::uuid, gen_random_uuid(), case_id, 'contact', 'Talked about the week ahead', 'user', specialist_id::text, 'Bench specialist', opened_at + interval '2 days'
    FROM bench_cases`.execute(o);
  await sql`DROP TABLE bench_cases`.execute(o);
  // Written around the service: the team's count of open referrals is brought up to date here.
  await sql`UPDATE teams SET open_referrals = open_referrals + ${count} WHERE id = ${teamId}::uuid`.execute(o);
  await sql`ANALYZE`.execute(o);
}
