import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Issue } from '../errors/index.ts';
import { combineDates, type Field, type FieldValues, formBody, formIssues, withErrors } from './form-fields.ts';

/** A question page as pages/form.njk shows it. */
export type FormPage = {
  title: string;
  caption?: string;
  /** A success banner above the question (a setting saved, shown when the page comes back). */
  done?: string | null;
  lead?: string[];
  rows?: unknown[];
  inset?: string;
  fields: Field[];
  button: string;
  backHref: string;
};

export type Params = Record<string, string>;

/**
 * A GET that shows a question page and a POST that hands the typed answers to a service and
 * redirects where it says; bad input comes back on the same page with the error summary (400),
 * and a refusal the reader can act on (a message under `refusals`) with 403. `actor` decides who
 * may open the page at all (throwing, or null to send them to `signIn`).
 */
export function formRoute<A>(
  app: FastifyInstance,
  o: {
    path: string;
    actor: (request: FastifyRequest<{ Params: Params }>) => Promise<A | null>;
    signIn?: string;
    page: (request: FastifyRequest<{ Params: Params }>, actor: A, typed: FieldValues | null) => Promise<FormPage>;
    submit: (request: FastifyRequest<{ Params: Params }>, actor: A, body: Record<string, unknown>) => Promise<string>;
    dates?: readonly string[];
    refusals?: string;
  },
): void {
  async function show(
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    actor: A,
    typed: FieldValues | null,
    failure?: { issues: readonly Issue[]; status: number },
  ) {
    const page = await o.page(request, actor, typed);
    const marked = failure ? withErrors(page.fields, failure.issues, request.t) : { fields: page.fields, errors: undefined };
    return reply.page('pages/form.njk', { ...page, fields: marked.fields, errors: marked.errors, action: request.url.split('?')[0] }, failure?.status ?? 200);
  }
  app.get<{ Params: Params }>(o.path, async (request, reply) => {
    const actor = await o.actor(request);
    if (actor === null) return reply.redirect(o.signIn ?? '/sign-in', 303);
    return show(request, reply, actor, null);
  });
  app.post<{ Params: Params }>(o.path, async (request, reply) => {
    const actor = await o.actor(request);
    if (actor === null) return reply.redirect(o.signIn ?? '/sign-in', 303);
    const typed = formBody(request.body);
    let location: string;
    try {
      location = await o.submit(request, actor, combineDates(typed, o.dates ?? []));
    } catch (error) {
      const failure = formIssues(error, o.refusals ? { refusals: o.refusals } : {});
      if (!failure) throw error;
      return show(request, reply, actor, typed, failure);
    }
    return reply.redirect(location, 303);
  });
}
