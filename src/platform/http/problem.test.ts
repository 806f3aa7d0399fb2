import { describe, expect, test } from 'vitest';
import { Conflict, Forbidden, InvalidInput, InvalidTransition, NotFound, TooManyRequests, Unauthenticated } from '../errors/index.ts';
import { operationOutcome, problemDetails, toHttpFailure } from './problem.ts';

describe('one mapping from errors to HTTP', () => {
  test.each([
    [new NotFound('organisation', 'x'), 404, 'not-found'],
    [new Forbidden('no'), 403, 'forbidden'],
    [new Unauthenticated('who?'), 401, 'login'],
    [new Conflict('taken'), 409, 'conflict'],
    [new InvalidTransition('accepted', 'requested'), 409, 'business-rule'],
    [new InvalidInput([{ path: 'name', message: 'Enter a name' }]), 422, 'invalid'],
    [new TooManyRequests('slow down', 60), 429, 'throttled'],
  ])('%s → %i, OperationOutcome code %s', (error, status, outcomeCode) => {
    const failure = toHttpFailure(error);
    expect(failure.status).toBe(status);
    expect(operationOutcome(failure).issue[0]?.code).toBe(outcomeCode);
  });

  test('field issues become problem details issues and OperationOutcome expressions', () => {
    const failure = toHttpFailure(
      new InvalidInput([
        { path: 'body.name', message: 'Enter a name' },
        { path: 'body.kind', message: 'Select a type' },
      ]),
    );
    expect(problemDetails(failure, 'req-1', '/api/v1/organisations')).toEqual({
      type: 'urn:bridgework:problem:invalid-input',
      title: 'Invalid input',
      status: 422,
      detail: 'The request has invalid input',
      instance: '/api/v1/organisations',
      requestId: 'req-1',
      issues: [
        { path: 'body.name', message: 'Enter a name' },
        { path: 'body.kind', message: 'Select a type' },
      ],
    });
    expect(operationOutcome(failure)).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        { severity: 'error', code: 'invalid', diagnostics: 'Enter a name', expression: ['body.name'] },
        { severity: 'error', code: 'invalid', diagnostics: 'Select a type', expression: ['body.kind'] },
      ],
    });
  });

  test('an unexpected error is a 500 that says nothing about itself', () => {
    const failure = toHttpFailure(new Error('connection string postgres://secret@db leaked'));
    expect(failure.status).toBe(500);
    expect(JSON.stringify(problemDetails(failure, 'r', '/x'))).not.toContain('secret');
    expect(operationOutcome(failure).issue[0]).toMatchObject({ severity: 'fatal', code: 'exception' });
  });

  test("the framework's own 4xx (bad JSON, wrong media type) stay 4xx", () => {
    const bad = Object.assign(new Error('FST_ERR_CTP_INVALID_MEDIA_TYPE: Unsupported Media Type: text/csv'), { statusCode: 415 });
    expect(toHttpFailure(bad)).toMatchObject({ status: 415, code: 'bad-request', detail: 'Unsupported Media Type: text/csv' });
    expect(toHttpFailure(Object.assign(new Error('boom'), { statusCode: 503 })).status).toBe(500);
  });
});
