import { defineMessages } from '../../platform/i18n/index.ts';
import { caseCy } from './case-messages-cy.ts';
import { caseEn } from './case-messages-en.ts';

/** The catalogue: one file per language. */
export const caseMessages = defineMessages(caseEn, caseCy);
