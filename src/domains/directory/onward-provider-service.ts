import { z } from 'zod';
import { type Actor, recordAudit } from '../../platform/audit/index.ts';
import { type ClientPrincipal, hmacHex } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type Tx } from '../../platform/db/index.ts';
import { Conflict, Forbidden, InvalidTransition, NotFound, parseInput } from '../../platform/errors/index.ts';
import { queueNotifications } from '../../platform/notify/index.ts';
import type { CaseService } from '../participants/index.ts';
import type { OnwardMail } from './onward-mail.ts';
import {
  ONWARD_COLUMNS,
  type OnwardForSystem,
  type OnwardReferral,
  type OnwardSearchFilter,
  searchVisible,
  onwardTables as tables,
  toOnward,
  visibleTo,
} from './onward-repo.ts';
import { type LinkPurpose, linkState, nextOnwardStatus, type OnwardAction, type OnwardStatus, onwardVersion, purposeFor, readLink } from './onward-rules.ts';

export const respondSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept') }),
  z.object({
    action: z.literal('decline'),
    reason: z.string({ error: 'onward.error.reason' }).trim().min(1, 'onward.error.reason').max(1000, 'onward.error.reasonLength'),
  }),
  z.object({
    action: z.literal('outcome'),
    outcome: z.string({ error: 'onward.error.outcome' }).trim().min(1, 'onward.error.outcome').max(2000, 'onward.error.outcomeLength'),
  }),
]);

export type OnwardAnswer = z.infer<typeof respondSchema>;

const UUID_SHAPE = /^[0-9a-f-]{36}$/;

/**
 * The provider's side of an onward referral (ADR 0034): its emailed link (open, answer) and its
 * own system with a client token (read, search and answer as FHIR Tasks). Every answer, however it
 * came, goes through one `applyAnswer`.
 */
export function createOnwardProviderService(deps: { db: Database; clock: Clock; secret: string; mail: OnwardMail; cases: () => CaseService }) {
  const { db, clock, secret, mail } = deps;

  /**
   * The provider's answer, however it came (its link or its system): the next status by the rules,
   * the live link spent (accepting emails a new one for the outcome), the case timeline and an audit row.
   */
  async function applyAnswer(
    tx: Tx,
    tenantId: string,
    row: { id: string; status: OnwardStatus; service_id: string; service_name: string; need: string; case_id: string; provider_email: string },
    value: OnwardAnswer,
    actor: Actor,
    reason: string,
  ): Promise<OnwardReferral> {
    const now = clock.now();
    const next = nextOnwardStatus(row.status, value.action as OnwardAction);
    if (!next) throw new InvalidTransition(row.status, value.action);
    const link = next === 'accepted' ? mail.newLink(tenantId, row.id, 'outcome', now) : null;
    const updated = await tables(tx)
      .updateTable('onward_referrals')
      .set({
        status: next,
        ...(value.action === 'decline' ? { decline_reason: value.reason } : {}),
        ...(value.action === 'outcome' ? { outcome: value.outcome, completed_at: now } : { responded_at: now }),
        link_nonce_hash: link?.nonceHash ?? null,
        link_purpose: link ? 'outcome' : null,
        link_expires_at: link?.expiresAt ?? null,
      })
      .where('id', '=', row.id)
      .returning(ONWARD_COLUMNS)
      .executeTakeFirstOrThrow();
    if (link)
      await queueNotifications(tx, clock, [
        mail.providerEmail(tenantId, row.provider_email, 'outcome', { serviceName: row.service_name, need: row.need }, link.url),
      ]);
    await deps.cases().systemEntry(tx, {
      tenantId,
      id: newId(now),
      caseId: row.case_id,
      at: now,
      actor: { id: 'provider', name: row.service_name },
      kind: 'onward-referral',
      to: next,
      reason: value.action === 'decline' ? value.reason : value.action === 'outcome' ? value.outcome : null,
      details: { service: row.service_name, onwardReferralId: row.id },
    });
    await recordAudit(tx, tenantId, clock, {
      actor,
      action: `onward-referral.${value.action}`,
      recordType: 'onward-referral',
      recordId: row.id,
      reason,
      details: { status: next },
    });
    return toOnward(updated);
  }

  async function load(token: string) {
    const parts = readLink(secret, token);
    if (!parts || !UUID_SHAPE.test(parts.tenantId) || !UUID_SHAPE.test(parts.referralId)) return { state: 'invalid' as const };
    const row = await db.inTenant(parts.tenantId, (tx) =>
      tables(tx)
        .selectFrom('onward_referrals')
        .select([...ONWARD_COLUMNS, 'link_nonce_hash', 'link_purpose'])
        .where('id', '=', parts.referralId)
        .executeTakeFirst(),
    );
    const state = linkState(
      parts,
      row ? { nonceHash: row.link_nonce_hash, purpose: row.link_purpose } : null,
      hmacHex(secret, parts.nonce),
      clock.now().getTime(),
    );
    if (state !== 'valid' || !row) return { state: state === 'valid' ? ('invalid' as const) : state };
    return { state: 'valid' as const, referral: toOnward(row), purpose: parts.purpose, parts };
  }

  const forSystemOf = (row: Parameters<typeof toOnward>[0] & { organisation_id: string }): OnwardForSystem => ({
    ...toOnward(row),
    version: onwardVersion(row.status),
    directoryOrganisationId: row.organisation_id,
  });

  return {
    /** What the provider's page shows for a link: the referral, or why the link no longer works. */
    async open(token: string): Promise<{ state: 'valid'; referral: OnwardReferral; purpose: LinkPurpose } | { state: 'invalid' | 'expired' | 'used' }> {
      const found = await load(token);
      return found.state === 'valid' ? { state: 'valid', referral: found.referral, purpose: found.purpose } : { state: found.state };
    },

    load,

    /**
     * The provider's answer through a link: accept, decline with a reason, or record the outcome.
     * The link is spent in the same transaction (single use); accepting emails a new link for the outcome.
     */
    async respond(token: string, input: unknown): Promise<OnwardReferral> {
      const value = parseInput(respondSchema, input);
      const parts = readLink(secret, token);
      if (!parts) throw new NotFound('link', 'onward referral');
      return db.inTenant(parts.tenantId, async (tx) => {
        const now = clock.now();
        const row = await tables(tx)
          .selectFrom('onward_referrals')
          .select([...ONWARD_COLUMNS, 'link_nonce_hash', 'link_purpose', 'provider_email'])
          .where('id', '=', parts.referralId)
          .forUpdate()
          .executeTakeFirst();
        const state = linkState(parts, row ? { nonceHash: row.link_nonce_hash, purpose: row.link_purpose } : null, hmacHex(secret, parts.nonce), now.getTime());
        if (state !== 'valid' || !row)
          throw new Forbidden(`This link ${state === 'expired' ? 'has expired' : state === 'used' ? 'has already been used' : 'is not valid'}`);
        if (purposeFor(value.action) !== parts.purpose) throw new InvalidTransition(row.status, value.action);
        return applyAnswer(tx, parts.tenantId, row, value, { kind: 'public', id: `provider:${row.service_id}` }, 'the provider answered through its link');
      });
    },

    /**
     * An onward referral as a provider's system may read it (FHIR Task): only when the client acts
     * for an organisation that a partner record links to the service's directory organisation.
     * Null when there is none such, as if absent.
     */
    async forSystem(client: ClientPrincipal, id: string): Promise<OnwardForSystem | null> {
      if (!client.organisationId || !UUID_SHAPE.test(id)) return null;
      const organisationId = client.organisationId;
      return db.inTenant(client.tenantId, async (tx) => {
        const row = await visibleTo(tx, organisationId, id);
        if (!row) return null;
        await recordAudit(tx, client.tenantId, clock, {
          actor: { kind: 'client', id: client.id },
          action: 'onward-referral.system-read',
          recordType: 'onward-referral',
          recordId: id,
          reason: 'the provider’s system read the referral (FHIR Task)',
        });
        return forSystemOf(row);
      });
    },

    /**
     * The provider's system searching its onward referrals (FHIR Task search): only those to
     * services of directory organisations its organisation is linked to; none for a client that acts
     * for no organisation. One audit row names the referrals the page showed.
     */
    async searchForSystem(client: ClientPrincipal, filter: OnwardSearchFilter): Promise<{ total: number; items: OnwardForSystem[] }> {
      if (!client.organisationId) return { total: 0, items: [] };
      const organisationId = client.organisationId;
      return db.inTenant(client.tenantId, async (tx) => {
        const { total, rows } = await searchVisible(tx, organisationId, filter);
        if (rows.length > 0) {
          await recordAudit(tx, client.tenantId, clock, {
            actor: { kind: 'client', id: client.id },
            action: 'onward-referral.system-search',
            recordType: 'onward-referral',
            reason: 'the provider’s system searched its referrals (FHIR Task search)',
            details: { ids: rows.map((r) => r.id), total },
          });
        }
        return { total, items: rows.map(forSystemOf) };
      });
    },

    /**
     * The provider's system answers as its link would (the closed loop, FHIR Task status): accept,
     * decline with a reason, or record the outcome of one it accepted. `expectedVersion` (If-Match)
     * refuses a change made on a state the system had not seen. Null when the client may not see it.
     */
    async answerAsSystem(client: ClientPrincipal, id: string, input: unknown, expectedVersion?: number): Promise<OnwardForSystem | null> {
      if (!client.organisationId || !UUID_SHAPE.test(id)) return null;
      const organisationId = client.organisationId;
      return db.inTenant(client.tenantId, async (tx) => {
        const visible = await visibleTo(tx, organisationId, id, true);
        if (!visible) return null;
        const version = onwardVersion(visible.status);
        if (expectedVersion !== undefined && expectedVersion !== version) {
          throw new Conflict(`The Task has changed since version ${expectedVersion}; it is now version ${version}`);
        }
        // Checked after the version: an answer to a state the system has not seen is a conflict first.
        const value = parseInput(respondSchema, input);
        const updated = await applyAnswer(tx, client.tenantId, visible, value, { kind: 'client', id: client.id }, 'the provider’s system answered (FHIR Task)');
        return { ...updated, version: onwardVersion(updated.status), directoryOrganisationId: visible.organisation_id };
      });
    },
  };
}
