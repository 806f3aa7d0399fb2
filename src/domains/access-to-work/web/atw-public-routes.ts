import type { FastifyInstance } from 'fastify';
import { formatIsoDate } from '../../../platform/i18n/index.ts';
import { registerCheckPage } from '../../../platform/verify/index.ts';
import { categoryLine } from '../access-to-work-pdf.ts';
import type { AccessToWorkService } from '../access-to-work-service.ts';

/**
 * The public check, `/check-access-to-work`, on the platform's page frame for verifiable
 * documents: validity, dates, categories and ranges; never the person, their condition or needs.
 */
export function registerAtwCheckPage(app: FastifyInstance, deps: { accessToWork: AccessToWorkService }): void {
  registerCheckPage(app, {
    path: '/check-access-to-work',
    messages: 'atw.check',
    async check(request, body) {
      const found = await deps.accessToWork.check(body, request.ip);
      if (!found) return null;
      const t = request.t;
      const lang = request.lang;
      return {
        valid: found.valid,
        heading: t(found.valid ? 'atw.check.valid' : 'atw.check.notValid'),
        explain: [t(`atw.check.explain.${found.status === 'draft' ? 'withdrawn' : found.status}`), t('atw.notAward')],
        rows: [
          { key: t('atw.field.status'), value: t(`atw.status.${found.status}`) },
          { key: t('atw.field.validFrom'), value: formatIsoDate(found.validFrom, lang) },
          { key: t('atw.field.validUntil'), value: formatIsoDate(found.validUntil, lang) },
          ...found.categories.map((c) => {
            const line = categoryLine(c, t, lang);
            return { key: line.label, value: line.value };
          }),
        ],
      };
    },
  });
}
