export {
  type PolicyParameter,
  type PolicyValue,
  parsePolicyParameter,
  policyDateListSchema,
  policyFileSchema,
  policyParameterSchema,
  valueAt,
} from './policy-parameter.ts';
