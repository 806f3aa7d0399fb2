import { defineMessages } from '../../../platform/i18n/index.ts';
import { journeyCy } from './journey-messages-cy.ts';
import { journeyEn } from './journey-messages-en.ts';

/** The referral journey's own wording: check-answers labels and the public's plain words. */
export const journeyMessages = defineMessages(journeyEn, journeyCy);
