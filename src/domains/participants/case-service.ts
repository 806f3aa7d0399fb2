import { type Actor, recordAudit } from '../../platform/audit/index.ts';
import { actorOf, type Principal, type UserPrincipal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type Tx, type WriteHooks } from '../../platform/db/index.ts';
import { Forbidden, InvalidInput, InvalidTransition, NotFound, parseInput } from '../../platform/errors/index.ts';
import { actionAllowed, checkRegimeChange, isVoluntary, type RegimeAction } from '../participation/index.ts';
import type { ReferralService } from '../referrals/index.ts';
import { teamIdsOf, teamMembers } from '../referrals/index.ts';
import type { CaseSummary, CaseView, ConsentScope, Phase, Relationship } from './case.ts';
import { createCaseLetters } from './case-letters.ts';
import {
  activeBreakGlass,
  breakGlassReviewItems,
  type CaseRow,
  caseloadsByTeam,
  caseSettings,
  caseSummaries,
  findCaseRow,
  findParticipant,
  findProfile,
  healthConditionRecorded,
  healthOf,
  healthTeamOf,
  insertCaseEvent,
  insertNote,
  insertPlanItem,
  listAppointments,
  listCaseEvents,
  listJobs,
  listNotes,
  listPlan,
  saveProfile,
  tables,
  updateCase,
} from './case-repo.ts';
import { afterMissedAppointment, CONSENT_NEEDED, canMovePhase, isHealthNote, relationshipOf, seesHealth, sustainedWork } from './case-rules.ts';
import {
  appointmentSchema,
  breakGlassSchema,
  caseSettingsSchema,
  closeSchema,
  complianceReportSchema,
  consentChangeSchema,
  healthTeamSchema,
  jobEndSchema,
  jobStartSchema,
  jobWeekSchema,
  noteSchema,
  outcomeSchema,
  phaseSchema,
  planItemSchema,
  planStatusSchema,
  profileSchema,
  reassignSchema,
  reengageSchema,
  regimeSchema,
  reviewSchema,
} from './case-schemas.ts';

/** Who is acting on a case: a member of staff, a system client, or the participant themselves. */
export type CaseActor = Principal | { kind: 'participant'; tenantId: string; participantId: string; name: string };

const actorName = (a: CaseActor) => (a.kind === 'user' ? a.displayName : a.kind === 'client' ? a.name : a.name);
export const caseAuditActor = (a: CaseActor): Actor => (a.kind === 'participant' ? { kind: 'participant', id: a.participantId } : actorOf(a));
const STAFF_ROLES = ['specialist', 'team-lead'] as const;

type Access = {
  row: CaseRow;
  relationship: Relationship;
  /** May change the case: the assigned specialist, the team's specialists and leads, the team's own system clients. */
  canWork: boolean;
  isTeamLead: boolean;
};

/**
 * Case work: the specialist's caseload, the vocational profile, plan, appointments, notes, jobs and
 * phases; who may see health information; break-glass; and the participation policy on every
 * regime-governed action. Each change is one transaction with its timeline entry and audit row.
 */
export function createCaseService(deps: { db: Database; clock: Clock; baseUrl: string; referrals: ReferralService }) {
  const { db, clock, referrals } = deps;
  const letters = createCaseLetters({ clock, baseUrl: deps.baseUrl });

  async function accessOf(tx: Tx, actor: CaseActor, row: CaseRow): Promise<Access> {
    if (actor.kind === 'participant') {
      if (row.participant_id !== actor.participantId) throw new NotFound('case', row.id);
      return { row, relationship: 'none', canWork: false, isTeamLead: false };
    }
    if (actor.kind === 'client') {
      const team = await tables(tx).selectFrom('teams').select('organisation_id').where('id', '=', row.team_id).executeTakeFirst();
      // A system client sees and works only its own organisation's teams' cases, never health fields.
      if (!actor.organisationId || team?.organisation_id !== actor.organisationId) throw new NotFound('case', row.id);
      return { row, relationship: 'none', canWork: true, isTeamLead: false };
    }
    const now = clock.now();
    const inTeam = (await teamIdsOf(tx, actor.userId)).includes(row.team_id);
    const isTeamLead = inTeam && actor.roles.includes('team-lead');
    const [healthTeam, breakGlass, participant] = await Promise.all([
      tables(tx).selectFrom('case_health_team').select('user_id').where('case_id', '=', row.id).where('user_id', '=', actor.userId).executeTakeFirst(),
      activeBreakGlass(tx, row.id, actor.userId, now),
      tables(tx).selectFrom('participants').select('consent_scopes').where('id', '=', row.participant_id).executeTakeFirstOrThrow(),
    ]);
    const relationship = relationshipOf({
      isAssignedSpecialist: row.specialist_user_id === actor.userId,
      isTeamLeadOfCaseTeam: isTeamLead,
      isNamedHealthTeamMember: healthTeam !== undefined,
      healthTeamConsent: participant.consent_scopes.includes('share-with-health-team'),
      hasActiveBreakGlass: breakGlass !== undefined,
    });
    const canWork = row.specialist_user_id === actor.userId || (inTeam && actor.roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r)));
    return { row, relationship, canWork, isTeamLead };
  }

  async function load(tx: Tx, actor: CaseActor, caseId: string, forUpdate: boolean): Promise<Access> {
    const row = await findCaseRow(tx, idOf('case', caseId), forUpdate);
    if (!row) throw new NotFound('case', caseId);
    return accessOf(tx, actor, row);
  }

  type Work = { tx: Tx; actor: CaseActor; access: Access; row: CaseRow; now: Date };

  /**
   * Runs one change to a case as one transaction, with the case row locked and the actor's rights
   * known. `afterWrite` (an API storing its idempotent response) commits with the change.
   */
  function work<T>(
    actor: CaseActor,
    caseId: string,
    fn: (w: Work) => Promise<T>,
    options: { open?: boolean; participantMay?: boolean } & WriteHooks<T> = {},
  ): Promise<T> {
    return db.inTenant(actor.tenantId, async (tx) => {
      const access = await load(tx, actor, caseId, true);
      if (actor.kind === 'participant' ? !options.participantMay : !access.canWork) throw new Forbidden('Only the team working this case can change it');
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

  return {
    /** A case as this reader may see it; health fields only with a working relationship (audited). */
    /**
     * A case as this reader may see it; health fields only with a working relationship (audited).
     * `healthFields: false` is for pages that show no health information (most forms): the
     * relationship is still worked out, but nothing is read, so there is no read to audit.
     */
    async view(actor: CaseActor, caseId: string, options: { healthFields?: boolean } = {}): Promise<CaseView & { canWork: boolean; isTeamLead: boolean }> {
      return db.inTenant(actor.tenantId, async (tx) => {
        if (actor.kind === 'user' && actor.roles.every((r) => r === 'national-analyst')) throw new NotFound('case', caseId);
        const access = await load(tx, actor, caseId, false);
        return { ...(await view(tx, actor, access, false, options.healthFields !== false)), canWork: access.canWork, isTeamLead: access.isTeamLead };
      });
    },

    /** The specialist's own open cases, with their count against the tenant's IPS caseload limit. */
    async caseload(user: UserPrincipal): Promise<{ cases: CaseSummary[]; limit: number }> {
      return db.inTenant(user.tenantId, async (tx) => {
        const [cases, settings] = await Promise.all([caseSummaries(tx, { specialistUserId: user.userId, open: true }, clock.now()), caseSettings(tx)]);
        return { cases, limit: settings.ipsCaseloadLimit };
      });
    },

    /** A team lead's view: each member's open caseload, and the team's open cases to share out. */
    async teamCaseloads(user: UserPrincipal) {
      return db.inTenant(user.tenantId, async (tx) => {
        if (!user.roles.includes('team-lead')) throw new Forbidden('Only a team lead sees the team’s caseloads');
        const teamIds = await teamIdsOf(tx, user.userId);
        const [members, cases, settings] = await Promise.all([
          caseloadsByTeam(tx, teamIds),
          caseSummaries(tx, { teamIds, open: true }, clock.now()),
          caseSettings(tx),
        ]);
        return {
          limit: settings.ipsCaseloadLimit,
          members: members
            .filter((m) => m.roles.some((r) => r === 'specialist' || r === 'team-lead'))
            .map((m) => ({ teamId: m.teamId, userId: m.userId, name: m.name, open: Number(m.open) })),
          cases,
        };
      });
    },

    /** Cases for a system client: its organisation's teams' cases. */
    async listForClient(client: Principal & { kind: 'client' }) {
      return db.inTenant(client.tenantId, async (tx) => {
        if (!client.organisationId) return [];
        const teams = await tables(tx).selectFrom('teams').select('id').where('organisation_id', '=', client.organisationId).execute();
        return caseSummaries(tx, { teamIds: teams.map((t) => t.id), open: true }, clock.now());
      });
    },

    async updateProfile(actor: CaseActor, caseId: string, input: unknown) {
      const v = parseInput(profileSchema, input);
      return work(actor, caseId, async (w) => {
        // Health in the person's own words is a health field: only someone who may see it may write it.
        const current = await findProfile(w.tx, caseId);
        const health = seesHealth(w.access.relationship) ? v.healthInOwnWords : (await healthOf(w.tx, w.row)).healthInOwnWords;
        await saveProfile(w.tx, {
          tenant_id: actor.tenantId,
          case_id: caseId,
          work_history: v.workHistory,
          skills: v.skills,
          qualifications: v.qualifications,
          interests: v.interests,
          wants: v.wants,
          does_not_want: v.doesNotWant,
          helps: v.helps,
          gets_in_the_way: v.getsInTheWay,
          health_in_own_words: health,
          updated_at: w.now,
          updated_by: actorName(actor),
        });
        if (w.row.phase === 'engagement') await movePhaseIn(w, 'vocational-profile', 'profile started');
        await record(w, 'profile', { action: 'case.profile', reason: current.updatedAt ? 'profile updated' : 'profile started' });
      });
    },

    async addPlanItem(actor: CaseActor, caseId: string, input: unknown) {
      const v = parseInput(planItemSchema, input);
      return work(actor, caseId, async (w) => {
        if (v.goalId) {
          const goal = await tables(w.tx).selectFrom('plan_items').select('kind').where('id', '=', v.goalId).where('case_id', '=', caseId).executeTakeFirst();
          if (goal?.kind !== 'goal') throw new InvalidInput([{ path: 'goalId', message: 'cases.error.goal' }]);
        }
        const id = newId(w.now);
        await insertPlanItem(w.tx, {
          tenantId: actor.tenantId,
          id,
          caseId,
          kind: v.kind,
          goalId: v.kind === 'action' ? v.goalId : null,
          text: v.text,
          owner: v.owner,
          dueOn: v.dueOn,
          addedBy: 'staff',
          at: w.now,
        });
        await record(w, 'plan', { action: 'case.plan-add', reason: `${v.kind} added` }, { details: { item: id, kind: v.kind } });
        return id;
      });
    },

    /** Marks a plan item done or dropped; a participant may change only actions they own. */
    async setPlanStatus(actor: CaseActor, caseId: string, itemId: string, input: unknown) {
      idOf('plan item', itemId);
      const v = parseInput(planStatusSchema, input);
      return work(
        actor,
        caseId,
        async (w) => {
          const item = await tables(w.tx)
            .selectFrom('plan_items')
            .select(['id', 'owner', 'status'])
            .where('id', '=', itemId)
            .where('case_id', '=', caseId)
            .executeTakeFirst();
          if (!item) throw new NotFound('plan item', itemId);
          if (actor.kind === 'participant' && item.owner !== 'participant') throw new Forbidden('You can change only your own actions');
          await tables(w.tx).updateTable('plan_items').set({ status: v.status, updated_at: w.now }).where('id', '=', itemId).execute();
          await record(
            w,
            'plan',
            { action: 'case.plan-status', reason: `${item.status} to ${v.status}` },
            { from: item.status, to: v.status, details: { item: itemId } },
          );
        },
        { participantMay: true },
      );
    },

    /**
     * Books an appointment and sends the person its letter in their language. A mandatory
     * appointment, or a letter with obligation wording, exists only where the participation policy
     * allows it; for a voluntary participant both are refused with the policy's reason.
     */
    async bookAppointment(actor: CaseActor, caseId: string, input: unknown, hooks: WriteHooks<string> = {}) {
      const v = parseInput(appointmentSchema, input);
      const standing = await participationOf(actor, caseId);
      if (v.mandatory) await requireAllowed(actor, caseId, standing, 'mandatory-appointment');
      if (v.obligationWording) await requireAllowed(actor, caseId, standing, 'obligation-wording');
      const startsAt = londonDateTime(v.date, v.time);
      return workWith(hooks)(actor, caseId, async (w) => {
        const participant = await findParticipant(w.tx, w.row.participant_id);
        if (!participant) throw new NotFound('participant');
        // Re-checked under the row lock: a regime change in between cannot slip a mandatory appointment through.
        if ((v.mandatory || v.obligationWording) && isVoluntary(participant.regime)) throw new Forbidden('The participation policy changed; try again');
        const id = newId(w.now);
        await tables(w.tx)
          .insertInto('appointments')
          .values({
            tenant_id: actor.tenantId,
            id,
            case_id: caseId,
            starts_at: startsAt,
            mode: v.mode,
            place: v.place,
            mandatory: v.mandatory,
            created_by: actorName(actor),
            created_at: w.now,
            updated_at: w.now,
          })
          .execute();
        await letters.appointment(w.tx, actor.tenantId, participant, { startsAt, mode: v.mode, place: v.place, obligations: v.obligationWording });
        await record(
          w,
          'appointment',
          {
            action: 'case.appointment-book',
            reason: `${v.mode} appointment booked`,
            details: { mandatory: v.mandatory, obligationWording: v.obligationWording },
          },
          { details: { appointment: id, startsAt: startsAt.toISOString(), mode: v.mode } },
        );
        return id;
      });
    },

    /**
     * Records what happened at an appointment. Attending counts as contact, and the first one is the
     * referral's "first appointment" milestone. Not attending leads to a follow-up contact action
     * for the specialist, and nothing else: no warning, no report, no consequence.
     */
    async recordOutcome(actor: CaseActor, caseId: string, appointmentId: string, input: unknown, hooks: WriteHooks<{ followUp: string | null }> = {}) {
      idOf('appointment', appointmentId);
      const v = parseInput(outcomeSchema, input);
      return workWith(hooks)(actor, caseId, async (w) => {
        const appt = await tables(w.tx).selectFrom('appointments').selectAll().where('id', '=', appointmentId).where('case_id', '=', caseId).executeTakeFirst();
        if (!appt) throw new NotFound('appointment', appointmentId);
        if (appt.outcome) throw new InvalidTransition(appt.outcome, v.outcome);
        await tables(w.tx)
          .updateTable('appointments')
          .set({ outcome: v.outcome, outcome_note: v.note || null, updated_at: w.now })
          .where('id', '=', appointmentId)
          .execute();
        let followUp: string | null = null;
        let reportable = false;
        if (v.outcome === 'attended') {
          await updateCase(w.tx, caseId, { last_contact_at: w.now }, w.now);
          await referrals.milestoneIn(w.tx, referralActor(actor), w.row.referral_id, 'first-appointment', await tellReferrer(w));
        } else if (v.outcome === 'did-not-attend') {
          const participant = await tables(w.tx).selectFrom('participants').select('regime').where('id', '=', w.row.participant_id).executeTakeFirstOrThrow();
          reportable = afterMissedAppointment({ voluntary: isVoluntary(participant.regime), mandatory: appt.mandatory }).reportable;
          followUp = newId(w.now);
          const due = new Date(w.now.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
          await insertPlanItem(w.tx, {
            tenantId: actor.tenantId,
            id: followUp,
            caseId,
            kind: 'action',
            goalId: null,
            text: 'Get back in touch to see how they are and offer another time',
            owner: 'specialist',
            dueOn: due,
            addedBy: 'staff',
            at: w.now,
          });
        }
        await record(
          w,
          'appointment',
          { action: 'case.appointment-outcome', reason: v.outcome },
          { to: v.outcome, reason: v.note || null, details: { appointment: appointmentId, ...(followUp ? { followUp, reportable } : {}) } },
        );
        return { followUp };
      });
    },

    /**
     * A typed note. Employer contact on the person's behalf needs their consent to contact employers;
     * a health-team liaison note needs consent to share with the health team and a working relationship.
     */
    async addNote(actor: CaseActor, caseId: string, input: unknown, hooks: WriteHooks<string> = {}) {
      const v = parseInput(noteSchema, input);
      return db.inTenant(actor.tenantId, async (tx) => {
        const access = await load(tx, actor, caseId, true);
        const row = access.row;
        const healthTeamWriter = access.relationship === 'health-team' && v.kind === 'health-liaison';
        if (!access.canWork && !healthTeamWriter) throw new Forbidden('Only the team working this case can add notes');
        if (row.phase === 'closed') throw new InvalidTransition('closed', 'a note');
        if (isHealthNote(v.kind) && !seesHealth(access.relationship)) throw new Forbidden('Health-team notes need a working relationship with the person');
        const w: Work = { tx, actor, access, row, now: clock.now() };
        await requireConsent(w, CONSENT_NEEDED[v.kind]);
        const id = newId(w.now);
        await insertNote(tx, { tenantId: actor.tenantId, id, caseId, kind: v.kind, body: v.body, author: authorOf(actor), at: w.now });
        if (v.kind === 'contact' || v.kind === 'in-work-support') await updateCase(tx, caseId, { last_contact_at: w.now }, w.now);
        await record(w, 'note', { action: 'case.note', reason: `${v.kind} note` }, { details: { note: id, kind: v.kind } });
        await hooks.afterWrite?.(tx, id);
        return id;
      });
    },

    /** A job start: the case moves to in-work support, and the referral reaches its job-start milestone. */
    async startJob(actor: CaseActor, caseId: string, input: unknown, hooks: WriteHooks<string> = {}) {
      const v = parseInput(jobStartSchema, input);
      return workWith(hooks)(actor, caseId, async (w) => {
        const id = newId(w.now);
        await tables(w.tx)
          .insertInto('case_jobs')
          .values({
            tenant_id: actor.tenantId,
            id,
            case_id: caseId,
            employer: v.employer,
            role: v.role,
            hours_per_week: v.hoursPerWeek,
            hourly_pay: v.hourlyPay,
            contract_type: v.contractType,
            start_date: v.startDate,
            end_date: null,
            end_reason: null,
            sustained_on: null,
            created_at: w.now,
            updated_at: w.now,
          })
          .execute();
        const phase = w.row.phase as Phase;
        if (phase !== 'in-work') {
          if (phase !== 'job-search') await movePhaseIn(w, 'job-search', 'job found');
          await movePhaseIn(w, 'in-work', 'job started');
        }
        await referrals.milestoneIn(w.tx, referralActor(actor), w.row.referral_id, 'job-start', await tellReferrer(w));
        await record(
          w,
          'job-start',
          { action: 'case.job-start', reason: 'job start recorded', details: { job: id } },
          { details: { job: id, employer: v.employer, role: v.role, startDate: v.startDate, hoursPerWeek: v.hoursPerWeek } },
        );
        return id;
      });
    },

    /**
     * Hours worked in one week of a job. When the recorded weeks first meet the sustained-work rule,
     * the job is marked sustained and the referral reaches its "sustained 13 weeks" milestone.
     */
    async recordJobWeek(actor: CaseActor, caseId: string, jobId: string, input: unknown, hooks: WriteHooks<ReturnType<typeof sustainedWork>> = {}) {
      idOf('job', jobId);
      const v = parseInput(jobWeekSchema, input);
      return workWith(hooks)(actor, caseId, async (w) => {
        const job = (await listJobs(w.tx, caseId)).find((j) => j.id === jobId);
        if (!job) throw new NotFound('job', jobId);
        // Only weeks that have begun, and not after the job ended: the outcome rests on hours worked.
        const weekStarts = new Date(Date.parse(`${job.startDate}T00:00:00Z`) + (v.week - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
        if (weekStarts > w.now.toISOString().slice(0, 10) || (job.endDate && weekStarts > job.endDate)) {
          throw new InvalidInput([{ path: 'week', message: 'cases.error.weekOutside' }]);
        }
        await tables(w.tx)
          .insertInto('case_job_weeks')
          .values({ tenant_id: actor.tenantId, job_id: jobId, week: v.week, hours: v.hours })
          .onConflict((oc) => oc.columns(['tenant_id', 'job_id', 'week']).doUpdateSet({ hours: v.hours }))
          .execute();
        const weeks = [...job.weeks.filter((x) => x.week !== v.week), { week: v.week, hours: v.hours }];
        const result = sustainedWork({ startDate: job.startDate, weeks });
        if (result.sustained && !job.sustainedOn) {
          await tables(w.tx).updateTable('case_jobs').set({ sustained_on: result.sustainedOn, updated_at: w.now }).where('id', '=', jobId).execute();
          await referrals.milestoneIn(w.tx, referralActor(actor), w.row.referral_id, 'sustained-13-weeks', await tellReferrer(w));
        }
        await record(
          w,
          'job-week',
          { action: 'case.job-week', reason: `week ${v.week}: ${v.hours} hours` },
          { details: { job: jobId, week: v.week, hours: v.hours, sustained: result.sustained } },
        );
        return result;
      });
    },

    /** A job ends: with no other job continuing, the case returns to job search, with no penalty. */
    async endJob(actor: CaseActor, caseId: string, jobId: string, input: unknown, hooks: WriteHooks<void> = {}) {
      idOf('job', jobId);
      const v = parseInput(jobEndSchema, input);
      return workWith(hooks)(actor, caseId, async (w) => {
        const jobs = await listJobs(w.tx, caseId);
        const job = jobs.find((j) => j.id === jobId);
        if (!job) throw new NotFound('job', jobId);
        if (job.endDate) throw new InvalidTransition('ended', 'ended');
        if (v.endDate < job.startDate) throw new InvalidInput([{ path: 'endDate', message: 'cases.error.endBeforeStart' }]);
        await tables(w.tx).updateTable('case_jobs').set({ end_date: v.endDate, end_reason: v.reason, updated_at: w.now }).where('id', '=', jobId).execute();
        const stillWorking = jobs.some((j) => j.id !== jobId && !j.endDate);
        if (!stillWorking && w.row.phase === 'in-work') await movePhaseIn(w, 'job-search', 'job ended');
        await record(
          w,
          'job-end',
          { action: 'case.job-end', reason: v.reason, details: { job: jobId } },
          { reason: v.reason, details: { job: jobId, endDate: v.endDate } },
        );
      });
    },

    async movePhase(actor: CaseActor, caseId: string, input: unknown, hooks: WriteHooks<void> = {}) {
      const v = parseInput(phaseSchema, input);
      if (v.phase === 'closed') throw new InvalidInput([{ path: 'phase', message: 'cases.error.useClose' }]);
      return workWith(hooks)(actor, caseId, async (w) => {
        const from = w.row.phase;
        if (from === v.phase) return;
        await movePhaseIn(w, v.phase, v.reason || null);
        await recordAudit(w.tx, actor.tenantId, clock, {
          actor: caseAuditActor(actor),
          action: 'case.phase',
          recordType: 'case',
          recordId: caseId,
          reason: v.reason || `${from} to ${v.phase}`,
        });
      });
    },

    async close(actor: CaseActor, caseId: string, input: unknown, hooks: WriteHooks<void> = {}) {
      const v = parseInput(closeSchema, input);
      return work(actor, caseId, (w) => closeIn(w, v.reason, v.note), hooks);
    },

    /** Re-engages a closed case: it reopens at engagement, its history kept. */
    async reengage(actor: CaseActor, caseId: string, input: unknown) {
      const v = parseInput(reengageSchema, input);
      return work(
        actor,
        caseId,
        async (w) => {
          if (w.row.phase !== 'closed') throw new InvalidTransition(w.row.phase, 'engagement');
          w.row = { ...w.row, ...(await updateCase(w.tx, caseId, { phase: 'engagement', closed_at: null, closure_reason: null, closure_note: null }, w.now)) };
          await record(w, 'reengaged', { action: 'case.reengage', reason: v.reason }, { from: 'closed', to: 'engagement', reason: v.reason });
        },
        { open: false },
      );
    },

    /** A team lead gives the case to another specialist in the team, with a reason. */
    async reassign(actor: UserPrincipal, caseId: string, input: unknown) {
      const v = parseInput(reassignSchema, input);
      return work(actor, caseId, async (w) => {
        if (!w.access.isTeamLead) throw new Forbidden('Only the team lead can reassign a case');
        const members = await teamMembers(w.tx, w.row.team_id);
        const to = members.find((m) => m.id === v.specialistUserId && !m.disabled_at && m.roles.some((r) => r === 'specialist' || r === 'team-lead'));
        if (!to) throw new InvalidInput([{ path: 'specialistUserId', message: 'cases.error.specialist' }]);
        const from = members.find((m) => m.id === w.row.specialist_user_id)?.display_name ?? null;
        await updateCase(w.tx, caseId, { specialist_user_id: to.id }, w.now);
        await tables(w.tx).updateTable('referrals').set({ owner_user_id: to.id }).where('id', '=', w.row.referral_id).execute();
        await record(
          w,
          'reassigned',
          { action: 'case.reassign', reason: v.reason, details: { from: w.row.specialist_user_id, to: to.id } },
          { from, to: to.display_name, reason: v.reason },
        );
      });
    },

    /**
     * A change of participation regime, with a reason, audited. Voluntary to conditional is refused
     * while any health condition is recorded for the person.
     */
    async changeRegime(actor: CaseActor, caseId: string, input: unknown, hooks: WriteHooks<void> = {}) {
      const v = parseInput(regimeSchema, input);
      return workWith(hooks)(actor, caseId, async (w) => {
        const participant = await findParticipant(w.tx, w.row.participant_id, true);
        if (!participant) throw new NotFound('participant');
        const check = checkRegimeChange({
          from: participant.regime,
          to: v.regime,
          healthConditionRecorded: await healthConditionRecorded(w.tx, participant.id),
          reason: v.reason,
        });
        if (!check.ok) {
          if (check.why === 'health-condition-recorded') throw new Forbidden(check.message, [{ path: 'regime', message: 'cases.refused.regime.health' }]);
          throw new InvalidInput([
            {
              path: check.why === 'reason-required' ? 'reason' : 'regime',
              message: check.why === 'reason-required' ? 'cases.error.reason' : 'cases.error.regimeSame',
            },
          ]);
        }
        await tables(w.tx).updateTable('participants').set({ regime: v.regime, regime_reason: v.reason }).where('id', '=', participant.id).execute();
        // Voluntary from now on: no appointment still to come stays mandatory.
        if (isVoluntary(v.regime)) {
          await tables(w.tx)
            .updateTable('appointments')
            .set({ mandatory: false, updated_at: w.now })
            .where('case_id', '=', caseId)
            .where('outcome', 'is', null)
            .execute();
        }
        await record(
          w,
          'regime',
          { action: 'participation.regime-change', reason: v.reason, details: { from: participant.regime, to: v.regime } },
          { from: participant.regime, to: v.regime, reason: v.reason },
        );
      });
    },

    /** A compliance-doubt report to the Jobcentre: exists only for the conditional regime, and only with consent to share with the Jobcentre. */
    async reportComplianceDoubt(actor: CaseActor, caseId: string, input: unknown, hooks: WriteHooks<string> = {}) {
      const v = parseInput(complianceReportSchema, input);
      const standing = await participationOf(actor, caseId);
      await requireAllowed(actor, caseId, standing, 'compliance-doubt-report');
      return workWith(hooks)(actor, caseId, async (w) => {
        const p = await tables(w.tx).selectFrom('participants').select('regime').where('id', '=', w.row.participant_id).executeTakeFirstOrThrow();
        if (isVoluntary(p.regime)) throw new Forbidden('The participation policy changed; try again');
        await requireConsent(w, CONSENT_NEEDED['compliance-doubt-report']);
        if (v.appointmentId) {
          const appt = await tables(w.tx)
            .selectFrom('appointments')
            .select('id')
            .where('id', '=', v.appointmentId)
            .where('case_id', '=', caseId)
            .executeTakeFirst();
          if (!appt) throw new InvalidInput([{ path: 'appointmentId', message: 'cases.error.appointment' }]);
        }
        const id = newId(w.now);
        await tables(w.tx)
          .insertInto('compliance_reports')
          .values({
            tenant_id: actor.tenantId,
            id,
            case_id: caseId,
            appointment_id: v.appointmentId,
            details: v.details,
            created_by: actorName(actor),
            created_at: w.now,
          })
          .execute();
        await record(w, 'compliance-report', {
          action: 'participation.compliance-report',
          reason: 'compliance doubt reported to the Jobcentre',
          details: { report: id },
        });
        return id;
      });
    },

    /** Changes the person's consents (staff recording what the person said, or the person themselves). */
    async changeConsent(actor: CaseActor, caseId: string, input: unknown, hooks: WriteHooks<{ withdrawn: string[]; given: string[] }> = {}) {
      const v = parseInput(consentChangeSchema, input);
      return work(
        actor,
        caseId,
        async (w) => {
          const p = await tables(w.tx)
            .selectFrom('participants')
            .select(['consent_scopes'])
            .where('id', '=', w.row.participant_id)
            .forUpdate()
            .executeTakeFirstOrThrow();
          // Sharing with the employment team is the service itself; leaving is how a person ends it.
          const next = ['share-with-employment-team', ...v.scopes];
          const withdrawn = p.consent_scopes.filter((s) => !next.includes(s));
          const given = next.filter((s) => !p.consent_scopes.includes(s));
          if (withdrawn.length === 0 && given.length === 0) return { withdrawn, given };
          await tables(w.tx).updateTable('participants').set({ consent_scopes: next }).where('id', '=', w.row.participant_id).execute();
          await record(
            w,
            'consent',
            { action: 'participant.consent', reason: `consent changed`, details: { withdrawn, given } },
            { details: { withdrawn, given } },
          );
          return { withdrawn, given };
        },
        { participantMay: true, ...hooks },
      );
    },

    async addHealthTeamMember(actor: UserPrincipal, caseId: string, input: unknown) {
      const v = parseInput(healthTeamSchema, input);
      return work(actor, caseId, async (w) => {
        const user = await tables(w.tx)
          .selectFrom('users')
          .select(['id', 'display_name', 'disabled_at', 'roles'])
          .where('id', '=', v.userId)
          .executeTakeFirst();
        // The person's health team are the clinicians who refer: referrers, not other staff.
        if (!user || user.disabled_at || !user.roles.includes('referrer'))
          throw new InvalidInput([{ path: 'userId', message: 'cases.error.healthTeamMember' }]);
        await tables(w.tx)
          .insertInto('case_health_team')
          .values({ tenant_id: actor.tenantId, case_id: caseId, user_id: user.id, added_at: w.now })
          .onConflict((oc) => oc.doNothing())
          .execute();
        await record(w, 'health-team', { action: 'case.health-team-add', reason: `named ${user.display_name} in the health team` }, { to: user.display_name });
      });
    },

    /** Staff who could be named in the person's health team: the tenant's referrers. */
    async healthTeamCandidates(actor: UserPrincipal) {
      return db.inTenant(actor.tenantId, (tx) =>
        tables(tx)
          .selectFrom('users')
          .select(['id', 'display_name as name'])
          .where('disabled_at', 'is', null)
          .where(sqlHasRole('referrer'))
          .orderBy('display_name')
          .execute(),
      );
    },

    /**
     * Break-glass: someone without a working relationship sees the health fields for a limited time,
     * with a reason. It is audited and raises a review item for the information-governance lead.
     */
    async breakGlass(actor: UserPrincipal, caseId: string, input: unknown) {
      const v = parseInput(breakGlassSchema, input);
      return db.inTenant(actor.tenantId, async (tx) => {
        const access = await load(tx, actor, caseId, true);
        // Emergency access is for staff who work cases; anyone else asks them or the team lead.
        if (!actor.roles.some((r) => r === 'specialist' || r === 'team-lead'))
          throw new Forbidden('Only specialists and team leads can use break-glass access');
        if (access.relationship !== 'none') return null;
        const now = clock.now();
        const { breakGlassHours } = await caseSettings(tx);
        const id = newId(now);
        const expiresAt = new Date(now.getTime() + breakGlassHours * 3_600_000);
        await tables(tx)
          .insertInto('break_glass_grants')
          .values({
            tenant_id: actor.tenantId,
            id,
            case_id: caseId,
            user_id: actor.userId,
            reason: v.reason,
            granted_at: now,
            expires_at: expiresAt,
            reviewed_at: null,
            reviewed_by: null,
            review_outcome: null,
            review_note: null,
          })
          .execute();
        await letters.breakGlassAlert(tx, actor.tenantId, { grantId: id, caseId, userName: actor.displayName });
        const w: Work = { tx, actor, access, row: access.row, now };
        await record(
          w,
          'break-glass',
          { action: 'case.break-glass', reason: v.reason, details: { grant: id, expiresAt: expiresAt.toISOString() } },
          { reason: v.reason, details: { expiresAt: expiresAt.toISOString() } },
        );
        return { id, expiresAt };
      });
    },

    /** The information-governance lead's review list: every break-glass grant, unreviewed first. */
    async reviewItems(actor: UserPrincipal) {
      if (!actor.roles.includes('ig-lead')) throw new Forbidden('Only the information-governance lead reviews break-glass access');
      return db.inTenant(actor.tenantId, (tx) => breakGlassReviewItems(tx));
    },

    async review(actor: UserPrincipal, grantId: string, input: unknown) {
      if (!actor.roles.includes('ig-lead')) throw new Forbidden('Only the information-governance lead reviews break-glass access');
      idOf('break-glass grant', grantId);
      const v = parseInput(reviewSchema, input);
      return db.inTenant(actor.tenantId, async (tx) => {
        const now = clock.now();
        const updated = await tables(tx)
          .updateTable('break_glass_grants')
          .set((eb) => ({
            reviewed_at: now,
            reviewed_by: actor.userId,
            review_outcome: v.outcome,
            review_note: v.note || null,
            // Access found not justified ends at once.
            expires_at: v.outcome === 'not-justified' ? eb.fn('least', ['expires_at', eb.val(now)]) : eb.ref('expires_at'),
          }))
          .where('id', '=', grantId)
          .where('reviewed_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!updated) throw new NotFound('unreviewed break-glass grant', grantId);
        await recordAudit(tx, actor.tenantId, clock, {
          actor: actorOf(actor),
          action: 'case.break-glass-review',
          recordType: 'break-glass',
          recordId: grantId,
          reason: v.outcome,
          details: { note: v.note },
        });
      });
    },

    /** The tenant's case settings: the IPS caseload limit and how long break-glass access lasts. */
    settings: (actor: UserPrincipal) => db.inTenant(actor.tenantId, caseSettings),

    /** A tenant admin changes the case settings; audited with what they were before. */
    async updateSettings(actor: UserPrincipal, input: unknown) {
      if (!actor.roles.includes('tenant-admin')) throw new Forbidden('Only a tenant admin changes case settings');
      const v = parseInput(caseSettingsSchema, input);
      return db.inTenant(actor.tenantId, async (tx) => {
        const before = await caseSettings(tx);
        const now = clock.now();
        const set = { ips_caseload_limit: v.ipsCaseloadLimit, break_glass_hours: v.breakGlassHours, updated_at: now };
        await tx
          .withTables<{ tenant_settings: { ips_caseload_limit: number; break_glass_hours: number } }>()
          .insertInto('tenant_settings')
          .values({ tenant_id: actor.tenantId, require_mfa: false, ...set })
          .onConflict((oc) => oc.column('tenant_id').doUpdateSet(set))
          .execute();
        await recordAudit(tx, actor.tenantId, clock, {
          actor: actorOf(actor),
          action: 'tenant.case-settings',
          recordType: 'tenant',
          recordId: actor.tenantId,
          reason: 'changed case settings',
          details: { before, after: v },
        });
        return v;
      });
    },

    /** The case an accepted referral opened: the referral page links to it. */
    async caseIdOfReferral(actor: UserPrincipal, referralId: string): Promise<string> {
      return db.inTenant(actor.tenantId, async (tx) => {
        const row = await tables(tx).selectFrom('cases').select('id').where('referral_id', '=', referralId).executeTakeFirst();
        if (!row) throw new NotFound('case for referral', referralId);
        return row.id;
      });
    },

    /** For the participant's own view and export: the case as the person may see it (their own record, health included). */
    async forParticipant(participant: { tenantId: string; participantId: string; name: string }, caseId: string): Promise<CaseView> {
      return db.inTenant(participant.tenantId, async (tx) => {
        const actor: CaseActor = { kind: 'participant', ...participant };
        const access = await load(tx, actor, caseId, false);
        return view(tx, actor, access, true);
      });
    },

    /** Internals the participant service reuses for the person's own changes and leaving. */
    participantWork: <T>(actor: CaseActor, caseId: string, fn: (w: Work) => Promise<T>) => work(actor, caseId, fn, { participantMay: true }),
    closeIn,
    record,
  };
}

const authorOf = (a: CaseActor) => ({ kind: a.kind, id: a.kind === 'user' ? a.userId : a.kind === 'client' ? a.id : a.participantId, name: actorName(a) });

function sqlHasRole(role: string) {
  return (eb: import('kysely').ExpressionBuilder<{ users: { roles: string[] } }, 'users'>) => eb(eb.val(role), '=', eb.fn.any('roles'));
}

/** An appointment's date and time as the person reads it: UK local time, whatever the server's zone. */
export function londonDateTime(date: string, time: string): Date {
  const naive = Date.parse(`${date}T${time}:00Z`);
  const offsetOf = (ms: number) => {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' }).formatToParts(new Date(ms));
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-]\d+)?/.exec(name);
    return (m?.[1] ? Number(m[1]) : 0) * 3_600_000;
  };
  return new Date(naive - offsetOf(naive - offsetOf(naive)));
}

const HEALTH_RECORDED = {
  allowed: false as const,
  reason: 'A health condition is recorded for this person, so taking part is voluntary and this is not available.',
  reasonKey: 'cases.refused.healthRecorded',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from a URL: anything that is not a uuid cannot name a record, so it is simply not found. */
function idOf(what: string, id: string): string {
  if (!UUID.test(id)) throw new NotFound(what, id.slice(0, 40));
  return id;
}

export type CaseService = ReturnType<typeof createCaseService>;
