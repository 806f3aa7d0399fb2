import { defineMessages } from '../../platform/i18n/index.ts';
import { referralCy } from './referral-messages-cy.ts';
import { referralEn } from './referral-messages-en.ts';

/** The catalogue: one file per language. */
export const referralMessages = defineMessages(referralEn, referralCy);
