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
/** What a re-stated guarantee now means for the person: still running, already ended, or used with the job ending inside or after the new period. */
export type RestatedCase = 'active' | 'lapsed' | 'used-covered' | 'used-after';

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

    /**
     * A guarantee re-stated because a rule it relied on is not law: what it said, what it says now and
     * why, to the person in their language by their chosen way of contact, with what it means for them.
     */
    async restatedToPerson(
      tx: Tx,
      tenantId: string,
      p: PersonContact,
      g: Pick<Guarantee, 'protectedUntil' | 'verificationCode' | 'jobEndedOn'> & { restatedFrom: string },
      now: RestatedCase,
    ) {
      const to = personChannel(p);
      if (!to) return false;
      const t = translate(p.language);
      const until = formatIsoDate(g.protectedUntil, p.language);
      const end = g.jobEndedOn ? formatIsoDate(g.jobEndedOn, p.language) : '';
      const meaning = {
        active: [t('guarantee.notify.restated.active', { until }), t('guarantee.notify.created.link', { url: mine })],
        lapsed: [t('guarantee.notify.restated.lapsed', { until })],
        'used-covered': [t('guarantee.notify.restated.usedCovered', { end, until }), t('guarantee.notify.used.link', { url: mine })],
        'used-after': [t('guarantee.notify.restated.usedAfter', { end, until })],
      }[now];
      await queueNotification(tx, clock, {
        tenantId,
        id: newId(clock.now()),
        ...to,
        template: 'guarantee-restated',
        subject: t('guarantee.notify.restated.subject'),
        body: [
          t('guarantee.notify.greeting', { name: p.givenName }),
          t('guarantee.notify.restated.why', { from: formatIsoDate(g.restatedFrom, p.language) }),
          ...meaning,
          t('guarantee.notify.restated.sorry'),
        ].join('\n\n'),
        language: p.language,
      });
      return true;
    },

    /** The specialist is told too, in their language, with a link to the case and nothing about the person. */
    async restatedToSpecialist(
      tx: Tx,
      tenantId: string,
      s: { email: string; language: 'en' | 'cy' },
      g: Pick<Guarantee, 'caseId' | 'protectedUntil'> & { restatedFrom: string },
    ) {
      const t = translate(s.language);
      await queueNotification(tx, clock, {
        tenantId,
        id: newId(clock.now()),
        channel: 'email',
        recipient: s.email,
        template: 'guarantee-restated-staff',
        subject: t('guarantee.notify.staffRestated.subject'),
        body: [
          t('guarantee.notify.staffRestated.body', { from: formatIsoDate(g.restatedFrom, s.language), until: formatIsoDate(g.protectedUntil, s.language) }),
          t('guarantee.notify.staffLink', { url: `${baseUrl}/cases/${g.caseId}/benefits` }),
        ].join('\n\n'),
        language: s.language,
      });
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
