/*
 * Benefits: the Universal Credit calculation, better-off-in-work figures, and the bridge-back
 * guarantee. Other domains and the composition root import this capability only from here.
 */
export { benefitsCapability } from './benefits-capability.ts';
export { type BetterOff, type BetterOffInput, type BetterOffRow, betterOff } from './better-off-rules.ts';
export { saveScheme as saveCouncilTaxSupportScheme } from './council-tax-support-repo.ts';
export { type CouncilTaxSupportService, createCouncilTaxSupportService } from './council-tax-support-service.ts';
export { guaranteeMessages } from './guarantee-messages.ts';
export { createGuaranteeService, type GuaranteeService } from './guarantee-service.ts';
export { hoursToMonthly, type TakeHomePay, takeHomePay } from './take-home-pay-rules.ts';
export type { Household, ParameterUsed, Reason, UcResult } from './universal-credit.ts';
export { calculateUniversalCredit, universalCredit } from './universal-credit-rules.ts';
export { betterOffMessages } from './web/better-off-routes.ts';
