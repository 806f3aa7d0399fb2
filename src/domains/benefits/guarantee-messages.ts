import { defineMessages } from '../../platform/i18n/index.ts';
import { guaranteeCy } from './guarantee-messages-cy.ts';
import { guaranteeEn } from './guarantee-messages-en.ts';

/** The bridge-back guarantee's words: one file per language. */
export const guaranteeMessages = defineMessages(guaranteeEn, guaranteeCy);
