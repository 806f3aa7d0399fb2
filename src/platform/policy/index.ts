export { type PolicyParameter, type PolicyValue, parsePolicyParameter, policyParameterSchema, valueAt } from './policy-parameter.ts';
