import type { Database } from '../db/index.ts';

/**
 * Whose service a page belongs to (ADR 0039): Bridgework is run by local authorities and their
 * partners, not by central government, so the header names the authority and the footer links to
 * its own privacy notice and accessibility statement. Without a tenant (a public page before the
 * person has chosen an area), the header names the service alone and the footer Bridgework's pages.
 */
export type TenantBranding = { name: string; nameCy: string; privacyNoticeUrl: string | null; accessibilityStatementUrl: string | null };

export type BrandingSource = { forTenant(tenantId: string): Promise<TenantBranding | null> };

/** How long a node shows an authority's old settings after a change: they change a few times a year. */
const TTL_MS = 60_000;

/** Reads each tenant's branding once a minute at most, so a page costs no extra query. */
export function createBrandingSource(db: Database, now: () => number = Date.now): BrandingSource {
  const cache = new Map<string, { at: number; value: TenantBranding | null }>();
  return {
    async forTenant(tenantId) {
      const hit = cache.get(tenantId);
      if (hit && now() - hit.at < TTL_MS) return hit.value;
      const row = await db.inTenant(tenantId, (tx) =>
        tx
          .selectFrom('tenants')
          .leftJoin('tenant_settings', 'tenant_settings.tenant_id', 'tenants.id')
          .select(['tenants.name', 'tenants.name_cy', 'tenant_settings.privacy_notice_url', 'tenant_settings.accessibility_statement_url'])
          .where('tenants.id', '=', tenantId)
          .executeTakeFirst(),
      );
      const value = row
        ? {
            name: row.name,
            nameCy: row.name_cy,
            privacyNoticeUrl: row.privacy_notice_url ?? null,
            accessibilityStatementUrl: row.accessibility_statement_url ?? null,
          }
        : null;
      cache.set(tenantId, { at: now(), value });
      return value;
    },
  };
}

/** What the layout shows: the authority's name in the reader's language and where the footer links go. */
export function brandingContext(b: TenantBranding | null, lang: 'en' | 'cy') {
  return {
    authority: b ? (lang === 'cy' && b.nameCy ? b.nameCy : b.name) : null,
    privacyHref: b?.privacyNoticeUrl ?? '/privacy',
    accessibilityHref: b?.accessibilityStatementUrl ?? '/accessibility',
  };
}
