import { recordAudit } from '../../platform/audit/index.ts';
import { randomToken, recordFailure, remainingAttempts, sha256Hex } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Database } from '../../platform/db/index.ts';
import { parseInput, TooManyRequests } from '../../platform/errors/index.ts';
import type { createCaseLetters } from './case-letters.ts';
import { findParticipant, tables } from './case-repo.ts';
import { signInLinkSchema } from './case-schemas.ts';

export const PARTICIPANT_COOKIE = 'bw_participant';
const LINK_MINUTES = 20;
const SESSION_HOURS = 2;
const LINK_REQUESTS = { maxFailures: 5, windowSeconds: 3600 };
/** A tenant id as the database takes it: anything else is not a link or session of ours. */
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A signed-in participant: only ever their own record. */
export type ParticipantPrincipal = { kind: 'participant'; tenantId: string; participantId: string; name: string; language: 'en' | 'cy' };

/**
 * How a participant signs in without a password: a one-time link by email, then a session for the
 * cookie, and the housekeeping of both. Part of the participant service (`participant-service.ts`).
 */
export function createParticipantSignIn(deps: { db: Database; clock: Clock; baseUrl: string; letters: ReturnType<typeof createCaseLetters> }) {
  const { db, clock, baseUrl, letters } = deps;
  return {
    /**
     * Sends a sign-in link to every participant record with this email address, in any local
     * authority. The answer is the same whether or not the address is known: it reveals nothing.
     */
    async requestLink(input: unknown): Promise<void> {
      const { email } = parseInput(signInLinkSchema, input);
      const key = sha256Hex(`participant-link:${email.toLowerCase()}`);
      // One count per address across every local authority: the throttle table is not a tenant's.
      await db.global(async (tx) => {
        if ((await remainingAttempts(tx, clock, key, LINK_REQUESTS)) <= 0)
          throw new TooManyRequests('Too many sign-in links asked for; try again later', LINK_REQUESTS.windowSeconds);
        await recordFailure(tx, clock, key, LINK_REQUESTS);
      });
      await db.eachTenant(async (tx, tenant) => {
        const found = await tables(tx)
          .selectFrom('participants as p')
          .innerJoin('people as pe', (j) => j.onRef('pe.tenant_id', '=', 'p.tenant_id').onRef('pe.id', '=', 'p.person_id'))
          .select(['p.id', 'pe.email', 'pe.preferred_language'])
          .where((eb) => eb(eb.fn('lower', ['pe.email']), '=', email.toLowerCase()))
          .execute();
        for (const p of found) {
          const token = randomToken(32);
          const now = clock.now();
          await tables(tx)
            .insertInto('participant_links')
            .values({
              tenant_id: tenant.id,
              token_hash: sha256Hex(token),
              participant_id: p.id,
              expires_at: new Date(now.getTime() + LINK_MINUTES * 60_000),
              used_at: null,
            })
            .execute();
          await letters.signInLink(
            tx,
            tenant.id,
            { email: p.email as string, language: p.preferred_language },
            `${baseUrl}/my-support/sign-in/${tenant.id}.${token}`,
            LINK_MINUTES,
          );
        }
      });
    },

    /** Uses a sign-in link once: the answer is a session token for the cookie, or null if the link is not valid. */
    async signIn(link: string): Promise<{ cookie: string; principal: ParticipantPrincipal } | null> {
      const [tenantId, token] = link.split('.', 2);
      if (!tenantId || !token || !TENANT_ID.test(tenantId)) return null;
      const now = clock.now();
      return db.inTenant(tenantId, async (tx) => {
        const used = await tables(tx)
          .updateTable('participant_links')
          .set({ used_at: now })
          .where('token_hash', '=', sha256Hex(token))
          .where('used_at', 'is', null)
          .where('expires_at', '>', now)
          .returning('participant_id')
          .executeTakeFirst();
        if (!used) return null;
        const participant = await findParticipant(tx, used.participant_id);
        if (!participant) return null;
        const session = randomToken(32);
        await tables(tx)
          .insertInto('participant_sessions')
          .values({
            tenant_id: tenantId,
            id_hash: sha256Hex(session),
            participant_id: participant.id,
            created_at: now,
            expires_at: new Date(now.getTime() + SESSION_HOURS * 3_600_000),
          })
          .execute();
        await recordAudit(tx, tenantId, clock, {
          actor: { kind: 'participant', id: participant.id },
          action: 'participant.sign-in',
          recordType: 'participant',
          recordId: participant.id,
          reason: 'signed in with a one-time link',
        });
        return {
          cookie: `${tenantId}.${session}`,
          principal: {
            kind: 'participant',
            tenantId,
            participantId: participant.id,
            name: `${participant.givenName} ${participant.familyName}`,
            language: participant.preferredLanguage,
          },
        };
      });
    },

    /**
     * Whether a sign-in link would work, without using it: the page that shows the "Sign in"
     * button says straight away when a link has expired or been used.
     */
    async linkUsable(link: string): Promise<boolean> {
      const [tenantId, token] = link.split('.', 2);
      if (!tenantId || !token || !TENANT_ID.test(tenantId)) return false;
      const found = await db.inTenant(tenantId, (tx) =>
        tables(tx)
          .selectFrom('participant_links')
          .select('participant_id')
          .where('token_hash', '=', sha256Hex(token))
          .where('used_at', 'is', null)
          .where('expires_at', '>', clock.now())
          .executeTakeFirst(),
      );
      return found !== undefined;
    },

    /** The participant a session cookie belongs to, or null. */
    async loadSession(cookie: string | undefined): Promise<ParticipantPrincipal | null> {
      const [tenantId, token] = (cookie ?? '').split('.', 2);
      if (!tenantId || !token || !TENANT_ID.test(tenantId)) return null;
      return db.inTenant(tenantId, async (tx) => {
        const s = await tables(tx)
          .selectFrom('participant_sessions')
          .select('participant_id')
          .where('id_hash', '=', sha256Hex(token))
          .where('expires_at', '>', clock.now())
          .executeTakeFirst();
        if (!s) return null;
        const p = await findParticipant(tx, s.participant_id);
        return p ? { kind: 'participant', tenantId, participantId: p.id, name: `${p.givenName} ${p.familyName}`, language: p.preferredLanguage } : null;
      });
    },

    async signOut(cookie: string | undefined): Promise<void> {
      const [tenantId, token] = (cookie ?? '').split('.', 2);
      if (!tenantId || !token || !TENANT_ID.test(tenantId)) return;
      await db.inTenant(tenantId, (tx) => tables(tx).deleteFrom('participant_sessions').where('id_hash', '=', sha256Hex(token)).execute());
    },

    /** Housekeeping: used or expired sign-in links and expired sessions go. */
    async purgeExpired(): Promise<void> {
      const now = clock.now();
      await db.eachTenant(async (tx) => {
        await tables(tx)
          .deleteFrom('participant_links')
          .where((eb) => eb.or([eb('expires_at', '<', now), eb('used_at', 'is not', null)]))
          .execute();
        await tables(tx).deleteFrom('participant_sessions').where('expires_at', '<', now).execute();
      });
    },
  };
}
