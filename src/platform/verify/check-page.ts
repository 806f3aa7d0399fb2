import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formBody, formIssues } from '../http/form-fields.ts';
import { formErrors } from '../http/pages.ts';

/** What a public check shows for a document it found: a heading, summary rows and a sentence. Never anything about the person. */
export type CheckShown = { valid: boolean; heading: string; rows: { key: string; value: string }[]; explain: string[] };

/**
 * The public page frame for checking a document by its code, with no sign-in, in English or
 * Welsh. `messages` is the prefix of the kind's words (`.title`, `.lead`, `.label`, `.hint`,
 * `.button`, `.unknown`, `.unknownBody`, `.again`). `check` answers a typed code with what to show,
 * or null for a code that names nothing (one neutral answer, whatever the reason). The code is
 * posted and the answer shown, never redirected to: a code never goes into an address or history.
 */
export function registerCheckPage(
  app: FastifyInstance,
  page: { path: string; messages: string; check: (request: FastifyRequest, body: Record<string, unknown>) => Promise<CheckShown | null> },
): void {
  const show = (request: FastifyRequest, reply: FastifyReply, context: Record<string, unknown>, status = 200) =>
    reply.page('pages/verify-check.njk', { title: request.t(`${page.messages}.title`), m: page.messages, action: page.path, code: '', ...context }, status);

  app.get(page.path, async (request, reply) => show(request, reply, {}));

  app.post(page.path, async (request, reply) => {
    const body = formBody(request.body);
    const typed = typeof body.code === 'string' ? body.code : '';
    try {
      const found = await page.check(request, body);
      if (!found) return show(request, reply, { unknown: true });
      return show(request, reply, {
        result: { ...found, rows: found.rows.map((r) => ({ key: { text: r.key }, value: { text: r.value } })) },
      });
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
