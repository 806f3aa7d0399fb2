import type { UserPrincipal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type Tx, violates, type WriteHooks } from '../../platform/db/index.ts';
import { Conflict, InvalidInput, NotFound, parseInput } from '../../platform/errors/index.ts';
import { londonIsoDate } from '../../platform/i18n/index.ts';
import { createVerifiableDocuments, type DocumentKind } from '../../platform/verify/index.ts';
import { authorOf, type CaseActor, type CaseService, type createCaseService, type ExportSectionsProvider } from '../participants/index.ts';
import { teamIdsOf } from '../referrals/index.ts';
import { type Award, type Guarantee, transition } from './guarantee.ts';
import { guaranteeExportSections } from './guarantee-export.ts';
import { createGuaranteeLetters } from './guarantee-letters.ts';
import type { GuaranteeDocument } from './guarantee-pdf.ts';
import {
  activeGuarantees,
  awardsOfCase,
  awardsOfParticipant,
  findAward,
  findGuarantee,
  guaranteeForJob,
  guaranteesOfCase,
  guaranteesOfParticipant,
  insertAward,
  insertGuarantee,
  jobOf,
  latestAward,
  personOfCase,
  updateGuarantee,
} from './guarantee-repo.ts';
import { endUsesGuarantee, hasLapsed, isHealthBenefit, protectionFor, startsLater, statusOn } from './guarantee-rules.ts';
import { awardSchema, createForJobSchema, withdrawSchema } from './guarantee-schemas.ts';
import { createGuaranteeSweeps } from './guarantee-sweeps.ts';
import { GUARANTEE_TIMELINE, timelineDay } from './guarantee-words.ts';

type JobEvents = NonNullable<Parameters<typeof createCaseService>[0]['jobEvents']>;
type JobEvent = Parameters<NonNullable<JobEvents['started']>>[1];
type RecordFn = JobEvent['record'];

const sameAward = (a: Award, v: { benefit: string; esaGroup: string | null; decisionDate: string; evidence: string[]; evidenceNote: string }) =>
  a.benefit === v.benefit &&
  a.esaGroup === v.esaGroup &&
  a.decisionDate === v.decisionDate &&
  a.evidenceNote === v.evidenceNote &&
  [...a.evidence].sort().join() === [...v.evidence].sort().join();

/**
 * A guarantee is a verifiable document: its code is printed as BW-XXXX-XXXX-XXXX, and its hash keeps
 * the namespace it had before the platform piece existed, so certificates already printed still check.
 */
export const GUARANTEE_DOCUMENT: DocumentKind = {
  kind: 'bridge-back-guarantee',
  prefix: 'BW',
  namespace: 'bridge-back-code',
  errorKey: 'guarantee.error.code',
};

export type CheckResult =
  | { kind: 'unknown' }
  | { kind: 'found'; status: Guarantee['status']; valid: boolean; validFrom: string; validUntil: string; startsLater: boolean };

/**
 * The bridge-back guarantee: the prior award as evidenced, a guarantee made in the job start's own
 * transaction, used in the job end's, expired and reminded by a sweep, withdrawn with a reason;
 * its certificate and return-to-benefit pack; and the public check by verification code.
 * `cases` is a getter because the case service is built after this one (it takes `jobEvents`).
 */
export function createGuaranteeService(deps: { db: Database; clock: Clock; baseUrl: string; secret: string; cases: () => CaseService }) {
  const { db, clock, baseUrl } = deps;
  const letters = createGuaranteeLetters({ clock, baseUrl });
  const sweeps = createGuaranteeSweeps({ db, clock, letters, cases: deps.cases });
  const documents = createVerifiableDocuments({ db, clock, secret: deps.secret });
  const today = () => londonIsoDate(clock.now());

  /** Makes the guarantee for a job: the rules, a new code, the row and its lookup, the person told, the timeline and audit. */
  async function createIn(tx: Tx, c: { tenantId: string; caseId: string; job: JobEvent['job']; award: Award; now: Date; record: RecordFn }) {
    const protection = protectionFor({ award: c.award, jobStartDate: c.job.startDate });
    // The code itself is kept on the tenant's row, behind RLS, because the certificate is printed
    // again and again and must show it; it reveals nothing but validity and dates. Only its hash
    // goes in the global index, which anyone's check reaches before a tenant is known.
    const { code, hash } = documents.newCode(GUARANTEE_DOCUMENT);
    const id = newId(c.now);
    await insertGuarantee(tx, {
      tenant_id: c.tenantId,
      id,
      case_id: c.caseId,
      job_id: c.job.id,
      award_id: c.award.id,
      status: 'active',
      starts_on: protection.startsOn,
      protected_until: protection.protectedUntil,
      protecting_rule: protection.protectingRule,
      rules: JSON.stringify({ applied: protection.applied, notApplied: protection.notApplied }),
      job_employer: c.job.employer,
      job_role: c.job.role,
      code_hash: hash,
      verification_code: code,
      created_at: c.now,
      updated_at: c.now,
    });
    await documents.register(tx, GUARANTEE_DOCUMENT, c.tenantId, id, hash);
    const person = await personOfCase(tx, c.caseId);
    await letters.toPerson(tx, c.tenantId, person.contact, 'created', {
      award: c.award,
      protectedUntil: protection.protectedUntil,
      verificationCode: code,
    });
    await c.record(
      GUARANTEE_TIMELINE,
      { action: 'guarantee.create', reason: protection.reasons.join('; '), details: { guarantee: id, job: c.job.id, award: c.award.id } },
      {
        to: 'active',
        reason: `Bridge-back guarantee created for ${c.job.role} at ${c.job.employer}: protected from ${timelineDay(protection.startsOn)} to ${timelineDay(protection.protectedUntil)} (${protection.protectingRule})`,
        details: { guarantee: id, job: c.job.id, protectedUntil: protection.protectedUntil, rule: protection.protectingRule },
      },
    );
    return id;
  }

  const jobEvents: JobEvents = {
    /** A job start for a person whose latest recorded award is health-related makes their guarantee. */
    async started(tx, e) {
      const award = await latestAward(tx, e.caseId);
      if (!award || !isHealthBenefit(award.benefit)) return;
      // A start recorded long after the event, past every protected period, makes nothing to protect.
      if (londonIsoDate(e.now) > protectionFor({ award, jobStartDate: e.job.startDate }).protectedUntil) return;
      await createIn(tx, { tenantId: e.tenantId, caseId: e.caseId, job: e.job, award, now: e.now, record: e.record });
    },
    /** A job that ends inside its guarantee's protected period uses it: the return-to-benefit pack is ready. */
    async ended(tx, e) {
      const g = await guaranteeForJob(tx, e.job.id);
      if (!g || !e.job.endDate || !endUsesGuarantee(g, e.job.endDate)) return;
      transition(g.status, 'used');
      await updateGuarantee(tx, g.id, { status: 'used', used_at: e.now, job_ended_on: e.job.endDate }, e.now, { status: 'active' });
      const person = await personOfCase(tx, e.caseId);
      await letters.toPerson(tx, e.tenantId, person.contact, 'used', g);
      await e.record(
        GUARANTEE_TIMELINE,
        { action: 'guarantee.use', reason: `job ended on ${e.job.endDate}, within the protected period to ${g.protectedUntil}`, details: { guarantee: g.id } },
        {
          from: 'active',
          to: 'used',
          reason: `Bridge-back guarantee used: the job ended on ${timelineDay(e.job.endDate)}, within the protected period. The return-to-benefit pack is ready on the benefits page.`,
          details: { guarantee: g.id, endDate: e.job.endDate },
        },
      );
    },
  };

  /** One change to a case through the case kernel, with the caller's hooks: an API's `afterWrite` (its idempotent response) commits with the change. */
  const workWith =
    <T>(hooks: WriteHooks<T>) =>
    (actor: CaseActor, caseId: string, fn: (w: Parameters<Parameters<CaseService['work']>[2]>[0]) => Promise<T>, open = true) =>
      deps.cases().work(actor, caseId, fn, { open, ...hooks });

  /**
   * The person's download, in its own transaction: every benefit before work recorded and every
   * guarantee on any case of theirs (as their guarantee page shows them), and nobody else's.
   */
  const exportSections: ExportSectionsProvider = async (tx, who) => {
    const awards = await awardsOfParticipant(tx, who.participantId);
    const held = await guaranteesOfParticipant(tx, who.participantId);
    return guaranteeExportSections(awards, held, today());
  };

  return {
    jobEvents,
    exportSections,

    /** The case's benefits page: the award as evidenced (latest first), its guarantees, and jobs that could still have one. */
    async forCase(actor: CaseActor, caseId: string) {
      const view = await deps.cases().view(actor, caseId, { healthFields: false });
      const now = today();
      const { awards, guarantees } = await db.inTenant(actor.tenantId, async (tx) => ({
        awards: await awardsOfCase(tx, caseId),
        guarantees: (await guaranteesOfCase(tx, caseId)).map((g) => ({ ...g, status: statusOn(g, now) })),
      }));
      const award = awards[0] ?? null;
      const covered = new Set(guarantees.map((g) => g.jobId));
      const offers =
        award && isHealthBenefit(award.benefit)
          ? view.jobs.filter((j) => !j.endDate && !covered.has(j.id) && now <= protectionFor({ award, jobStartDate: j.startDate }).protectedUntil)
          : [];
      return { view, awards, guarantees, offers, today: now };
    },

    /**
     * The API's read: every award recorded on the case (newest first) and its guarantees, each with
     * its status as of today (as the pages show it), for anyone who may read the case.
     */
    async ofCase(actor: CaseActor, caseId: string) {
      // The case's own access rules, without reading (or auditing) any health field.
      await deps.cases().view(actor, caseId, { healthFields: false });
      const now = today();
      return db.inTenant(actor.tenantId, async (tx) => ({
        awards: await awardsOfCase(tx, caseId),
        guarantees: (await guaranteesOfCase(tx, caseId)).map((g) => ({ ...g, status: statusOn(g, now) })),
        today: now,
      }));
    },

    /**
     * A case as the reader may see it (no health fields), and its latest benefit before work only
     * when the reader may work the case: the better-off form starts from it. Nothing is read for
     * anyone else, and the page refuses them.
     */
    async caseWithAward(actor: CaseActor, caseId: string) {
      const view = await deps.cases().view(actor, caseId, { healthFields: false });
      const award = view.canWork ? await db.inTenant(actor.tenantId, (tx) => latestAward(tx, caseId)) : null;
      return { view, award };
    },

    /** Records the prior award as evidenced: a new row each time, the latest counts. */
    async recordAward(actor: CaseActor, caseId: string, input: unknown, hooks: WriteHooks<string> = {}): Promise<string> {
      const v = parseInput(awardSchema, input);
      return workWith(hooks)(actor, caseId, async (w) => {
        if (v.decisionDate > londonIsoDate(w.now)) throw new InvalidInput([{ path: 'decisionDate', message: 'guarantee.error.decisionFuture' }]);
        // The same answers again (the form shows what is recorded) change nothing.
        const latest = await latestAward(w.tx, caseId);
        if (latest && sameAward(latest, v)) return latest.id;
        const id = newId(w.now);
        const by = authorOf(actor);
        await insertAward(w.tx, {
          tenant_id: actor.tenantId,
          id,
          case_id: caseId,
          benefit: v.benefit,
          esa_group: v.esaGroup,
          decision_date: v.decisionDate,
          evidence: v.evidence,
          evidence_note: v.evidenceNote,
          recorded_at: w.now,
          recorded_by_kind: by.kind,
          recorded_by_id: by.id,
          recorded_by_name: by.name,
        });
        await deps.cases().record(
          w,
          'benefit-award',
          { action: 'benefits.award-record', reason: 'benefit before work recorded', details: { award: id, benefit: v.benefit, esaGroup: v.esaGroup } },
          {
            to: v.benefit,
            reason: `Benefit before work recorded: ${v.benefit}${v.esaGroup ? ` (${v.esaGroup})` : ''}, decided ${timelineDay(v.decisionDate)}`,
            details: { award: id },
          },
        );
        return id;
      });
    },

    /** The guarantee for a current job when the award was recorded after the job started. */
    async createForJob(actor: CaseActor, caseId: string, input: unknown, hooks: WriteHooks<string> = {}): Promise<string> {
      const v = parseInput(createForJobSchema, input);
      return workWith(hooks)(actor, caseId, async (w) => {
        const job = await jobOf(w.tx, caseId, v.jobId);
        if (!job) throw new InvalidInput([{ path: 'jobId', message: 'guarantee.error.job' }]);
        if (job.end_date) throw new InvalidInput([{ path: 'jobId', message: 'guarantee.error.jobEnded' }]);
        const award = await latestAward(w.tx, caseId);
        if (!award || !isHealthBenefit(award.benefit)) throw new InvalidInput([{ path: 'jobId', message: 'guarantee.error.noAward' }]);
        if (await guaranteeForJob(w.tx, job.id)) throw new Conflict('This job already has a guarantee', [{ path: 'jobId', message: 'guarantee.error.exists' }]);
        if (londonIsoDate(w.now) > protectionFor({ award, jobStartDate: job.start_date }).protectedUntil)
          throw new InvalidInput([{ path: 'jobId', message: 'guarantee.error.periodOver' }]);
        const record: RecordFn = (kind, audit, entry) => deps.cases().record(w, kind, audit, entry);
        const jobFacts = { id: job.id, employer: job.employer, role: job.role, startDate: job.start_date, endDate: null, endReason: null };
        try {
          return await createIn(w.tx, { tenantId: actor.tenantId, caseId, job: jobFacts, award, now: w.now, record });
        } catch (error) {
          if (violates(error, 'bridge_back_guarantees_one_per_job')) throw new Conflict('This job already has a guarantee');
          throw error;
        }
      });
    },

    /** Withdraws an active guarantee, with a reason; audited, on the timeline, and the person told. Allowed on a closed case. */
    async withdraw(actor: CaseActor, caseId: string, guaranteeId: string, input: unknown, hooks: WriteHooks<void> = {}): Promise<void> {
      const v = parseInput(withdrawSchema, input);
      await workWith(hooks)(
        actor,
        caseId,
        async (w) => {
          const g = await findGuarantee(w.tx, guaranteeId, true);
          if (!g || g.caseId !== caseId) throw new NotFound('guarantee', guaranteeId);
          transition(statusOn(g, londonIsoDate(w.now)), 'withdrawn');
          await updateGuarantee(w.tx, g.id, { status: 'withdrawn', withdrawn_at: w.now, withdrawn_reason: v.reason, withdrawn_note: v.note || null }, w.now, {
            status: 'active',
          });
          await letters.toPerson(w.tx, actor.tenantId, (await personOfCase(w.tx, caseId)).contact, 'withdrawn', g);
          await deps.cases().record(
            w,
            GUARANTEE_TIMELINE,
            { action: 'guarantee.withdraw', reason: [v.reason, v.note].filter(Boolean).join(': '), details: { guarantee: g.id } },
            {
              from: 'active',
              to: 'withdrawn',
              // The reason is a code the case page words in each language; only the typed note is kept as text.
              reason: v.note || null,
              details: { guarantee: g.id, withdrawReason: v.reason },
            },
          );
        },
        false,
      );
    },

    /** Active guarantees by expiry: a specialist's own cases and a team lead's teams' cases. */
    async dashboard(user: UserPrincipal) {
      return db.inTenant(user.tenantId, async (tx) => {
        const teamIds = user.roles.includes('team-lead') ? await teamIdsOf(tx, user.userId) : [];
        const day = today();
        const guarantees = await activeGuarantees(tx, { specialistUserId: user.userId, teamIds });
        return { guarantees: guarantees.filter((g) => !hasLapsed(g, day)), today: day };
      });
    },

    /** What a certificate or return pack prints, for staff who may see the case. The pack exists only once the guarantee is used. */
    async documentForStaff(actor: CaseActor, caseId: string, guaranteeId: string, kind: 'certificate' | 'return-pack'): Promise<GuaranteeDocument> {
      await deps.cases().view(actor, caseId, { healthFields: false });
      return db.inTenant(actor.tenantId, (tx) => documentIn(tx, actor.tenantId, guaranteeId, kind, (g) => g.caseId === caseId));
    },

    /** The person's own guarantees, from every case of theirs. */
    async mine(p: { tenantId: string; participantId: string }) {
      const day = today();
      const guarantees = await db.inTenant(p.tenantId, (tx) => guaranteesOfParticipant(tx, p.participantId));
      return { guarantees: guarantees.map((g) => ({ ...g, status: statusOn(g, day) })), today: day };
    },

    /** The person's own certificate or return pack. */
    async documentForParticipant(p: { tenantId: string; participantId: string }, guaranteeId: string, kind: 'certificate' | 'return-pack') {
      return db.inTenant(p.tenantId, async (tx) => {
        const mine = new Set((await guaranteesOfParticipant(tx, p.participantId)).map((g) => g.id));
        return documentIn(tx, p.tenantId, guaranteeId, kind, (g) => mine.has(g.id));
      });
    },

    /**
     * The public check: whether a code names a guarantee, and only its status and dates. The platform's
     * verifiable documents find it and count codes that match nothing against the client's address.
     */
    async check(input: unknown, clientAddress: string): Promise<CheckResult> {
      const hit = await documents.find(GUARANTEE_DOCUMENT, input, clientAddress);
      if (!hit) return { kind: 'unknown' };
      const g = await db.inTenant(hit.tenantId, (tx) => findGuarantee(tx, hit.documentId));
      if (!g || !documents.sameCode(GUARANTEE_DOCUMENT, g.verificationCode, hit.chars)) return { kind: 'unknown' };
      const status = statusOn(g, today());
      // A used guarantee re-stated to a period the job end falls after no longer covers the return.
      const covers = status === 'active' || (status === 'used' && (g.jobEndedOn ?? g.protectedUntil) <= g.protectedUntil);
      return { kind: 'found', status, valid: covers, validFrom: g.startsOn, validUntil: g.protectedUntil, startsLater: startsLater(g, today()) };
    },

    /** Expiring and reminding; re-stating guarantees made under a revoked rule (guarantee-sweeps.ts). */
    ...sweeps,
  };

  async function documentIn(
    tx: Tx,
    tenantId: string,
    guaranteeId: string,
    kind: 'certificate' | 'return-pack',
    mayRead: (g: Guarantee) => boolean,
  ): Promise<GuaranteeDocument> {
    const g = await findGuarantee(tx, guaranteeId);
    if (!g || !mayRead(g)) throw new NotFound('guarantee', guaranteeId);
    if (kind === 'return-pack' && g.status !== 'used') throw new NotFound('return-to-benefit pack', guaranteeId);
    const award = await findAward(tx, g.awardId);
    if (!award) throw new NotFound('award', g.awardId);
    const person = await personOfCase(tx, g.caseId);
    const tenant = await tx.selectFrom('tenants').select(['name', 'name_cy']).where('id', '=', tenantId).executeTakeFirstOrThrow();
    return {
      guarantee: { ...g, status: statusOn(g, today()) },
      award,
      person: { name: person.name, dateOfBirth: person.dateOfBirth, address: person.address },
      teamName: person.teamName,
      councilName: tenant.name,
      councilNameCy: tenant.name_cy,
      specialistName: person.specialistName,
      checkUrl: `${baseUrl}/check-a-guarantee`,
      issuedAt: clock.now(),
    };
  }
}

export type GuaranteeService = ReturnType<typeof createGuaranteeService>;
