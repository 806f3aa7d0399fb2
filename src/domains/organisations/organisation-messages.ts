import { defineMessages } from '../../platform/i18n/index.ts';
import { organisationCy } from './organisation-messages-cy.ts';
import { organisationEn } from './organisation-messages-en.ts';

/** The catalogue: one file per language. */
export const organisationMessages = defineMessages(organisationEn, organisationCy);
