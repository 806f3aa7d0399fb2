import { defineMessages } from '../../../platform/i18n/index.ts';
import { participantCy } from './participant-messages-cy.ts';
import { participantEn } from './participant-messages-en.ts';

/** The participant's own pages and their copy of their record: one file per language. */
export const participantMessages = defineMessages(participantEn, participantCy);
