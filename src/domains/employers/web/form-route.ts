import type { FastifyRequest } from 'fastify';

// Question pages moved to the platform when a second capability (in-work retention) needed them.
export { type FormPage, formRoute, type Params } from '../../../platform/http/form-route.ts';

/** The success banner for `?done=` when it names one of `known`. */
export const doneOf = (request: FastifyRequest, known: readonly string[]): string | null => {
  const done = (request.query as { done?: string } | undefined)?.done;
  return done && known.includes(done) ? request.t(`employers.done.${done}`) : null;
};
