import { recordAudit } from '../../platform/audit/index.ts';
import type { UserPrincipal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Language } from '../../platform/db/index.ts';
import { type Database, newId, type Tx, type WriteHooks } from '../../platform/db/index.ts';
import { Conflict, Forbidden, InvalidInput, NotFound, parseInput } from '../../platform/errors/index.ts';
import { formatIsoDate, londonIsoDate, type Translate } from '../../platform/i18n/index.ts';
import { valueAt } from '../../platform/policy/index.ts';
import { createVerifiableDocuments, type DocumentKind } from '../../platform/verify/index.ts';
import { authorOf, type CaseActor, type CaseService, type ExportSectionsProvider, NO_EXPORT_SECTIONS } from '../participants/index.ts';
import { type Decision, type DecisionCategory, type Passport, transition } from './access-to-work.ts';
import { DIP } from './access-to-work-parameters.ts';
import { categoryLine } from './access-to-work-pdf.ts';
import {
  countersignAmount,
  decisionsOfCase,
  decisionsOfParticipant,
  findDecision,
  findPassport,
  insertDecision,
  issuedEndedBefore,
  personOfCase,
  saveCountersignAmount,
  savePassport,
  updateDecision,
} from './access-to-work-repo.ts';
import { accessToWork, indicativeRange, needsCountersign, validUntil } from './access-to-work-rules.ts';
import { parseAssessmentInput } from './access-to-work-schemas.ts';
import { applicationSchema, convertSchema, countersignAmountSchema, decisionRequestSchema, passportSchema, withdrawSchema } from './decision-schemas.ts';

/** A decision in principle is a verifiable document: AW-XXXX-XXXX-XXXX, checked at /check-access-to-work. */
export const DECISION_DOCUMENT: DocumentKind = {
  kind: 'access-to-work-decision',
  prefix: 'AW',
  namespace: 'access-to-work-decision',
  errorKey: 'atw.error.code',
};
const TIMELINE = 'access-to-work';

/** Whole years from a date of birth to a day. */
const ageOn = (birth: string, day: string): number => {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};

/** What issuing gives: the validity and the code the letter carries. */
export type Issued = { validFrom: string; validUntil: string; verificationCode: string };

/** What the public check shows: validity, dates, categories and ranges; never the person or their needs. */
export type DecisionCheck = { status: Decision['status']; valid: boolean; validFrom: string; validUntil: string; categories: DecisionCategory[] };

/**
 * Access to Work decisions in principle and the adjustments passport. A specialist assesses on the
 * case (a draft), issues it (a team lead of the case's team countersigns first above the tenant's
 * amount), and on a job offer converts it to the application pack; the sweep expires it when its
 * validity ends. Every change is one case transaction with its timeline entry and audit row.
 */
export function createAccessToWorkService(deps: { db: Database; clock: Clock; baseUrl: string; secret: string; cases: CaseService }) {
  const { db, clock, cases } = deps;
  const documents = createVerifiableDocuments({ db, clock, secret: deps.secret });
  const today = () => londonIsoDate(clock.now());
  type W = Parameters<Parameters<CaseService['work']>[2]>[0];

  async function decisionOn(w: W, caseId: string, id: string): Promise<Decision> {
    const d = await findDecision(w.tx, id, true);
    if (!d || d.caseId !== caseId) throw new NotFound('decision in principle', id);
    return d;
  }

  async function move(
    w: W,
    d: Decision,
    to: Decision['status'],
    set: Parameters<typeof updateDecision>[3],
    reason: string,
    details: Record<string, unknown> = {},
  ) {
    transition(d.status, to);
    if (!(await updateDecision(w.tx, d.id, d.status, { status: to, ...set }, w.now))) throw new Conflict('The decision changed meanwhile; look again');
    await cases.record(
      w,
      TIMELINE,
      {
        action: `access-to-work.${to === 'issued' ? 'issue' : to === 'converted' ? 'convert' : to === 'withdrawn' ? 'withdraw' : to}`,
        reason,
        details: { decision: d.id, ...details },
      },
      { from: d.status, to, reason, details: { decision: d.id } },
    );
  }

  return {
    /** Today in London, by the injected clock. */
    today,

    /** The case's decisions, the person's passport and the tenant's countersignature amount, for anyone who may read the case. */
    async forCase(actor: CaseActor, caseId: string) {
      const view = await cases.view(actor, caseId, { healthFields: false });
      const day = today();
      const data = await db.inTenant(actor.tenantId, async (tx) => ({
        decisions: await decisionsOfCase(tx, caseId),
        passport: await findPassport(tx, view.summary.participantId),
        tenantAmount: await countersignAmount(tx),
      }));
      const threshold = data.tenantAmount ?? valueAt(DIP.countersignDefault, day).value;
      return { view, ...data, countersignAbove: threshold, countersignIsDefault: data.tenantAmount === null, today: day };
    },

    /** Assesses on the case: a draft decision with the assessment, its ranges and whether it needs a countersignature. */
    async assess(actor: CaseActor, caseId: string, input: unknown, hooks: WriteHooks<string> = {}): Promise<string> {
      const request = parseInput(decisionRequestSchema, input);
      return cases.work(
        actor,
        caseId,
        async (w) => {
          const person = await personOfCase(w.tx, caseId);
          const day = londonIsoDate(w.now);
          const full = parseAssessmentInput({ date: day, person: { ...request.person, age: ageOn(person.date_of_birth, day) }, needs: request.needs });
          const assessment = accessToWork(full);
          // Not eligible: the refusal names each rule not met, with its figures, so the page and the API say why.
          if (!assessment.eligible)
            throw new InvalidInput(
              [
                { path: 'eligible', message: 'atw.error.notEligible' },
                ...assessment.notEligibleBecause.map((r) => ({ path: `eligible.${r.code}`, message: `atw.reason.${r.code}`, params: r.values })),
              ],
              'The person is not eligible for Access to Work on these answers',
            );
          const cap = assessment.estimate.cap;
          const categories = assessment.estimate.categories
            .filter((c) => c.annualCost > 0 || c.category === 'mental-health-support')
            .map((c) => ({ category: c.category, ...indicativeRange(c.annualCost, day, cap) }))
            .map(({ category, low, high }) => ({ category, low, high }));
          const countersign = needsCountersign(assessment.estimate.accessToWorkContribution, await countersignAmount(w.tx), day);
          const id = newId(w.now);
          const by = authorOf(actor);
          await insertDecision(w.tx, {
            tenantId: actor.tenantId,
            id,
            caseId,
            participantId: person.participant_id,
            assessedOn: day,
            input: full,
            assessment,
            categories,
            accessToWorkAnnual: assessment.estimate.accessToWorkContribution,
            needsCountersign: countersign.needed,
            now: w.now,
            by: { id: by.id, name: by.name },
          });
          await cases.record(
            w,
            TIMELINE,
            { action: 'access-to-work.assess', reason: 'decision in principle drafted', details: { decision: id, countersign: countersign.needed } },
            { to: 'draft', reason: 'Access to Work decision in principle drafted', details: { decision: id } },
          );
          return id;
        },
        hooks,
      );
    },

    /** A team lead of the case's team countersigns a draft above the amount. */
    async countersign(actor: CaseActor, caseId: string, decisionId: string): Promise<void> {
      await cases.work(actor, caseId, async (w) => {
        if (!w.access.isTeamLead) throw new Forbidden('Only a team lead of the case’s team can countersign');
        const d = await decisionOn(w, caseId, decisionId);
        if (d.status !== 'draft') throw new Conflict('Only a draft can be countersigned');
        if (d.countersignedAt) return;
        const by = authorOf(actor);
        if (!(await updateDecision(w.tx, d.id, 'draft', { countersigned_at: w.now, countersigned_by_id: by.id, countersigned_by_name: by.name }, w.now)))
          throw new Conflict('The decision changed meanwhile; look again');
        await cases.record(w, TIMELINE, { action: 'access-to-work.countersign', reason: 'decision in principle countersigned', details: { decision: d.id } });
      });
    },

    /** Issues a draft: its validity (platform policy), its code and the code's hash in the public index. */
    async issue(actor: CaseActor, caseId: string, decisionId: string, hooks: WriteHooks<Issued> = {}): Promise<Issued> {
      return cases.work(
        actor,
        caseId,
        async (w) => {
          const d = await decisionOn(w, caseId, decisionId);
          if (d.needsCountersign && !d.countersignedAt) throw new Conflict('A team lead must countersign this decision before it is issued');
          const from = londonIsoDate(w.now);
          const until = validUntil(from, valueAt(DIP.validityMonths, from).value);
          const { code, hash } = documents.newCode(DECISION_DOCUMENT);
          const by = authorOf(actor);
          await move(
            w,
            d,
            'issued',
            { issued_at: w.now, issued_by_id: by.id, issued_by_name: by.name, valid_from: from, valid_until: until, code_hash: hash, verification_code: code },
            `Access to Work decision in principle issued, valid until ${until}`,
            { validUntil: until },
          );
          await documents.register(w.tx, DECISION_DOCUMENT, actor.tenantId, d.id, hash);
          return { validFrom: from, validUntil: until, verificationCode: code };
        },
        hooks,
      );
    },

    async withdraw(actor: CaseActor, caseId: string, decisionId: string, input: unknown, hooks: WriteHooks<void> = {}): Promise<void> {
      const v = parseInput(withdrawSchema, input);
      await cases.work(
        actor,
        caseId,
        async (w) => {
          const d = await decisionOn(w, caseId, decisionId);
          await move(w, d, 'withdrawn', { withdrawn_at: w.now, withdrawn_reason: v.reason }, `Access to Work decision in principle withdrawn: ${v.reason}`);
        },
        { open: false, ...hooks },
      );
    },

    /** The job offer came: the decision is converted, holding the job, and the application pack can be printed. */
    async convert(actor: CaseActor, caseId: string, decisionId: string, input: unknown, hooks: WriteHooks<void> = {}): Promise<void> {
      const v = parseInput(convertSchema, input);
      await cases.work(
        actor,
        caseId,
        async (w) => {
          const d = await decisionOn(w, caseId, decisionId);
          if (d.status === 'issued' && d.validUntil && d.validUntil < londonIsoDate(w.now)) throw new Conflict('This decision has expired');
          await move(
            w,
            d,
            'converted',
            { converted_at: w.now, job_employer: v.employer, job_role: v.role, job_start_date: v.startDate, job_hours_per_week: v.hoursPerWeek },
            `Access to Work decision in principle converted on a job offer: ${v.role} at ${v.employer}`,
          );
        },
        hooks,
      );
    },

    /** When the real application went in and when DWP decided: for outcomes reporting (time from offer to support). */
    async recordApplication(actor: CaseActor, caseId: string, decisionId: string, input: unknown, hooks: WriteHooks<void> = {}): Promise<void> {
      const v = parseInput(applicationSchema, input);
      await cases.work(
        actor,
        caseId,
        async (w) => {
          const d = await decisionOn(w, caseId, decisionId);
          if (d.status !== 'converted') throw new Conflict('The application is recorded once the decision is converted on a job offer');
          const day = londonIsoDate(w.now);
          if (v.submittedOn > day || (v.decidedOn && v.decidedOn > day)) throw new InvalidInput([{ path: 'submittedOn', message: 'atw.error.future' }]);
          if (
            !(await updateDecision(
              w.tx,
              d.id,
              'converted',
              { application_submitted_on: v.submittedOn, dwp_decided_on: v.decidedOn, dwp_outcome: v.outcome },
              w.now,
            ))
          )
            throw new Conflict('The decision changed meanwhile; look again');
          await cases.record(w, TIMELINE, {
            action: 'access-to-work.application',
            reason: 'Access to Work application dates recorded',
            details: { decision: d.id, submittedOn: v.submittedOn, decidedOn: v.decidedOn, outcome: v.outcome },
          });
        },
        hooks,
      );
    },

    /** The passport, written by the person or the team working their case; sharing is the person's own choice on their pages. */
    async savePassport(actor: CaseActor, participantId: string, input: unknown, caseId?: string): Promise<void> {
      const v = parseInput(passportSchema, input);
      const write = async (tx: Tx, now: Date, keepShared: boolean | null) => {
        const current = await findPassport(tx, participantId, true);
        const shared = keepShared === null ? v.shared : (current?.shared ?? false);
        await savePassport(tx, {
          tenantId: actor.tenantId,
          participantId,
          adjustments: v.adjustments,
          inTheirWords: v.inTheirWords,
          shared,
          now,
          by: authorOf(actor).name,
        });
        return shared;
      };
      if (actor.kind === 'participant') {
        if (actor.participantId !== participantId) throw new NotFound('passport', participantId);
        await db.inTenant(actor.tenantId, async (tx) => {
          const shared = await write(tx, clock.now(), null);
          await recordAudit(tx, actor.tenantId, clock, {
            actor: { kind: 'participant', id: participantId },
            action: 'access-to-work.passport',
            recordType: 'participant',
            recordId: participantId,
            reason: shared ? 'passport saved and shared' : 'passport saved, not shared',
          });
        });
        return;
      }
      if (!caseId) throw new NotFound('case', participantId);
      await cases.work(actor, caseId, async (w) => {
        if (w.row.participant_id !== participantId) throw new NotFound('passport', participantId);
        await write(w.tx, w.now, true);
        await cases.record(w, TIMELINE, { action: 'access-to-work.passport', reason: 'adjustments passport updated by the team' });
      });
    },

    /** The person's own decisions (issued or later) and passport. */
    async mine(p: { tenantId: string; participantId: string }) {
      return db.inTenant(p.tenantId, async (tx) => ({
        decisions: await decisionsOfParticipant(tx, p.participantId),
        passport: await findPassport(tx, p.participantId),
        today: today(),
      }));
    },

    /**
     * What the person's current decision in principle covers, for the better-off page: the latest
     * issued one still valid today, as sentences in the reader's language; null when none.
     */
    async coverFor(p: { tenantId: string; participantId: string }, t: Translate, lang: Language) {
      const day = today();
      const decisions = await db.inTenant(p.tenantId, (tx) => decisionsOfParticipant(tx, p.participantId));
      const d = decisions.find((x) => x.status === 'issued' && x.validUntil !== null && x.validUntil >= day);
      if (!d?.validUntil) return null;
      return {
        lead: t('atw.betterOff.covers', { until: formatIsoDate(d.validUntil, lang) }),
        items: d.categories.map((c) => {
          const line = categoryLine(c, t, lang);
          return `${line.label}: ${line.value}`;
        }),
        notAward: t('atw.notAward'),
      };
    },

    /** A decision and its person, for the letter or the application pack: the case team's, or the person's own. */
    async document(actor: CaseActor, decisionId: string, caseId: string | null) {
      if (caseId && actor.kind !== 'participant') await cases.view(actor, caseId, { healthFields: false });
      return db.inTenant(actor.tenantId, async (tx) => {
        const d = await findDecision(tx, decisionId);
        const mine = actor.kind === 'participant' ? d?.participantId === actor.participantId : d?.caseId === caseId;
        if (!d || !mine || d.status === 'draft') throw new NotFound('decision in principle', decisionId);
        const person = await personOfCase(tx, d.caseId);
        const passport = await findPassport(tx, d.participantId);
        const tenant = await tx.selectFrom('tenants').select(['name', 'name_cy']).where('id', '=', actor.tenantId).executeTakeFirstOrThrow();
        return {
          decision: d,
          passport,
          person: {
            name: `${person.given_name} ${person.family_name}`,
            dateOfBirth: person.date_of_birth,
            address: [person.address_line1, person.address_line2, person.town, person.postcode].filter(Boolean).join(', '),
          },
          council: { en: tenant.name, cy: tenant.name_cy },
          checkUrl: `${deps.baseUrl}/check-access-to-work`,
          printedAt: clock.now(),
        };
      });
    },

    /** The public check: validity, dates, categories and ranges only, rate-limited through the platform. */
    async check(input: unknown, clientAddress: string): Promise<DecisionCheck | null> {
      const hit = await documents.find(DECISION_DOCUMENT, input, clientAddress);
      if (!hit) return null;
      const d = await db.inTenant(hit.tenantId, (tx) => findDecision(tx, hit.documentId));
      if (!d?.verificationCode || !d.validFrom || !d.validUntil || !documents.sameCode(DECISION_DOCUMENT, d.verificationCode, hit.chars)) return null;
      const valid = d.status === 'issued' && today() <= d.validUntil;
      return {
        status: d.status === 'issued' && !valid ? 'expired' : d.status,
        valid,
        validFrom: d.validFrom,
        validUntil: d.validUntil,
        categories: d.categories,
      };
    },

    /** The tenant's countersignature amount (platform policy default until set). */
    async setCountersignAmount(user: UserPrincipal, input: unknown): Promise<void> {
      const v = parseInput(countersignAmountSchema, input);
      await db.inTenant(user.tenantId, async (tx) => {
        await saveCountersignAmount(tx, user.tenantId, v.amount, clock.now(), user.displayName);
        await recordAudit(tx, user.tenantId, clock, {
          actor: { kind: 'user', id: user.userId },
          action: 'access-to-work.settings',
          recordType: 'tenant',
          recordId: user.tenantId,
          reason: `countersignature above £${v.amount}`,
        });
      });
    },

    /** Expires issued decisions whose validity has ended; each claims its row, so two sweeps never both expire one. */
    async sweep(): Promise<{ expired: number }> {
      const now = clock.now();
      const day = londonIsoDate(now);
      const counts = await db.eachTenant(async (tx, tenant) => {
        let expired = 0;
        for (const d of await issuedEndedBefore(tx, day)) {
          if (!(await updateDecision(tx, d.id, 'issued', { status: 'expired', expired_at: now }, now))) continue;
          await recordAudit(tx, tenant.id, clock, {
            actor: { kind: 'system', id: 'access-to-work-sweep' },
            action: 'access-to-work.expire',
            recordType: 'case',
            recordId: d.caseId,
            reason: `decision in principle expired after ${d.validUntil}`,
            details: { decision: d.id },
          });
          expired++;
        }
        return expired;
      });
      return { expired: counts.reduce((a, b) => a + b, 0) };
    },
  };
}

export type AccessToWorkService = ReturnType<typeof createAccessToWorkService>;
export type { Passport };

/**
 * The person's decisions in principle (drafts left out: they were never given to anyone) for their
 * download and portable record (the participants capability's export sections).
 */
export const accessToWorkExportSections: ExportSectionsProvider = async (tx, who) => {
  const decisions = await decisionsOfParticipant(tx, who.participantId);
  return {
    ...NO_EXPORT_SECTIONS,
    // The readable copy: each decision in the reader's words; no blocks when there is none.
    readable: (t, lang) => [
      {
        heading: t('atw.export.heading'),
        blocks: decisions.length
          ? [
              {
                kind: 'list' as const,
                items: decisions.map((d) =>
                  t('atw.export.item', {
                    status: t(`atw.status.${d.status}`),
                    amount: String(d.accessToWorkAnnual),
                    from: formatIsoDate(d.validFrom ?? d.assessedOn, lang),
                    until: d.validUntil ? formatIsoDate(d.validUntil, lang) : '–',
                  }),
                ),
              },
            ]
          : [],
      },
    ],
    accessToWork: decisions.map((d) => ({
      id: d.id,
      status: d.status,
      assessedOn: d.assessedOn,
      validFrom: d.validFrom,
      validUntil: d.validUntil,
      yearlyAmount: d.accessToWorkAnnual,
      job: d.job ? { employer: d.job.employer, role: d.job.role } : null,
      verificationCode: d.verificationCode,
      updatedAt: (d.withdrawnAt ?? d.expiredAt ?? d.convertedAt ?? d.issuedAt ?? d.createdAt).toISOString(),
    })),
  };
};
