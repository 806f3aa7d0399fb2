import { defineMessages } from '../../platform/i18n/index.ts';
import { employersCy } from './employers-messages-cy.ts';
import { employersEn } from './employers-messages-en.ts';

/** Employers and matching in English and Welsh: the staff, employer and participant pages, match reasons and form errors. */
export const employersMessages = defineMessages(employersEn, employersCy);
