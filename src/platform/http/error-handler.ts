import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFound } from '../errors/index.ts';
import type { Translate } from '../i18n/index.ts';
import { CsrfRejected } from './csrf.ts';
import { formErrors } from './pages.ts';
import { type HttpFailure, operationOutcome, problemDetails, toHttpFailure } from './problem.ts';

export type RouteFamily = 'api' | 'fhir' | 'oauth' | 'ops' | 'page';

export function routeFamily(url: string): RouteFamily {
  // The public directory API (Open Referral UK) answers errors as the partner API does.
  if (url.startsWith('/api/') || url.startsWith('/oruk/') || url === '/oruk') return 'api';
  if (url.startsWith('/fhir/') || url === '/fhir') return 'fhir';
  if (url.startsWith('/oauth/')) return 'oauth';
  // Machine endpoints with their own bearer token (metrics, GOV.UK Notify's callback): no session, no CSRF.
  if (url === '/metrics' || url.startsWith('/metrics?') || url.startsWith('/notify/')) return 'ops';
  return 'page';
}

function sendPage(request: FastifyRequest, reply: FastifyReply, error: unknown, failure: HttpFailure, english: Translate): FastifyReply {
  // A request refused before its language is known (a body that fails to parse) gets English.
  const t = request.t ?? english;
  if (failure.code === 'unauthenticated' && request.method === 'GET') {
    return reply.redirect(`/sign-in?return=${encodeURIComponent(request.url)}`, 303);
  }
  const page = (titleKey: string, bodyKeys: string[], extra: string[] = [], errors?: ReturnType<typeof formErrors>) =>
    reply.page(
      'pages/message.njk',
      {
        title: t(titleKey),
        paragraphs: [...bodyKeys.map((k) => t(k)), ...extra],
        reference: failure.status >= 500 ? t('error.reference', { id: request.id }) : null,
        errors,
      },
      failure.status === 401 ? 403 : failure.status,
    );
  if (error instanceof CsrfRejected) return page('error.csrf.title', ['error.csrf.body']);
  switch (failure.code) {
    case 'not-found':
      return page('error.notFound.title', ['error.notFound.body']);
    case 'forbidden':
    case 'unauthenticated':
      return page('error.forbidden.title', ['error.forbidden.body']);
    case 'too-many-requests':
      return page('error.tooMany.title', ['error.tooMany.body']);
    case 'conflict':
      return page('error.conflict.title', [], [failure.detail]);
    // The detail names states by their codes ("cannot move from rejected to in-progress"): for APIs,
    // not for people, who get what to do in their language.
    case 'invalid-transition':
      return page('error.conflict.title', ['error.transition.body']);
    case 'invalid-input':
      // Issues refused before the page's own handler ran (text that is not text) name their field.
      return page('error.badRequest.title', [], [failure.detail], formErrors(failure.issues, t));
    case 'bad-request':
      return page('error.badRequest.title', [], [failure.detail]);
    case 'server-error':
      return page('error.server.title', ['error.server.body']);
  }
}

/**
 * The one place errors become responses: GOV.UK pages for people, RFC 9457 problem details for
 * `/api`, OperationOutcome for `/fhir`, RFC 6749 errors for `/oauth`. No stack trace leaves.
 */
export function registerErrorHandling(app: FastifyInstance, options: { english: Translate }): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const raw = toHttpFailure(error);
    // Machines get English; pages translate issues themselves.
    const failure = { ...raw, issues: raw.issues.map((i) => ({ path: i.path, message: options.english(i.message, i.params) })) };
    if (failure.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: failure.code, status: failure.status }, 'request refused');
    if (failure.retryAfterSeconds) reply.header('Retry-After', String(failure.retryAfterSeconds));
    switch (routeFamily(request.url)) {
      case 'api':
      case 'ops':
        return reply
          .code(failure.status)
          .type('application/problem+json')
          .send(problemDetails(failure, request.id, request.url.split('?')[0] ?? ''));
      case 'fhir':
        return reply.code(failure.status).type('application/fhir+json').send(operationOutcome(failure));
      case 'oauth':
        return reply
          .code(failure.status === 422 ? 400 : failure.status)
          .send({ error: failure.status >= 500 ? 'server_error' : 'invalid_request', error_description: failure.detail });
      case 'page':
        // Pages translate issue messages (catalogue keys) into the reader's language themselves.
        return sendPage(request, reply, error, raw, options.english);
    }
  });
  app.setNotFoundHandler((request, reply) => {
    reply.send(new NotFound('page', request.url.split('?')[0]));
  });
}
