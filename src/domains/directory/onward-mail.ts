import { hmacHex, randomToken } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { newId } from '../../platform/db/index.ts';
import { type LinkPurpose, signLink } from './onward-rules.ts';

/** Days a provider's link stays good (ADR 0034): long enough for a part-time office, short enough to limit a forwarded email. */
export const LINK_DAYS = 14;

/**
 * The provider's signed links and the emails that carry them: used by sending, reminding and by
 * the provider's own answer (accepting emails a link for the outcome).
 */
export function onwardMail(deps: { clock: Clock; secret: string; baseUrl: string }) {
  const { clock, secret, baseUrl } = deps;
  return {
    /** A fresh link for the referral: its token (emailed, never stored) and the hash kept on the row. */
    newLink(tenantId: string, referralId: string, purpose: LinkPurpose, now: Date) {
      const nonce = randomToken(18);
      const expiresAt = now.getTime() + LINK_DAYS * 86_400_000;
      const token = signLink(secret, { tenantId, referralId, purpose, expiresAt, nonce });
      return { url: `${baseUrl}/onward-referrals/respond?link=${token}`, nonceHash: hmacHex(secret, nonce), expiresAt: new Date(expiresAt) };
    },

    providerEmail(tenantId: string, to: string, kind: 'new' | 'reminder' | 'outcome', r: { serviceName: string; need: string }, url: string) {
      return {
        tenantId,
        id: newId(clock.now()),
        channel: 'email' as const,
        recipient: to,
        template: `onward-${kind}`,
        subject:
          kind === 'new'
            ? `New referral to ${r.serviceName}`
            : kind === 'reminder'
              ? `Reminder: a referral to ${r.serviceName} is waiting for you`
              : `Please tell us how the referral to ${r.serviceName} went`,
        body: `${
          kind === 'outcome'
            ? 'Thank you for accepting this referral. When you have worked with the person, record the outcome here'
            : `A person has been referred to your service, with their consent, for help with: ${r.need}. Accept or decline the referral here`
        }: ${url}\n\nThe link works once and for ${LINK_DAYS} days. You do not need an account.`,
        language: 'en' as const,
      };
    },
  };
}

export type OnwardMail = ReturnType<typeof onwardMail>;
