import { z } from 'zod';
import { type Actor, recordAudit } from '../audit/index.ts';
import type { Clock } from '../clock/index.ts';
import { type Database, type Language, newId, type Role, type Tx, violates } from '../db/index.ts';
import { Conflict, InvalidInput, NotFound, parseInput } from '../errors/index.ts';
import { queueNotification } from '../notify/index.ts';
import { choosePasswordSchema } from './password-schemas.ts';
import { hashPassword, type PasswordCost } from './passwords.ts';
import { ROLES } from './principal.ts';
import { emailLookupHash, randomToken, sha256Hex } from './secrets.ts';
import type { VerifiedCache } from './verified-cache.ts';

// An account no password can match until its holder chooses one through the invitation.
const NO_PASSWORD_YET = '!invited';
const INVITATION_DAYS = 7;

export const inviteStaffSchema = z.object({
  displayName: z.string({ error: 'staff.error.name' }).trim().min(1, 'staff.error.name').max(200, 'staff.error.nameLength'),
  email: z.string({ error: 'staff.error.email' }).trim().toLowerCase().min(1, 'staff.error.email').pipe(z.email('signIn.error.emailFormat')),
  organisationId: z.uuid('staff.error.organisation'),
  role: z.enum(ROLES as [Role, ...Role[]], { error: 'staff.error.role' }),
  language: z.enum(['en', 'cy']).default('en'),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function invitationParts(token: string): { tenantId: string; hash: string } | null {
  const [tenantId, secret, ...rest] = token.split('.');
  if (!tenantId || !secret || rest.length > 0 || !UUID.test(tenantId) || secret.length < 32) return null;
  return { tenantId, hash: sha256Hex(secret) };
}

type LinkKind = 'new-account' | 'reset';

const LINK_TEXT: Record<LinkKind, Record<Language, { subject: string; lead: string }>> = {
  'new-account': {
    en: { subject: 'Your Bridgework account', lead: 'A Bridgework account has been created for you.' },
    cy: { subject: 'Eich cyfrif Bridgework', lead: 'Mae cyfrif Bridgework wedi’i greu i chi.' },
  },
  reset: {
    en: { subject: 'Choose a new Bridgework password', lead: 'Your local authority administrator has sent you a link to choose a new password.' },
    cy: { subject: 'Dewis cyfrinair Bridgework newydd', lead: 'Mae gweinyddwr eich awdurdod lleol wedi anfon dolen atoch i ddewis cyfrinair newydd.' },
  },
};

/**
 * Staff accounts: the administrator's list, invitations (an account plus a one-time link, sent
 * through the notifications outbox in the same transaction), and choosing a password from the link.
 */
export function createStaffService(deps: {
  db: Database;
  clock: Clock;
  baseUrl: string;
  sessions?: Pick<VerifiedCache<unknown>, 'clear'>;
  passwordCost?: PasswordCost;
}) {
  /** Who may sign in, or how, changed: remembered sessions are forgotten once the change commits. */
  const revoking = async (change: Promise<void>): Promise<void> => {
    try {
      await change;
    } finally {
      deps.sessions?.clear();
    }
  };
  const { db, clock } = deps;

  /** A one-time link to choose a password, replacing any earlier one, emailed in the same transaction. */
  async function sendPasswordLink(tx: Tx, tenantId: string, user: { id: string; email: string; language: Language }, kind: LinkKind): Promise<void> {
    const now = clock.now();
    const secret = randomToken(32);
    await tx.deleteFrom('user_invitations').where('user_id', '=', user.id).execute();
    await tx
      .insertInto('user_invitations')
      .values({
        tenant_id: tenantId,
        token_hash: sha256Hex(secret),
        user_id: user.id,
        created_at: now,
        expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
      })
      .execute();
    const link = `${deps.baseUrl}/account/set-password?token=${tenantId}.${secret}`;
    const text = LINK_TEXT[kind][user.language];
    const within = user.language === 'cy' ? `Dewiswch gyfrinair o fewn ${INVITATION_DAYS} diwrnod` : `Choose a password within ${INVITATION_DAYS} days`;
    await queueNotification(tx, clock, {
      tenantId,
      id: newId(now),
      channel: 'email',
      recipient: user.email,
      template: kind === 'new-account' ? 'staff-invitation' : 'password-link',
      subject: text.subject,
      body: `${text.lead} ${within}: ${link}`,
      language: user.language,
    });
  }

  async function findUser(tx: Tx, userId: string) {
    const user = await tx.selectFrom('users').selectAll().where('id', '=', userId).forUpdate().executeTakeFirst();
    if (!user) throw new NotFound('staff account', userId);
    return user;
  }

  return {
    /** Every account in the tenant. Staff names and emails are personal data: the read is audited. */
    async list(tenantId: string, actor: Actor) {
      return db.inTenant(tenantId, async (tx) => {
        const rows = await tx
          .selectFrom('users')
          .select(['id', 'display_name', 'email', 'organisation_id', 'roles', 'totp_enabled_at', 'password_hash', 'disabled_at'])
          .orderBy('display_name')
          .execute();
        await recordAudit(tx, tenantId, clock, {
          actor,
          action: 'user.list',
          recordType: 'user',
          reason: 'administrator viewed staff accounts',
          details: { count: rows.length },
        });
        return rows.map((r) => ({
          id: r.id,
          displayName: r.display_name,
          email: r.email,
          organisationId: r.organisation_id,
          roles: r.roles,
          mfaEnabled: r.totp_enabled_at !== null,
          invited: r.password_hash === NO_PASSWORD_YET,
          disabled: r.disabled_at !== null,
        }));
      });
    },

    async invite(tenantId: string, actor: Actor, input: unknown): Promise<{ userId: string }> {
      const value = parseInput(inviteStaffSchema, input);
      return db.inTenant(tenantId, async (tx) => {
        const taken = await tx
          .insertInto('principal_index')
          .values({ lookup_hash: emailLookupHash(value.email), kind: 'email', tenant_id: tenantId })
          .onConflict((oc) => oc.column('lookup_hash').doNothing())
          .returning('lookup_hash')
          .executeTakeFirst();
        if (!taken) throw new Conflict('An account with this email address already exists', [{ path: 'email', message: 'staff.error.emailTaken' }]);
        const now = clock.now();
        const userId = newId(now);
        try {
          await tx
            .insertInto('users')
            .values({
              tenant_id: tenantId,
              id: userId,
              organisation_id: value.organisationId,
              email: value.email,
              display_name: value.displayName,
              password_hash: NO_PASSWORD_YET,
              roles: [value.role],
              preferred_language: value.language,
            })
            .execute();
        } catch (error) {
          // The foreign key decides whether the organisation exists in this tenant.
          if (violates(error, 'users_organisation_fk')) throw new InvalidInput([{ path: 'organisationId', message: 'staff.error.organisation' }]);
          throw error;
        }
        await sendPasswordLink(tx, tenantId, { id: userId, email: value.email, language: value.language }, 'new-account');
        await recordAudit(tx, tenantId, clock, {
          actor,
          action: 'user.invite',
          recordType: 'user',
          recordId: userId,
          reason: 'administrator added a staff account',
          details: { role: value.role },
        });
        return { userId };
      });
    },

    /** One account, for the administrator's page about it. The read is audited. */
    async get(tenantId: string, actor: Actor, userId: string) {
      return db.inTenant(tenantId, async (tx) => {
        const u = await findUser(tx, userId);
        await recordAudit(tx, tenantId, clock, {
          actor,
          action: 'user.read',
          recordType: 'user',
          recordId: userId,
          reason: 'administrator viewed a staff account',
        });
        return {
          id: u.id,
          displayName: u.display_name,
          email: u.email,
          organisationId: u.organisation_id,
          roles: u.roles,
          language: u.preferred_language,
          mfaEnabled: u.totp_enabled_at !== null,
          invited: u.password_hash === NO_PASSWORD_YET,
          disabled: u.disabled_at !== null,
        };
      });
    },

    /** Emails a new one-time link to choose a password (a forgotten password, or a lost invitation). */
    async resendPasswordLink(tenantId: string, actor: Actor, userId: string): Promise<void> {
      await db.inTenant(tenantId, async (tx) => {
        const u = await findUser(tx, userId);
        if (u.disabled_at) throw new Conflict('This account is disabled');
        await sendPasswordLink(
          tx,
          tenantId,
          { id: u.id, email: u.email, language: u.preferred_language },
          u.password_hash === NO_PASSWORD_YET ? 'new-account' : 'reset',
        );
        await recordAudit(tx, tenantId, clock, {
          actor,
          action: 'user.password-link-sent',
          recordType: 'user',
          recordId: userId,
          reason: 'administrator sent a link to choose a password',
        });
      });
    },

    /** Disables an account (ending its sessions and links at once) or enables it again. */
    async setDisabled(tenantId: string, actor: Actor, userId: string, disabled: boolean): Promise<void> {
      if (actor.kind === 'user' && actor.id === userId) throw new Conflict('You cannot disable your own account');
      await revoking(
        db.inTenant(tenantId, async (tx) => {
          await findUser(tx, userId);
          await tx
            .updateTable('users')
            .set({ disabled_at: disabled ? clock.now() : null })
            .where('id', '=', userId)
            .execute();
          if (disabled) {
            await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
            await tx.deleteFrom('user_invitations').where('user_id', '=', userId).execute();
          }
          await recordAudit(tx, tenantId, clock, {
            actor,
            action: disabled ? 'user.disable' : 'user.enable',
            recordType: 'user',
            recordId: userId,
            reason: disabled ? 'administrator disabled the account' : 'administrator enabled the account',
          });
        }),
      );
    },

    /** Whether an invitation link is still good (for showing the form or a clear dead end). */
    async invitationIsValid(token: string): Promise<boolean> {
      const parts = invitationParts(token);
      if (!parts) return false;
      const row = await db.inTenant(parts.tenantId, (tx) =>
        tx.selectFrom('user_invitations').select('expires_at').where('token_hash', '=', parts.hash).executeTakeFirst(),
      );
      return row !== undefined && row.expires_at > clock.now();
    },

    /** Sets the password from a valid invitation, once; the link then stops working. */
    async acceptInvitation(token: string, input: unknown): Promise<void> {
      const value = parseInput(choosePasswordSchema, input);
      const parts = invitationParts(token);
      if (!parts) throw new NotFound('invitation');
      const passwordHash = await hashPassword(value.password, deps.passwordCost);
      await revoking(
        db.inTenant(parts.tenantId, async (tx) => {
          const invitation = await tx.selectFrom('user_invitations').selectAll().where('token_hash', '=', parts.hash).forUpdate().executeTakeFirst();
          if (!invitation || invitation.expires_at <= clock.now()) throw new NotFound('invitation');
          await tx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', invitation.user_id).execute();
          await tx.deleteFrom('user_invitations').where('user_id', '=', invitation.user_id).execute();
          await recordAudit(tx, parts.tenantId, clock, {
            actor: { kind: 'user', id: invitation.user_id },
            action: 'user.password-chosen',
            recordType: 'user',
            recordId: invitation.user_id,
            reason: 'accepted an invitation',
          });
        }),
      );
    },

    async requiresMfa(tenantId: string): Promise<boolean> {
      const row = await db.inTenant(tenantId, (tx) => tx.selectFrom('tenant_settings').select('require_mfa').executeTakeFirst());
      return row?.require_mfa ?? false;
    },

    /** Makes the second factor mandatory (or optional) for every account in the tenant. */
    async setRequireMfa(tenantId: string, actor: Actor, required: boolean): Promise<void> {
      await revoking(
        db.inTenant(tenantId, async (tx) => {
          await tx
            .insertInto('tenant_settings')
            .values({ tenant_id: tenantId, require_mfa: required, updated_at: clock.now() })
            .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ require_mfa: required, updated_at: clock.now() }))
            .execute();
          await recordAudit(tx, tenantId, clock, {
            actor,
            action: required ? 'tenant.require-second-factor' : 'tenant.second-factor-optional',
            recordType: 'tenant',
            recordId: tenantId,
            reason: 'administrator changed the sign-in policy',
          });
        }),
      );
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
