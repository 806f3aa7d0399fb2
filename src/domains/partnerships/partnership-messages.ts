import { defineMessages } from '../../platform/i18n/index.ts';
import { partnershipCy } from './partnership-messages-cy.ts';
import { partnershipEn } from './partnership-messages-en.ts';

/** The catalogue: one file per language. */
export const partnershipMessages = defineMessages(partnershipEn, partnershipCy);
