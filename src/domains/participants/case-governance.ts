import { recordAudit } from '../../platform/audit/index.ts';
import { actorOf, type UserPrincipal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type WriteHooks } from '../../platform/db/index.ts';
import { Forbidden, InvalidInput, NotFound, parseInput } from '../../platform/errors/index.ts';
import { checkRegimeChange, isVoluntary } from '../participation/index.ts';
import type { ReferralService } from '../referrals/index.ts';
import { breakGlassReviewItems, caseSettings, healthConditionRecorded } from './case-governance-repo.ts';
import { findParticipant, tables } from './case-repo.ts';
import { CONSENT_NEEDED } from './case-rules.ts';
import { breakGlassSchema, caseSettingsSchema, complianceReportSchema, healthTeamSchema, regimeSchema, reviewSchema } from './case-schemas.ts';
import { actorName, type CaseActor, type CaseWork, idOf, type Work } from './case-work.ts';

/**
 * Governance of case work: the participation regime and its changes, compliance-doubt reports
 * (conditional regime only), the person's named health team, break-glass and its review by the
 * information-governance lead, and the tenant's case settings.
 */
export function createCaseGovernance(deps: { db: Database; clock: Clock; baseUrl: string; referrals: ReferralService }, k: CaseWork) {
  const { db, clock } = deps;
  const { letters, load, work, workWith, record, participationOf, requireAllowed, requireConsent } = k;
  return {
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
  };
}

function sqlHasRole(role: string) {
  return (eb: import('kysely').ExpressionBuilder<{ users: { roles: string[] } }, 'users'>) => eb(eb.val(role), '=', eb.fn.any('roles'));
}
