import type { z } from 'zod';

/**
 * One problem with one input field; rendered as the GOV.UK error summary and as OperationOutcome.
 * `message` is a catalogue key (or plain text); `params` fill its placeholders, so a refusal that
 * carries figures (an age, a number of months) reads in the reader's language on a page and in
 * English for a machine.
 */
export type Issue = { path: string; message: string; params?: Readonly<Record<string, string | number>> };

export type ErrorCode = 'not-found' | 'forbidden' | 'unauthenticated' | 'conflict' | 'invalid-transition' | 'invalid-input' | 'too-many-requests';

/**
 * The one error family. Services throw these; `platform/http/error-handler.ts` maps them to HTTP
 * for pages, `/api/v1` and `/fhir` alike. Anything else is an unexpected 500.
 *
 * @example throw new NotFound('organisation', id);
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly issues: readonly Issue[];
  constructor(message: string, issues: readonly Issue[] = []) {
    super(message);
    this.name = new.target.name;
    this.issues = issues;
  }
}

export class NotFound extends DomainError {
  readonly code = 'not-found';
  constructor(what: string, id?: string) {
    super(id ? `${what} ${id} was not found` : `${what} was not found`);
  }
}
export class Forbidden extends DomainError {
  readonly code = 'forbidden';
}
export class Unauthenticated extends DomainError {
  readonly code = 'unauthenticated';
}
export class Conflict extends DomainError {
  readonly code = 'conflict';
}
export class InvalidTransition extends DomainError {
  readonly code = 'invalid-transition';
  constructor(from: string, to: string) {
    super(`cannot move from ${from} to ${to}`);
  }
}
export class InvalidInput extends DomainError {
  readonly code = 'invalid-input';
  constructor(issues: readonly Issue[], message = 'The request has invalid input') {
    super(message, issues);
  }
}
export class TooManyRequests extends DomainError {
  readonly code = 'too-many-requests';
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function issuesFromZod(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/**
 * Parses untrusted input with a schema: the value, or InvalidInput carrying every issue.
 *
 * @example const body = parseInput(createOrganisationSchema, request.body);
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new InvalidInput(issuesFromZod(result.error));
  return result.data;
}
