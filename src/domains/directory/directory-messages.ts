import { defineMessages } from '../../platform/i18n/index.ts';
import { directoryCy } from './directory-messages-cy.ts';
import { directoryEn } from './directory-messages-en.ts';

/** The catalogue: one file per language. */
export const directoryMessages = defineMessages(directoryEn, directoryCy);
