import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/index.ts';
import { actorOf, type Principal, type UserPrincipal } from '../../platform/auth/index.ts';
import { addDays, type Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type Tx } from '../../platform/db/index.ts';
import { Conflict, Forbidden, InvalidInput, NotFound, parseInput } from '../../platform/errors/index.ts';
import { londonIsoDate } from '../../platform/i18n/index.ts';
import { caseDecisions } from '../access-to-work/index.ts';
import type { CaseActor, CaseService } from '../participants/index.ts';
import { normalisePostcode, type ReferralService, recordReferralOutcome, type Submitter, teamIdsOf } from '../referrals/index.ts';
import { type FitNote, type RetentionCase, transition } from './retention.ts';
import {
  employerUsers,
  findById,
  findByParticipant,
  findByReferral,
  fitNotesOf,
  insertCase,
  insertFitNote,
  missedReviewsOf,
  replaceWeeks,
  reviewsToFlag,
  sharedWith,
  updateCase,
  updateWeek,
  weeksOf,
} from './retention-repo.ts';
import {
  absenceChange,
  fitNoteIssues,
  noteInForce,
  periodEnd,
  phasedSchedule,
  policyOn,
  RETENTION_POLICY,
  retentionOutcome,
  reviewState,
  scheduleComplete,
  scheduleIssues,
  weekState,
} from './retention-rules.ts';
import { type FitNoteInput, fitNoteSchema, outcomeSchema, planSchema, retentionReferralSchema, reviewSchema } from './retention-schemas.ts';

const TIMELINE = 'retention';
type W = Parameters<Parameters<CaseService['work']>[2]>[0];

/** The fit note as stored: the period's last day from dates, a number of days, or none (indefinite). */
function noteFrom(v: FitNoteInput, source: FitNote['source']): Omit<FitNote, 'id' | 'recordedAt'> {
  const to = v.indefinite ? null : (v.to ?? periodEnd(v.from, v.periodDays ?? 1));
  return {
    fitness: v.fitness,
    advice: v.advice,
    condition: v.condition,
    comments: v.comments,
    from: v.from,
    to,
    followUpNeeded: v.followUpNeeded,
    issuedOn: v.issuedOn,
    issuerProfession: v.issuerProfession ?? null,
    source,
  };
}

/**
 * In-work retention (issue 18 items 5–8): a retention referral (the referral plus the job, the
 * absence so far, the employer's consent and the fit note), fit notes over time, the plan with its
 * phased-return weeks and reviews, what the person and the employer's named contact see, the
 * missed-review sweep, and the outcome as an outcome fact. Every change on an open case goes
 * through the case capability's one transaction with its timeline entry and audit row.
 */
export function createRetentionService(deps: { db: Database; clock: Clock; referrals: ReferralService; cases: CaseService }) {
  const { db, clock, referrals, cases } = deps;
  const today = () => londonIsoDate(clock.now());

  async function retentionOf(w: W): Promise<RetentionCase> {
    const rc = await findByReferral(w.tx, w.row.referral_id, true);
    if (!rc) throw new NotFound('retention case for case', w.row.id);
    return rc;
  }

  async function move(w: W, rc: RetentionCase, set: Parameters<typeof updateCase>[3]): Promise<void> {
    if (!(await updateCase(w.tx, rc.id, rc.version, set, w.now))) throw new Conflict('The retention plan changed meanwhile; look again');
  }

  async function addNote(tx: Tx, tenantId: string, rc: RetentionCase, input: unknown, source: FitNote['source'], now: Date): Promise<string> {
    const v = parseInput(fitNoteSchema, input);
    const note = noteFrom(v, source);
    const earlier = await fitNotesOf(tx, rc.id);
    const first = earlier.reduce<string | null>((min, n) => (min === null || n.from < min ? n.from : min), null);
    const issues = fitNoteIssues(note, londonIsoDate(now), first);
    if (issues.length) throw new InvalidInput(issues);
    const id = newId(now);
    await insertFitNote(tx, tenantId, rc.id, { id, ...note }, now);
    return id;
  }

  /** A case's plan as one reader sees it: weeks with their state and reviews, the note in force. */
  async function planView(tx: Tx, rc: RetentionCase) {
    const day = today();
    const notes = await fitNotesOf(tx, rc.id);
    const weeks = (await weeksOf(tx, rc.id)).map((w) => ({ ...w, state: weekState(w, day), review: reviewState(w, day) }));
    // The person completes their weeks; the plan is complete for staff once every review is held too.
    const weeksDone = weeks.length > 0 && weeks.every((w) => w.doneAt !== null);
    return { retention: rc, notes, noteInForce: noteInForce(notes, day), weeks, weeksDone, complete: scheduleComplete(weeks), today: day };
  }

  return {
    today,

    /**
     * A retention referral: the referral (any route), and in the same transaction its retention
     * case and fit note. An employer's referral carries the person's consent (the schema refuses
     * one without it); a team running the retention programme is chosen when the referrer names none.
     */
    async refer(submitter: Submitter, route: 'clinician' | 'self' | 'fhir', input: unknown) {
      const v = parseInput(retentionReferralSchema, input);
      const day = today();
      if (v.fitNote) {
        const issues = fitNoteIssues(noteFrom(v.fitNote, 'web'), day).map((i) => ({ ...i, path: `fitNote.${i.path}` }));
        if (issues.length) throw new InvalidInput(issues);
      }
      const person = (v.referral.person ?? {}) as { postcode?: string };
      let teamId = v.referral.teamId as string | undefined;
      if (!teamId) {
        const context = (v.referral.context ?? {}) as { referringService?: 'gp' };
        const teams = await referrals.teamsFor(submitter.tenantId, {
          service: context.referringService ?? 'gp',
          // Not a postcode: routed without one, and the referral's own check refuses it (4xx, never 500).
          postcode: typeof person.postcode === 'string' ? normalisePostcode(person.postcode) : null,
          youngPerson: false,
        });
        teamId = teams.find((t) => t.team.programmes.includes('retention') && t.capacity.state !== 'closed')?.team.id;
      }
      const d = v.retention;
      const created = await referrals.create(
        submitter,
        route,
        { ...v.referral, ...(teamId ? { teamId } : {}) },
        {
          afterWrite: async (tx, result) => {
            if (!result.created) return;
            const now = clock.now();
            const id = newId(now);
            await insertCase(tx, {
              tenant_id: submitter.tenantId,
              id,
              referral_id: result.referral.id,
              referred_by: d.referredBy,
              employer_name: d.employerName,
              employer_organisation_id:
                d.employerOrganisationId ?? (submitter.kind === 'user' && d.referredBy === 'employer' ? submitter.organisationId : null),
              job_title: d.jobTitle,
              hours_per_week: d.hoursPerWeek,
              absent_now: d.absentNow,
              absence_spells: d.absenceSpells,
              absence_days: d.absenceDays,
              employer_consent_on: d.employerConsent ? (d.employerConsentOn ?? null) : null,
              employer_contact_user_id: submitter.kind === 'user' && d.referredBy === 'employer' && d.employerConsent ? submitter.userId : null,
              employer_contact_name: d.employerConsent ? d.employerContactName || null : null,
              created_at: now,
              updated_at: now,
            });
            if (v.fitNote) await insertFitNote(tx, submitter.tenantId, id, { id: newId(now), ...noteFrom(v.fitNote, 'web') }, now);
            await recordAudit(tx, submitter.tenantId, clock, {
              actor: submitter.kind === 'public' ? { kind: 'public', id: 'self-referral' } : actorOf(submitter),
              recordType: 'referral',
              recordId: result.referral.id,
              action: 'retention.refer',
              reason: `in-work retention referral by ${d.referredBy}`,
              details: { retentionCase: id, fitNote: Boolean(v.fitNote), employerConsent: d.employerConsent },
            });
          },
        },
      );
      return { referralId: created.referral.id, reference: created.referral.reference, teamName: created.team.name };
    },

    /** The case's retention record, fit notes, plan and weeks, for anyone who may read the case. */
    async forCase(actor: Principal, caseId: string) {
      // Fit notes are health information: only a reader who may see the case's health fields (and
      // whose read the case capability audits) sees them; others see the job, the plan and the weeks.
      const view = await cases.view(actor, caseId, { healthFields: true });
      const seesHealth = view.health !== null;
      return db.inTenant(actor.tenantId, async (tx) => {
        const rc = await findByReferral(tx, view.summary.referralId);
        if (!rc) throw new NotFound('retention case for case', caseId);
        // The named contact is an employer user: of the employer on the case once one is linked, else any in the tenant.
        const contacts = await employerUsers(tx, rc.employerOrganisationId);
        const plan = await planView(tx, rc);
        return {
          view,
          ...plan,
          notes: seesHealth ? plan.notes : [],
          noteInForce: seesHealth ? plan.noteInForce : null,
          seesHealth,
          employerContacts: contacts.map((c) => ({ id: c.id, name: `${c.display_name}, ${c.organisation}` })),
          decisions: await caseDecisions(tx, caseId),
        };
      });
    },

    /** Whether a case is a retention case (the case page links to the plan only then). */
    async isRetentionCase(actor: Principal, referralId: string): Promise<boolean> {
      return db.inTenant(actor.tenantId, async (tx) => (await findByReferral(tx, referralId)) !== null);
    },

    /** A fit note recorded on the case (a new one from the GP, over time). */
    async addFitNote(actor: CaseActor, caseId: string, input: unknown): Promise<string> {
      return cases.work(actor, caseId, async (w) => {
        const rc = await retentionOf(w);
        const id = await addNote(w.tx, w.actor.tenantId, rc, input, 'web', w.now);
        await cases.record(
          w,
          TIMELINE,
          { action: 'retention.fit-note', reason: 'fit note recorded', details: { fitNote: id } },
          { reason: 'Fit note recorded' },
        );
        return id;
      });
    },

    /**
     * A fit note from a clinical system (FHIR Observation focused on the referral's Task): the
     * referral must be one the client may see and a retention referral.
     */
    async addFitNoteToReferral(actor: Principal, referralId: string, input: unknown): Promise<{ id: string; note: FitNote }> {
      await referrals.read(actor, referralId);
      return db.inTenant(actor.tenantId, async (tx) => {
        const rc = await findByReferral(tx, referralId, true);
        if (!rc) throw new Conflict('This referral is not an in-work retention referral');
        if (rc.status === 'closed') throw new Conflict('This retention case is closed');
        const now = clock.now();
        const id = await addNote(tx, actor.tenantId, rc, input, 'fhir', now);
        await recordAudit(tx, actor.tenantId, clock, {
          actor: actorOf(actor),
          recordType: 'referral',
          recordId: referralId,
          action: 'retention.fit-note',
          reason: 'fit note received',
          details: { fitNote: id },
        });
        const note = (await fitNotesOf(tx, rc.id)).find((n) => n.id === id);
        if (!note) throw new NotFound('fit note', id);
        return { id, note };
      });
    },

    /** A fit note by id, for a reader who may see its referral. */
    async fitNote(actor: Principal, id: string): Promise<{ referralId: string; note: FitNote }> {
      const found = await db.inTenant(actor.tenantId, async (tx) => {
        const { rows } = await sql<{ referral_id: string; retention_case_id: string }>`
          SELECT rc.referral_id, n.retention_case_id FROM retention_fit_notes n JOIN retention_cases rc ON rc.id = n.retention_case_id WHERE n.id = ${id}`.execute(
          tx,
        );
        const r = rows[0];
        if (!r) return null;
        const note = (await fitNotesOf(tx, r.retention_case_id)).find((n) => n.id === id);
        return note ? { referralId: r.referral_id, note } : null;
      });
      if (!found) throw new NotFound('fit note', id);
      const { referral } = await referrals.read(actor, found.referralId);
      // A fit note is health information: its read is audited as the ServiceRequest's is.
      await referrals.recordHealthRead(actor, [referral], 'FHIR fit note Observation read');
      return found;
    },

    /**
     * Agrees the plan: adjustments, who does what, the employer conversation, Access to Work (a
     * decision on the case), the phased-return schedule, and whether the employer's named contact
     * sees it (only with the person's consent, and only a user of the employer named on the case).
     */
    async agreePlan(actor: CaseActor, caseId: string, input: unknown): Promise<void> {
      const v = parseInput(planSchema, input);
      await cases.work(actor, caseId, async (w) => {
        const rc = await retentionOf(w);
        transition(rc.status, 'plan-agreed');
        const day = londonIsoDate(w.now);
        const issues = scheduleIssues({ startsOn: v.startsOn, weeks: v.weeks, contractedHours: rc.hoursPerWeek }, day);
        if (v.shareWithEmployer && !rc.employerConsent) issues.push({ path: 'shareWithEmployer', message: 'retention.error.noConsent' });
        let contact: { id: string; name: string; organisationId: string } | null = null;
        if (v.shareWithEmployer && rc.employerConsent) {
          const u = v.employerContactUserId
            ? await w.tx
                .selectFrom('users')
                .select(['id', 'display_name', 'organisation_id', 'roles'])
                .where('id', '=', v.employerContactUserId)
                .executeTakeFirst()
            : undefined;
          if (!u || (rc.employerOrganisationId !== null && u.organisation_id !== rc.employerOrganisationId) || !u.roles.includes('employer'))
            issues.push({ path: 'employerContactUserId', message: 'retention.error.contact' });
          else contact = { id: u.id, name: u.display_name, organisationId: u.organisation_id };
        }
        if (v.accessToWorkDecisionId && !(await caseDecisions(w.tx, w.row.id)).some((d) => d.id === v.accessToWorkDecisionId))
          issues.push({ path: 'accessToWorkDecisionId', message: 'retention.error.decision' });
        if (issues.length) throw new InvalidInput(issues);
        await replaceWeeks(w.tx, w.actor.tenantId, rc.id, phasedSchedule(v.startsOn, v.weeks, v.reviewEvery));
        await move(w, rc, {
          status: 'plan-agreed',
          adjustments: v.adjustments,
          actions: JSON.stringify(v.actions),
          employer_conversation: JSON.stringify({ on: v.conversationOn, with: v.conversationWith, summary: v.conversationSummary }),
          access_to_work_decision_id: v.accessToWorkDecisionId ?? null,
          plan_agreed_on: day,
          plan_shared_with_employer: contact !== null,
          employer_organisation_id: contact?.organisationId ?? rc.employerOrganisationId,
          employer_contact_user_id: contact?.id ?? rc.employerConsent?.contactUserId ?? null,
          employer_contact_name: contact?.name ?? rc.employerConsent?.contactName ?? null,
        });
        await cases.record(
          w,
          TIMELINE,
          { action: 'retention.plan', reason: 'retention plan agreed', details: { weeks: v.weeks.length, sharedWithEmployer: contact !== null } },
          { from: rc.status, to: 'plan-agreed', reason: 'Retention plan agreed' },
        );
      });
    },

    /** A phased-return week done, marked by the specialist or the person; the first starts the phased return. */
    async markWeekDone(actor: CaseActor, caseId: string, week: number): Promise<void> {
      const run = async (w: W) => {
        const rc = await retentionOf(w);
        if (rc.status !== 'plan-agreed' && rc.status !== 'phased-return') throw new Conflict('There is no phased return to track');
        const weeks = await weeksOf(w.tx, rc.id);
        const found = weeks.find((x) => x.week === week);
        if (!found) throw new NotFound('phased-return week', String(week));
        if (found.doneAt) return;
        if (londonIsoDate(w.now) < found.startsOn) throw new InvalidInput([{ path: 'week', message: 'retention.error.weekNotStarted' }]);
        await updateWeek(w.tx, rc.id, week, { done_at: w.now });
        if (rc.status === 'plan-agreed') await move(w, rc, { status: transition(rc.status, 'phased-return') });
        await cases.record(
          w,
          TIMELINE,
          { action: 'retention.week-done', reason: `phased-return week ${week} done`, details: { week } },
          rc.status === 'plan-agreed'
            ? { from: 'plan-agreed', to: 'phased-return', reason: `Week ${week} of the phased return done` }
            : { reason: `Week ${week} of the phased return done` },
        );
      };
      if (actor.kind === 'participant') await cases.participantWork(actor, caseId, run);
      else await cases.work(actor, caseId, run);
    },

    /** A review held, with what was agreed. */
    async recordReview(actor: CaseActor, caseId: string, week: number, input: unknown): Promise<void> {
      const v = parseInput(reviewSchema, input);
      await cases.work(actor, caseId, async (w) => {
        const rc = await retentionOf(w);
        const found = (await weeksOf(w.tx, rc.id)).find((x) => x.week === week);
        if (!found?.reviewOn) throw new NotFound('phased-return review', String(week));
        if (found.reviewedOn) throw new Conflict('This review is already recorded');
        await updateWeek(w.tx, rc.id, week, { reviewed_on: londonIsoDate(w.now), review_note: v.note });
        await cases.record(
          w,
          TIMELINE,
          { action: 'retention.review', reason: `week ${week} review held`, details: { week } },
          { reason: `Week ${week} review held` },
        );
      });
    },

    /**
     * Closes the case's retention work with its outcome (derived from where the person's work
     * stands) and the days of sickness absence before and after, written as an outcome fact in the
     * same transaction.
     */
    async recordOutcome(actor: CaseActor, caseId: string, input: unknown): Promise<void> {
      const v = parseInput(outcomeSchema, input);
      await cases.work(actor, caseId, async (w) => {
        const rc = await retentionOf(w);
        transition(rc.status, 'closed');
        const derived = retentionOutcome({
          workStatus: v.workStatus,
          sameEmployer: v.sameEmployer,
          leftReason: v.leftReason ?? null,
          absentAtReferral: rc.absentNow,
        });
        if ('issue' in derived) throw new InvalidInput([derived.issue]);
        await move(w, rc, {
          status: 'closed',
          outcome: derived.outcome,
          left_reason: derived.leftReason,
          absence_days_after: v.absenceDaysAfter,
          closed_at: w.now,
        });
        const absence = absenceChange(rc.absenceDays, v.absenceDaysAfter);
        await recordReferralOutcome(w.tx, w.actor.tenantId, rc.referralId, derived.outcome, w.now, null, {
          programme: 'retention',
          absenceDays: { before: absence.before, after: absence.after },
        });
        await cases.record(
          w,
          TIMELINE,
          { action: 'retention.outcome', reason: `retention outcome: ${derived.outcome}`, details: { outcome: derived.outcome, ...absence } },
          { from: rc.status, to: 'closed', reason: 'Retention outcome recorded' },
        );
      });
    },

    /** The person's own plan, from their own record; null when they have no retention case. */
    async mine(p: { tenantId: string; participantId: string }) {
      return db.inTenant(p.tenantId, async (tx) => {
        const rc = await findByParticipant(tx, p.participantId);
        return rc ? planView(tx, rc) : null;
      });
    },

    /** The person marks a week of their phased return done, on their own case. */
    async markMyWeekDone(p: { tenantId: string; participantId: string; name: string }, week: number): Promise<void> {
      const rc = await db.inTenant(p.tenantId, (tx) => findByParticipant(tx, p.participantId));
      if (!rc?.caseId) throw new NotFound('retention plan');
      await this.markWeekDone({ kind: 'participant', ...p }, rc.caseId, week);
    },

    /** The plans shared with this employer user as the named contact: nothing else about the person. */
    async sharedPlans(user: UserPrincipal) {
      if (!user.roles.includes('employer')) throw new Forbidden('Only an employer’s named contact sees shared plans');
      return db.inTenant(user.tenantId, (tx) => sharedWith(tx, user.userId));
    },

    /** One plan shared with this employer user, audited as a read of the person's plan. */
    async sharedPlan(user: UserPrincipal, id: string) {
      if (!user.roles.includes('employer')) throw new Forbidden('Only an employer’s named contact sees shared plans');
      return db.inTenant(user.tenantId, async (tx) => {
        const rc = await findById(tx, id);
        if (!rc?.planSharedWithEmployer || rc.employerConsent?.contactUserId !== user.userId) throw new NotFound('retention plan', id);
        const plan = await planView(tx, rc);
        await recordAudit(tx, user.tenantId, clock, {
          actor: actorOf(user),
          recordType: 'retention-plan',
          recordId: rc.id,
          action: 'retention.employer-read',
          reason: 'the employer’s named contact read the shared plan',
        });
        // The employer sees the plan, never the fit notes' conditions or anything else on the case.
        return { ...plan, notes: [], noteInForce: null };
      });
    },

    /** Missed phased-return reviews on the cases of the user's teams (the team lead's list). */
    async missedReviews(user: UserPrincipal) {
      return db.inTenant(user.tenantId, async (tx) => missedReviewsOf(tx, await teamIdsOf(tx, user.userId)));
    },

    /**
     * Flags each review not held within the grace days as missed: once, with a timeline entry on
     * the case so the specialist sees it; the team lead's list reads the flags. Safe to run twice.
     */
    async sweepMissedReviews(): Promise<{ flagged: number }> {
      const now = clock.now();
      const day = londonIsoDate(now);
      const results = await db.eachTenant(async (tx, tenant) => {
        const grace = policyOn(RETENTION_POLICY.reviewGraceDays, day);
        const due = await reviewsToFlag(tx, addDays(day, -grace));
        for (const r of due) {
          if (r.review_on === null || reviewState({ reviewOn: r.review_on, reviewedOn: null }, day) !== 'missed') continue;
          await updateWeek(tx, r.retention_case_id, r.week, { missed_flagged_at: now });
          await cases.systemEntry(tx, {
            tenantId: tenant.id,
            id: newId(now),
            caseId: r.case_id,
            at: now,
            actor: { id: 'retention-sweep', name: 'Bridgework' },
            kind: TIMELINE,
            reason: `Week ${r.week} review missed`,
            details: { week: r.week, reviewOn: r.review_on },
          });
        }
        if (due.length)
          await recordAudit(tx, tenant.id, clock, {
            actor: { kind: 'system', id: 'retention-sweep' },
            recordType: 'retention-plan',
            action: 'retention.review-missed',
            reason: `${due.length} phased-return reviews flagged as missed`,
          });
        return due.length;
      });
      return { flagged: results.reduce((a, b) => a + b, 0) };
    },
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
