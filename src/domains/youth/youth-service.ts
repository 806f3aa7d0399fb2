import type { Updateable } from 'kysely';
import daysToOfferFile from '../../../policy/youth-days-to-offer.json' with { type: 'json' };
import reminderFile from '../../../policy/youth-offer-reminder-working-days.json' with { type: 'json' };
import sustainedFile from '../../../policy/youth-offer-sustained-weeks.json' with { type: 'json' };
import { recordAudit } from '../../platform/audit/index.ts';
import { actorOf, type UserPrincipal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type WriteHooks } from '../../platform/db/index.ts';
import { Conflict, Forbidden, InvalidInput, InvalidTransition, NotFound, parseInput } from '../../platform/errors/index.ts';
import { londonIsoDate } from '../../platform/i18n/index.ts';
import { queueNotifications } from '../../platform/notify/index.ts';
import { parsePolicyParameter, valueAt } from '../../platform/policy/index.ts';
import type { CaseActor, CaseService } from '../participants/index.ts';
import {
  type ActionCheck,
  actionAllowed,
  findObligationWording,
  type OfferAction,
  offerActionAllowed,
  type Regime,
  type RegimeAction,
  type YouthOfferType,
} from '../participation/index.ts';
import { englandAndWalesBankHolidays as holidays, recordReferralOutcome, teamIdsOf } from '../referrals/index.ts';
import type { Breach, Offer, OfferStatus, Pathway, Standing, YouthTables } from './youth.ts';
import { breachOf, findOffer, findPathway, offersOfCase, openClocks, referralOfCase, tables, teamLeadsOf, tenantDaysToOffer } from './youth-repo.ts';
import { canMoveOffer, clockAlerts, daysToOffer, type OfferClock, offerClock, offerDateIssue, offerDue, sustainedFrom } from './youth-rules.ts';
import { declineSchema, offerSchema, settingsSchema, sustainedSchema, takeUpSchema, triageSchema } from './youth-schemas.ts';

/** Platform policy (policy/): the default days-to-offer, the reminder's working days, and when an offer counts as sustained. */
export const YOUTH_POLICY = {
  daysToOffer: parsePolicyParameter(daysToOfferFile),
  reminderWorkingDays: parsePolicyParameter(reminderFile),
  sustainedWeeks: parsePolicyParameter(sustainedFile),
};
const TIMELINE = 'youth';
export const YOUTH_ADMINS = ['tenant-admin'] as const;

type W = Parameters<Parameters<CaseService['work']>[2]>[0];

/**
 * The youth pathway on a case (issue 18, ADR 0042): the triage at first contact, the days-to-offer
 * clock, and the offers made, taken up, declined or sustained. Every change is one case transaction
 * with its timeline entry and audit row (through the case capability); offers are opportunities, and
 * the participation policy decides whether any benefit condition may ride on one.
 */
export function createYouthService(deps: { db: Database; clock: Clock; baseUrl: string; cases: CaseService }) {
  const { db, clock, cases } = deps;
  const today = () => londonIsoDate(clock.now());

  /** The clock as it stands, for a pathway. */
  const clockOf = (p: { clockStartsOn: string; workingDays: number }, firstOfferOn: string | null, day: string): OfferClock =>
    offerClock(
      {
        clockStartsOn: p.clockStartsOn,
        workingDays: p.workingDays,
        firstOfferOn,
        today: day,
        reminderWorkingDays: valueAt(YOUTH_POLICY.reminderWorkingDays, day).value,
      },
      holidays,
    );

  /**
   * A refusal by the participation policy: audited in a transaction of its own (the attempted change
   * writes nothing) and answered 403 with the policy's reason, as the case capability does.
   */
  async function refuse(
    actor: CaseActor,
    caseId: string,
    standing: Standing,
    decision: Exclude<ActionCheck, { allowed: true }>,
    attempted: string,
    type: YouthOfferType,
  ) {
    await db.inTenant(actor.tenantId, (tx) =>
      recordAudit(tx, actor.tenantId, clock, {
        actor: actor.kind === 'participant' ? { kind: 'participant', id: actor.participantId } : actorOf(actor),
        action: 'participation.refused',
        recordType: 'case',
        recordId: caseId,
        reason: decision.reason,
        details: { attempted, offerType: type, regime: standing.regime, policy: decision.policy.name, source: decision.policy.source.url },
      }),
    );
    throw new Forbidden(decision.reason, [{ path: `participation.${attempted}`, message: `youth.refused.${attempted}` }]);
  }

  /**
   * The regime an offer is judged on: a recorded health condition means voluntary whatever the
   * regime says (the second lock the case capability also keeps).
   */
  const judgedOn = (s: Standing): Regime => (s.healthConditionRecorded && s.regime === 'conditional' ? 'voluntary-health' : s.regime);

  async function requireOffer(actor: CaseActor, caseId: string, standing: Standing, type: YouthOfferType, action: OfferAction) {
    const decision = offerActionAllowed(judgedOn(standing), type, action);
    if (!decision.allowed) await refuse(actor, caseId, standing, decision, action, type);
  }

  /** Free text a young person will read about an offer: on a voluntary regime it may not carry obligation wording. */
  async function requireWording(actor: CaseActor, caseId: string, standing: Standing, type: YouthOfferType, text: string) {
    if (findObligationWording(text).length === 0) return;
    const action: RegimeAction = 'obligation-wording';
    const decision = actionAllowed(judgedOn(standing), action);
    if (!decision.allowed) await refuse(actor, caseId, standing, decision, action, type);
  }

  async function pathwayOn(w: W, caseId: string) {
    const p = await findPathway(w.tx, caseId, true);
    if (!p) throw new Conflict('Record the triage first: the days-to-offer clock starts there', [{ path: 'triage', message: 'youth.error.noTriage' }]);
    return p;
  }

  async function offerOn(w: W, caseId: string, offerId: string): Promise<Offer> {
    const o = await findOffer(w.tx, caseId, offerId);
    if (!o) throw new NotFound('offer', offerId);
    return o;
  }

  async function move(
    w: W,
    o: Offer,
    to: OfferStatus,
    set: Pick<Updateable<YouthTables['youth_offers']>, 'taken_up_on' | 'decline_reason' | 'decline_note' | 'decline_reported' | 'sustained_on' | 'ended_on'>,
    reason: string,
  ) {
    if (!canMoveOffer(o.status, to)) throw new InvalidTransition(o.status, to);
    const updated = await tables(w.tx)
      .updateTable('youth_offers')
      .set({ ...set, status: to, updated_at: w.now })
      .where('id', '=', o.id)
      .where('status', '=', o.status)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new Conflict('The offer changed meanwhile; look again');
    await cases.record(
      w,
      TIMELINE,
      { action: `youth.offer-${to}`, reason, details: { offer: o.id, type: o.type } },
      { from: o.status, to, reason, details: { offer: o.id, type: o.type, provider: o.provider } },
    );
  }

  return {
    today,

    /** The pathway page: the case as the reader may see it, its triage and clock, and the offers. */
    async forCase(actor: CaseActor, caseId: string) {
      const view = await cases.view(actor, caseId, { healthFields: false });
      const day = today();
      const data = await db.inTenant(actor.tenantId, async (tx) => ({
        pathway: await findPathway(tx, caseId),
        offers: await offersOfCase(tx, caseId),
        tenantDays: await tenantDaysToOffer(tx),
      }));
      const setting = daysToOffer(data.tenantDays, valueAt(YOUTH_POLICY.daysToOffer, day).value);
      return {
        view,
        pathway: data.pathway,
        offers: data.offers,
        clock: data.pathway ? clockOf(data.pathway, data.pathway.firstOfferOn, day) : null,
        setting,
        today: day,
      };
    },

    /**
     * The triage at first contact. The first one starts the clock: from the day first contact was
     * recorded on the referral (or today, when it was not), for the working days in force then.
     * A later triage changes the answers only; the clock keeps its start and length.
     */
    async triage(actor: CaseActor, caseId: string, input: unknown, hooks: WriteHooks<Pathway> = {}): Promise<Pathway> {
      const v = parseInput(triageSchema, input);
      return cases.work(
        actor,
        caseId,
        async (w) => {
          const referral = await referralOfCase(w.tx, caseId);
          if (!referral?.youngPerson)
            throw new Conflict('Only a young person’s case is on the youth pathway', [{ path: 'case', message: 'youth.error.notYoung' }]);
          const existing = await findPathway(w.tx, caseId, true);
          const by = actor.kind === 'user' ? actor.userId : actor.kind === 'client' ? actor.id : actor.participantId;
          const answers = { aims: v.aims, mental_health: v.mentalHealth, housing: v.housing, caring: v.caring, notes: v.notes || null, updated_at: w.now };
          if (existing) {
            await tables(w.tx).updateTable('youth_pathways').set(answers).where('case_id', '=', caseId).execute();
            await cases.record(w, TIMELINE, { action: 'youth.triage', reason: 'youth triage updated', details: { aims: v.aims } }, { to: 'triaged' });
            return { ...existing, ...v };
          }
          const day = londonIsoDate(w.now);
          const startsOn = referral.firstContactAt ? londonIsoDate(referral.firstContactAt) : day;
          const setting = daysToOffer(await tenantDaysToOffer(w.tx), valueAt(YOUTH_POLICY.daysToOffer, startsOn).value);
          const due = offerDue(startsOn, setting.workingDays, holidays);
          await tables(w.tx)
            .insertInto('youth_pathways')
            .values({
              tenant_id: actor.tenantId,
              case_id: caseId,
              ...answers,
              clock_starts_on: startsOn,
              working_days: setting.workingDays,
              days_source: setting.source,
              offer_due: due,
              triaged_at: w.now,
              triaged_by: by,
            })
            .execute();
          await cases.record(
            w,
            TIMELINE,
            {
              action: 'youth.triage',
              reason: `youth triage recorded; an offer is due by ${due}`,
              details: { aims: v.aims, clockStartsOn: startsOn, workingDays: setting.workingDays, daysSource: setting.source, offerDue: due },
            },
            { to: 'triaged', details: { offerDue: due } },
          );
          return {
            caseId,
            ...v,
            clockStartsOn: startsOn,
            workingDays: setting.workingDays,
            daysSource: setting.source,
            offerDue: due,
            triagedAt: w.now,
            triagedBy: by,
          };
        },
        hooks,
      );
    },

    /**
     * Records an offer as an opportunity. Passing on a benefit condition is checked against the
     * participation policy first (refused and audited on every voluntary regime), and so is any
     * obligation wording in what the young person will read. The first offer stops the clock.
     */
    async recordOffer(actor: CaseActor, caseId: string, input: unknown, hooks: WriteHooks<Offer> = {}): Promise<Offer> {
      const v = parseInput(offerSchema, input);
      const standing = await cases.participationOf(actor, caseId);
      if (v.relayCondition) await requireOffer(actor, caseId, standing, v.type, 'relay-condition');
      await requireWording(actor, caseId, standing, v.type, `${v.provider}\n${v.details}`);
      return cases.work(
        actor,
        caseId,
        async (w) => {
          const pathway = await pathwayOn(w, caseId);
          const issue = offerDateIssue({ kind: 'offer', offeredOn: v.offeredOn, clockStartsOn: pathway.clockStartsOn }, londonIsoDate(w.now));
          if (issue) throw new InvalidInput([{ path: 'offeredOn', message: `youth.error.${issue}` }]);
          if (v.startsOn && v.startsOn < v.offeredOn) throw new InvalidInput([{ path: 'startsOn', message: 'youth.error.startsBeforeOffer' }]);
          let directoryServiceId: string | null = null;
          if (v.onwardReferralId) {
            // The onward referral this offer came through (the directory's closed loop): it must be this case's own.
            const onward = await w.tx
              .withTables<{ onward_referrals: { id: string; case_id: string; service_id: string } }>()
              .selectFrom('onward_referrals')
              .select(['service_id'])
              .where('id', '=', v.onwardReferralId)
              .where('case_id', '=', caseId)
              .executeTakeFirst();
            if (!onward) throw new InvalidInput([{ path: 'onwardReferralId', message: 'youth.error.onwardReferral' }]);
            directoryServiceId = onward.service_id;
          }
          const id = newId(w.now);
          const by = actor.kind === 'user' ? actor.userId : actor.kind === 'client' ? actor.id : actor.participantId;
          await tables(w.tx)
            .insertInto('youth_offers')
            .values({
              tenant_id: actor.tenantId,
              id,
              case_id: caseId,
              offer_type: v.type,
              provider: v.provider,
              details: v.details || null,
              offered_on: v.offeredOn,
              starts_on: v.startsOn,
              status: 'made',
              condition_relayed: v.relayCondition,
              decline_reported: false,
              directory_service_id: directoryServiceId,
              onward_referral_id: v.onwardReferralId,
              recorded_by: by,
              created_at: w.now,
              updated_at: w.now,
            })
            .execute();
          const first = pathway.firstOfferOn === null || v.offeredOn < pathway.firstOfferOn;
          if (first) {
            await tables(w.tx).updateTable('youth_pathways').set({ first_offer_on: v.offeredOn, updated_at: w.now }).where('case_id', '=', caseId).execute();
          }
          const referral = await referralOfCase(w.tx, caseId);
          if (referral) await recordReferralOutcome(w.tx, actor.tenantId, referral.id, 'youth-offer-made', w.now);
          await cases.record(
            w,
            TIMELINE,
            {
              action: 'youth.offer',
              reason: `${v.type} offer recorded`,
              details: { offer: id, type: v.type, conditionRelayed: v.relayCondition, regime: standing.regime, firstOffer: first },
            },
            { to: 'made', details: { offer: id, type: v.type, provider: v.provider } },
          );
          const offer = (await findOffer(w.tx, caseId, id)) as Offer;
          return offer;
        },
        hooks,
      );
    },

    /** The young person took the offer up: an outcome fact, and the clock's work is done. */
    async takeUp(actor: CaseActor, caseId: string, offerId: string, input: unknown): Promise<void> {
      const v = parseInput(takeUpSchema, input);
      await cases.work(actor, caseId, async (w) => {
        const o = await offerOn(w, caseId, offerId);
        const issue = offerDateIssue({ kind: 'take-up', takenUpOn: v.takenUpOn, offeredOn: o.offeredOn }, londonIsoDate(w.now));
        if (issue) throw new InvalidInput([{ path: 'takenUpOn', message: `youth.error.${issue}` }]);
        await move(w, o, 'taken-up', { taken_up_on: v.takenUpOn }, `${o.type} offer taken up`);
        const referral = await referralOfCase(w.tx, caseId);
        if (referral) await recordReferralOutcome(w.tx, actor.tenantId, referral.id, 'youth-offer-taken-up', w.now);
      });
    },

    /**
     * The young person turned the offer down, with their reason. Reporting it to the Jobcentre is
     * checked against the participation policy first: refused and audited on every voluntary regime.
     */
    async decline(actor: CaseActor, caseId: string, offerId: string, input: unknown): Promise<void> {
      const v = parseInput(declineSchema, input);
      const standing = await cases.participationOf(actor, caseId);
      const type = await db.inTenant(
        actor.tenantId,
        async (tx) => (await tables(tx).selectFrom('youth_offers').select('offer_type').where('id', '=', offerId).executeTakeFirst())?.offer_type,
      );
      if (!type) throw new NotFound('offer', offerId);
      if (v.reportToJobcentre) await requireOffer(actor, caseId, standing, type, 'report-decline');
      await cases.work(actor, caseId, async (w) => {
        const o = await offerOn(w, caseId, offerId);
        await move(
          w,
          o,
          'declined',
          { decline_reason: v.reason, decline_note: v.note || null, decline_reported: v.reportToJobcentre },
          `${o.type} offer declined: ${v.reason}`,
        );
      });
    },

    /** Still in the education, training or work the offer led to, the policy's weeks after taking it up. */
    async sustained(actor: CaseActor, caseId: string, offerId: string, input: unknown): Promise<void> {
      const v = parseInput(sustainedSchema, input);
      await cases.work(actor, caseId, async (w) => {
        const o = await offerOn(w, caseId, offerId);
        if (o.status !== 'taken-up' || !o.takenUpOn) throw new InvalidTransition(o.status, 'sustained');
        const weeks = valueAt(YOUTH_POLICY.sustainedWeeks, v.on).value;
        if (v.on > londonIsoDate(w.now)) throw new InvalidInput([{ path: 'on', message: 'youth.error.sustainedInFuture' }]);
        const issue = offerDateIssue({ kind: 'sustained', on: v.on, takenUpOn: o.takenUpOn, weeks }, londonIsoDate(w.now));
        if (issue) throw new InvalidInput([{ path: 'on', message: `youth.error.${issue}`, params: { date: sustainedFrom(o.takenUpOn, weeks) } }]);
        await move(w, o, 'sustained', { sustained_on: v.on }, `${o.type} sustained ${weeks} weeks`);
        const referral = await referralOfCase(w.tx, caseId);
        if (referral) await recordReferralOutcome(w.tx, actor.tenantId, referral.id, 'youth-offer-sustained', w.now);
      });
    },

    /** Pathways of the team lead's teams with no offer by the due day, most overdue first. */
    async breaches(user: UserPrincipal): Promise<Breach[]> {
      if (!user.roles.includes('team-lead')) throw new Forbidden('Only a team lead sees the youth pathway’s breaches');
      const day = today();
      return db.inTenant(user.tenantId, async (tx) => {
        const rows = await openClocks(tx, await teamIdsOf(tx, user.userId));
        return rows
          .filter((r) => r.offer_due < day)
          .map((r) => breachOf(r, -(clockOf({ clockStartsOn: r.clock_starts_on, workingDays: r.working_days }, null, day).workingDaysLeft ?? 0)));
      });
    },

    /** The local authority's days-to-offer: its own, or platform policy with its source. */
    async settings(user: UserPrincipal) {
      if (!user.roles.includes('tenant-admin')) throw new Forbidden('Only a tenant admin changes the youth pathway’s settings');
      const day = today();
      const policy = valueAt(YOUTH_POLICY.daysToOffer, day);
      const own = await db.inTenant(user.tenantId, tenantDaysToOffer);
      return { own, policy: { value: policy.value, source: policy.source, effectiveFrom: policy.effectiveFrom }, inForce: daysToOffer(own, policy.value) };
    },

    /** Sets (or, blank, clears) the local authority's own days-to-offer; new clocks use it, running ones keep theirs. */
    async saveSettings(user: UserPrincipal, input: unknown): Promise<number | null> {
      if (!user.roles.includes('tenant-admin')) throw new Forbidden('Only a tenant admin changes the youth pathway’s settings');
      const v = parseInput(settingsSchema, input);
      return db.inTenant(user.tenantId, async (tx) => {
        const before = await tenantDaysToOffer(tx);
        const now = clock.now();
        await tx
          .withTables<{ tenant_settings: { tenant_id: string; require_mfa: boolean; youth_days_to_offer: number | null; updated_at: Date } }>()
          .insertInto('tenant_settings')
          .values({ tenant_id: user.tenantId, require_mfa: false, youth_days_to_offer: v.daysToOffer, updated_at: now })
          .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ youth_days_to_offer: v.daysToOffer, updated_at: now }))
          .execute();
        await recordAudit(tx, user.tenantId, clock, {
          actor: actorOf(user),
          action: 'tenant.youth-settings',
          recordType: 'tenant',
          recordId: user.tenantId,
          reason: 'changed the youth pathway’s days-to-offer',
          details: { before, after: v.daysToOffer },
        });
        return v.daysToOffer;
      });
    },

    /**
     * The daily sweep: each open clock's reminder to its specialist when it is due soon, and its
     * breach notice to the team's leads once it has passed, each once. The marks, the emails, the
     * timeline entries and the audit rows are written together, so a second run sends nothing.
     */
    async sweep(): Promise<{ reminders: number; breaches: number }> {
      const now = clock.now();
      const day = londonIsoDate(now);
      const counts = await db.eachTenant(async (tx, tenant) => {
        let reminders = 0;
        let breaches = 0;
        for (const r of await openClocks(tx, null)) {
          const c = clockOf({ clockStartsOn: r.clock_starts_on, workingDays: r.working_days }, null, day);
          for (const alert of clockAlerts(c, { reminded: r.reminded_at !== null, breachNotified: r.breach_notified_at !== null }, day, holidays)) {
            const column = alert === 'reminder' ? 'reminded_at' : 'breach_notified_at';
            const marked = await tables(tx)
              .updateTable('youth_pathways')
              .set({ [column]: now })
              .where('case_id', '=', r.case_id)
              .where(column, 'is', null)
              .returning('case_id')
              .executeTakeFirst();
            // Another run took it meanwhile: it sent this one.
            if (!marked) continue;
            const recipients =
              alert === 'reminder'
                ? r.specialist_email
                  ? [{ email: r.specialist_email }]
                  : await teamLeadsOf(tx, r.team_id)
                : await teamLeadsOf(tx, r.team_id);
            const link = `${deps.baseUrl}/cases/${r.case_id}/youth`;
            await queueNotifications(
              tx,
              clock,
              recipients.map((u) => ({
                tenantId: tenant.id,
                id: newId(clock.now()),
                channel: 'email' as const,
                recipient: u.email,
                template: alert === 'reminder' ? 'youth-offer-due' : 'youth-offer-breached',
                subject: alert === 'reminder' ? `A young person’s offer is due by ${c.due}` : `A young person’s offer is overdue (due ${c.due})`,
                body:
                  alert === 'reminder'
                    ? `A young person on the youth pathway has no offer yet of a job, apprenticeship, training or education place, and it is due by ${c.due}. See their pathway: ${link}`
                    : `A young person on the youth pathway in ${r.team_name} had no offer of a job, apprenticeship, training or education place by ${c.due}. See their pathway: ${link}`,
                language: 'en' as const,
              })),
            );
            await cases.systemEntry(tx, {
              tenantId: tenant.id,
              id: newId(now),
              caseId: r.case_id,
              at: now,
              actor: { id: 'youth-offer-clock', name: 'Youth offer clock' },
              kind: TIMELINE,
              to: alert === 'reminder' ? 'reminded' : 'breached',
              details: { offerDue: c.due },
            });
            await recordAudit(tx, tenant.id, clock, {
              actor: { kind: 'system', id: 'youth-offer-clock' },
              action: alert === 'reminder' ? 'youth.clock-reminder' : 'youth.clock-breach',
              recordType: 'case',
              recordId: r.case_id,
              reason: alert === 'reminder' ? `offer due by ${c.due}` : `no offer by ${c.due}`,
              details: { offerDue: c.due, workingDaysLeft: c.workingDaysLeft, recipients: recipients.length },
            });
            if (alert === 'reminder') reminders += 1;
            else breaches += 1;
          }
        }
        return { reminders, breaches };
      });
      return counts.reduce((a, b) => ({ reminders: a.reminders + b.reminders, breaches: a.breaches + b.breaches }), { reminders: 0, breaches: 0 });
    },
  };
}

export type YouthService = ReturnType<typeof createYouthService>;
