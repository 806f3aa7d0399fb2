export { findObligationWording } from './obligation-wording.ts';
export {
  type ActionCheck,
  type PolicyCitation,
  REGIME_ACTIONS,
  REGIME_CHANGE_REFUSALS,
  REGIMES,
  type Regime,
  type RegimeAction,
  type RegimeChange,
  type RegimeChangeCheck,
  type RegimeChangeRefusal,
} from './participation.ts';
export { actionAllowed, allowedActions, checkRegimeChange, isVoluntary, type ParticipationPolicy, participationPolicy } from './participation-rules.ts';
