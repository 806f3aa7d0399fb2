import { recordAudit } from '../../platform/audit/index.ts';
import type { UserPrincipal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type Tx, type WriteHooks } from '../../platform/db/index.ts';
import { Forbidden, InvalidInput, InvalidTransition, NotFound, parseInput } from '../../platform/errors/index.ts';
import { londonIsoDate, londonWallClock } from '../../platform/i18n/index.ts';
import type { DeliveryFailure } from '../../platform/notify/index.ts';
import { isVoluntary } from '../participation/index.ts';
import type { ReferralService } from '../referrals/index.ts';
import { recordReferralOutcome, teamMembers } from '../referrals/index.ts';
import { appointmentDateIssue, dueDateIssue } from './case-date-rules.ts';
import { createCaseGovernance } from './case-governance.ts';
import { healthOf } from './case-governance-repo.ts';
import { createCaseJobs, type JobEvents } from './case-job-service.ts';
import { createCaseReads } from './case-read-service.ts';
import { findParticipant, findProfile, insertCaseEvent, insertNote, insertPlanItem, saveProfile, tables, updateCase } from './case-repo.ts';
import { afterMissedAppointment, CONSENT_NEEDED, isHealthNote, seesHealth } from './case-rules.ts';
import {
  appointmentSchema,
  closeSchema,
  consentChangeSchema,
  detailsSchema,
  noteSchema,
  outcomeSchema,
  phaseSchema,
  planItemSchema,
  planStatusSchema,
  profileSchema,
  reassignSchema,
  reengageSchema,
} from './case-schemas.ts';
import { actorName, authorOf, type CaseActor, caseAuditActor, createCaseWork, idOf, refuseDate, type Work } from './case-work.ts';

/**
 * Case work: the vocational profile, plan, appointments, notes and phases, closing and
 * re-engaging, reassigning and consent; with the reads (a case, caseloads) from
 * case-read-service.ts, jobs from case-job-service.ts and the governance of case work (regimes,
 * compliance reports, health team, break-glass, settings) from case-governance.ts. Each change is
 * one transaction with its timeline entry and audit row.
 */
export function createCaseService(deps: { db: Database; clock: Clock; baseUrl: string; referrals: ReferralService; jobEvents?: JobEvents }) {
  const { db, clock, referrals } = deps;
  const k = createCaseWork(deps);
  const { letters, load, work, workWith, record, participationOf, requireAllowed, requireConsent, movePhaseIn, referralActor, tellReferrer, closeIn } = k;
  return {
    /**
     * GOV.UK Notify could not deliver a message to the person about this case (ADR 0045): the case
     * timeline shows it, and the case's specialist is emailed (no name, as in every staff message).
     */
    async messageFailed(tx: Tx, failure: DeliveryFailure): Promise<void> {
      if (failure.about.kind !== 'case') return;
      const row = await tables(tx).selectFrom('cases').select(['id', 'specialist_user_id']).where('id', '=', failure.about.id).executeTakeFirst();
      if (!row) return;
      await insertCaseEvent(tx, {
        tenantId: failure.tenantId,
        id: newId(failure.at),
        caseId: row.id,
        at: failure.at,
        actor: { kind: 'system', id: 'govuk-notify', name: 'GOV.UK Notify' },
        kind: 'message-failed',
        to: failure.channel,
        details: { channel: failure.channel, message: failure.messageId },
      });
      const specialist = row.specialist_user_id
        ? await tx
            .selectFrom('users')
            .select(['email', 'preferred_language'])
            .where('id', '=', row.specialist_user_id)
            .where('disabled_at', 'is', null)
            .executeTakeFirst()
        : undefined;
      if (specialist)
        await letters.unreachable(tx, failure.tenantId, { email: specialist.email, language: specialist.preferred_language }, row.id, failure.channel);
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
      refuseDate(dueDateIssue(v.dueOn, londonIsoDate(clock.now())));
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
      const startsAt = londonWallClock(v.date, v.time);
      refuseDate(appointmentDateIssue({ date: v.date, startsAt }, londonIsoDate(clock.now()), clock.now()));
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
        await letters.appointment(w.tx, actor.tenantId, participant, { startsAt, mode: v.mode, place: v.place, obligations: v.obligationWording, caseId });
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
          const attended = await tables(w.tx)
            .selectFrom('appointments')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('case_id', '=', caseId)
            .where('outcome', '=', 'attended')
            .executeTakeFirstOrThrow();
          if (Number(attended.n) === 1) await recordReferralOutcome(w.tx, actor.tenantId, w.row.referral_id, 'first-appointment', w.now);
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
          await recordReferralOutcome(w.tx, actor.tenantId, w.row.referral_id, 're-engaged', w.now);
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
     * The person's accessibility needs, language for letters and messages, and how they prefer to be
     * contacted: by staff recording what the person said, or by the person themselves.
     */
    async updateDetails(actor: CaseActor, caseId: string, input: unknown) {
      const v = parseInput(detailsSchema, input);
      return work(
        actor,
        caseId,
        async (w) => {
          const p = await findParticipant(w.tx, w.row.participant_id, true);
          if (!p) throw new NotFound('participant');
          // A way of contact needs the details for it; post always has the address.
          const reachable = v.contactMethod === 'post' || (v.contactMethod === 'email' ? p.email : p.phone);
          if (!reachable) throw new InvalidInput([{ path: 'contactMethod', message: 'cases.error.contactMethodDetails' }]);
          await tables(w.tx).updateTable('participants').set({ accessibility_needs: v.accessibilityNeeds }).where('id', '=', p.id).execute();
          await tables(w.tx)
            .updateTable('people')
            .set({ preferred_language: v.preferredLanguage, contact_method: v.contactMethod, updated_at: w.now })
            .where('id', '=', p.personId)
            .execute();
          const changed = [
            ...(p.accessibilityNeeds !== v.accessibilityNeeds ? ['accessibility needs'] : []),
            ...(p.preferredLanguage !== v.preferredLanguage ? ['language'] : []),
            ...(p.contactMethod !== v.contactMethod ? ['contact method'] : []),
          ];
          if (changed.length) await record(w, 'details', { action: 'participant.details', reason: `changed: ${changed.join(', ')}` }, { details: { changed } });
        },
        { participantMay: true },
      );
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
    /** Internals the participant service reuses for the person's own changes and leaving. */
    participantWork: <T>(actor: CaseActor, caseId: string, fn: (w: Work) => Promise<T>) => work(actor, caseId, fn, { participantMay: true }),
    /** One change to a case for another capability (the bridge-back guarantee): the same transaction, rights and row lock. */
    work,
    /** The person's regime and whether a health condition is recorded, for another capability's participation check (youth offers). */
    participationOf,
    closeIn,
    record,
    /** A timeline entry the system makes on its own, in the caller's transaction (a guarantee expiring, a reminder sent). */
    systemEntry: (tx: Tx, e: Omit<Parameters<typeof insertCaseEvent>[1], 'actor'> & { actor: { id: string; name: string } }) =>
      insertCaseEvent(tx, { ...e, actor: { kind: 'system', ...e.actor } }),
    ...createCaseReads(deps, k),
    ...createCaseJobs(deps, k),
    ...createCaseGovernance(deps, k),
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
