import { recordAudit } from '../../platform/audit/index.ts';
import { actorOf, type UserPrincipal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Database } from '../../platform/db/index.ts';
import { Forbidden, parseInput } from '../../platform/errors/index.ts';
import { deleteScheme, gssCodeOf, type StoredScheme, saveScheme, storedScheme } from './council-tax-support-repo.ts';
import { type CouncilTaxScheme, isWelshGssCode, schemeFor } from './council-tax-support-rules.ts';
import { type SchemeSettings, schemeSettingsSchema } from './council-tax-support-schemas.ts';

export type CouncilTaxSettings = { welsh: boolean; scheme: StoredScheme | null };

/**
 * The council's Council Tax Support scheme: Wales's national scheme for a Welsh tenant (from its
 * GSS code), or the banded scheme an English tenant's admin sets here. The better-off pages read
 * it; only a tenant admin changes it, in one transaction with its audit record.
 */
export function createCouncilTaxSupportService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  const read = (tenantId: string) =>
    db.inTenant(tenantId, async (tx) => {
      const gss = (await gssCodeOf(tx, tenantId)) ?? '';
      return { welsh: isWelshGssCode(gss), gss, scheme: await storedScheme(tx) };
    });
  return {
    /** The scheme the better-off figures use for a tenant. */
    async schemeFor(tenantId: string): Promise<CouncilTaxScheme> {
      const { gss, scheme } = await read(tenantId);
      return schemeFor(gss, scheme ? { kind: 'banded', ...scheme } : null);
    },
    /** What the settings page shows: whether the tenant is Welsh, and the scheme set, if any. */
    async settings(actor: UserPrincipal): Promise<CouncilTaxSettings> {
      if (!actor.roles.includes('tenant-admin')) throw new Forbidden('Only a tenant admin sees the Council Tax Support settings');
      const { welsh, scheme } = await read(actor.tenantId);
      return { welsh, scheme };
    },
    /** A tenant admin sets, changes or removes the banded scheme; bad input changes nothing. */
    async updateSettings(actor: UserPrincipal, input: unknown): Promise<SchemeSettings> {
      if (!actor.roles.includes('tenant-admin')) throw new Forbidden('Only a tenant admin changes the Council Tax Support settings');
      const v = parseInput(schemeSettingsSchema, input);
      return db.inTenant(actor.tenantId, async (tx) => {
        if (isWelshGssCode((await gssCodeOf(tx, actor.tenantId)) ?? '')) throw new Forbidden('A Welsh council uses the national Council Tax Reduction scheme');
        const before = await storedScheme(tx);
        if (v.kind === 'none') await deleteScheme(tx);
        else await saveScheme(tx, actor.tenantId, { name: v.name, url: v.url, bands: v.bands }, clock.now());
        await recordAudit(tx, actor.tenantId, clock, {
          actor: actorOf(actor),
          action: 'tenant.council-tax-support',
          recordType: 'tenant',
          recordId: actor.tenantId,
          reason: v.kind === 'none' ? 'removed the Council Tax Support scheme' : 'set the Council Tax Support scheme',
          details: { before, after: v.kind === 'none' ? null : { name: v.name, url: v.url, bands: v.bands } },
        });
        return v;
      });
    },
  };
}

export type CouncilTaxSupportService = ReturnType<typeof createCouncilTaxSupportService>;
