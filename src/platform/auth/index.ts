export {
  type AuthService,
  type AuthSettings,
  createAuthService,
  type LoadedSession,
  SESSION_COOKIE,
  type SessionStage,
  type SignInResult,
  startSession,
} from './auth-service.ts';
export { type ClientService, createClientSchema, createClientService, type TokenResult } from './client-service.ts';
export { createOidcKeys, JWKS_MAX_AGE_SECONDS, JWKS_PATH, type OidcKeys, PUBLISH_LEAD_SECONDS, type PublishedKey } from './oidc-keys.ts';
export { backChannelLogoutPath } from './oidc-logout-service.ts';
export { type ProviderView, providerFormSchema } from './oidc-provider-service.ts';
export { formatRoleMap, PROVIDER_KINDS, type ProviderKind, type RoleMapEntry } from './oidc-rules.ts';
export { createOidcService, type OidcService } from './oidc-service.ts';
export { CALLBACK_PATH } from './oidc-sign-in-service.ts';
export { changePasswordSchema, choosePasswordSchema } from './password-schemas.ts';
export { hashPassword, type PasswordCost, verifyPassword } from './passwords.ts';
export { actorOf, type ClientPrincipal, type Principal, ROLES, requireRole, requireScope, type UserPrincipal } from './principal.ts';
export { hmacHex, randomToken, safeEqual, sha256Hex } from './secrets.ts';
export { createStaffService, inviteStaffSchema, type StaffService } from './staff-service.ts';
export {
  claimNotice,
  clearFailures,
  countFailure,
  type DelayRule,
  delaySeconds,
  recordFailure,
  remainingAttempts,
  type ThrottleRule,
  waitSeconds,
} from './throttle.ts';
export { totpCode, totpStep } from './totp.ts';
export { findUserByEmail, findUserById, insertUser, type NewUser, userPrincipal } from './user-repo.ts';
export { createVerifiedCache, type VerifiedCache } from './verified-cache.ts';
export { type AuthRoutesOptions, type HomeLink, type PublicLink, registerAuthRoutes } from './web/auth-routes.ts';
