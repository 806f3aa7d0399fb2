import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole, type UserPrincipal } from '../../../platform/auth/index.ts';
import type { Clock } from '../../../platform/clock/index.ts';
import type { Role } from '../../../platform/db/index.ts';
import { Forbidden, type Issue } from '../../../platform/errors/index.ts';
import { combineDates, formBody, formIssues, idParam, withErrors } from '../../../platform/http/form-fields.ts';
import { formatIsoDate, londonIsoDate } from '../../../platform/i18n/index.ts';
import type { CaseService } from '../case-service.ts';
import type { CaseForm, FormPage } from './case-form.ts';
import { CASE_FORM_REFUSALS } from './case-format.ts';
import { CASE_FORMS, DONE_KEYS } from './case-forms.ts';
import { abilities, presentCase } from './case-page.ts';

const VIEWS = 'participants/web/views';
/** Everyone in the tenant but a national analyst may see a case; the service decides what they see. */
export const CASE_READERS: readonly Role[] = ['referrer', 'specialist', 'team-lead', 'tenant-admin', 'ig-lead'];

/**
 * Records about the person taken in from other areas (the records capability, ADR 0048), for the
 * case page to say where they came from; none when the reader may not see them.
 */
export type CaseProvenance = (user: UserPrincipal, participantId: string) => Promise<readonly { id: string; senderName: string; importedAt: Date }[]>;
type Deps = { cases: CaseService; clock: Clock; provenance?: CaseProvenance };
type Params = Record<string, string>;

/** The ids in a form's address, each checked to be a uuid (anything else is a page that does not exist). */
function paramsOf(form: CaseForm, raw: Params): Params {
  const names = form.path
    .split('/')
    .filter((s) => s.startsWith(':'))
    .map((s) => s.slice(1));
  return Object.fromEntries(names.map((n) => [n, idParam(raw[n], n)]));
}

/** The case page, and every form about one case: GET shows it, POST asks the service and redirects back to the case. */
export function registerCasePage(app: FastifyInstance, deps: Deps): void {
  const { cases } = deps;

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/cases/:id', async (request, reply) => {
    const user = requireRole(request.principal, CASE_READERS);
    const id = idParam(request.params.id, 'case');
    const view = await cases.view(user, id);
    const done = typeof request.query.done === 'string' && DONE_KEYS.has(request.query.done) ? request.t(`caseload.done.${request.query.done}`) : null;
    const page = presentCase(view, { t: request.t, lang: request.lang, now: deps.clock.now(), done, doneKey: request.query.done, reader: user });
    // Asked only when the case read found records taken in (most people have none): one
    // transaction fewer on a page read many times a day (ADR 0053).
    const taken = deps.provenance && view.takenIn !== false ? await deps.provenance(user, view.participant.id) : [];
    const transferredIn = taken.map((r) => ({
      href: `/records/in/${r.id}`,
      text: request.t('caseload.case.transferredIn', { from: r.senderName, on: formatIsoDate(londonIsoDate(r.importedAt), request.lang) }),
    }));
    return reply.page(`${VIEWS}/case.njk`, {
      ...page,
      transferredIn,
      backHref: user.roles.some((r) => r === 'specialist' || r === 'team-lead') ? '/cases' : '/home',
    });
  });

  // The referral page links here: the case its acceptance opened.
  app.get<{ Params: { referralId: string } }>('/cases/for-referral/:referralId', async (request, reply) => {
    const user = requireRole(request.principal, CASE_READERS);
    const caseId = await cases.caseIdOfReferral(user, idParam(request.params.referralId, 'referral'));
    return reply.redirect(`/cases/${caseId}`, 303);
  });

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    form: CaseForm,
    user: UserPrincipal,
    caseId: string,
    params: Params,
    values: Record<string, unknown> | null,
    failure?: { issues: readonly Issue[]; status: number },
  ) {
    const t = request.t;
    const view = await cases.view(user, caseId, { healthFields: form.needsHealth === true });
    const can = abilities(view, user);
    if (!form.allowed(can, view)) throw new Forbidden('This is not open to you on this case');
    const state = { values: values ?? form.initial?.(view, params) ?? {} };
    const page: FormPage = await form.page({ view, can, t, lang: request.lang, state, params, user, cases });
    const marked = failure ? withErrors(page.fields, failure.issues, t) : { fields: page.fields, errors: undefined };
    return reply.page(
      'pages/form.njk',
      {
        ...page,
        fields: marked.fields,
        errors: marked.errors,
        caption: view.summary.personName,
        action: `/cases/${caseId}/${Object.entries(params).reduce((path, [k, v]) => path.replace(`:${k}`, v), form.path)}`,
        backHref: `/cases/${caseId}`,
      },
      failure?.status ?? 200,
    );
  }

  for (const form of CASE_FORMS) {
    const path = `/cases/:id/${form.path}`;
    app.get<{ Params: Params }>(path, async (request, reply) => {
      const user = requireRole(request.principal, CASE_READERS);
      return render(request, reply, form, user, idParam(request.params.id, 'case'), paramsOf(form, request.params), null);
    });
    app.post<{ Params: Params }>(path, async (request, reply) => {
      const user = requireRole(request.principal, CASE_READERS);
      const caseId = idParam(request.params.id, 'case');
      const params = paramsOf(form, request.params);
      const typed = formBody(request.body);
      const body = combineDates(typed, form.dates ?? []);
      try {
        await form.submit({ cases, user, caseId, body, params });
        return reply.redirect(`/cases/${caseId}?done=${form.done}`, 303);
      } catch (error) {
        const failure = formIssues(error, CASE_FORM_REFUSALS);
        if (!failure) throw error;
        return render(request, reply, form, user, caseId, params, typed, failure);
      }
    });
  }
}
