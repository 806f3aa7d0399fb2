import { describe, expect, test } from 'vitest';
import { createTranslator } from '../../platform/i18n/index.ts';
import { findObligationWording } from '../participation/index.ts';
import { APPOINTMENT_MODES } from './case.ts';
import { appointmentLetter, formatWhen } from './case-letters.ts';
import { caseMessages } from './case-messages.ts';
import { caseCy } from './case-messages-cy.ts';
import { caseEn } from './case-messages-en.ts';

const translate = createTranslator([caseMessages]);
const LANGUAGES = ['en', 'cy'] as const;
const startsAt = new Date('2026-12-01T10:30:00Z');
const text = (letter: { subject: string; lines: string[] }) => [letter.subject, ...letter.lines].join('\n\n');

/** The only message that may carry obligation wording: the conditional regime's appointment letter. */
const OBLIGATIONS_KEY = 'cases.letter.appointment.obligations';

/** Messages a participant reads: their letters and sign-in email, and the words those put in. */
const PARTICIPANT_FACING = [
  'cases.letter.greeting',
  'cases.letter.appointment.subject',
  'cases.letter.appointment.when',
  'cases.letter.appointment.where',
  'cases.letter.appointment.voluntary',
  'cases.notify.signIn.subject',
  'cases.notify.signIn.body',
  'cases.notify.signIn.ignore',
  'cases.mode.in-person',
  'cases.mode.phone',
  'cases.mode.video',
] as const;
const PARAMS = { name: 'Alex', when: 'Tuesday 1 December 2026 at 10:30', mode: 'by phone', place: 'Leicester Job Hub, 1 Granby Street', minutes: 30 };

describe('the appointment letter', () => {
  test.each(LANGUAGES.flatMap((lang) => APPOINTMENT_MODES.map((mode) => [lang, mode] as const)))(
    '%s, %s, no obligations: no obligation or sanction wording at all',
    (lang, mode) => {
      for (const place of ['', 'Leicester Job Hub']) {
        const letter = appointmentLetter(translate(lang), lang, { givenName: 'Alex', startsAt, mode, place, obligations: false });
        expect(findObligationWording(text(letter))).toEqual([]);
        expect(letter.lines.at(-1)).toBe(caseMessages[lang]['cases.letter.appointment.voluntary']);
      }
    },
  );

  // The same letter with obligations asked for: the detector finds them, so it does see the letter.
  test.each([
    ['en', ['claimant commitment', 'sanction']],
    ['cy', ['ymrwymiad hawlydd', 'cosb']],
  ] as const)('%s, with obligations: the detector finds %j', (lang, found) => {
    const letter = appointmentLetter(translate(lang), lang, { givenName: 'Alex', startsAt, mode: 'in-person', place: 'Leicester Job Hub', obligations: true });
    expect(findObligationWording(text(letter))).toEqual(found);
    expect(letter.lines.at(-1)).toBe(caseMessages[lang][OBLIGATIONS_KEY]);
    expect(text(letter)).not.toContain(caseMessages[lang]['cases.letter.appointment.voluntary']);
  });

  test('is written wholly in the reader’s language, with the time in UK time', () => {
    const en = appointmentLetter(translate('en'), 'en', { givenName: 'Alex', startsAt, mode: 'video', place: '', obligations: false });
    const cy = appointmentLetter(translate('cy'), 'cy', { givenName: 'Alex', startsAt, mode: 'video', place: '', obligations: false });
    expect(en.subject).toBe(caseEn['cases.letter.appointment.subject']);
    expect(cy.subject).toBe(caseCy['cases.letter.appointment.subject']);
    expect(cy.lines[0]).toBe('Annwyl Alex,');
    expect(cy.lines[1]).toContain(caseCy['cases.mode.video']);
    expect(cy.lines[1]).toContain(formatWhen(startsAt, 'cy'));
    expect(en.lines[1]).toContain('10:30');
    // 1 July is summer time: 09:00 UTC reads as 10:00 in the UK.
    expect(formatWhen(new Date('2026-07-01T09:00:00Z'), 'en')).toContain('10:00');
    for (const line of [...en.lines, ...cy.lines]) expect(line).not.toMatch(/[{}]|cases\./);
  });
});

describe('every participant-facing message, in English and Welsh', () => {
  test('the list covers every letter and sign-in message in the catalogue', () => {
    const keys = Object.keys(caseEn).filter((k) => k.startsWith('cases.letter.') || k.startsWith('cases.notify.signIn.') || k.startsWith('cases.mode.'));
    expect([...keys].sort()).toEqual([...PARTICIPANT_FACING, OBLIGATIONS_KEY].sort());
  });

  test.each(LANGUAGES.flatMap((lang) => PARTICIPANT_FACING.map((key) => [lang, key] as const)))('%s %s: no obligation or sanction wording', (lang, key) => {
    const rendered = translate(lang)(key, PARAMS);
    expect(rendered).not.toBe(key);
    expect(rendered).not.toMatch(/[{}]/);
    expect(findObligationWording(rendered)).toEqual([]);
  });

  test('Welsh is Welsh: every participant-facing message differs from the English', () => {
    for (const key of PARTICIPANT_FACING) expect(caseCy[key], key).not.toBe(caseEn[key]);
  });

  test('no other message in the case catalogue carries obligation wording', () => {
    for (const lang of LANGUAGES) {
      for (const [key, message] of Object.entries(caseMessages[lang])) {
        if (key === OBLIGATIONS_KEY) continue;
        expect(findObligationWording(message), `${lang} ${key}`).toEqual([]);
      }
    }
  });
});
