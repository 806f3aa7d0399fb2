import { defineMessages } from '../../platform/i18n/index.ts';
import { youthCy } from './youth-messages-cy.ts';
import { youthEn } from './youth-messages-en.ts';

/** The catalogue: one file per language. */
export const youthMessages = defineMessages(youthEn, youthCy);
