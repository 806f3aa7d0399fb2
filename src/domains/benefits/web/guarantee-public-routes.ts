import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formBody, formIssues } from '../../../platform/http/form-fields.ts';
import { formErrors } from '../../../platform/http/pages.ts';
import type { CheckResult, GuaranteeService } from '../guarantee-service.ts';
import { day } from '../guarantee-words.ts';

const VIEWS = 'benefits/web/views';

/**
 * The public check, `/check-a-guarantee`: no sign-in, in English or Welsh. Anyone with a
 * verification code sees whether the guarantee is valid, its status and its dates, and nothing
 * about the person. A code that matches nothing gets the same neutral answer whatever the reason,
 * and such codes are counted per client so that codes cannot be guessed.
 */
export function registerGuaranteeCheckPage(app: FastifyInstance, deps: { guarantees: GuaranteeService }): void {
  const show = (request: FastifyRequest, reply: FastifyReply, context: Record<string, unknown>, status = 200) =>
    reply.page(`${VIEWS}/guarantee-check.njk`, { title: request.t('guarantee.check.title'), code: '', ...context }, status);

  const resultOf = (request: FastifyRequest, result: CheckResult) => {
    const t = request.t;
    if (result.kind === 'unknown') return { unknown: true };
    return {
      result: {
        valid: result.valid,
        heading: t(result.valid ? 'guarantee.check.valid' : 'guarantee.check.notValid'),
        explain: t(`guarantee.check.explain.${result.status === 'used' && !result.valid ? 'usedAfter' : result.status}`),
        rows: [
          { key: { text: t('guarantee.field.status') }, value: { text: t(`guarantee.status.${result.status}`) } },
          { key: { text: t('guarantee.check.validFrom') }, value: { text: day(result.validFrom, request.lang) } },
          { key: { text: t('guarantee.check.validUntil') }, value: { text: day(result.validUntil, request.lang) } },
        ],
      },
    };
  };

  app.get('/check-a-guarantee', async (request, reply) => show(request, reply, {}));

  app.post('/check-a-guarantee', async (request, reply) => {
    const body = formBody(request.body);
    const typed = typeof body.code === 'string' ? body.code : '';
    try {
      // The answer is shown, not redirected to: a code never goes into an address or the browser's history.
      return show(request, reply, resultOf(request, await deps.guarantees.check(body, request.ip)));
    } catch (error) {
      const failure = formIssues(error);
      if (!failure) throw error;
      return show(
        request,
        reply,
        {
          code: typed.slice(0, 100),
          errors: formErrors(
            failure.issues.map((i) => ({ ...i, path: 'code' })),
            request.t,
          ),
        },
        400,
      );
    }
  });
}
