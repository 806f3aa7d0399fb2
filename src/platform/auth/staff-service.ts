import { z } from 'zod';
import { type Actor, recordAudit } from '../audit/index.ts';
import type { Clock } from '../clock/index.ts';
import { type Database, newId, type Role, violates } from '../db/index.ts';
import { Conflict, InvalidInput, NotFound, parseInput } from '../errors/index.ts';
import { queueNotification } from '../notify/index.ts';
import { hashPassword } from './passwords.ts';
import { ROLES } from './principal.ts';
import { emailLookupHash, randomToken, sha256Hex } from './secrets.ts';

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

// ASVS 5 §6.2: at least 8 characters (we ask 12), up to 256, no composition rules, any characters.
export const choosePasswordSchema = z
  .object({
    password: z.string({ error: 'password.error.short' }).min(12, 'password.error.short').max(256, 'password.error.long'),
    confirm: z.string({ error: 'password.error.match' }),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'password.error.match' });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function invitationParts(token: string): { tenantId: string; hash: string } | null {
  const [tenantId, secret, ...rest] = token.split('.');
  if (!tenantId || !secret || rest.length > 0 || !UUID.test(tenantId) || secret.length < 32) return null;
  return { tenantId, hash: sha256Hex(secret) };
}

/**
 * Staff accounts: the administrator's list, invitations (an account plus a one-time link, sent
 * through the notifications outbox in the same transaction), and choosing a password from the link.
 */
export function createStaffService(deps: { db: Database; clock: Clock; baseUrl: string }) {
  const { db, clock } = deps;
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
        const secret = randomToken(32);
        await tx
          .insertInto('user_invitations')
          .values({
            tenant_id: tenantId,
            token_hash: sha256Hex(secret),
            user_id: userId,
            created_at: now,
            expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
          })
          .execute();
        const link = `${deps.baseUrl}/account/set-password?token=${tenantId}.${secret}`;
        const welsh = value.language === 'cy';
        await queueNotification(tx, clock, {
          tenantId,
          id: newId(now),
          channel: 'email',
          recipient: value.email,
          template: 'staff-invitation',
          subject: welsh ? 'Eich cyfrif Bridgework' : 'Your Bridgework account',
          body: welsh
            ? `Mae cyfrif Bridgework wedi'i greu i chi. Dewiswch gyfrinair o fewn ${INVITATION_DAYS} diwrnod: ${link}`
            : `A Bridgework account has been created for you. Choose a password within ${INVITATION_DAYS} days: ${link}`,
          language: value.language,
        });
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
      const passwordHash = await hashPassword(value.password);
      await db.inTenant(parts.tenantId, async (tx) => {
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
      });
    },

    async requiresMfa(tenantId: string): Promise<boolean> {
      const row = await db.inTenant(tenantId, (tx) => tx.selectFrom('tenant_settings').select('require_mfa').executeTakeFirst());
      return row?.require_mfa ?? false;
    },

    /** Makes the second factor mandatory (or optional) for every account in the tenant. */
    async setRequireMfa(tenantId: string, actor: Actor, required: boolean): Promise<void> {
      await db.inTenant(tenantId, async (tx) => {
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
      });
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
