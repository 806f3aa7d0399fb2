import { defineMessages } from '../../platform/i18n/index.ts';
import { recordsCy } from './record-messages-cy.ts';
import { recordsEn } from './record-messages-en.ts';

/** The catalogue: one file per language. */
export const recordMessages = defineMessages(recordsEn, recordsCy);
