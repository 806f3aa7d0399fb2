import { defineMessages } from '../../platform/i18n/index.ts';
import { outcomesCy } from './outcome-messages-cy.ts';
import { outcomesEn } from './outcome-messages-en.ts';

/** The catalogue: one file per language. */
export const outcomeMessages = defineMessages(outcomesEn, outcomesCy);
