import type { FastifyInstance } from 'fastify';
import { registerCheckPage } from '../../../platform/verify/index.ts';
import type { GuaranteeService } from '../guarantee-service.ts';
import { day } from '../guarantee-words.ts';

/**
 * The public check, `/check-a-guarantee`, on the platform's page frame for verifiable documents:
 * anyone with a verification code sees whether the guarantee is valid, its status and its dates,
 * and nothing about the person.
 */
export function registerGuaranteeCheckPage(app: FastifyInstance, deps: { guarantees: GuaranteeService }): void {
  registerCheckPage(app, {
    path: '/check-a-guarantee',
    messages: 'guarantee.check',
    async check(request, body) {
      const result = await deps.guarantees.check(body, request.ip);
      if (result.kind === 'unknown') return null;
      const t = request.t;
      return {
        valid: result.valid,
        heading: t(result.valid ? 'guarantee.check.valid' : 'guarantee.check.notValid'),
        // Not yet in force: say from when, not that it is in force now.
        explain: [
          result.startsLater
            ? t('guarantee.check.explain.startsLater', { date: day(result.validFrom, request.lang) })
            : t(`guarantee.check.explain.${result.status === 'used' && !result.valid ? 'usedAfter' : result.status}`),
        ],
        rows: [
          { key: t('guarantee.field.status'), value: t(`guarantee.status.${result.status}`) },
          { key: t('guarantee.check.validFrom'), value: day(result.validFrom, request.lang) },
          { key: t('guarantee.check.validUntil'), value: day(result.validUntil, request.lang) },
        ],
      };
    },
  });
}
