import { type Actor, recordAudit } from '../../platform/audit/index.ts';
import { actorOf, type Principal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type Tx, type WriteHooks } from '../../platform/db/index.ts';
import { Forbidden, InvalidInput, InvalidTransition, NotFound } from '../../platform/errors/index.ts';
import { actionAllowed, type RegimeAction } from '../participation/index.ts';
import type { ReferralService } from '../referrals/index.ts';
import { recordReferralOutcome, teamIdsOf } from '../referrals/index.ts';
import type { CaseView, ConsentScope, HealthFields, Phase, Relationship } from './case.ts';
import type { DateIssue } from './case-date-rules.ts';
import { activeBreakGlass, healthConditionRecorded, healthOf, healthTeamOf } from './case-governance-repo.ts';
import { createCaseLetters } from './case-letters.ts';
import { caseModel, caseModelLists } from './case-read-repo.ts';
import {
  type CaseRow,
  findCaseRow,
  findParticipant,
  findProfile,
  insertCaseEvent,
  listAppointments,
  listCaseEvents,
  listJobs,
  listNotes,
  listPlan,
  tables,
  updateCase,
} from './case-repo.ts';
import { canMovePhase, isHealthNote, relationshipOf, seesHealth } from './case-rules.ts';
import { caseSummaries, caseSummaryOf } from './case-summary-repo.ts';

/** Who is acting on a case: a member of staff, a system client, or the participant themselves. */
export type CaseActor = Principal | { kind: 'participant'; tenantId: string; participantId: string; name: string };

export const actorName = (a: CaseActor) => (a.kind === 'user' ? a.displayName : a.kind === 'client' ? a.name : a.name);
/** Who wrote something, as stored beside it (a note's author, a benefit record's recorder). */
export const authorOf = (a: CaseActor) => ({
  kind: a.kind,
  id: a.kind === 'user' ? a.userId : a.kind === 'client' ? a.id : a.participantId,
  name: actorName(a),
});
export const caseAuditActor = (a: CaseActor): Actor => (a.kind === 'participant' ? { kind: 'participant', id: a.participantId } : actorOf(a));
const STAFF_ROLES = ['specialist', 'team-lead'] as const;

type Access = {
  row: CaseRow;
  relationship: Relationship;
  /** May change the case: the assigned specialist, the team's specialists and leads, the team's own system clients. */
  canWork: boolean;
  isTeamLead: boolean;
};

/** One change to a case in the making: its transaction, who acts, what they may do, the locked row. */
export type Work = { tx: Tx; actor: CaseActor; access: Access; row: CaseRow; now: Date };

/**
 * What every case use-case stands on: who may see and change a case (the working relationship),
 * one change as one transaction with its timeline entry and audit row, the participation policy
 * checked before every regime-governed action, and the case as one reader may see it.
 */
export function createCaseWork(deps: { db: Database; clock: Clock; baseUrl: string; referrals: ReferralService }) {
  const { db, clock, referrals } = deps;
  const letters = createCaseLetters({ clock, baseUrl: deps.baseUrl });

  /** What the reader may do with a case, from the facts about them and it (see `caseModel`). */
  function accessFrom(
    actor: Principal,
    row: CaseRow,
    facts: { teamOrganisationId: string | null; inTeam: boolean; inHealthTeam: boolean; healthTeamConsent: boolean; hasBreakGlass: boolean },
  ): Access {
    if (actor.kind === 'client') {
      // A system client sees and works only its own organisation's teams' cases, never health fields.
      if (!actor.organisationId || facts.teamOrganisationId !== actor.organisationId) throw new NotFound('case', row.id);
      return { row, relationship: 'none', canWork: true, isTeamLead: false };
    }
    const isTeamLead = facts.inTeam && actor.roles.includes('team-lead');
    const relationship = relationshipOf({
      isAssignedSpecialist: row.specialist_user_id === actor.userId,
      isTeamLeadOfCaseTeam: isTeamLead,
      isNamedHealthTeamMember: facts.inHealthTeam,
      healthTeamConsent: facts.healthTeamConsent,
      hasActiveBreakGlass: facts.hasBreakGlass,
    });
    const canWork = row.specialist_user_id === actor.userId || (facts.inTeam && actor.roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r)));
    return { row, relationship, canWork, isTeamLead };
  }

  async function accessOf(tx: Tx, actor: CaseActor, row: CaseRow): Promise<Access> {
    if (actor.kind === 'participant') {
      if (row.participant_id !== actor.participantId) throw new NotFound('case', row.id);
      return { row, relationship: 'none', canWork: false, isTeamLead: false };
    }
    if (actor.kind === 'client') {
      const team = await tables(tx).selectFrom('teams').select('organisation_id').where('id', '=', row.team_id).executeTakeFirst();
      return accessFrom(actor, row, {
        teamOrganisationId: team?.organisation_id ?? null,
        inTeam: false,
        inHealthTeam: false,
        healthTeamConsent: false,
        hasBreakGlass: false,
      });
    }
    const now = clock.now();
    const [teamIds, healthTeam, breakGlass, participant] = await Promise.all([
      teamIdsOf(tx, actor.userId),
      tables(tx).selectFrom('case_health_team').select('user_id').where('case_id', '=', row.id).where('user_id', '=', actor.userId).executeTakeFirst(),
      activeBreakGlass(tx, row.id, actor.userId, now),
      tables(tx).selectFrom('participants').select('consent_scopes').where('id', '=', row.participant_id).executeTakeFirstOrThrow(),
    ]);
    return accessFrom(actor, row, {
      teamOrganisationId: null,
      inTeam: teamIds.includes(row.team_id),
      inHealthTeam: healthTeam !== undefined,
      healthTeamConsent: participant.consent_scopes.includes('share-with-health-team'),
      hasBreakGlass: breakGlass !== undefined,
    });
  }

  async function load(tx: Tx, actor: CaseActor, caseId: string, forUpdate: boolean): Promise<Access> {
    const row = await findCaseRow(tx, idOf('case', caseId), forUpdate);
    if (!row) throw new NotFound('case', caseId);
    return accessOf(tx, actor, row);
  }

  /**
   * Runs one change to a case as one transaction, with the case row locked and the actor's rights
   * known. `afterWrite` (an API storing its idempotent response) commits with the change.
   */
  function work<T>(
    actor: CaseActor,
    caseId: string,
    fn: (w: Work) => Promise<T>,
    options: { open?: boolean; participantMay?: boolean; authorise?: (tx: Tx, row: CaseRow) => Promise<void> } & WriteHooks<T> = {},
  ): Promise<T> {
    return db.inTenant(actor.tenantId, async (tx) => {
      // Another capability may vouch for a change by someone outside the team (an employer
      // recording an accepted offer for a person introduced with consent): it checks in `authorise`.
      const row = options.authorise ? await findCaseRow(tx, idOf('case', caseId), true) : null;
      if (options.authorise) {
        if (!row) throw new NotFound('case', caseId);
        await options.authorise(tx, row);
      }
      const access: Access = row ? { row, relationship: 'none', canWork: true, isTeamLead: false } : await load(tx, actor, caseId, true);
      if (!options.authorise && (actor.kind === 'participant' ? !options.participantMay : !access.canWork))
        throw new Forbidden('Only the team working this case can change it');
      if (options.open !== false && access.row.phase === 'closed') throw new InvalidTransition('closed', 'a change');
      const result = await fn({ tx, actor, access, row: access.row, now: clock.now() });
      await options.afterWrite?.(tx, result);
      return result;
    });
  }

  /** `work` for a staff or API change, with the caller's hooks. */
  const workWith =
    <T>(hooks: WriteHooks<T>) =>
    (actor: CaseActor, caseId: string, fn: (w: Work) => Promise<T>) =>
      work(actor, caseId, fn, hooks);

  /** The timeline entry and the audit row every change leaves; last in the transaction (audit chain lock). */
  async function record(
    w: Work,
    kind: string,
    audit: { action: string; reason: string; details?: Record<string, unknown> },
    entry: { from?: string | null; to?: string | null; reason?: string | null; details?: Record<string, unknown> } = {},
  ) {
    await insertCaseEvent(w.tx, {
      tenantId: w.actor.tenantId,
      id: newId(w.now),
      caseId: w.row.id,
      at: w.now,
      actor: { ...caseAuditActor(w.actor), name: actorName(w.actor) },
      kind,
      ...entry,
    });
    await recordAudit(w.tx, w.actor.tenantId, clock, { actor: caseAuditActor(w.actor), recordType: 'case', recordId: w.row.id, ...audit });
  }

  /**
   * The participation policy, checked before any regime-governed action. A refusal is audited in a
   * transaction of its own (the attempted change itself writes nothing) and answered 403 with the
   * policy's reason.
   */
  /** The participant's regime, and whether any health condition is recorded for them. */
  function participationOf(actor: CaseActor, caseId: string) {
    return db.inTenant(actor.tenantId, async (tx) => {
      const { row } = await load(tx, actor, caseId, false);
      const p = await tables(tx).selectFrom('participants').select('regime').where('id', '=', row.participant_id).executeTakeFirstOrThrow();
      return { regime: p.regime, healthConditionRecorded: await healthConditionRecorded(tx, row.participant_id) };
    });
  }

  async function requireAllowed(
    actor: CaseActor,
    caseId: string,
    standing: { regime: Parameters<typeof actionAllowed>[0]; healthConditionRecorded: boolean },
    action: RegimeAction,
  ) {
    const { regime } = standing;
    const byRegime = actionAllowed(regime, action);
    // A second lock on the same door: even on the conditional regime, a recorded health condition
    // means no regime-governed action, whatever the regime says (say, a person first referred by a
    // Jobcentre who has since told a clinician about a condition).
    const decision =
      byRegime.allowed && standing.healthConditionRecorded
        ? { ...HEALTH_RECORDED, policy: (actionAllowed('voluntary-health', action) as Exclude<ReturnType<typeof actionAllowed>, { allowed: true }>).policy }
        : byRegime;
    if (decision.allowed) return;
    await db.inTenant(actor.tenantId, (tx) =>
      recordAudit(tx, actor.tenantId, clock, {
        actor: caseAuditActor(actor),
        action: 'participation.refused',
        recordType: 'case',
        recordId: caseId,
        reason: decision.reason,
        details: { attempted: action, regime, policy: decision.policy.name, source: decision.policy.source.url },
      }),
    );
    throw new Forbidden(decision.reason, [{ path: `participation.${action}`, message: decision.reason }]);
  }

  async function requireConsent(w: Work, needed: ConsentScope | undefined) {
    if (!needed) return;
    const p = await tables(w.tx).selectFrom('participants').select('consent_scopes').where('id', '=', w.row.participant_id).executeTakeFirstOrThrow();
    if (!p.consent_scopes.includes(needed))
      throw new Forbidden(`The person has not consented to this (${needed})`, [{ path: 'consent', message: `cases.refused.consent.${needed}` }]);
  }

  async function movePhaseIn(w: Work, to: Phase, reason: string | null) {
    const from = w.row.phase as Phase;
    if (from === to) return;
    if (!canMovePhase(from, to)) throw new InvalidTransition(from, to);
    w.row = { ...w.row, ...(await updateCase(w.tx, w.row.id, { phase: to }, w.now)) };
    await insertCaseEvent(w.tx, {
      tenantId: w.actor.tenantId,
      id: newId(w.now),
      caseId: w.row.id,
      at: w.now,
      actor: { ...caseAuditActor(w.actor), name: actorName(w.actor) },
      kind: 'phase',
      from,
      to,
      reason,
    });
  }

  const referralActor = (a: CaseActor) => (a.kind === 'participant' ? { kind: 'public' as const, tenantId: a.tenantId, name: a.name } : a);

  /**
   * Whether the referrer may hear how the case is going: a Jobcentre only while the person consents
   * to sharing with the Jobcentre, a health service only while they consent to sharing with their
   * health team. Withdrawing consent stops these updates at once.
   */
  async function tellReferrer(w: Work): Promise<{ tellReferrer: boolean }> {
    const r = await tables(w.tx)
      .selectFrom('referrals as r')
      .innerJoin('participants as p', (j) => j.onRef('p.tenant_id', '=', 'r.tenant_id').on('p.id', '=', w.row.participant_id))
      .select(['r.route', 'p.consent_scopes'])
      .where('r.id', '=', w.row.referral_id)
      .executeTakeFirstOrThrow();
    const needed: ConsentScope = r.route === 'jobcentre' ? 'share-with-jobcentre' : 'share-with-health-team';
    return { tellReferrer: r.consent_scopes.includes(needed) };
  }

  async function closeIn(w: Work, reason: string, note: string) {
    const from = w.row.phase as Phase;
    if (!canMovePhase(from, 'closed')) throw new InvalidTransition(from, 'closed');
    w.row = {
      ...w.row,
      ...(await updateCase(w.tx, w.row.id, { phase: 'closed', closed_at: w.now, closure_reason: reason, closure_note: note || null }, w.now)),
    };
    await referrals.completeIn(w.tx, referralActor(w.actor), w.row.referral_id, `case closed: ${reason}${note ? ` (${note})` : ''}`, await tellReferrer(w));
    await recordReferralOutcome(w.tx, w.actor.tenantId, w.row.referral_id, 'left', w.now);
    await record(
      w,
      'closed',
      { action: 'case.close', reason: `closed: ${reason}` },
      { from, to: 'closed', reason: note || reason, details: { closureReason: reason } },
    );
  }

  async function view(tx: Tx, actor: CaseActor, access: Access, ownRecord = false, healthFields = true): Promise<CaseView> {
    const now = clock.now();
    const row = access.row;
    const [summary] = await caseSummaries(tx, { caseIds: [row.id] }, now);
    const participant = await findParticipant(tx, row.participant_id);
    if (!summary || !participant) throw new NotFound('case', row.id);
    const health = ownRecord || (healthFields && seesHealth(access.relationship)) ? await healthOf(tx, row) : null;
    const [profile, plan, appointments, notes, jobs, events, healthTeam, breakGlass] = await Promise.all([
      findProfile(tx, row.id),
      listPlan(tx, row.id),
      listAppointments(tx, row.id),
      listNotes(tx, row.id),
      listJobs(tx, row.id),
      listCaseEvents(tx, row.id),
      healthTeamOf(tx, row.id),
      actor.kind === 'user' ? activeBreakGlass(tx, row.id, actor.userId, now) : Promise.resolve(undefined),
    ]);
    if (health && !ownRecord) {
      // Every read of health fields is audited, with the relationship that allowed it.
      await recordAudit(tx, actor.tenantId, clock, {
        actor: caseAuditActor(actor),
        action: 'case.health-read',
        recordType: 'case',
        recordId: row.id,
        reason: access.relationship === 'break-glass' ? `break-glass: ${breakGlass?.reason ?? ''}` : `working relationship: ${access.relationship}`,
        details: { relationship: access.relationship },
      });
    }
    return {
      summary,
      participant,
      relationship: access.relationship,
      health,
      profile: { ...profile },
      plan,
      appointments,
      notes: health ? notes : notes.filter((n) => !isHealthNote(n.kind)),
      jobs,
      events,
      healthTeam,
      breakGlass: breakGlass ?? null,
    };
  }

  /**
   * A case as a member of staff or a system client may see it, read in one statement (`caseModel`,
   * ADR 0023): the same view as `load` then `view`, with the relationship worked out from the same
   * facts. The read and, when it keeps health fields, its audit row are one transaction (ADR 0053):
   * `BEGIN` with the tenant, the read, the audit row, `COMMIT`.
   */
  async function readView(
    actor: Principal,
    caseId: string,
    healthFields: boolean,
  ): Promise<CaseView & { canWork: boolean; isTeamLead: boolean; takenIn?: boolean }> {
    const now = clock.now();
    return db.inTenant(actor.tenantId, async (tx) => {
      const m = await caseModel(tx, idOf('case', caseId), actor.kind === 'user' ? actor.userId : null, now);
      if (!m) throw new NotFound('case', caseId);
      const consentScopes = m.consent_scopes as ConsentScope[];
      const breakGlass =
        actor.kind === 'user' && m.break_glass
          ? { ...m.break_glass, grantedAt: new Date(m.break_glass.grantedAt), expiresAt: new Date(m.break_glass.expiresAt) }
          : null;
      const access = accessFrom(actor, m, {
        teamOrganisationId: m.team_organisation_id,
        inTeam: Boolean(m.reader_in_team),
        inHealthTeam: Boolean(m.reader_in_health_team),
        healthTeamConsent: consentScopes.includes('share-with-health-team'),
        hasBreakGlass: breakGlass !== null,
      });
      const health: HealthFields | null =
        healthFields && seesHealth(access.relationship)
          ? {
              conditionsText: m.conditions_text,
              conditionCategories: m.condition_categories,
              fitNote: m.fit_note,
              fitNoteAdvice: m.fit_note_advice,
              healthInOwnWords: m.health_in_own_words ?? '',
            }
          : null;
      if (health) {
        // Every read of health fields is audited, with the relationship that allowed it: in the read's
        // transaction, committed before the fields leave this function, so a read whose audit row
        // fails shows nothing. The row is the transaction's last statement and goes to the server
        // with its COMMIT (ADR 0067): if it fails, the commit fails and `inTenant` throws.
        await recordAudit(
          tx,
          actor.tenantId,
          clock,
          {
            actor: caseAuditActor(actor),
            action: 'case.health-read',
            recordType: 'case',
            recordId: m.id,
            reason: access.relationship === 'break-glass' ? `break-glass: ${breakGlass?.reason ?? ''}` : `working relationship: ${access.relationship}`,
            details: { relationship: access.relationship },
          },
          { withCommit: true },
        );
      }
      const lists = caseModelLists(m);
      return {
        summary: caseSummaryOf(m),
        participant: {
          id: m.participant_id,
          personId: m.person_id,
          givenName: m.given_name,
          familyName: m.family_name,
          dateOfBirth: m.date_of_birth,
          nhsNumber: m.nhs_number,
          addressLine1: m.address_line1,
          addressLine2: m.address_line2,
          town: m.town,
          postcode: m.postcode,
          phone: m.phone,
          email: m.email,
          preferredLanguage: m.preferred_language,
          contactMethod: m.contact_method,
          doNotContact: m.do_not_contact,
          accessibilityNeeds: m.accessibility_needs,
          regime: m.regime,
          regimeReason: m.regime_reason,
          consentScopes,
        },
        relationship: access.relationship,
        health,
        profile: {
          workHistory: m.work_history ?? '',
          skills: m.skills ?? '',
          qualifications: m.qualifications ?? '',
          interests: m.interests ?? '',
          wants: m.wants ?? '',
          doesNotWant: m.does_not_want ?? '',
          helps: m.helps ?? '',
          getsInTheWay: m.gets_in_the_way ?? '',
          updatedAt: m.profile_updated_at ?? null,
          updatedBy: m.profile_updated_by ?? null,
        },
        plan: lists.plan,
        appointments: lists.appointments,
        notes: health ? lists.notes : lists.notes.filter((n) => !isHealthNote(n.kind)),
        jobs: lists.jobs,
        events: lists.events,
        healthTeam: lists.healthTeam,
        breakGlass,
        canWork: access.canWork,
        isTeamLead: access.isTeamLead,
        takenIn: Boolean(m.taken_in),
      };
    });
  }

  return {
    letters,
    accessOf,
    load,
    work,
    workWith,
    record,
    participationOf,
    requireAllowed,
    requireConsent,
    movePhaseIn,
    referralActor,
    tellReferrer,
    closeIn,
    view,
    readView,
  };
}

export type CaseWork = ReturnType<typeof createCaseWork>;

const HEALTH_RECORDED = {
  allowed: false as const,
  reason: 'A health condition is recorded for this person, so taking part is voluntary and this is not available.',
  reasonKey: 'cases.refused.healthRecorded',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from a URL: anything that is not a uuid cannot name a record, so it is simply not found. */
export function idOf(what: string, id: string): string {
  if (!UUID.test(id)) throw new NotFound(what, id.slice(0, 40));
  return id;
}

/** A date outside its window is bad input, shown beside its field like any other. */
export function refuseDate(issue: DateIssue | null): void {
  if (issue) throw new InvalidInput([issue]);
}
