import { defineMessages } from '../../platform/i18n/index.ts';
import { fidelityCy } from './fidelity-messages-cy.ts';
import { fidelityEn } from './fidelity-messages-en.ts';
import { outcomesCy } from './outcome-messages-cy.ts';
import { outcomesEn } from './outcome-messages-en.ts';

/** The catalogue: one file per language. */
export const outcomeMessages = defineMessages(outcomesEn, outcomesCy);

export const fidelityMessages = defineMessages(fidelityEn, fidelityCy);
