import type { journeyEn } from './journey-messages-en.ts';

/** Cymraeg. New in the design pass: needs review by a Welsh translator before live use. */
export const journeyCy: Record<keyof typeof journeyEn, string> = {
  'referrals.or': 'neu',
  'referrals.check.address': 'Cyfeiriad',
  'referrals.check.addressLine2': 'Llinell 2 y cyfeiriad',
  'referrals.check.town': 'Tref neu ddinas',
  'referrals.check.phone': 'Rhif ffôn',
  'referrals.check.email': 'Cyfeiriad e-bost',
  'referrals.check.doNotContact': 'Ffyrdd i beidio â chysylltu',
  'referrals.check.conditionsText': 'Cyflyrau iechyd, yng ngeiriau’r person ei hun',
  'referrals.check.conditionCategories': 'Categorïau',
  'referrals.check.fitNoteAdvice': 'Beth mae’r nodyn ffitrwydd yn ei gynghori',
};
