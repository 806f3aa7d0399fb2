export {
  Conflict,
  DomainError,
  type ErrorCode,
  Forbidden,
  InvalidInput,
  InvalidTransition,
  type Issue,
  issuesFromZod,
  NotFound,
  parseInput,
  TooManyRequests,
  Unauthenticated,
} from './errors.ts';
export { amount, isoDate } from './schemas.ts';
