import { z } from 'zod';
import { recordAudit } from '../audit/index.ts';
import type { Clock } from '../clock/index.ts';
import { type Database, newId } from '../db/index.ts';
import { InvalidInput, NotFound } from '../errors/index.ts';
import type { ClientPrincipal } from './principal.ts';
import { clientLookupHash, randomToken, safeEqual, sha256Hex } from './secrets.ts';
import { findTenantByLookup } from './user-repo.ts';
import { createVerifiedCache, type VerifiedCache } from './verified-cache.ts';

/** OAuth scopes are `<resource>:<read|write>`, space-separated in requests (RFC 6749 §3.3). */
export const scopeSchema = z.string().regex(/^[a-z][a-z-]*:(read|write)$/, 'A scope looks like referrals:read');

export const createClientSchema = z.object({
  gssCode: z.string().regex(/^[EWSN][0-9]{8}$/, 'Enter a GSS code like E06000016'),
  name: z.string().trim().min(1, 'Enter a name for the client').max(200),
  scopes: z
    .string()
    .trim()
    .min(1, 'Give at least one scope')
    .transform((s) => [...new Set(s.split(/\s+/))])
    .pipe(z.array(scopeSchema)),
  /** The organisation the client's system acts for, by name: a referrer's system or an owning team's. */
  organisation: z.string().trim().min(1).max(200).optional(),
});

export type TokenResult =
  | { kind: 'issued'; accessToken: string; expiresIn: number; scope: string }
  | { kind: 'error'; error: 'invalid_client' | 'invalid_scope' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * System clients (clinical systems, partners) and the OAuth 2.0 client-credentials grant.
 * Secrets and tokens are 256-bit random values, so a SHA-256 of each is enough to store:
 * there is nothing to brute-force that a slow hash would protect.
 */
export function createClientService(deps: { db: Database; clock: Clock; accessTokenSeconds: number; tokens?: VerifiedCache<ClientPrincipal> }) {
  const { db, clock, accessTokenSeconds } = deps;
  // Without a cache given, every request asks the database.
  const tokens = deps.tokens ?? createVerifiedCache<ClientPrincipal>(clock, 0);
  return {
    async createClient(input: unknown): Promise<{ clientId: string; clientSecret: string }> {
      const parsed = createClientSchema.safeParse(input);
      if (!parsed.success) throw new InvalidInput(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
      const { gssCode, name, scopes, organisation } = parsed.data;
      const tenant = await db.global((tx) => tx.selectFrom('tenants').select('id').where('gss_code', '=', gssCode).executeTakeFirst());
      if (!tenant) throw new NotFound('local authority', gssCode);
      const clientId = `bwc_${randomToken(18)}`;
      const clientSecret = randomToken(32);
      const id = newId(clock.now());
      await db.inTenant(tenant.id, async (tx) => {
        const organisationId = organisation
          ? // Platform code sees the shared organisations table through its two columns, not the domain's type.
            (
              await tx
                .withTables<{ organisations: { id: string; name: string } }>()
                .selectFrom('organisations')
                .select('id')
                .where('name', '=', organisation)
                .executeTakeFirst()
            )?.id
          : null;
        if (organisationId === undefined) throw new NotFound('organisation', organisation);
        await tx
          .insertInto('principal_index')
          .values({ lookup_hash: clientLookupHash(clientId), kind: 'client', tenant_id: tenant.id })
          .execute();
        await tx
          .insertInto('oauth_clients')
          .values({ tenant_id: tenant.id, id, client_id: clientId, name, secret_hash: sha256Hex(clientSecret), scopes, organisation_id: organisationId })
          .execute();
        await recordAudit(tx, tenant.id, clock, {
          actor: { kind: 'system', id: 'cli' },
          action: 'client.create',
          recordType: 'oauth-client',
          recordId: id,
          reason: 'created by an operator',
          details: { name, scopes, organisationId },
        });
      });
      return { clientId, clientSecret };
    },

    /** The client-credentials grant. Requested scopes must be a subset of the client's. */
    async issueToken(clientId: string, clientSecret: string, requestedScope: string | undefined): Promise<TokenResult> {
      const tenantId = await db.global((tx) => findTenantByLookup(tx, clientLookupHash(clientId)));
      if (!tenantId) return { kind: 'error', error: 'invalid_client' };
      return db.inTenant(tenantId, async (tx) => {
        const client = await tx.selectFrom('oauth_clients').selectAll().where('client_id', '=', clientId).executeTakeFirst();
        if (!client || client.revoked_at || !safeEqual(client.secret_hash, sha256Hex(clientSecret))) {
          await recordAudit(tx, tenantId, clock, {
            actor: { kind: 'public', id: 'oauth-token' },
            action: 'client.token-refused',
            recordType: 'oauth-client',
            recordId: client?.id ?? null,
            reason: client?.revoked_at ? 'client revoked' : 'wrong client secret',
          });
          return { kind: 'error', error: 'invalid_client' } as const;
        }
        const requested = requestedScope?.trim() ? [...new Set(requestedScope.trim().split(/\s+/))] : client.scopes;
        if (!requested.every((s) => client.scopes.includes(s))) return { kind: 'error', error: 'invalid_scope' } as const;
        const token = randomToken(32);
        await tx
          .insertInto('access_tokens')
          .values({
            tenant_id: tenantId,
            token_hash: sha256Hex(token),
            client_id: client.id,
            scopes: requested,
            expires_at: new Date(clock.now().getTime() + accessTokenSeconds * 1000),
          })
          .execute();
        await recordAudit(tx, tenantId, clock, {
          actor: { kind: 'client', id: client.id },
          action: 'client.token-issued',
          recordType: 'oauth-client',
          recordId: client.id,
          reason: 'client credentials grant',
          details: { scopes: requested },
        });
        return { kind: 'issued', accessToken: `${tenantId}.${token}`, expiresIn: accessTokenSeconds, scope: requested.join(' ') } as const;
      });
    },

    /** The client behind a bearer token, if the token is known, unexpired and its client not revoked. */
    async authenticate(bearer: string): Promise<ClientPrincipal | null> {
      const [tenantId, token, ...rest] = bearer.split('.');
      if (!tenantId || !token || rest.length > 0 || !UUID.test(tenantId)) return null;
      const tokenHash = sha256Hex(token);
      const key = `${tenantId}.${tokenHash}`;
      return tokens.through(key, async () => {
        const found = await db.inTenant(tenantId, async (tx) => {
          const row = await tx
            .selectFrom('access_tokens')
            .innerJoin('oauth_clients', (j) =>
              j.onRef('oauth_clients.tenant_id', '=', 'access_tokens.tenant_id').onRef('oauth_clients.id', '=', 'access_tokens.client_id'),
            )
            .select([
              'access_tokens.scopes',
              'access_tokens.expires_at',
              'oauth_clients.id',
              'oauth_clients.client_id',
              'oauth_clients.name',
              'oauth_clients.revoked_at',
              'oauth_clients.organisation_id',
            ])
            .where('access_tokens.token_hash', '=', tokenHash)
            .executeTakeFirst();
          if (!row || row.revoked_at || row.expires_at <= clock.now()) return null;
          const principal: ClientPrincipal = {
            kind: 'client',
            tenantId,
            id: row.id,
            clientId: row.client_id,
            name: row.name,
            scopes: row.scopes,
            organisationId: row.organisation_id,
          };
          return { principal, expiresAt: row.expires_at };
        });
        // Never remembered past the token's own expiry.
        return found ? { value: found.principal, notAfter: found.expiresAt } : null;
      });
    },

    async purgeExpiredTokens(): Promise<number> {
      const removed = await db.eachTenant((tx) => tx.deleteFrom('access_tokens').where('expires_at', '<=', clock.now()).executeTakeFirst());
      return removed.reduce((n, r) => n + Number(r.numDeletedRows), 0);
    },
  };
}

export type ClientService = ReturnType<typeof createClientService>;
