/*
 * Benefits: the Universal Credit calculation, better-off-in-work figures, and the bridge-back
 * guarantee. Other domains and the composition root import this capability only from here.
 */
export { calculationOperations } from './api/calculation-api.ts';
export { guaranteeOperations } from './api/guarantee-api.ts';
export { type BetterOff, type BetterOffInput, type BetterOffRow, betterOff } from './better-off-rules.ts';
export { guaranteeMessages } from './guarantee-messages.ts';
export { createGuaranteeService, type GuaranteeService } from './guarantee-service.ts';
export { hoursToMonthly, type TakeHomePay, takeHomePay } from './take-home-pay-rules.ts';
export type { Household, ParameterUsed, Reason, UcResult } from './universal-credit.ts';
export { calculateUniversalCredit, universalCredit } from './universal-credit-rules.ts';
export { betterOffMessages, registerBetterOffPages } from './web/better-off-routes.ts';
export { registerGuaranteePages } from './web/guarantee-routes.ts';
/** Links the bridge-back guarantee adds to the staff home page. */
export const guaranteeHomeLinks = [
  { role: 'specialist', href: '/guarantees', textKey: 'guarantee.dashboard.title' },
  { role: 'team-lead', href: '/guarantees', textKey: 'guarantee.dashboard.title' },
] as const;
