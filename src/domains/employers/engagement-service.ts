import { recordAudit } from '../../platform/audit/index.ts';
import { actorOf, type Principal, type UserPrincipal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type Tx } from '../../platform/db/index.ts';
import { Forbidden, InvalidInput, NotFound, parseInput } from '../../platform/errors/index.ts';
import { londonIsoDate } from '../../platform/i18n/index.ts';
import type { CaseService } from '../participants/index.ts';
import { findEmployer, findVacancy, updateVacancyStatus } from './employer-repo.ts';
import { declineSchema, engagementSchema, interviewSchema, introductionSchema, offerSchema } from './employer-schemas.ts';
import { scopeOf, type VacancyChanged } from './employer-service.ts';
import { findIntroduction, insertEngagement, insertIntroduction, listEngagements, listIntroductions, updateIntroduction } from './engagement-repo.ts';
import type { Introduction, IntroductionStatus, Offer } from './vacancy.ts';
import { isOpenOn, moveIntroduction, moveVacancy, shareWith } from './vacancy-rules.ts';
import type { WorkProfileService } from './work-profile-service.ts';

const SPECIALISTS = ['specialist', 'team-lead'] as const;
const isSpecialist = (p: Principal): p is UserPrincipal => p.kind === 'user' && p.roles.some((r) => (SPECIALISTS as readonly string[]).includes(r));

/**
 * Working with employers: specialists log their contacts with employers (IPS job development),
 * introduce a person to a vacancy only with the person's consent and only with what they agreed to
 * share, and the employer records what happens. An accepted offer is recorded as the job start on
 * the person's case, through the case capability, in the same transaction.
 */
export function createEngagementService(deps: { db: Database; clock: Clock; cases: CaseService; profiles: WorkProfileService; changed?: VacancyChanged }) {
  const { db, clock, cases, profiles } = deps;

  /** The introduction as its employer may touch it; any other employer's is not found. */
  async function employersIntroduction(tx: Tx, principal: Principal, id: string): Promise<Introduction> {
    const scope = await scopeOf(tx, principal);
    const intro = await findIntroduction(tx, id, true);
    if (!intro || scope.kind !== 'employer' || intro.employerId !== scope.employer.id) throw new NotFound('introduction', id);
    return intro;
  }

  async function move(principal: Principal, id: string, to: IntroductionStatus, changes: Parameters<typeof updateIntroduction>[2], reason: string) {
    return db.inTenant(principal.tenantId, async (tx) => {
      const intro = await employersIntroduction(tx, principal, id);
      moveIntroduction(intro.status, to);
      await updateIntroduction(tx, id, { ...changes, status: to }, clock.now());
      await recordAudit(tx, principal.tenantId, clock, {
        actor: actorOf(principal),
        action: `introduction.${to}`,
        recordType: 'introduction',
        recordId: id,
        reason,
      });
    });
  }

  return {
    /** IPS job development: a specialist's contact with an employer, counted towards fidelity. */
    async logContact(user: Principal, input: unknown): Promise<string> {
      if (!isSpecialist(user)) throw new Forbidden('Only specialists log employer contacts');
      const v = parseInput(engagementSchema, input);
      return db.inTenant(user.tenantId, async (tx) => {
        if (!(await findEmployer(tx, v.employerId))) throw new InvalidInput([{ path: 'employerId', message: 'employers.error.employer' }]);
        const now = clock.now();
        const id = newId(now);
        await insertEngagement(tx, {
          tenant_id: user.tenantId,
          id,
          employer_id: v.employerId,
          user_id: user.userId,
          at: now,
          mode: v.mode,
          purpose: v.purpose,
          note: v.note,
        });
        await recordAudit(tx, user.tenantId, clock, {
          actor: actorOf(user),
          action: 'employer.contact',
          recordType: 'employer',
          recordId: v.employerId,
          reason: v.purpose,
        });
        return id;
      });
    },

    async contacts(user: Principal, employerId: string) {
      const staff = user.kind === 'user' && user.roles.some((r) => r === 'specialist' || r === 'team-lead' || r === 'tenant-admin');
      if (!staff) throw new Forbidden('Only staff see employer contacts');
      return db.inTenant(user.tenantId, (tx) => listEngagements(tx, employerId));
    },

    /**
     * Introduces the person on a case to a vacancy. Needs the team's right to work the case, the
     * person's standing consent to contact employers, their agreement to this introduction and the
     * fields they agreed to share, and an open vacancy. The employer will see only those fields.
     */
    async introduce(user: Principal, caseId: string, input: unknown): Promise<string> {
      if (!isSpecialist(user)) throw new Forbidden('Only specialists introduce candidates');
      const v = parseInput(introductionSchema, input);
      const view = await cases.view(user, caseId, { healthFields: false });
      if (!view.canWork) throw new Forbidden('Only the team working this case can introduce the person');
      if (!view.participant.consentScopes.includes('contact-employers')) {
        throw new Forbidden('The person has not consented to contact with employers', [{ path: 'consent', message: 'employers.refused.consent' }]);
      }
      const { profile } = await profiles.read(user, caseId);
      return db.inTenant(user.tenantId, async (tx) => {
        const now = clock.now();
        const vacancy = await findVacancy(tx, v.vacancyId);
        if (!vacancy || !isOpenOn(vacancy.status, vacancy.closingDate, londonIsoDate(now))) {
          throw new InvalidInput([{ path: 'vacancyId', message: 'employers.error.vacancyNotOpen' }]);
        }
        const p = view.participant;
        const shared = shareWith(v.shared, {
          name: `${p.givenName} ${p.familyName}`,
          email: p.email,
          phone: p.phone,
          hoursPerWeek: profile.hoursPerWeek,
          days: profile.days,
          flexibility: profile.flexibilityNeeded,
          adjustments: profile.adjustmentsNeeded,
          summary: v.summary,
        });
        const id = newId(now);
        const made = await insertIntroduction(tx, {
          tenant_id: user.tenantId,
          id,
          vacancy_id: vacancy.id,
          employer_id: vacancy.employerId,
          case_id: caseId,
          shared_fields: v.shared,
          shared: JSON.stringify(shared),
          consent_recorded_by: user.userId,
          consent_at: now,
          status: 'introduced',
          interview_at: null,
          offer: null,
          decline_reason: null,
          job_id: null,
          created_at: now,
          updated_at: now,
        });
        if (!made) throw new InvalidInput([{ path: 'vacancyId', message: 'employers.error.alreadyIntroduced' }]);
        await recordAudit(tx, user.tenantId, clock, {
          actor: actorOf(user),
          action: 'introduction.create',
          recordType: 'case',
          recordId: caseId,
          reason: 'introduced to an employer with the person’s consent',
          details: { introduction: id, vacancy: vacancy.id, employer: vacancy.employerId, shared: v.shared },
        });
        return id;
      });
    },

    /** A case's introductions, for the team working it and for the person. */
    async forCase(actor: Parameters<CaseService['view']>[0], caseId: string): Promise<Introduction[]> {
      await cases.view(actor, caseId, { healthFields: false });
      return db.inTenant(actor.tenantId, (tx) => listIntroductions(tx, { caseId }));
    },

    /** The employer's candidates: only those introduced to it, and only what each person agreed to share. */
    async candidates(principal: Principal): Promise<Omit<Introduction, 'caseId'>[]> {
      return db.inTenant(principal.tenantId, async (tx) => {
        const scope = await scopeOf(tx, principal);
        if (scope.kind !== 'employer') throw new Forbidden('Only an employer sees its candidates');
        return (await listIntroductions(tx, { employerId: scope.employer.id })).map(({ caseId: _hidden, ...rest }) => rest);
      });
    },

    async candidate(principal: Principal, id: string): Promise<Omit<Introduction, 'caseId'>> {
      return db.inTenant(principal.tenantId, async (tx) => {
        const { caseId: _hidden, ...rest } = await employersIntroduction(tx, principal, id);
        return rest;
      });
    },

    recordInterview(principal: Principal, id: string, input: unknown) {
      const v = parseInput(interviewSchema, input);
      return move(principal, id, 'interview', { interview_at: new Date(`${v.interviewDate}T09:00:00Z`) }, 'interview arranged');
    },

    recordOffer(principal: Principal, id: string, input: unknown) {
      const offer: Offer = parseInput(offerSchema, input);
      return move(principal, id, 'offered', { offer: JSON.stringify(offer) }, 'offer made');
    },

    recordDecline(principal: Principal, id: string, input: unknown) {
      const v = parseInput(declineSchema, input);
      return move(principal, id, 'declined', { decline_reason: v.reason }, 'declined');
    },

    /**
     * The person accepted the offer: the job start is recorded on their case (which moves the case
     * into work and makes any bridge-back guarantee), the introduction is accepted and the vacancy
     * filled, all in one transaction. The employer vouches for it through its own introduction.
     */
    async recordAccepted(principal: Principal, id: string): Promise<string> {
      const intro = await db.inTenant(principal.tenantId, (tx) => employersIntroduction(tx, principal, id));
      if (intro.status !== 'offered' || !intro.offer) moveIntroduction(intro.status, 'accepted');
      const offer = intro.offer as Offer;
      const employerName = await db.inTenant(principal.tenantId, async (tx) => (await findEmployer(tx, intro.employerId))?.name ?? '');
      const jobId = await cases.startJobFromOffer(
        principal,
        intro.caseId,
        {
          employer: employerName,
          role: intro.vacancyTitle,
          hoursPerWeek: offer.hoursPerWeek,
          hourlyPay: offer.payHourly,
          contractType: offer.contractType,
          startDate: offer.startDate,
        },
        {
          // Checked again under the lock, in the job start's own transaction.
          authorise: async (tx) => {
            const current = await employersIntroduction(tx, principal, id);
            moveIntroduction(current.status, 'accepted');
          },
          afterWrite: async (tx, jobId) => {
            const now = clock.now();
            await updateIntroduction(tx, id, { status: 'accepted', job_id: jobId }, now);
            const vacancy = await findVacancy(tx, intro.vacancyId, true);
            if (vacancy?.status === 'open') await updateVacancyStatus(tx, principal.tenantId, vacancy.id, moveVacancy('open', 'filled'), now);
            await recordAudit(tx, principal.tenantId, clock, {
              actor: actorOf(principal),
              action: 'introduction.accepted',
              recordType: 'introduction',
              recordId: id,
              reason: 'offer accepted: job start recorded on the case',
              details: { job: jobId },
            });
          },
        },
      );
      await deps.changed?.(principal.tenantId, intro.vacancyId);
      return jobId;
    },

    /** The specialist withdraws an introduction (the person changed their mind). */
    async withdraw(user: Principal, id: string): Promise<void> {
      if (!isSpecialist(user)) throw new Forbidden('Only specialists withdraw introductions');
      const intro = await db.inTenant(user.tenantId, (tx) => findIntroduction(tx, id));
      if (!intro) throw new NotFound('introduction', id);
      const view = await cases.view(user, intro.caseId, { healthFields: false });
      if (!view.canWork) throw new Forbidden('Only the team working this case can withdraw the introduction');
      await db.inTenant(user.tenantId, async (tx) => {
        const current = await findIntroduction(tx, id, true);
        moveIntroduction(current?.status ?? 'withdrawn', 'withdrawn');
        await updateIntroduction(tx, id, { status: 'withdrawn' }, clock.now());
        await recordAudit(tx, user.tenantId, clock, {
          actor: actorOf(user),
          action: 'introduction.withdrawn',
          recordType: 'introduction',
          recordId: id,
          reason: 'withdrawn',
        });
      });
    },
  };
}

export type EngagementService = ReturnType<typeof createEngagementService>;
