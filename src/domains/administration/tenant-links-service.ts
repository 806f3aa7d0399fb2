import { recordAudit } from '../../platform/audit/index.ts';
import { actorOf, type UserPrincipal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Database } from '../../platform/db/index.ts';
import { Forbidden, parseInput } from '../../platform/errors/index.ts';
import { type TenantLinks, tenantLinksSchema } from './tenant-links-schemas.ts';

/** The authority's privacy notice and accessibility statement links, as its tenant admin sets them. */
export function createTenantLinksService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  const adminOnly = (actor: UserPrincipal) => {
    if (!actor.roles.includes('tenant-admin')) throw new Forbidden('Only a tenant admin changes the footer links');
  };
  return {
    async get(actor: UserPrincipal): Promise<TenantLinks> {
      adminOnly(actor);
      const row = await db.inTenant(actor.tenantId, (tx) =>
        tx.selectFrom('tenant_settings').select(['privacy_notice_url', 'accessibility_statement_url']).executeTakeFirst(),
      );
      return { privacyNoticeUrl: row?.privacy_notice_url ?? null, accessibilityStatementUrl: row?.accessibility_statement_url ?? null };
    },

    /** Saves both links (an empty box: Bridgework's own page) with an audit row saying what they were. */
    async update(actor: UserPrincipal, input: unknown): Promise<TenantLinks> {
      adminOnly(actor);
      const links = parseInput(tenantLinksSchema, input);
      const values = { privacy_notice_url: links.privacyNoticeUrl, accessibility_statement_url: links.accessibilityStatementUrl, updated_at: clock.now() };
      return db.inTenant(actor.tenantId, async (tx) => {
        const before = await tx.selectFrom('tenant_settings').select(['privacy_notice_url', 'accessibility_statement_url']).executeTakeFirst();
        await tx
          .insertInto('tenant_settings')
          .values({ tenant_id: actor.tenantId, require_mfa: false, ...values })
          .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
          .execute();
        await recordAudit(tx, actor.tenantId, clock, {
          actor: actorOf(actor),
          action: 'tenant.footer-links',
          recordType: 'tenant',
          recordId: actor.tenantId,
          reason: 'administrator changed the privacy notice and accessibility statement links',
          details: {
            before: { privacyNoticeUrl: before?.privacy_notice_url ?? null, accessibilityStatementUrl: before?.accessibility_statement_url ?? null },
            after: links,
          },
        });
        return links;
      });
    },
  };
}

export type TenantLinksService = ReturnType<typeof createTenantLinksService>;
