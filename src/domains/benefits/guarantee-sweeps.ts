import { recordAudit } from '../../platform/audit/index.ts';
import { addDays, type Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type Tx } from '../../platform/db/index.ts';
import { londonIsoDate } from '../../platform/i18n/index.ts';
import type { CaseService } from '../participants/index.ts';
import { type Guarantee, REVOKED_RULES, transition } from './guarantee.ts';
import type { createGuaranteeLetters, RestatedCase } from './guarantee-letters.ts';
import { activeEndingBy, findAward, onRevokedRules, restateGuarantee, updateGuarantee } from './guarantee-repo.ts';
import { dueForReminder, hasLapsed, protectionFor, reminderDays } from './guarantee-rules.ts';
import { GUARANTEE_TIMELINE, timelineDay } from './guarantee-words.ts';

/** Who the case timeline says made the sweep's entries. */
const SWEEP_ACTOR = { id: 'bridge-back-guarantee', name: 'Bridgework' };
/** Why a guarantee is re-stated, in the audit trail and on the timeline (English, as every timeline reason is). */
const REVOKED_WHY = 'it relied on the ESA linking term for people who left benefit for work, revoked from 1 May 2012 by SI 2012/919, which is not law';

/**
 * The guarantee service's scheduled work over every tenant: expiring and reminding, and re-stating
 * guarantees made under a revoked rule. Each writes as the system, audited, on the case timeline.
 */
export function createGuaranteeSweeps(deps: { db: Database; clock: Clock; letters: ReturnType<typeof createGuaranteeLetters>; cases: () => CaseService }) {
  const { db, clock, letters } = deps;

  return {
    /**
     * Expires active guarantees whose protected period has passed, and sends the one reminder to the
     * person and the specialist when the end is near. Each change claims its row first, so running
     * twice, or on two nodes at once, does nothing twice.
     */
    async sweep(): Promise<{ expired: number; reminded: number }> {
      const now = clock.now();
      const day = londonIsoDate(now);
      const horizon = addDays(day, reminderDays(day).value);
      const counts = await db.eachTenant(async (tx, tenant) => {
        let expired = 0;
        let reminded = 0;
        for (const g of await activeEndingBy(tx, horizon)) {
          const event = {
            tenantId: tenant.id,
            id: newId(now),
            caseId: g.caseId,
            at: now,
            actor: SWEEP_ACTOR,
            details: { guarantee: g.id, protectedUntil: g.protectedUntil },
          };
          if (hasLapsed(g, day)) {
            transition(g.status, 'expired');
            if (!(await updateGuarantee(tx, g.id, { status: 'expired' }, now, { status: 'active' }))) continue;
            await deps.cases().systemEntry(tx, {
              ...event,
              kind: GUARANTEE_TIMELINE,
              from: 'active',
              to: 'expired',
              reason: `Bridge-back guarantee expired: the protected period ended on ${timelineDay(g.protectedUntil)}`,
            });
            await systemAudit(tx, tenant.id, 'guarantee.expire', g, `protected period ended on ${g.protectedUntil}`);
            expired++;
          } else if (dueForReminder(g, day)) {
            if (!(await updateGuarantee(tx, g.id, { reminded_at: now }, now, { status: 'active', notReminded: true }))) continue;
            await letters.toPerson(tx, tenant.id, g.person, 'reminder', g);
            if (g.specialist) await letters.reminderToSpecialist(tx, tenant.id, g.specialist, g);
            await deps.cases().systemEntry(tx, {
              ...event,
              kind: GUARANTEE_TIMELINE,
              from: null,
              to: null,
              reason: `Reminder sent: the bridge-back guarantee ends on ${timelineDay(g.protectedUntil)}`,
            });
            await systemAudit(tx, tenant.id, 'guarantee.remind', g, `reminder: protected period ends on ${g.protectedUntil}`);
            reminded++;
          }
        }
        return { expired, reminded };
      });
      return counts.reduce((a, b) => ({ expired: a.expired + b.expired, reminded: a.reminded + b.reminded }), { expired: 0, reminded: 0 });
    },

    /**
     * Re-states every guarantee whose rules name a revoked rule (the ESA 104-week term, revoked from
     * 1 May 2012): its protection is worked out again under the rules in force from the same job start,
     * the earlier last day is kept on the row and in the audit trail, the case timeline says what
     * changed and why, and, where it changes what the person can rely on, the person (in their
     * language, by their chosen way of contact) and the specialist are told. The status is left as it
     * is: the sweep expires an active one whose new last day has passed. Each row is claimed by its
     * version, so running twice, or on two nodes at once, does nothing twice.
     */
    async restateRevoked(): Promise<{ restated: number; told: number }> {
      const now = clock.now();
      const day = londonIsoDate(now);
      const counts = await db.eachTenant(async (tx, tenant) => {
        let restated = 0;
        let told = 0;
        for (const g of await onRevokedRules(tx, REVOKED_RULES)) {
          const award = await findAward(tx, g.awardId);
          if (!award) continue;
          const p = protectionFor({ award, jobStartDate: g.startsOn });
          const rules = JSON.stringify({ applied: p.applied, notApplied: p.notApplied });
          const claimed = await restateGuarantee(
            tx,
            g,
            { protected_until: p.protectedUntil, protecting_rule: p.protectingRule, rules, restated_from: g.protectedUntil },
            now,
          );
          if (!claimed) continue;
          restated++;
          const changed = p.protectedUntil !== g.protectedUntil;
          const reason = changed
            ? `Bridge-back guarantee re-stated: ${REVOKED_WHY}. It said protected until ${timelineDay(g.protectedUntil)}; under the rules in force it is protected until ${timelineDay(p.protectedUntil)} (${p.protectingRule}).`
            : `Bridge-back guarantee re-stated: its rules named the ESA linking term revoked from 1 May 2012 (SI 2012/919), which no longer appears. Its dates are unchanged (protected until ${timelineDay(p.protectedUntil)}).`;
          await deps.cases().systemEntry(tx, {
            tenantId: tenant.id,
            id: newId(now),
            caseId: g.caseId,
            at: now,
            actor: SWEEP_ACTOR,
            kind: GUARANTEE_TIMELINE,
            from: null,
            to: null,
            reason,
            details: { guarantee: g.id, protectedUntil: p.protectedUntil, restatedFrom: g.protectedUntil, rule: p.protectingRule },
          });
          await systemAudit(
            tx,
            tenant.id,
            'guarantee.restate',
            g,
            changed
              ? `${REVOKED_WHY}: protected until ${g.protectedUntil} re-stated as ${p.protectedUntil}`
              : `${REVOKED_WHY}: rules re-stated, dates unchanged`,
            {
              from: { protectedUntil: g.protectedUntil, protectingRule: g.protectingRule, rules: g.rules },
              to: { protectedUntil: p.protectedUntil, protectingRule: p.protectingRule, rules: { applied: p.applied, notApplied: p.notApplied } },
            },
          );
          // Only a guarantee the person can still rely on, or has used, changes anything for them.
          const situation = restatedCase(g, p.protectedUntil, day);
          if (!changed || situation === null) continue;
          const restatedView = { ...g, protectedUntil: p.protectedUntil, restatedFrom: g.protectedUntil };
          if (await letters.restatedToPerson(tx, tenant.id, g.person, restatedView, situation)) told++;
          if (g.specialist) await letters.restatedToSpecialist(tx, tenant.id, g.specialist, restatedView);
        }
        return { restated, told };
      });
      return counts.reduce((a, b) => ({ restated: a.restated + b.restated, told: a.told + b.told }), { restated: 0, told: 0 });
    },
  };

  /** What a re-stated guarantee now means for the person, or null when it changes nothing for them (withdrawn, or already expired). */
  function restatedCase(g: Guarantee, until: string, today: string): RestatedCase | null {
    if (g.status === 'active') return today > until ? 'lapsed' : 'active';
    if (g.status === 'used') return g.jobEndedOn !== null && g.jobEndedOn <= until ? 'used-covered' : 'used-after';
    return null;
  }

  async function systemAudit(tx: Tx, tenantId: string, action: string, g: Guarantee, reason: string, details: Record<string, unknown> = {}) {
    await recordAudit(tx, tenantId, clock, {
      actor: { kind: 'system', id: 'guarantee-sweep' },
      action,
      recordType: 'case',
      recordId: g.caseId,
      reason,
      details: { guarantee: g.id, ...details },
    });
  }
}
