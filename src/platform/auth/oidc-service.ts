import type { Clock } from '../clock/index.ts';
import type { Database } from '../db/index.ts';
import { createOidcKeys } from './oidc-keys.ts';
import { createOidcLogoutService } from './oidc-logout-service.ts';
import { createProviderKeys } from './oidc-provider-keys.ts';
import { createOidcProviderService } from './oidc-provider-service.ts';
import { CALLBACK_PATH, createOidcSignInService } from './oidc-sign-in-service.ts';
import type { VerifiedCache } from './verified-cache.ts';

/**
 * Staff sign-in with each tenant's OpenID Connect providers (ADR 0044), one service made of four
 * parts: the tenant admin's providers and identity links (`oidc-provider-service.ts`), the sign-in
 * flow (`oidc-sign-in-service.ts`), back-channel logout (`oidc-logout-service.ts`), and the keys:
 * the installation's (`oidc-keys.ts`) and each provider's discovery and keys (`oidc-provider-keys.ts`).
 */
export function createOidcService(deps: {
  db: Database;
  clock: Clock;
  secret: string;
  baseUrl: string;
  absoluteHours: number;
  /** Outside production a provider on this machine may use plain http (the tests' local provider). */
  allowLoopbackHttp: boolean;
  sessions?: Pick<VerifiedCache<unknown>, 'clear'>;
}) {
  const { db, clock, allowLoopbackHttp, sessions } = deps;
  const keys = createOidcKeys({ db, clock, secret: deps.secret });
  const redirectUri = `${deps.baseUrl}${CALLBACK_PATH}`;
  const providers = createProviderKeys({ clock, keys, redirectUri, allowLoopbackHttp });
  return {
    keys,
    redirectUri,
    ...createOidcProviderService({ db, clock, allowLoopbackHttp, sessions }),
    ...createOidcSignInService({ db, clock, absoluteHours: deps.absoluteHours, providers, redirectUri, sessions }),
    ...createOidcLogoutService({ db, clock, providers, sessions }),
  };
}

export type OidcService = ReturnType<typeof createOidcService>;
