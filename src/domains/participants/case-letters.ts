import type { Clock } from '../../platform/clock/index.ts';
import { newId, type Tx } from '../../platform/db/index.ts';
import { InvalidInput } from '../../platform/errors/index.ts';
import { createTranslator, formatMoment, type Translate } from '../../platform/i18n/index.ts';
import { personChannel, queueNotification } from '../../platform/notify/index.ts';
import { findObligationWording } from '../participation/index.ts';
import type { Participant } from './case.ts';
import { caseMessages } from './case-messages.ts';

type Language = 'en' | 'cy';
const translate = createTranslator([caseMessages]);

/** Long-form date and time in the reader's language, in UK time. */
export const formatWhen = (at: Date, lang: Language): string => formatMoment(at, lang, 'letter');

export type AppointmentLetter = { subject: string; lines: string[] };

/**
 * The appointment letter. Obligation wording appears only when the caller asked for it, which the
 * participation policy allows only for the conditional regime; a voluntary participant's letter
 * says plainly that they can rearrange, and nothing about consequences.
 */
export function appointmentLetter(
  t: Translate,
  lang: Language,
  a: { givenName: string; startsAt: Date; mode: 'in-person' | 'phone' | 'video'; place: string; obligations: boolean },
): AppointmentLetter {
  return {
    subject: t('cases.letter.appointment.subject'),
    lines: [
      t('cases.letter.greeting', { name: a.givenName }),
      t('cases.letter.appointment.when', { when: formatWhen(a.startsAt, lang), mode: t(`cases.mode.${a.mode}`) }),
      ...(a.place ? [t('cases.letter.appointment.where', { place: a.place })] : []),
      a.obligations ? t('cases.letter.appointment.obligations') : t('cases.letter.appointment.voluntary'),
    ],
  };
}

/** The case's outbound messages, queued in the caller's transaction so they go if and only if the change commits. */
export function createCaseLetters(deps: { clock: Clock; baseUrl: string }) {
  const { clock, baseUrl } = deps;
  return {
    /** To the person, by the way they asked to be contacted and never by a way they refused. */
    async appointment(
      tx: Tx,
      tenantId: string,
      p: Participant,
      a: { startsAt: Date; mode: 'in-person' | 'phone' | 'video'; place: string; obligations: boolean; caseId: string },
    ) {
      const to = personChannel(p);
      if (!to) return false;
      const t = translate(p.preferredLanguage);
      const letter = appointmentLetter(t, p.preferredLanguage, { givenName: p.givenName, ...a });
      // Fail closed: a letter not meant to carry obligations never goes out with any, and the booking
      // it belongs to is refused with it. The fixed wording is tested clean, so a hit comes from
      // what was typed, such as the place.
      const found = a.obligations ? [] : findObligationWording([letter.subject, ...letter.lines].join('\n'));
      if (found.length > 0) throw new InvalidInput([{ path: 'place', message: 'cases.error.placeWording' }]);
      await queueNotification(tx, clock, {
        tenantId,
        id: newId(clock.now()),
        ...to,
        template: 'case-appointment',
        subject: letter.subject,
        body: letter.lines.join('\n\n'),
        language: p.preferredLanguage,
        // If it cannot be delivered, the case timeline and its specialist are told (ADR 0045).
        about: { kind: 'case', id: a.caseId },
      });
      return true;
    },

    /**
     * Tells every information-governance lead in the tenant that break-glass access was used; a
     * tenant with none yet tells its tenant admins, so the alert never goes nowhere.
     */
    async breakGlassAlert(tx: Tx, tenantId: string, g: { grantId: string; caseId: string; userName: string }) {
      const users = await tx.selectFrom('users').select(['email', 'roles', 'preferred_language']).where('disabled_at', 'is', null).execute();
      const leads = users.filter((u) => u.roles.includes('ig-lead'));
      for (const lead of leads.length ? leads : users.filter((u) => u.roles.includes('tenant-admin'))) {
        const t = translate(lead.preferred_language);
        await queueNotification(tx, clock, {
          tenantId,
          id: newId(clock.now()),
          channel: 'email',
          recipient: lead.email,
          template: 'case-break-glass',
          subject: t('cases.notify.breakGlass.subject'),
          body: [t('cases.notify.breakGlass.body', { user: g.userName }), t('cases.notify.breakGlass.link', { url: `${baseUrl}/cases/reviews` })].join('\n\n'),
          language: lead.preferred_language,
        });
      }
    },

    /** To the case's specialist: a message to the person could not be delivered. No name, as in every staff message. */
    async unreachable(tx: Tx, tenantId: string, to: { email: string; language: Language }, caseId: string, channel: 'email' | 'sms') {
      const t = translate(to.language);
      await queueNotification(tx, clock, {
        tenantId,
        id: newId(clock.now()),
        channel: 'email',
        recipient: to.email,
        template: 'case-unreachable',
        subject: t('cases.notify.unreachable.subject'),
        body: [t(`cases.notify.unreachable.${channel}`), t('cases.notify.unreachable.link', { url: `${baseUrl}/cases/${caseId}` })].join('\n\n'),
        language: to.language,
      });
    },

    /** The one-time sign-in link for the participant's own view. */
    async signInLink(tx: Tx, tenantId: string, to: { email: string; language: Language }, url: string, minutes: number) {
      const t = translate(to.language);
      await queueNotification(tx, clock, {
        tenantId,
        id: newId(clock.now()),
        channel: 'email',
        recipient: to.email,
        template: 'participant-sign-in',
        subject: t('cases.notify.signIn.subject'),
        body: [t('cases.notify.signIn.body', { minutes }), url, t('cases.notify.signIn.ignore')].join('\n\n'),
        language: to.language,
      });
    },
  };
}
