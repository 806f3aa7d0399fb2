import { DomainError, type ErrorCode, type Issue } from '../errors/index.ts';

export type HttpFailure = {
  status: number;
  code: ErrorCode | 'bad-request' | 'server-error';
  title: string;
  detail: string;
  issues: readonly Issue[];
  retryAfterSeconds?: number;
};

const STATUS: Record<ErrorCode, number> = {
  'not-found': 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  'invalid-transition': 409,
  'invalid-input': 422,
  'too-many-requests': 429,
};

const TITLE: Record<HttpFailure['code'], string> = {
  'not-found': 'Not found',
  forbidden: 'Forbidden',
  unauthenticated: 'Authentication required',
  conflict: 'Conflict',
  'invalid-transition': 'Invalid transition',
  'invalid-input': 'Invalid input',
  'too-many-requests': 'Too many requests',
  'bad-request': 'Bad request',
  'server-error': 'Internal server error',
};

function fastifyStatus(error: unknown): number | null {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return null;
  const status = (error as { statusCode: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

/** The one mapping from an error to HTTP. Unknown errors are 500 with no detail. */
export function toHttpFailure(error: unknown): HttpFailure {
  if (error instanceof DomainError) {
    return {
      status: STATUS[error.code],
      code: error.code,
      title: TITLE[error.code],
      detail: error.message,
      issues: error.issues,
      ...('retryAfterSeconds' in error && typeof error.retryAfterSeconds === 'number' ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    };
  }
  const status = fastifyStatus(error);
  if (status !== null) {
    // Fastify's own 4xx (malformed JSON, unsupported media type, body too large): safe to describe.
    const message = error instanceof Error ? error.message.replace(/^FST_\w+:\s*/, '') : 'Bad request';
    return {
      status,
      code: status === 404 ? 'not-found' : 'bad-request',
      title: status === 404 ? TITLE['not-found'] : TITLE['bad-request'],
      detail: message,
      issues: [],
    };
  }
  return {
    status: 500,
    code: 'server-error',
    title: TITLE['server-error'],
    detail: 'Something went wrong. The request id identifies it in the logs.',
    issues: [],
  };
}

/** RFC 9457 problem details. */
export function problemDetails(failure: HttpFailure, requestId: string, instance: string) {
  return {
    type: `urn:bridgework:problem:${failure.code}`,
    title: failure.title,
    status: failure.status,
    detail: failure.detail,
    instance,
    requestId,
    ...(failure.issues.length > 0 ? { issues: failure.issues } : {}),
  };
}

const OUTCOME_CODE: Record<HttpFailure['code'], string> = {
  'not-found': 'not-found',
  forbidden: 'forbidden',
  unauthenticated: 'login',
  conflict: 'conflict',
  'invalid-transition': 'business-rule',
  'invalid-input': 'invalid',
  'too-many-requests': 'throttled',
  'bad-request': 'structure',
  'server-error': 'exception',
};

/** A FHIR R4 OperationOutcome: one issue per field problem, or one for the whole failure. */
export function operationOutcome(failure: HttpFailure) {
  const code = OUTCOME_CODE[failure.code];
  const severity = failure.status >= 500 ? 'fatal' : 'error';
  const issue =
    failure.issues.length > 0
      ? failure.issues.map((i) => ({ severity, code, diagnostics: i.message, ...(i.path ? { expression: [i.path] } : {}) }))
      : [{ severity, code, diagnostics: failure.detail }];
  return { resourceType: 'OperationOutcome', issue };
}
