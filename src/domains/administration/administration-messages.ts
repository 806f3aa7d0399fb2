import { defineMessages } from '../../platform/i18n/index.ts';
import { administrationCy } from './administration-messages-cy.ts';
import { administrationEn } from './administration-messages-en.ts';

/** The catalogue: one file per language. */
export const administrationMessages = defineMessages(administrationEn, administrationCy);
