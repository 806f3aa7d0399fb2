import { defineMessages } from '../../../platform/i18n/index.ts';
import { betterOffAudienceCy } from './better-off-audience-cy.ts';
import { betterOffAudienceEn } from './better-off-audience-en.ts';
import { betterOffCy } from './better-off-messages-cy.ts';
import { betterOffEn } from './better-off-messages-en.ts';
import { councilTaxCy } from './council-tax-messages-cy.ts';
import { councilTaxEn } from './council-tax-messages-en.ts';

/** The better-off-in-work pages' and PDF's words, with Council Tax Support's: one file per language. */
export const betterOffMessages = defineMessages(
  { ...betterOffEn, ...councilTaxEn, ...betterOffAudienceEn },
  { ...betterOffCy, ...councilTaxCy, ...betterOffAudienceCy },
);
