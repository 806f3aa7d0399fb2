/**
 * English: the referral journey's check-answers labels and the public's own wording. Every key
 * here must have a Welsh message in journey-messages-cy.ts.
 */
export const journeyEn = {
  'referrals.or': 'or',
  // Check answers: the answer is shown, so no "(optional)"; the address is one row.
  'referrals.check.address': 'Address',
  'referrals.check.addressLine2': 'Address line 2',
  'referrals.check.town': 'Town or city',
  'referrals.check.phone': 'Phone number',
  'referrals.check.email': 'Email address',
  'referrals.check.doNotContact': 'Ways not to make contact',
  'referrals.check.conditionsText': 'Health conditions, in the person’s own words',
  'referrals.check.conditionCategories': 'Categories',
  'referrals.check.fitNoteAdvice': 'What the fit note advises',
} as const;
