import { defineMessages } from '../../platform/i18n/index.ts';
import { atwCy } from './access-to-work-messages-cy.ts';
import { atwEn } from './access-to-work-messages-en.ts';

/** Access to Work's words in English and Welsh: pages, letters, the application pack and the public check. */
export const accessToWorkMessages = defineMessages(atwEn, atwCy);
