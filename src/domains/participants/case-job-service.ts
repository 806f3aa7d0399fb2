import type { z } from 'zod';
import { addDays, type Clock } from '../../platform/clock/index.ts';
import { newId, type Tx, type WriteHooks } from '../../platform/db/index.ts';
import { InvalidInput, InvalidTransition, NotFound, parseInput } from '../../platform/errors/index.ts';
import { londonIsoDate } from '../../platform/i18n/index.ts';
import type { ReferralService } from '../referrals/index.ts';
import { recordReferralOutcome } from '../referrals/index.ts';
import type { Phase } from './case.ts';
import { jobStartIssue } from './case-date-rules.ts';
import { findParticipant, listJobs, tables } from './case-repo.ts';
import { sustainedWork } from './case-rules.ts';
import { jobEndSchema, jobStartSchema, jobWeekSchema } from './case-schemas.ts';
import { type CaseActor, type CaseWork, idOf, refuseDate, type Work } from './case-work.ts';

type Recorded = Parameters<CaseWork['record']>;
/** A job starting or ending, as another capability hears of it inside the same transaction. */
export type JobEvent = {
  tenantId: string;
  caseId: string;
  participantId: string;
  job: { id: string; employer: string; role: string; startDate: string; endDate: string | null; endReason: string | null };
  actor: CaseActor;
  now: Date;
  /** A timeline entry and audit row on the case, as every change to a case leaves. */
  record: (kind: Recorded[1], audit: Recorded[2], entry?: Recorded[3]) => Promise<void>;
};
/** Called after a job start's or end's own writes, in its transaction: a failure rolls the whole change back. */
export type JobEvents = { started?(tx: Tx, event: JobEvent): Promise<void>; ended?(tx: Tx, event: JobEvent): Promise<void> };

/**
 * A person's jobs on their case: a start (by the specialist, or from an employer's accepted offer),
 * the hours worked each week against the sustained-work rule, and an end. Another capability hears
 * of a start or end in the same transaction (`jobEvents`). Part of the case service.
 */
export function createCaseJobs(deps: { clock: Clock; referrals: ReferralService; jobEvents?: JobEvents }, k: CaseWork) {
  const { clock, referrals } = deps;
  const { workWith, record, movePhaseIn, referralActor, tellReferrer } = k;
  const jobEvent = (w: Work, job: JobEvent['job']): JobEvent => ({
    tenantId: w.actor.tenantId,
    caseId: w.row.id,
    participantId: w.row.participant_id,
    job,
    actor: w.actor,
    now: w.now,
    record: (kind, audit, entry) => record(w, kind, audit, entry),
  });
  /** A job start's writes, in a change already under way. */
  async function startJobIn(w: Work, v: z.output<typeof jobStartSchema>): Promise<string> {
    const id = newId(w.now);
    await tables(w.tx)
      .insertInto('case_jobs')
      .values({
        tenant_id: w.actor.tenantId,
        id,
        case_id: w.row.id,
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
    await referrals.milestoneIn(w.tx, referralActor(w.actor), w.row.referral_id, 'job-start', await tellReferrer(w));
    await recordReferralOutcome(w.tx, w.actor.tenantId, w.row.referral_id, 'job-start', w.now, id);
    await record(
      w,
      'job-start',
      { action: 'case.job-start', reason: 'job start recorded', details: { job: id } },
      { details: { job: id, employer: v.employer, role: v.role, startDate: v.startDate, hoursPerWeek: v.hoursPerWeek, hourlyPay: v.hourlyPay } },
    );
    const job = { id, employer: v.employer, role: v.role, startDate: v.startDate, endDate: null, endReason: null };
    await deps.jobEvents?.started?.(w.tx, jobEvent(w, job));
    return id;
  }
  return {
    /** A job start: the case moves to in-work support, and the referral reaches its job-start milestone. */
    async startJob(actor: CaseActor, caseId: string, input: unknown, hooks: WriteHooks<string> = {}) {
      const v = parseInput(jobStartSchema, input);
      refuseDate(jobStartIssue(v.startDate, londonIsoDate(clock.now())));
      return workWith(hooks)(actor, caseId, (w) => startJobIn(w, v));
    },
    /**
     * A job start recorded from outside the team: an employer's accepted offer to a person introduced
     * with their consent. The employers capability vouches for it in `authorise`, in this transaction;
     * everything a job start does (phase, milestone, guarantee) follows as for a specialist's.
     */
    async startJobFromOffer(
      actor: CaseActor,
      caseId: string,
      input: unknown,
      hooks: { authorise: (tx: Tx, participantId: string) => Promise<void> } & WriteHooks<string>,
    ) {
      const v = parseInput(jobStartSchema, input);
      refuseDate(jobStartIssue(v.startDate, londonIsoDate(clock.now())));
      return k.work(actor, caseId, (w) => startJobIn(w, v), { authorise: (tx, row) => hooks.authorise(tx, row.participant_id), afterWrite: hooks.afterWrite });
    },

    /**
     * Hours worked in one week of a job, and the pay that week when it is not the job's. When the
     * recorded weeks first meet the sustained-work rule (hours and pay at the minimum wage for the
     * person's age), the job is marked sustained and the referral reaches its "sustained 13 weeks" milestone.
     */
    async recordJobWeek(actor: CaseActor, caseId: string, jobId: string, input: unknown, hooks: WriteHooks<ReturnType<typeof sustainedWork>> = {}) {
      idOf('job', jobId);
      const v = parseInput(jobWeekSchema, input);
      return workWith(hooks)(actor, caseId, async (w) => {
        const job = (await listJobs(w.tx, caseId)).find((j) => j.id === jobId);
        if (!job) throw new NotFound('job', jobId);
        // Only weeks that have begun, and not after the job ended: the outcome rests on hours worked.
        const weekStarts = addDays(job.startDate, (v.week - 1) * 7);
        if (weekStarts > w.now.toISOString().slice(0, 10) || (job.endDate && weekStarts > job.endDate)) {
          throw new InvalidInput([{ path: 'week', message: 'cases.error.weekOutside' }]);
        }
        await tables(w.tx)
          .insertInto('case_job_weeks')
          .values({ tenant_id: actor.tenantId, job_id: jobId, week: v.week, hours: v.hours, hourly_pay: v.hourlyPay })
          .onConflict((oc) => oc.columns(['tenant_id', 'job_id', 'week']).doUpdateSet({ hours: v.hours, hourly_pay: v.hourlyPay }))
          .execute();
        const weeks = [...job.weeks.filter((x) => x.week !== v.week), { week: v.week, hours: v.hours, hourlyPay: v.hourlyPay }];
        const person = await findParticipant(w.tx, w.row.participant_id);
        const result = sustainedWork(
          { startDate: job.startDate, hourlyPay: job.hourlyPay, contractType: job.contractType, weeks },
          { dateOfBirth: person?.dateOfBirth ?? null },
        );
        if (result.sustained && !job.sustainedOn) {
          await tables(w.tx).updateTable('case_jobs').set({ sustained_on: result.sustainedOn, updated_at: w.now }).where('id', '=', jobId).execute();
          await referrals.milestoneIn(w.tx, referralActor(actor), w.row.referral_id, 'sustained-13-weeks', await tellReferrer(w));
          await recordReferralOutcome(w.tx, actor.tenantId, w.row.referral_id, 'sustained-13-weeks', w.now, jobId);
        }
        // The 26-week outcome: the same rule over 26 weeks, recorded once per job.
        if (result.sustained) {
          const long = sustainedWork(
            { startDate: job.startDate, hourlyPay: job.hourlyPay, contractType: job.contractType, weeks },
            { dateOfBirth: person?.dateOfBirth ?? null },
            '26-weeks',
          );
          if (long.sustained) {
            const marked = await tables(w.tx)
              .updateTable('case_jobs')
              .set({ sustained_26_on: long.sustainedOn, updated_at: w.now })
              .where('id', '=', jobId)
              .where('sustained_26_on', 'is', null)
              .executeTakeFirst();
            if (Number(marked.numUpdatedRows) === 1) await recordReferralOutcome(w.tx, actor.tenantId, w.row.referral_id, 'sustained-26-weeks', w.now, jobId);
          }
        }
        await record(
          w,
          'job-week',
          { action: 'case.job-week', reason: `week ${v.week}: ${v.hours} hours${v.hourlyPay === null ? '' : ` at £${v.hourlyPay.toFixed(2)} an hour`}` },
          { details: { job: jobId, week: v.week, hours: v.hours, hourlyPay: v.hourlyPay, sustained: result.sustained } },
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
        await recordReferralOutcome(w.tx, actor.tenantId, w.row.referral_id, 'job-end', w.now, jobId);
        const ended = { id: jobId, employer: job.employer, role: job.role, startDate: job.startDate, endDate: v.endDate, endReason: v.reason };
        await deps.jobEvents?.ended?.(w.tx, jobEvent(w, ended));
      });
    },
  };
}
