import { recordAudit } from '../audit/index.ts';
import type { Clock } from '../clock/index.ts';
import type { Database } from '../db/index.ts';
import { CLOCK_SKEW_SECONDS, type ProviderKeys } from './oidc-provider-keys.ts';
import { findProvider, tenantOfProvider } from './oidc-provider-repo.ts';
import { checkLogoutToken } from './oidc-rules.ts';
import { revokingWith, type VerifiedCache } from './verified-cache.ts';

/** A logout token older than this is refused (the spec leaves the window to the receiver). */
const LOGOUT_TOKEN_MAX_AGE_SECONDS = 5 * 60;

// Under /oauth/: a server-to-server POST, outside the pages' CSRF check, answered as the token endpoint is.
export const backChannelLogoutPath = (providerId: string) => `/oauth/back-channel-logout/${providerId}`;

/** A provider ending a person's sessions (OpenID Connect Back-Channel Logout, ADR 0044). */
export function createOidcLogoutService(deps: {
  db: Database;
  clock: Clock;
  providers: ProviderKeys;
  sessions?: Pick<VerifiedCache<unknown>, 'clear'> | undefined;
}) {
  const { db, clock } = deps;
  const { configFor, verifiedClaims } = deps.providers;
  const revoking = revokingWith(deps.sessions);

  return {
    /**
     * Back-channel logout: the provider says a person's session ended. The token must verify
     * against the provider's keys and say what the spec requires; the person's sessions from that
     * provider end (all of them for a `sub`, the one for a `sid`).
     */
    async backChannelLogout(providerId: string, logoutToken: unknown): Promise<{ kind: 'ok'; ended: number } | { kind: 'refused'; reason: string }> {
      const tenantId = await tenantOfProvider(db, providerId);
      if (!tenantId || typeof logoutToken !== 'string' || logoutToken.length > 16_384) return { kind: 'refused', reason: 'unknown provider or no token' };
      const provider = await db.inTenant(tenantId, (tx) => findProvider(tx, providerId));
      if (!provider) return { kind: 'refused', reason: 'unknown provider' };
      const config = await configFor(provider);
      const claims = await verifiedClaims(logoutToken, provider, config);
      const checked = claims
        ? checkLogoutToken(claims, {
            issuer: config.serverMetadata().issuer,
            clientId: provider.client_id,
            nowSeconds: Math.floor(clock.now().getTime() / 1000),
            maxAgeSeconds: LOGOUT_TOKEN_MAX_AGE_SECONDS,
            skewSeconds: CLOCK_SKEW_SECONDS,
          })
        : ({ kind: 'refused', reason: 'signature' } as const);
      if (checked.kind === 'refused') {
        await db.inTenant(tenantId, (tx) =>
          recordAudit(tx, tenantId, clock, {
            actor: { kind: 'public', id: 'back-channel-logout' },
            action: 'user.back-channel-logout-refused',
            recordType: 'identity-provider',
            recordId: provider.id,
            reason: `logout token refused: ${checked.reason}`,
          }),
        );
        return { kind: 'refused', reason: checked.reason };
      }
      return revoking(
        db.inTenant(tenantId, async (tx) => {
          const user = checked.sub
            ? await tx
                .selectFrom('user_identities')
                .select('user_id')
                .where('issuer', '=', provider.issuer)
                .where('subject', '=', checked.sub)
                .executeTakeFirst()
            : undefined;
          let query = tx.deleteFrom('sessions').where('provider_id', '=', provider.id);
          if (user) query = query.where('user_id', '=', user.user_id);
          if (checked.sid) query = query.where('provider_sid', '=', checked.sid);
          // A `sub` we do not know, with no `sid`, ends nothing.
          const ended = checked.sub && !user && !checked.sid ? 0 : Number((await query.executeTakeFirst()).numDeletedRows);
          await recordAudit(tx, tenantId, clock, {
            actor: { kind: 'public', id: 'back-channel-logout' },
            action: 'user.sign-out',
            recordType: 'user',
            recordId: user?.user_id ?? null,
            reason: `${provider.name} ended the person's session (back-channel logout)`,
            details: { provider: provider.id, sessions: ended },
          });
          return { kind: 'ok', ended } as const;
        }),
      );
    },
  };
}
