import { z } from 'zod';
import { type Actor, recordAudit } from '../audit/index.ts';
import type { Clock } from '../clock/index.ts';
import { type Database, newId, violates } from '../db/index.ts';
import { Conflict, InvalidInput, NotFound, parseInput } from '../errors/index.ts';
import { isLoopbackHttp } from './oidc-provider-keys.ts';
import { findProvider, type ProviderRow, providerLookupHash, selectProvider, UUID } from './oidc-provider-repo.ts';
import { PROVIDER_KINDS, type ProviderKind, parseRoleMap, type RoleMapEntry } from './oidc-rules.ts';
import { revokingWith, type VerifiedCache } from './verified-cache.ts';

const issuerSchema = z
  .string({ error: 'oidc.error.issuer' })
  .trim()
  .min(1, 'oidc.error.issuer')
  .max(500, 'oidc.error.issuer')
  .pipe(z.url({ protocol: /^https?$/, error: 'oidc.error.issuer' }));

const levelSchema = (message: string) =>
  z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? null : v),
    z.coerce.number({ error: message }).int(message).min(1, message).max(3, message).nullable(),
  );

export const providerFormSchema = z.object({
  kind: z.enum(PROVIDER_KINDS as [ProviderKind, ...ProviderKind[]], { error: 'oidc.error.kind' }),
  name: z.string({ error: 'oidc.error.name' }).trim().min(1, 'oidc.error.name').max(100, 'oidc.error.nameLength'),
  issuer: issuerSchema,
  clientId: z.string({ error: 'oidc.error.clientId' }).trim().min(1, 'oidc.error.clientId').max(200, 'oidc.error.clientId'),
  roleMap: z.string({ error: 'oidc.error.roleMap' }).max(10_000, 'oidc.error.roleMap'),
  minIdAssurance: levelSchema('oidc.error.level'),
  minAuthAssurance: levelSchema('oidc.error.level'),
  enabled: z.enum(['yes', 'no'], { error: 'oidc.error.enabled' }).default('yes'),
});

const linkSchema = z.object({
  providerId: z.uuid('oidc.error.provider'),
  subject: z.string({ error: 'oidc.error.subject' }).trim().min(1, 'oidc.error.subject').max(255, 'oidc.error.subject'),
});

export type ProviderView = {
  id: string;
  kind: ProviderKind;
  name: string;
  issuer: string;
  clientId: string;
  roleMap: RoleMapEntry[];
  minIdAssurance: number | null;
  minAuthAssurance: number | null;
  enabled: boolean;
};

const view = (r: ProviderRow): ProviderView => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  issuer: r.issuer,
  clientId: r.client_id,
  roleMap: r.role_map,
  minIdAssurance: r.min_id_assurance,
  minAuthAssurance: r.min_auth_assurance,
  enabled: r.enabled,
});

/**
 * The tenant admin's side of sign-in through identity providers (ADR 0044): the providers, whether
 * local passwords still work, and which provider identity is which staff account. Every change is
 * audited; one that changes who may sign in clears the verified-session cache.
 */
export function createOidcProviderService(deps: {
  db: Database;
  clock: Clock;
  /** Outside production a provider on this machine may use plain http (the tests' local provider). */
  allowLoopbackHttp: boolean;
  sessions?: Pick<VerifiedCache<unknown>, 'clear'> | undefined;
}) {
  const { db, clock } = deps;
  const revoking = revokingWith(deps.sessions);
  const insecureAllowed = (issuer: string) => deps.allowLoopbackHttp && isLoopbackHttp(issuer);

  function providerValues(input: unknown) {
    const value = parseInput(providerFormSchema, input);
    const { entries, issues } = parseRoleMap(value.roleMap);
    if (issues.length > 0) {
      throw new InvalidInput(
        issues.map((i) => ({ path: 'roleMap', message: i.problem === 'role' ? 'oidc.error.roleMapRole' : 'oidc.error.roleMapShape' })).slice(0, 1),
      );
    }
    if (!deps.allowLoopbackHttp && !value.issuer.startsWith('https://')) throw new InvalidInput([{ path: 'issuer', message: 'oidc.error.issuerHttps' }]);
    if (value.issuer.startsWith('http://') && !insecureAllowed(value.issuer)) throw new InvalidInput([{ path: 'issuer', message: 'oidc.error.issuerHttps' }]);
    return {
      kind: value.kind,
      name: value.name,
      issuer: value.issuer,
      client_id: value.clientId,
      role_map: JSON.stringify(entries),
      min_id_assurance: value.kind === 'nhs-cis2' ? value.minIdAssurance : null,
      min_auth_assurance: value.kind === 'nhs-cis2' ? value.minAuthAssurance : null,
      enabled: value.enabled === 'yes',
    };
  }

  return {
    async listProviders(tenantId: string): Promise<ProviderView[]> {
      const rows = await db.inTenant(tenantId, (tx) => selectProvider(tx).orderBy('name').execute());
      return rows.map(view);
    },

    async getProvider(tenantId: string, providerId: string): Promise<ProviderView> {
      const row = UUID.test(providerId) ? await db.inTenant(tenantId, (tx) => findProvider(tx, providerId)) : undefined;
      if (!row) throw new NotFound('identity provider', providerId);
      return view(row);
    },

    /** Adds a provider, or changes one when `providerId` is given. Bad input changes nothing. */
    async saveProvider(tenantId: string, actor: Actor, input: unknown, providerId?: string): Promise<string> {
      const values = providerValues(input);
      const now = clock.now();
      const id = providerId ?? newId(now);
      return revoking(
        db.inTenant(tenantId, async (tx) => {
          try {
            if (providerId) {
              const found = await findProvider(tx, providerId);
              if (!found) throw new NotFound('identity provider', providerId);
              await tx
                .updateTable('identity_providers')
                .set({ ...values, updated_at: now })
                .where('id', '=', providerId)
                .execute();
            } else {
              await tx
                .insertInto('identity_providers')
                .values({ tenant_id: tenantId, id, ...values, created_at: now, updated_at: now })
                .execute();
              await tx
                .insertInto('principal_index')
                .values({ lookup_hash: providerLookupHash(id), kind: 'oidc-provider', tenant_id: tenantId })
                .execute();
            }
          } catch (error) {
            if (violates(error, 'identity_providers_name_unique')) throw new Conflict('name taken', [{ path: 'name', message: 'oidc.error.nameTaken' }]);
            throw error;
          }
          await recordAudit(tx, tenantId, clock, {
            actor,
            action: providerId ? 'identity-provider.change' : 'identity-provider.add',
            recordType: 'identity-provider',
            recordId: id,
            reason: providerId ? 'administrator changed an identity provider' : 'administrator added an identity provider',
            details: { kind: values.kind, issuer: values.issuer, enabled: values.enabled },
          });
          return id;
        }),
      );
    },

    async localSignInAllowed(tenantId: string): Promise<boolean> {
      const row = await db.inTenant(tenantId, (tx) => tx.selectFrom('tenant_settings').select('local_sign_in').executeTakeFirst());
      return row?.local_sign_in ?? true;
    },

    /** Whether staff may still sign in with a local password (kept for the embedded default and providers' outages). */
    async setLocalSignIn(tenantId: string, actor: Actor, allowed: boolean): Promise<void> {
      await revoking(
        db.inTenant(tenantId, async (tx) => {
          await tx
            .insertInto('tenant_settings')
            .values({ tenant_id: tenantId, require_mfa: false, local_sign_in: allowed })
            .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ local_sign_in: allowed, updated_at: clock.now() }))
            .execute();
          await recordAudit(tx, tenantId, clock, {
            actor,
            action: 'tenant.local-sign-in',
            recordType: 'tenant-settings',
            recordId: tenantId,
            reason: allowed ? 'administrator allowed local passwords' : 'administrator allowed only identity providers',
          });
        }),
      );
    },

    /** The provider identities linked to a staff account. */
    async identitiesOf(tenantId: string, userId: string) {
      return db.inTenant(tenantId, (tx) =>
        tx
          .selectFrom('user_identities')
          .innerJoin('identity_providers', 'identity_providers.id', 'user_identities.provider_id')
          .select(['user_identities.provider_id', 'identity_providers.name', 'user_identities.subject', 'user_identities.last_sign_in_at'])
          .where('user_identities.user_id', '=', userId)
          .orderBy('identity_providers.name')
          .execute(),
      );
    },

    /**
     * Links a provider's subject to a staff account, before its holder first signs in with it
     * (ADR 0044: never by email). The subject is the provider's `sub` (shown on the refusal page).
     */
    async linkIdentity(tenantId: string, actor: Actor, userId: string, input: unknown): Promise<void> {
      const value = parseInput(linkSchema, input);
      await db.inTenant(tenantId, async (tx) => {
        const provider = await findProvider(tx, value.providerId);
        if (!provider) throw new InvalidInput([{ path: 'providerId', message: 'oidc.error.provider' }]);
        const user = await tx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
        if (!user) throw new NotFound('staff account', userId);
        const taken = await tx
          .selectFrom('user_identities')
          .select('user_id')
          .where('issuer', '=', provider.issuer)
          .where('subject', '=', value.subject)
          .executeTakeFirst();
        if (taken) throw new Conflict('identity already linked', [{ path: 'subject', message: 'oidc.error.subjectTaken' }]);
        // One identity per provider per account: a new link replaces the old one.
        await tx.deleteFrom('user_identities').where('provider_id', '=', provider.id).where('user_id', '=', userId).execute();
        await tx
          .insertInto('user_identities')
          .values({ tenant_id: tenantId, issuer: provider.issuer, subject: value.subject, provider_id: provider.id, user_id: userId, created_at: clock.now() })
          .execute();
        await recordAudit(tx, tenantId, clock, {
          actor,
          action: 'user.identity-link',
          recordType: 'user',
          recordId: userId,
          reason: 'administrator linked a provider identity',
          details: { provider: provider.id, subject: value.subject },
        });
      });
    },

    async unlinkIdentity(tenantId: string, actor: Actor, userId: string, providerId: string): Promise<void> {
      if (!UUID.test(providerId)) throw new NotFound('identity provider', providerId);
      await revoking(
        db.inTenant(tenantId, async (tx) => {
          await tx.deleteFrom('user_identities').where('provider_id', '=', providerId).where('user_id', '=', userId).execute();
          await tx.deleteFrom('sessions').where('provider_id', '=', providerId).where('user_id', '=', userId).execute();
          await recordAudit(tx, tenantId, clock, {
            actor,
            action: 'user.identity-unlink',
            recordType: 'user',
            recordId: userId,
            reason: 'administrator removed a provider identity',
            details: { provider: providerId },
          });
        }),
      );
    },
  };
}
