import type { Clock } from '../../platform/clock/index.ts';
import { newId, type Tx } from '../../platform/db/index.ts';
import { createTranslator, formatIsoDate } from '../../platform/i18n/index.ts';
import { personChannel, queueNotification } from '../../platform/notify/index.ts';
import type { Guarantee } from './guarantee.ts';
import { guaranteeMessages } from './guarantee-messages.ts';
import { benefitWords } from './guarantee-words.ts';

const translate = createTranslator([guaranteeMessages]);

export type PersonContact = {
  givenName: string;
  email: string | null;
  phone: string | null;
  language: 'en' | 'cy';
  doNotContact: string[];
  contactMethod: string;
};
export type PersonMessage = 'created' | 'reminder' | 'used' | 'withdrawn';

/**
 * The guarantee's messages, queued in the caller's transaction so they go if and only if the change
 * commits: to the person in their language, by email or else text message and never by a way they
 * refused; and to the specialist, with a link to the case and nothing about the person.
 */
export function createGuaranteeLetters(deps: { clock: Clock; baseUrl: string }) {
  const { clock, baseUrl } = deps;
  const check = `${baseUrl}/check-a-guarantee`;
  const mine = `${baseUrl}/my-support/guarantee`;

  return {
    async toPerson(tx: Tx, tenantId: string, p: PersonContact, kind: PersonMessage, g: Pick<Guarantee, 'award' | 'protectedUntil' | 'verificationCode'>) {
      const to = personChannel(p);
      if (!to) return false;
      const t = translate(p.language);
      const until = formatIsoDate(g.protectedUntil, p.language);
      const benefit = benefitWords(g.award, t);
      const code = t('guarantee.notify.code', { code: g.verificationCode, check });
      const lines = {
        created: [t('guarantee.notify.created.body', { benefit, until }), t('guarantee.notify.created.link', { url: mine }), code],
        reminder: [t('guarantee.notify.reminder.body', { benefit, until }), t('guarantee.notify.created.link', { url: mine }), code],
        used: [t('guarantee.notify.used.body'), t('guarantee.notify.used.link', { url: mine })],
        withdrawn: [t('guarantee.notify.withdrawn.body')],
      }[kind];
      await queueNotification(tx, clock, {
        tenantId,
        id: newId(clock.now()),
        ...to,
        template: `guarantee-${kind}`,
        subject: t(`guarantee.notify.${kind}.subject`, { until }),
        body: [t('guarantee.notify.greeting', { name: p.givenName }), ...lines].join('\n\n'),
        language: p.language,
      });
      return true;
    },

    async reminderToSpecialist(tx: Tx, tenantId: string, s: { email: string; language: 'en' | 'cy' }, g: Pick<Guarantee, 'caseId' | 'protectedUntil'>) {
      const t = translate(s.language);
      const until = formatIsoDate(g.protectedUntil, s.language);
      await queueNotification(tx, clock, {
        tenantId,
        id: newId(clock.now()),
        channel: 'email',
        recipient: s.email,
        template: 'guarantee-reminder-staff',
        subject: t('guarantee.notify.staffReminder.subject', { until }),
        body: [t('guarantee.notify.staffReminder.body', { until }), t('guarantee.notify.staffLink', { url: `${baseUrl}/cases/${g.caseId}/benefits` })].join(
          '\n\n',
        ),
        language: s.language,
      });
    },
  };
}
