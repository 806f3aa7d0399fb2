import { defineMessages } from '../../../platform/i18n/index.ts';
import { betterOffCy } from './better-off-messages-cy.ts';
import { betterOffEn } from './better-off-messages-en.ts';

/** The better-off-in-work pages' and PDF's words: one file per language. */
export const betterOffMessages = defineMessages(betterOffEn, betterOffCy);
