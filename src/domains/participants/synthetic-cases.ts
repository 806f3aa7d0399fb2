import { sql } from 'kysely';
import type { Database } from '../../platform/db/index.ts';

/**
 * Synthetic people, each with an accepted referral, a participant record and an open, unassigned
 * case in the tenant's first team, numbered `from` to `from + count - 1` (load testing and benches
 * only). Ids are made from the number, so the same numbers make the same rows and a second run adds
 * nothing. Written in bulk as the owner, around the services: no audit rows, no outbound jobs.
 * Each person consents to contact with employers, so matching and introductions can be exercised.
 */
export async function seedSyntheticCases(db: Database, gssCode: string, from: number, count: number): Promise<{ tenantId: string; caseIds: string[] }> {
  const o = db.owner;
  const tenant = await sql<{ id: string }>`SELECT id FROM tenants WHERE gss_code = ${gssCode}`.execute(o);
  const tenantId = tenant.rows[0]?.id;
  if (!tenantId) throw new Error(`No local authority ${gssCode}`);
  const team = await sql<{ id: string }>`SELECT id FROM teams WHERE tenant_id = ${tenantId} ORDER BY name LIMIT 1`.execute(o);
  const teamId = team.rows[0]?.id;
  if (!teamId) throw new Error(`No team in ${gssCode}`);
  const to = from + count - 1;
  const id = (what: string) => sql.raw(`md5('bridgework-synthetic-${what}:${gssCode}:' || n)::uuid`);
  await sql`
    INSERT INTO people (tenant_id, id, given_name, family_name, date_of_birth, address_line1, postcode, email, preferred_language, contact_method, match_key, created_at, updated_at)
    SELECT ${tenantId}::uuid, ${id('person')}, 'Synthetic', 'Person ' || n, '1985-01-01', n || ' Synthetic Street', 'LE1 6ZG',
           'synthetic.' || n || '@example.com', 'en', 'email', 'synthetic-' || n, now(), now()
    FROM generate_series(${from}::int, ${to}::int) AS n
    ON CONFLICT DO NOTHING`.execute(o);
  await sql`
    INSERT INTO referrals (tenant_id, id, reference, identifier_system, identifier_value, person_id, person_match, submitted_person, route, referrer_name,
                           referring_service, conditions_text, condition_categories, fit_note, benefits, help_wanted, urgency, young_person, regime, regime_basis,
                           consent_scopes, consent_method, consent_given_on, consent_recorded_by, team_id, owner_user_id, status, business_status,
                           first_contact_due, case_id, created_at, updated_at)
    SELECT ${tenantId}::uuid, ${id('referral')}, 'BW-SYN-' || ${gssCode} || '-' || n, 'urn:synthetic', n::text, ${id('person')}, 'new', '{}'::jsonb, 'clinician',
           'Synthetic GP', 'gp', 'Low mood', ARRAY['mental-health'], 'may-be-fit', ARRAY['uc-lcw'], 'Part-time work', 'routine', false, 'voluntary-health',
           'health condition', ARRAY['share-with-employment-team', 'contact-employers'], 'verbal', '2026-01-01', 'Synthetic GP', ${teamId}::uuid, NULL,
           'in-progress', 'engaged', '2026-01-08', ${id('case')}, now(), now()
    FROM generate_series(${from}::int, ${to}::int) AS n
    ON CONFLICT DO NOTHING`.execute(o);
  await sql`
    INSERT INTO participants (tenant_id, id, person_id, regime, consent_scopes, created_at)
    SELECT ${tenantId}::uuid, ${id('participant')}, ${id('person')}, 'voluntary-health', ARRAY['share-with-employment-team', 'contact-employers'], now()
    FROM generate_series(${from}::int, ${to}::int) AS n
    ON CONFLICT DO NOTHING`.execute(o);
  const cases = await sql<{ id: string }>`
    INSERT INTO cases (tenant_id, id, participant_id, referral_id, team_id, specialist_user_id, phase, opened_at, last_contact_at, updated_at)
    SELECT ${tenantId}::uuid, ${id('case')}, ${id('participant')}, ${id('referral')}, ${teamId}::uuid, NULL, 'job-search', now(), now(), now()
    FROM generate_series(${from}::int, ${to}::int) AS n
    ON CONFLICT DO NOTHING
    RETURNING id`.execute(o);
  return { tenantId, caseIds: cases.rows.map((r) => r.id) };
}
