import { defineMessages } from '../../platform/i18n/index.ts';
import { retentionCy } from './retention-messages-cy.ts';
import { retentionEn } from './retention-messages-en.ts';

/** In-work retention's words in English and Welsh: the referral, the case's plan, the person's and the employer's pages. */
export const retentionMessages = defineMessages(retentionEn, retentionCy);
