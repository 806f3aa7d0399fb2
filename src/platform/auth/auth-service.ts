import type { Actor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Clock } from '../clock/index.ts';
import { type Database, newId, type Tx } from '../db/index.ts';
import { InvalidInput, parseInput } from '../errors/index.ts';
import { queueNotification } from '../notify/index.ts';
import { changePasswordSchema } from './password-schemas.ts';
import { burnPasswordCheck, hashPassword, type PasswordCost, verifyPassword } from './passwords.ts';
import type { UserPrincipal } from './principal.ts';
import { emailLookupHash, hmacHex, randomToken, sha256Hex } from './secrets.ts';
import { claimNotice, clearFailures, countFailure, type DelayRule, waitSeconds } from './throttle.ts';
import { newTotpSecret, totpUri, verifyTotp } from './totp.ts';
import { findTenantByLookup, findUserByEmail, userPrincipal } from './user-repo.ts';
import { createVerifiedCache, revokingWith, type VerifiedCache } from './verified-cache.ts';

/** The session cookie: `<tenant id>.<random token>`; the database keeps only the token's hash. */
export const SESSION_COOKIE = 'bw_session';

/** `passwordCost`: what new password hashes cost (`standard` unless a test run says otherwise; ADR 0069). */
export type AuthSettings = { secret: string; idleMinutes: number; absoluteHours: number; passwordCost?: PasswordCost };

/** Where a session stands: signed in, or part-way through the second factor. */
export type SessionStage = 'complete' | 'needs-code' | 'needs-mfa-setup';
export type LoadedSession = { principal: UserPrincipal; stage: SessionStage };

export type SignInResult =
  | { kind: 'signed-in'; cookie: string; stage: SessionStage; principal: UserPrincipal }
  | { kind: 'wrong' }
  | { kind: 'throttled'; seconds: number }
  /** The password was right, but the tenant lets its staff sign in only through its identity providers (ADR 0044). */
  | { kind: 'local-not-allowed' };

const SECURITY_NOTICES = {
  'second-factor-enabled': {
    en: { subject: 'Two-step verification is on', body: 'You have set up an authenticator app for your Bridgework account.' },
    cy: { subject: 'Mae dilysu dau gam ymlaen', body: 'Rydych wedi gosod ap dilysu ar gyfer eich cyfrif Bridgework.' },
  },
  'password-changed': {
    en: { subject: 'Your Bridgework password has changed', body: 'The password for your Bridgework account has been changed.' },
    cy: { subject: 'Mae eich cyfrinair Bridgework wedi newid', body: 'Mae cyfrinair eich cyfrif Bridgework wedi newid.' },
  },
  'sign-in-failures': {
    en: {
      subject: 'Someone is trying to sign in to your Bridgework account',
      body: 'There have been several attempts to sign in to your Bridgework account with the wrong password. Your account is not locked: you can still sign in as usual. If these were you, you do not need to do anything.',
    },
    cy: {
      subject: 'Mae rhywun yn ceisio mewngofnodi i’ch cyfrif Bridgework',
      body: 'Bu sawl ymgais i fewngofnodi i’ch cyfrif Bridgework gyda’r cyfrinair anghywir. Nid yw eich cyfrif wedi’i gloi: gallwch fewngofnodi fel arfer o hyd. Os chi oedd y rhain, nid oes angen i chi wneud dim.',
    },
  },
} as const;

// Growing delays rather than a lock-out (see the sign-in throttling ADR): a wrong password slows
// down only the address it came from, so nobody can keep an account holder out by failing on purpose.
/** One account from one address: 3 free tries, then 2 s, 4 s, 8 s ... up to 15 minutes between tries. */
const PAIR_RULE: DelayRule = { freeFailures: 3, baseSeconds: 2, capSeconds: 15 * 60, quietSeconds: 24 * 3600 };
/** One address across accounts (password spraying): more room, as an office shares one address. */
const ADDRESS_RULE: DelayRule = { freeFailures: 30, baseSeconds: 2, capSeconds: 15 * 60, quietSeconds: 3600 };
/** One account from anywhere: never slowed; counted so its holder hears of a burst, once. */
const ACCOUNT_RULE: DelayRule = { freeFailures: Number.POSITIVE_INFINITY, baseSeconds: 0, capSeconds: 0, quietSeconds: 3600 };
const ACCOUNT_NOTICE_AT = 10;
/** Wrong second-factor codes, for a session that already gave the right password. */
const CODE_RULE: DelayRule = { freeFailures: 5, baseSeconds: 30, capSeconds: 15 * 60, quietSeconds: 3600 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function sessionCookieParts(cookie: string | undefined): { tenantId: string; idHash: string } | null {
  if (!cookie) return null;
  const [tenantId, token, ...rest] = cookie.split('.');
  if (!tenantId || !token || rest.length > 0 || !UUID.test(tenantId) || token.length < 32) return null;
  return { tenantId, idHash: sha256Hex(token) };
}

/**
 * A new session for a user, inside the caller's tenant transaction; the cookie value is returned
 * once and only its hash is kept. Sessions from an identity provider record it and its `sid`.
 */
export async function startSession(
  tx: Tx,
  clock: Clock,
  absoluteHours: number,
  s: { tenantId: string; userId: string; mfaPassed: boolean; providerId?: string; providerSid?: string | null },
): Promise<{ cookie: string; idHash: string }> {
  const token = randomToken(32);
  const idHash = sha256Hex(token);
  const now = clock.now();
  await tx
    .insertInto('sessions')
    .values({
      tenant_id: s.tenantId,
      id_hash: idHash,
      user_id: s.userId,
      mfa_passed: s.mfaPassed,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + absoluteHours * 3_600_000),
      provider_id: s.providerId ?? null,
      provider_sid: s.providerSid ?? null,
    })
    .execute();
  return { cookie: `${s.tenantId}.${token}`, idHash };
}

/**
 * Staff sign-in: passwords, the optional TOTP second factor, and database sessions with idle and
 * absolute timeouts. Failures slow down the address they come from (per account, and across
 * accounts) with growing delays, never the account itself; its holder is told of a burst.
 * Every attempt is audited in the account's tenant.
 */
export function createAuthService(deps: { db: Database; clock: Clock; settings: AuthSettings; sessions?: VerifiedCache<LoadedSession> }) {
  const { db, clock, settings } = deps;
  // Without a cache given, every request asks the database.
  const sessions = deps.sessions ?? createVerifiedCache<LoadedSession>(clock, 0);
  // A change to sessions or credentials: forget what this node remembers once it has committed (or failed).
  const revoking = revokingWith(sessions);
  const throttleKey = (kind: string, value: string) => hmacHex(settings.secret, `throttle:${kind}:${value}`);

  async function toPrincipal(tx: Tx, tenantId: string, userId: string, idHash: string): Promise<UserPrincipal | null> {
    const user = await tx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    if (!user || user.disabled_at) return null;
    return userPrincipal(user, tenantId, idHash);
  }

  async function stageFor(tx: Tx, principal: UserPrincipal, mfaPassed: boolean): Promise<SessionStage> {
    if (mfaPassed) return 'complete';
    if (principal.mfaEnabled) return 'needs-code';
    const settings = await tx.selectFrom('tenant_settings').select('require_mfa').executeTakeFirst();
    return settings?.require_mfa ? 'needs-mfa-setup' : 'complete';
  }

  const newSession = (tx: Tx, tenantId: string, userId: string, mfaPassed: boolean) =>
    startSession(tx, clock, settings.absoluteHours, { tenantId, userId, mfaPassed });

  const userActor = (p: UserPrincipal): Actor => ({ kind: 'user', id: p.userId });

  /** A security change the account holder should hear about, whoever made it; in their language. */
  async function tellAccountHolder(
    tx: Tx,
    holder: Pick<UserPrincipal, 'tenantId' | 'email' | 'language'>,
    template: keyof typeof SECURITY_NOTICES,
  ): Promise<void> {
    const text = SECURITY_NOTICES[template][holder.language];
    await queueNotification(tx, clock, {
      tenantId: holder.tenantId,
      id: newId(clock.now()),
      channel: 'email',
      recipient: holder.email,
      template,
      subject: text.subject,
      body: `${text.body} ${holder.language === 'cy' ? 'Os nad chi wnaeth hyn, cysylltwch â gweinyddwr eich awdurdod lleol ar unwaith.' : 'If this was not you, contact your local authority administrator straight away.'}`,
      language: holder.language,
    });
  }

  return {
    async signIn(input: { email: string; password: string; address: string; previousCookie?: string }): Promise<SignInResult> {
      const email = input.email.trim().toLowerCase();
      const pairKey = throttleKey('account-address', `${email}\n${input.address}`);
      const addressKey = throttleKey('address', input.address);
      const accountKey = throttleKey('account', email);
      const tenantId = await db.global((tx) => findTenantByLookup(tx, emailLookupHash(email)));
      const wait = await db.global((tx) =>
        waitSeconds(tx, clock, [
          { keyHash: pairKey, rule: PAIR_RULE },
          { keyHash: addressKey, rule: ADDRESS_RULE },
        ]),
      );
      if (wait > 0) {
        if (tenantId) {
          await db.inTenant(tenantId, async (tx) => {
            const user = await findUserByEmail(tx, email);
            await recordAudit(tx, tenantId, clock, {
              actor: { kind: 'public', id: 'sign-in' },
              action: 'user.sign-in-throttled',
              recordType: 'user',
              recordId: user?.id ?? null,
              reason: 'too many failed sign-in attempts from this address',
            });
          });
        }
        return { kind: 'throttled', seconds: wait };
      }

      const countFailures = async (tx: Tx) => {
        await countFailure(tx, clock, pairKey, PAIR_RULE);
        await countFailure(tx, clock, addressKey, ADDRESS_RULE);
        await countFailure(tx, clock, accountKey, ACCOUNT_RULE);
      };
      if (!tenantId) {
        await burnPasswordCheck(input.password, settings.passwordCost);
        await db.global(countFailures);
        return { kind: 'wrong' };
      }
      const user = await db.inTenant(tenantId, (tx) => findUserByEmail(tx, email));
      const ok = user !== undefined && !user.disabled_at && (await verifyPassword(user.password_hash, input.password));
      if (!ok || !user) {
        if (!user) await burnPasswordCheck(input.password, settings.passwordCost);
        await db.inTenant(tenantId, async (tx) => {
          await countFailures(tx);
          await recordAudit(tx, tenantId, clock, {
            actor: { kind: 'public', id: 'sign-in' },
            action: 'user.sign-in-failed',
            recordType: 'user',
            recordId: user?.id ?? null,
            reason: user?.disabled_at ? 'account disabled' : 'wrong password',
          });
          // Repeated failures on an account, from wherever: its holder hears once per burst.
          if (user && !user.disabled_at && (await claimNotice(tx, clock, accountKey, ACCOUNT_NOTICE_AT))) {
            await tellAccountHolder(tx, { tenantId, email: user.email, language: user.preferred_language }, 'sign-in-failures');
          }
        });
        return { kind: 'wrong' };
      }
      return revoking(
        db.inTenant(tenantId, async (tx) => {
          const tenantSettings = await tx.selectFrom('tenant_settings').select('local_sign_in').executeTakeFirst();
          if (tenantSettings && !tenantSettings.local_sign_in) {
            await recordAudit(tx, tenantId, clock, {
              actor: { kind: 'public', id: 'sign-in' },
              action: 'user.sign-in-refused',
              recordType: 'user',
              recordId: user.id,
              reason: 'local passwords are not allowed in this tenant',
            });
            return { kind: 'local-not-allowed' } as const;
          }
          const previous = sessionCookieParts(input.previousCookie);
          if (previous && previous.tenantId === tenantId) await tx.deleteFrom('sessions').where('id_hash', '=', previous.idHash).execute();
          // This address has the password: its own delays end. The account's burst (failures
          // elsewhere) runs on, so its holder is not told again about the same attack.
          await clearFailures(tx, pairKey);
          const { cookie, idHash } = await newSession(tx, tenantId, user.id, false);
          const principal = await toPrincipal(tx, tenantId, user.id, idHash);
          if (!principal) throw new Error('user vanished during sign-in');
          const stage = await stageFor(tx, principal, false);
          await recordAudit(tx, tenantId, clock, {
            actor: userActor(principal),
            action: stage === 'complete' ? 'user.sign-in' : 'user.sign-in-password-accepted',
            recordType: 'user',
            recordId: user.id,
            reason: 'signed in with email and password',
          });
          return { kind: 'signed-in', cookie, stage, principal };
        }),
      );
    },

    /** The session behind a cookie, if it is still within its idle and absolute limits. */
    async loadSession(cookie: string | undefined): Promise<LoadedSession | null> {
      const parts = sessionCookieParts(cookie);
      if (!parts) return null;
      const key = `${parts.tenantId}.${parts.idHash}`;
      return sessions.through(key, async () => {
        const found = await db.inTenant(parts.tenantId, async (tx) => {
          const session = await tx.selectFrom('sessions').selectAll().where('id_hash', '=', parts.idHash).executeTakeFirst();
          if (!session) return null;
          const now = clock.now();
          const idleLimit = session.last_seen_at.getTime() + settings.idleMinutes * 60_000;
          if (now >= session.expires_at || now.getTime() >= idleLimit) {
            await tx.deleteFrom('sessions').where('id_hash', '=', parts.idHash).execute();
            return null;
          }
          const principal = await toPrincipal(tx, parts.tenantId, session.user_id, parts.idHash);
          if (!principal) {
            await tx.deleteFrom('sessions').where('id_hash', '=', parts.idHash).execute();
            return null;
          }
          // Touch at most once a minute: idle timeouts need minutes, not every request's write.
          const touched = now.getTime() - session.last_seen_at.getTime() > 60_000;
          if (touched) {
            await tx.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', parts.idHash).execute();
          }
          const loaded: LoadedSession = { principal, stage: await stageFor(tx, principal, session.mfa_passed) };
          // Never remembered past the session's own idle or absolute limit.
          const notAfter = new Date(
            Math.min(session.expires_at.getTime(), (touched ? now.getTime() : session.last_seen_at.getTime()) + settings.idleMinutes * 60_000),
          );
          return { loaded, notAfter };
        });
        return found ? { value: found.loaded, notAfter: found.notAfter } : null;
      });
    },

    /** Checks a TOTP code for a session part-way through sign-in; on success issues a new session. */
    async verifyCode(
      principal: UserPrincipal,
      code: string,
    ): Promise<{ kind: 'ok'; cookie: string } | { kind: 'wrong' } | { kind: 'throttled'; seconds: number }> {
      const key = throttleKey('code', principal.email);
      return revoking(
        db.inTenant(principal.tenantId, async (tx) => {
          const wait = await waitSeconds(tx, clock, [{ keyHash: key, rule: CODE_RULE }]);
          if (wait > 0) return { kind: 'throttled', seconds: wait };
          const user = await tx.selectFrom('users').selectAll().where('id', '=', principal.userId).forUpdate().executeTakeFirstOrThrow();
          const step =
            user.totp_secret && user.totp_enabled_at
              ? verifyTotp(user.totp_secret, code, clock.now(), user.totp_last_step === null ? null : Number(user.totp_last_step))
              : null;
          if (step === null) {
            await countFailure(tx, clock, key, CODE_RULE);
            await recordAudit(tx, principal.tenantId, clock, {
              actor: userActor(principal),
              action: 'user.second-factor-failed',
              recordType: 'user',
              recordId: principal.userId,
              reason: 'wrong or reused security code',
            });
            return { kind: 'wrong' };
          }
          await clearFailures(tx, key);
          await tx.updateTable('users').set({ totp_last_step: step }).where('id', '=', principal.userId).execute();
          await tx.deleteFrom('sessions').where('id_hash', '=', principal.sessionIdHash).execute();
          const { cookie } = await newSession(tx, principal.tenantId, principal.userId, true);
          await recordAudit(tx, principal.tenantId, clock, {
            actor: userActor(principal),
            action: 'user.sign-in',
            recordType: 'user',
            recordId: principal.userId,
            reason: 'signed in with password and authenticator app',
          });
          return { kind: 'ok', cookie };
        }),
      );
    },

    /** Starts (or restarts) authenticator set-up: a new secret, not yet in force. */
    async beginMfaSetup(principal: UserPrincipal): Promise<{ secret: string; uri: string }> {
      return db.inTenant(principal.tenantId, async (tx) => {
        const user = await tx.selectFrom('users').select(['totp_secret', 'totp_enabled_at']).where('id', '=', principal.userId).executeTakeFirstOrThrow();
        const secret = user.totp_secret && !user.totp_enabled_at ? user.totp_secret : newTotpSecret();
        if (secret !== user.totp_secret) {
          await tx.updateTable('users').set({ totp_secret: secret, totp_enabled_at: null, totp_last_step: null }).where('id', '=', principal.userId).execute();
        }
        return { secret, uri: totpUri(secret, principal.email) };
      });
    },

    /** Turns the second factor on once the user proves their app has the secret. */
    async confirmMfaSetup(principal: UserPrincipal, code: string): Promise<{ kind: 'ok'; cookie: string } | { kind: 'wrong' }> {
      return revoking(
        db.inTenant(principal.tenantId, async (tx) => {
          const user = await tx.selectFrom('users').selectAll().where('id', '=', principal.userId).forUpdate().executeTakeFirstOrThrow();
          const step = user.totp_secret && !user.totp_enabled_at ? verifyTotp(user.totp_secret, code, clock.now(), null) : null;
          if (step === null) return { kind: 'wrong' };
          await tx.updateTable('users').set({ totp_enabled_at: clock.now(), totp_last_step: step }).where('id', '=', principal.userId).execute();
          // Credentials changed: end every other session of this user, and start a fresh one.
          await tx.deleteFrom('sessions').where('user_id', '=', principal.userId).execute();
          const { cookie } = await newSession(tx, principal.tenantId, principal.userId, true);
          await recordAudit(tx, principal.tenantId, clock, {
            actor: userActor(principal),
            action: 'user.second-factor-enabled',
            recordType: 'user',
            recordId: principal.userId,
            reason: 'set up an authenticator app',
          });
          await tellAccountHolder(tx, principal, 'second-factor-enabled');
          return { kind: 'ok', cookie };
        }),
      );
    },

    /**
     * Changes a signed-in user's password after checking the current one (ASVS: re-authenticate
     * before a credential change). Every other session of the user ends; the user is told by email.
     */
    async changePassword(principal: UserPrincipal, input: unknown): Promise<void> {
      const value = parseInput(changePasswordSchema, input);
      const user = await db.inTenant(principal.tenantId, (tx) =>
        tx.selectFrom('users').select('password_hash').where('id', '=', principal.userId).executeTakeFirstOrThrow(),
      );
      if (!(await verifyPassword(user.password_hash, value.current))) {
        await db.inTenant(principal.tenantId, (tx) =>
          recordAudit(tx, principal.tenantId, clock, {
            actor: userActor(principal),
            action: 'user.password-change-refused',
            recordType: 'user',
            recordId: principal.userId,
            reason: 'current password wrong',
          }),
        );
        throw new InvalidInput([{ path: 'current', message: 'password.error.current' }]);
      }
      const passwordHash = await hashPassword(value.password, settings.passwordCost);
      await revoking(
        db.inTenant(principal.tenantId, async (tx) => {
          await tx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', principal.userId).execute();
          await tx.deleteFrom('sessions').where('user_id', '=', principal.userId).where('id_hash', '<>', principal.sessionIdHash).execute();
          await recordAudit(tx, principal.tenantId, clock, {
            actor: userActor(principal),
            action: 'user.password-change',
            recordType: 'user',
            recordId: principal.userId,
            reason: 'changed their password',
          });
          await tellAccountHolder(tx, principal, 'password-changed');
        }),
      );
    },

    async signOut(principal: UserPrincipal): Promise<void> {
      await revoking(
        db.inTenant(principal.tenantId, async (tx) => {
          await tx.deleteFrom('sessions').where('id_hash', '=', principal.sessionIdHash).execute();
          await recordAudit(tx, principal.tenantId, clock, {
            actor: userActor(principal),
            action: 'user.sign-out',
            recordType: 'user',
            recordId: principal.userId,
            reason: 'signed out',
          });
        }),
      );
    },

    /** Removes sessions past their absolute or idle limit, tenant by tenant. Safe to run twice. */
    async purgeExpiredSessions(): Promise<number> {
      const now = clock.now();
      const idleBefore = new Date(now.getTime() - settings.idleMinutes * 60_000);
      const removed = await db.eachTenant((tx) =>
        tx
          .deleteFrom('sessions')
          .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleBefore)]))
          .executeTakeFirst(),
      );
      // Past the longest quiet spell a key is a new burst anyway.
      const quiet = Math.max(PAIR_RULE.quietSeconds, ADDRESS_RULE.quietSeconds, ACCOUNT_RULE.quietSeconds, CODE_RULE.quietSeconds);
      await db.global((tx) =>
        tx
          .deleteFrom('auth_throttle')
          .where('last_failure_at', '<', new Date(now.getTime() - quiet * 1000))
          .execute(),
      );
      return removed.reduce((n, r) => n + Number(r.numDeletedRows), 0);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
