import type { Clock } from '../../platform/clock/index.ts';
import { newId, type Tx } from '../../platform/db/index.ts';
import { createTranslator, type Translate } from '../../platform/i18n/index.ts';
import { type OutboundMessage, personChannel, queueNotifications } from '../../platform/notify/index.ts';
import { findOrganisation } from '../organisations/index.ts';
import type { Person, Referral } from './referral.ts';
import { referralMessages } from './referral-messages.ts';
import { reasonInWords } from './referral-reason.ts';
import { teamMembers } from './team-repo.ts';

type Language = 'en' | 'cy';

/**
 * The referral's messages, queued in the caller's transaction (sent if and only if the change
 * commits), each in its reader's language. None carries a name or health details: the reference
 * and a link are enough for staff, and the person hears only what they need.
 */
export function createReferralNotifications(deps: { clock: Clock; baseUrl: string }) {
  const { clock, baseUrl } = deps;
  const translate = createTranslator([referralMessages]);
  const link = (t: Translate, r: Referral) => t('referrals.notify.update.link', { url: `${baseUrl}/referrals/${r.id}` });

  function email(tenantId: string, to: { email: string; language: Language }, template: string, write: (t: Translate) => { subject: string; lines: string[] }) {
    const t = translate(to.language);
    const { subject, lines } = write(t);
    return {
      tenantId,
      id: newId(clock.now()),
      channel: 'email' as const,
      recipient: to.email,
      template,
      subject,
      body: lines.join('\n\n'),
      language: to.language,
    };
  }

  /**
   * The referrer's and their organisation's addresses, each with the language to write in.
   * `known.organisationEmail`: the organisation's address as the caller already read it in this
   * transaction (intake, ADR 0066), so it is not read again.
   */
  async function referrerRecipients(tx: Tx, r: Referral, known?: { organisationEmail: string | null }): Promise<{ email: string; language: Language }[]> {
    const recipients: { email: string; language: Language }[] = [];
    if (r.referrer.userId) {
      const user = await tx.selectFrom('users').select(['email', 'preferred_language']).where('id', '=', r.referrer.userId).executeTakeFirst();
      if (user) recipients.push({ email: user.email, language: user.preferred_language });
    }
    if (r.referrer.organisationId) {
      const email = known ? known.organisationEmail : (await findOrganisation(tx, r.referrer.organisationId))?.email;
      if (email && !recipients.some((x) => x.email === email)) recipients.push({ email, language: recipients[0]?.language ?? 'en' });
    }
    return recipients;
  }

  /** The referrer's and their organisation's messages about a change, to queue with others in one go. */
  async function referrerMessages(tx: Tx, tenantId: string, r: Referral, change: (t: Translate) => string): Promise<OutboundMessage[]> {
    return (await referrerRecipients(tx, r)).map((to) =>
      email(tenantId, to, 'referral-update', (t) => {
        const reason = reasonInWords(r, t);
        return {
          subject: t('referrals.notify.update.subject', { reference: r.reference }),
          lines: [
            t('referrals.notify.update.status', { status: t(`referrals.status.${r.status}`), milestone: t(`referrals.milestone.${r.milestone}`) }),
            change(t),
            ...(reason ? [t('referrals.notify.update.reason', { reason })] : []),
            link(t, r),
          ],
        };
      }),
    );
  }

  /**
   * The one message a referrer gets when a referral is made: that it was received, where it went and
   * when the person should hear. Not an "update": nothing has changed yet.
   */
  async function referrerReceived(
    tx: Tx,
    tenantId: string,
    r: Referral,
    team: string,
    days: number,
    known?: { organisationEmail: string | null },
  ): Promise<OutboundMessage[]> {
    return (await referrerRecipients(tx, r, known)).map((to) =>
      email(tenantId, to, 'referral-received', (t) => ({
        subject: t('referrals.notify.referrerReceived.subject', { reference: r.reference }),
        lines: [
          t('referrals.notify.referrerReceived.body', { reference: r.reference, team }),
          t('referrals.notify.referrerReceived.next', { days: String(days) }),
          link(t, r),
        ],
      })),
    );
  }

  /** A message to the person, by the way they asked to be contacted and never by a way they refused; null if there is none. */
  function personMessage(
    tenantId: string,
    person: Person,
    template: 'received' | 'could-not-contact',
    lines: (t: Translate) => string[],
    referralId: string,
  ): OutboundMessage | null {
    const to = personChannel(person);
    if (!to) return null;
    const t = translate(person.preferredLanguage);
    return {
      tenantId,
      id: newId(clock.now()),
      ...to,
      template,
      subject: t(`referrals.notify.${template}.subject`),
      body: lines(t).join('\n\n'),
      language: person.preferredLanguage,
      // If it cannot be delivered, the referral's timeline and its specialist are told (ADR 0045).
      about: { kind: 'referral', id: referralId },
    };
  }

  return {
    referrerMessages,
    referrerReceived,
    personMessage,

    /** Every change is told to the referrer and to their organisation's shared inbox. */
    async referrer(tx: Tx, tenantId: string, r: Referral, change: (t: Translate) => string) {
      await queueNotifications(tx, clock, await referrerMessages(tx, tenantId, r, change));
    },

    /** The team's members in one role (or the assigned specialist): reminders, breaches, withdrawals. */
    async team(
      tx: Tx,
      tenantId: string,
      r: Referral,
      to: 'specialist' | 'team-lead' | 'assigned',
      kind: 'breach' | 'reminder' | 'withdrawn' | 'unreachable-email' | 'unreachable-sms',
      params: Record<string, string> = {},
    ) {
      const members = (await teamMembers(tx, r.teamId)).filter((m) => !m.disabled_at && (to === 'assigned' ? m.id === r.ownerUserId : m.roles.includes(to)));
      await queueNotifications(
        tx,
        clock,
        members.map((m) =>
          email(tenantId, { email: m.email, language: m.preferred_language }, `referral-${kind}`, (t) => ({
            subject: t(`referrals.notify.${kind}.subject`, { reference: r.reference }),
            lines: [t(`referrals.notify.${kind}.body`, { reference: r.reference, ...params }), link(t, r)],
          })),
        ),
      );
    },

    /** A message to the person, by the way they asked to be contacted and never by a way they refused. */
    async person(
      tx: Tx,
      tenantId: string,
      person: Person,
      template: 'received' | 'could-not-contact',
      lines: (t: Translate) => string[],
      referralId: string,
    ): Promise<boolean> {
      const message = personMessage(tenantId, person, template, lines, referralId);
      if (message) await queueNotifications(tx, clock, [message]);
      return message !== null;
    },
  };
}

export type ReferralNotifications = ReturnType<typeof createReferralNotifications>;
