export { findObligationWording } from './obligation-wording.ts';
export {
  type ActionCheck,
  OFFER_ACTIONS,
  type OfferAction,
  type PolicyCitation,
  REGIME_ACTIONS,
  REGIME_CHANGE_REFUSALS,
  REGIMES,
  type Regime,
  type RegimeAction,
  type RegimeChange,
  type RegimeChangeCheck,
  type RegimeChangeRefusal,
  YOUTH_OFFER_TYPES,
  type YouthOfferType,
} from './participation.ts';
export {
  actionAllowed,
  allowedActions,
  checkRegimeChange,
  isVoluntary,
  offerActionAllowed,
  type ParticipationPolicy,
  participationPolicy,
} from './participation-rules.ts';
