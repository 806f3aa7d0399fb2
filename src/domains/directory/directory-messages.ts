import { defineMessages } from '../../platform/i18n/index.ts';
import { directoryCy } from './directory-messages-cy.ts';
import { directoryEn } from './directory-messages-en.ts';
import { onwardCy } from './onward-messages-cy.ts';
import { onwardEn } from './onward-messages-en.ts';

/** The catalogue: one file per language. */
export const directoryMessages = defineMessages(directoryEn, directoryCy);
export const onwardMessages = defineMessages(onwardEn, onwardCy);
