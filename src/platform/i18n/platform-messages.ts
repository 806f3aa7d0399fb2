import { platformCy } from './platform-messages-cy.ts';
import { platformEn } from './platform-messages-en.ts';
import { defineMessages } from './translator.ts';

/** The catalogue: one file per language. */
export const platformMessages = defineMessages(platformEn, platformCy);
