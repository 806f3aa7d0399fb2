import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { compileOnce, type Database, type PlatformTables, type Tx } from '../../platform/db/index.ts';
import type { CaseSummary, Job } from './case.ts';
import { appointmentOf, caseEventOf, jobOf, noteOf, planItemOf, type Tables } from './case-repo.ts';
import { type CaseSummaryRow, caseSummariesQuery, caseSummaryOf, caseWithPeople } from './case-summary-repo.ts';

/**
 * The hot case reads, each one statement alone in a tenant transaction (ADR 0023), compiled once
 * (the case model, ADR 0051; the caseload, ADR 0061). The writes and the transaction-bound reads
 * stay in case-repo.ts.
 */

/** A user id no one has: a system client reads as no one, so no membership matches it. */
const NO_ONE = '00000000-0000-0000-0000-000000000000';

/**
 * The specialist's open cases and the tenant's IPS caseload limit, in one statement: the limit is a
 * one-row subquery the summaries are joined to laterally, so a caseload of none still has its limit.
 */
export function caseloadQuery(q: Kysely<PlatformTables>, specialistUserId: string, now: Date) {
  return q
    .withTables<Tables>()
    .selectFrom(
      q
        .withTables<Tables>()
        .selectNoFrom((e) => [e.selectFrom('tenant_settings').select(sql<number>`ips_caseload_limit`.as('limit')).as('ips_limit')])
        .as('s'),
    )
    .leftJoinLateral(caseSummariesQuery(q, { specialistUserId, open: true }, now).as('cs'), (j) => j.onTrue())
    .selectAll('cs')
    .select('s.ips_limit');
}

/** The caseload query compiled once (ADR 0051): its filter has one shape, only the specialist and the moment change. */
export const caseloadCompiled = compileOnce(
  (q, specialistUserId: string, now: Date) => caseloadQuery(q, specialistUserId, now),
  ['\u0000specialist', new Date(0)],
);

export async function caseload(db: Database, tenantId: string, specialistUserId: string, now: Date): Promise<{ cases: CaseSummary[]; limit: number }> {
  const rows = await db.readCompiledInTenant(tenantId, caseloadCompiled(specialistUserId, now));
  const cases = rows.flatMap((r) => (r.id === null ? [] : [caseSummaryOf(r as CaseSummaryRow)]));
  return { cases, limit: rows[0]?.ips_limit ?? 20 };
}

/**
 * Everything a case read needs, in one statement (ADRs 0020, 0023): the case row, its summary, the
 * participant, the facts that decide the reader's working relationship (team, health team, consent,
 * break-glass), the health fields, profile, plan, appointments, notes, jobs with their weeks,
 * timeline and health team, each list built as JSON inside PostgreSQL. `readerUserId` is null for
 * a system client. The health fields come back whatever the relationship: the caller drops them
 * (and audits the read only when it keeps them), so no reader ever receives what they may not see.
 */
export function caseModelQuery(db: Kysely<PlatformTables>, caseId: string, readerUserId: string | null, now: Date) {
  const reader = readerUserId ?? NO_ONE;
  return caseWithPeople(db)
    .leftJoin('vocational_profiles as v', (j) => j.onRef('v.tenant_id', '=', 'c.tenant_id').onRef('v.case_id', '=', 'c.id'))
    .selectAll('c')
    .select([
      'r.reference',
      't.name as team_name',
      't.organisation_id as team_organisation_id',
      'u.display_name as specialist_name',
      'r.young_person',
      'pe.id as person_id',
      'pe.given_name',
      'pe.family_name',
      'pe.date_of_birth',
      'pe.nhs_number',
      'pe.address_line1',
      'pe.address_line2',
      'pe.town',
      'pe.postcode',
      'pe.phone',
      'pe.email',
      'pe.preferred_language',
      'pe.contact_method',
      'pe.do_not_contact',
      'p.accessibility_needs',
      'p.regime',
      'p.regime_reason',
      'p.consent_scopes',
      'r.conditions_text',
      'r.condition_categories',
      'r.fit_note',
      'r.fit_note_advice',
      'v.work_history',
      'v.skills',
      'v.qualifications',
      'v.interests',
      'v.wants',
      'v.does_not_want',
      'v.helps',
      'v.gets_in_the_way',
      'v.health_in_own_words',
      'v.updated_at as profile_updated_at',
      'v.updated_by as profile_updated_by',
    ])
    .select((eb) => [
      // Whether any record was taken in about the person (ADR 0048), so the case page asks the
      // records capability for them only when there are some (ADR 0053). Read-only, on the records
      // table's (tenant, participant) index; the list itself stays the records capability's.
      sql<boolean>`exists (select 1 from record_transfers_in ti where ti.tenant_id = c.tenant_id and ti.participant_id = c.participant_id)`.as('taken_in'),
      eb
        .selectFrom('appointments as a')
        .select((e) => e.fn.min('a.starts_at').as('next'))
        .whereRef('a.tenant_id', '=', 'c.tenant_id')
        .whereRef('a.case_id', '=', 'c.id')
        .where('a.outcome', 'is', null)
        .where('a.starts_at', '>=', now)
        .as('next_appointment_at'),
      eb
        .exists(
          eb
            .selectFrom('team_members as m')
            .select('m.user_id')
            .whereRef('m.tenant_id', '=', 'c.tenant_id')
            .whereRef('m.team_id', '=', 'c.team_id')
            .where('m.user_id', '=', reader),
        )
        .as('reader_in_team'),
      eb
        .exists(
          eb
            .selectFrom('case_health_team as h')
            .select('h.user_id')
            .whereRef('h.tenant_id', '=', 'c.tenant_id')
            .whereRef('h.case_id', '=', 'c.id')
            .where('h.user_id', '=', reader),
        )
        .as('reader_in_health_team'),
      jsonObjectFrom(
        eb
          .selectFrom('break_glass_grants as g')
          .innerJoin('users as gu', (j) => j.onRef('gu.tenant_id', '=', 'g.tenant_id').onRef('gu.id', '=', 'g.user_id'))
          .select([
            'g.id',
            'g.case_id as caseId',
            'g.user_id as userId',
            'gu.display_name as userName',
            'g.reason',
            'g.granted_at as grantedAt',
            'g.expires_at as expiresAt',
          ])
          .whereRef('g.tenant_id', '=', 'c.tenant_id')
          .whereRef('g.case_id', '=', 'c.id')
          .where('g.user_id', '=', reader)
          .where('g.expires_at', '>', now)
          .orderBy('g.expires_at', 'desc')
          .limit(1),
      ).as('break_glass'),
      jsonArrayFrom(
        eb
          .selectFrom('plan_items as pi')
          .select(['pi.id', 'pi.kind', 'pi.goal_id', 'pi.text', 'pi.owner', 'pi.due_on', 'pi.status', 'pi.added_by', 'pi.created_at'])
          .whereRef('pi.tenant_id', '=', 'c.tenant_id')
          .whereRef('pi.case_id', '=', 'c.id')
          .orderBy('pi.created_at')
          .orderBy('pi.id'),
      ).as('plan'),
      jsonArrayFrom(
        eb
          .selectFrom('appointments as a')
          .select(['a.id', 'a.starts_at', 'a.mode', 'a.place', 'a.mandatory', 'a.outcome', 'a.outcome_note', 'a.follow_up_of'])
          .whereRef('a.tenant_id', '=', 'c.tenant_id')
          .whereRef('a.case_id', '=', 'c.id')
          .orderBy('a.starts_at'),
      ).as('appointments'),
      jsonArrayFrom(
        eb
          .selectFrom('case_notes as n')
          .select(['n.id', 'n.kind', 'n.body', 'n.author_name', 'n.author_kind', 'n.at'])
          .whereRef('n.tenant_id', '=', 'c.tenant_id')
          .whereRef('n.case_id', '=', 'c.id')
          .orderBy('n.at', 'desc'),
      ).as('notes'),
      jsonArrayFrom(
        eb
          .selectFrom('case_jobs as cj')
          .select([
            'cj.id',
            'cj.employer',
            'cj.role',
            'cj.hours_per_week',
            'cj.hourly_pay',
            'cj.contract_type',
            'cj.start_date',
            'cj.end_date',
            'cj.end_reason',
            'cj.sustained_on',
          ])
          .select((e) =>
            jsonArrayFrom(
              e
                .selectFrom('case_job_weeks as w')
                .select(['w.week', 'w.hours', 'w.hourly_pay'])
                .whereRef('w.tenant_id', '=', 'cj.tenant_id')
                .whereRef('w.job_id', '=', 'cj.id')
                .orderBy('w.week'),
            ).as('weeks'),
          )
          .whereRef('cj.tenant_id', '=', 'c.tenant_id')
          .whereRef('cj.case_id', '=', 'c.id')
          .orderBy('cj.start_date'),
      ).as('jobs'),
      jsonArrayFrom(
        eb
          .selectFrom('case_events as ev')
          .select(['ev.id', 'ev.at', 'ev.actor_name', 'ev.kind', 'ev.from_value', 'ev.to_value', 'ev.reason', 'ev.details'])
          .whereRef('ev.tenant_id', '=', 'c.tenant_id')
          .whereRef('ev.case_id', '=', 'c.id')
          .orderBy('ev.at', 'desc')
          .orderBy('ev.id', 'desc'),
      ).as('events'),
      jsonArrayFrom(
        eb
          .selectFrom('case_health_team as ht')
          .innerJoin('users as hu', (j) => j.onRef('hu.tenant_id', '=', 'ht.tenant_id').onRef('hu.id', '=', 'ht.user_id'))
          .select(['hu.id as userId', 'hu.display_name as name'])
          .whereRef('ht.tenant_id', '=', 'c.tenant_id')
          .whereRef('ht.case_id', '=', 'c.id')
          .orderBy('hu.display_name'),
      ).as('health_team'),
    ])
    .where('c.id', '=', caseId);
}
export type CaseModelRow = Awaited<ReturnType<ReturnType<typeof caseModelQuery>['executeTakeFirstOrThrow']>>;

/**
 * The case model query compiled once (ADR 0051): its SQL is the same for every case, reader and
 * moment, so only the three values change. The reader is always a value (`NO_ONE` for a system
 * client), never a branch.
 */
export const caseModelCompiled = compileOnce(
  (q, caseId: string, reader: string, now: Date) => caseModelQuery(q, caseId, reader, now),
  ['\u0000case', '\u0000reader', new Date(0)],
);

/**
 * A case as its reader may be shown it, in one statement, inside the caller's tenant transaction: a
 * read that keeps health fields writes its audit row in the same transaction (ADR 0053).
 */
export async function caseModel(tx: Tx, caseId: string, readerUserId: string | null, now: Date): Promise<CaseModelRow | null> {
  const [row] = (await tx.executeQuery(caseModelCompiled(caseId, readerUserId ?? NO_ONE, now))).rows;
  return row ?? null;
}

/** The lists of a case model, typed as the case's own types (JSON gives timestamps as strings). */
export function caseModelLists(m: CaseModelRow) {
  return {
    plan: m.plan.map(planItemOf),
    appointments: m.appointments.map(appointmentOf),
    notes: m.notes.map(noteOf),
    jobs: m.jobs.map((r): Job => jobOf(r, r.weeks)),
    events: m.events.map(caseEventOf),
    healthTeam: m.health_team,
  };
}
