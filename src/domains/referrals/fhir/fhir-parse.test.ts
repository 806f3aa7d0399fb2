import { describe, expect, test } from 'vitest';
import { InvalidInput } from '../../../platform/errors/index.ts';
import { createReferralSchema } from '../referral-schemas.ts';
import { parseReferralSubmission } from './fhir-parse.ts';
import { BRIDGEWORK_CODE_SYSTEMS as S } from './fhir-resources.ts';

const patient = () => ({
  resourceType: 'Patient',
  identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' }],
  name: [{ use: 'official', family: 'Jones', given: ['Alex', 'Sam'] }],
  birthDate: '1990-04-12',
  address: [{ use: 'home', line: ['1 High Street', 'Flat 2'], city: 'Leicester', postalCode: 'le1 6zg' }],
  telecom: [
    { system: 'phone', value: '07700 900123' },
    { system: 'sms', value: '07700 900123', rank: 1 },
    { system: 'email', value: 'alex@example.com' },
  ],
  communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'cy' }] }, preferred: true }],
});

const serviceRequest = (consentRef = 'urn:uuid:c0000000-0000-4000-8000-000000000004') => ({
  resourceType: 'ServiceRequest',
  status: 'active',
  intent: 'order',
  subject: { reference: 'urn:uuid:c0000000-0000-4000-8000-000000000002' },
  category: [{ coding: [{ system: S.referringService, code: 'gp' }] }],
  reasonCode: [{ text: 'Low back pain', coding: [{ system: S.conditionCategory, code: 'musculoskeletal' }] }],
  orderDetail: [
    { coding: [{ system: S.fitNote, code: 'may-be-fit' }], text: 'Light duties' },
    { coding: [{ system: S.benefit, code: 'uc' }] },
    { coding: [{ system: S.doNotContact, code: 'post' }] },
  ],
  patientInstruction: 'Wants to get back to warehouse work',
  supportingInfo: [{ reference: consentRef }],
});

const consent = (status = 'active') => ({
  resourceType: 'Consent',
  status,
  category: [{ coding: [{ system: S.consentMethod, code: 'verbal' }] }],
  dateTime: '2026-11-20T10:00:00Z',
  verification: [{ verified: true, verifiedWith: { display: 'Dr Priya Shah' } }],
  provision: { type: 'permit', code: [{ coding: [{ system: S.consentScope, code: 'share-with-employment-team' }] }] },
});

const task = (refs: { focus: string; for: string }) => ({
  resourceType: 'Task',
  identifier: [{ system: 'https://gp.example/referrals', value: 'R-1' }],
  status: 'requested',
  intent: 'order',
  priority: 'urgent',
  code: { coding: [{ system: 'http://hl7.org/fhir/CodeSystem/task-code', code: 'fulfill' }] },
  focus: { reference: refs.focus },
  for: { reference: refs.for },
  requester: { display: 'Leicester Central Primary Care Network' },
  authoredOn: '2026-11-20T10:05:00Z',
});

const urn = (n: number) => `urn:uuid:c0000000-0000-4000-8000-00000000000${n}`;
const entry = (n: number, resource: object) => ({
  fullUrl: urn(n),
  resource,
  request: { method: 'POST', url: (resource as { resourceType: string }).resourceType },
});

function bundle(overrides: { task?: object; consent?: object; serviceRequest?: object } = {}) {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      entry(1, overrides.task ?? task({ focus: urn(3), for: urn(2) })),
      entry(2, patient()),
      entry(3, overrides.serviceRequest ?? serviceRequest()),
      entry(4, overrides.consent ?? consent()),
    ],
  };
}

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidInput) return error.issues;
    throw error;
  }
  throw new Error('expected InvalidInput');
}

describe('parseReferralSubmission', () => {
  test('maps a transaction Bundle onto the create input', () => {
    const result = parseReferralSubmission(bundle());
    expect(result.form).toBe('bundle');
    expect(result.entries.map((e) => e.resourceType)).toEqual(['Task', 'Patient', 'ServiceRequest', 'Consent']);
    const value = createReferralSchema.parse(result.input);
    expect(value.identifier).toEqual({ system: 'https://gp.example/referrals', value: 'R-1' });
    expect(value.person).toMatchObject({
      givenName: 'Alex Sam',
      familyName: 'Jones',
      dateOfBirth: '1990-04-12',
      nhsNumber: '9434765919',
      addressLine1: '1 High Street',
      addressLine2: 'Flat 2',
      town: 'Leicester',
      postcode: 'LE1 6ZG',
      phone: '07700900123',
      email: 'alex@example.com',
      preferredLanguage: 'cy',
      contactMethod: 'text',
      doNotContact: ['post'],
    });
    expect(value.context).toMatchObject({
      referringService: 'gp',
      conditionsText: 'Low back pain',
      conditionCategories: ['musculoskeletal'],
      fitNote: 'may-be-fit',
      fitNoteAdvice: 'Light duties',
      benefits: ['uc'],
      helpWanted: 'Wants to get back to warehouse work',
      urgency: 'urgent',
      notInEducationEmploymentOrTraining: false,
    });
    expect(value.consent).toEqual({
      scopes: ['share-with-employment-team'],
      method: 'verbal',
      givenOn: '2026-11-20',
      recordedBy: 'Dr Priya Shah',
      active: true,
    });
    expect(value.jobcentre).toBeUndefined();
  });

  test('maps a Task with its resources contained', () => {
    const sr = { ...serviceRequest('#c'), id: 'sr', subject: { reference: '#p' } };
    const body = { ...task({ focus: '#sr', for: '#p' }), contained: [{ ...patient(), id: 'p' }, sr, { ...consent(), id: 'c' }] };
    const result = parseReferralSubmission(body);
    expect(result.form).toBe('task');
    expect(createReferralSchema.parse(result.input).person.familyName).toBe('Jones');
  });

  test('uses the Idempotency-Key when the Task has no identifier, and asks for one when neither is given', () => {
    const body = bundle({ task: { ...task({ focus: urn(3), for: urn(2) }), identifier: undefined } });
    expect(parseReferralSubmission(body, { idempotencyKey: 'client-1:key-1' }).input.identifier).toEqual({
      system: 'urn:bridgework:fhir-task',
      value: 'client-1:key-1',
    });
    expect(issuesOf(() => parseReferralSubmission(body))).toEqual([expect.objectContaining({ path: 'Task.identifier' })]);
  });

  test('contact method defaults to email, then phone, then post', () => {
    const withTelecom = (telecom: object[]) => {
      const sr = serviceRequest();
      const b = bundle({ serviceRequest: { ...sr, orderDetail: sr.orderDetail.slice(0, 2) } });
      (b.entry[1] as { resource: object }).resource = { ...patient(), telecom };
      return (parseReferralSubmission(b).input.person as { contactMethod: string }).contactMethod;
    };
    expect(
      withTelecom([
        { system: 'phone', value: '07700900123' },
        { system: 'email', value: 'a@example.com' },
      ]),
    ).toBe('email');
    expect(withTelecom([{ system: 'phone', value: '07700900123' }])).toBe('phone');
    expect(withTelecom([])).toBe('post');
  });

  test('a missing or inactive consent is refused with a clear issue', () => {
    const noConsent = bundle({ serviceRequest: { ...serviceRequest(), supportingInfo: [] } });
    expect(issuesOf(() => parseReferralSubmission(noConsent))).toEqual([
      { path: 'ServiceRequest.supportingInfo', message: expect.stringContaining('without consent') },
    ]);
    expect(issuesOf(() => parseReferralSubmission(bundle({ consent: consent('rejected') })))).toEqual([
      { path: 'Consent.status', message: expect.stringContaining('must be active') },
    ]);
  });

  test.each([
    ['intent', { intent: 'plan' }, 'Task.intent'],
    ['code', { code: { coding: [{ system: 'http://hl7.org/fhir/CodeSystem/task-code', code: 'approve' }] } }, 'Task.code'],
    ['requester', { requester: undefined }, 'Task.requester'],
    ['authoredOn', { authoredOn: undefined }, 'Task.authoredOn'],
    ['status', { status: 'draft' }, 'Task.status'],
    ['focus', { focus: { reference: 'urn:uuid:nowhere' } }, 'Task.focus'],
    ['for', { for: { reference: urn(3) } }, 'Task.for'],
    ['owner', { owner: { reference: 'Organization/1' } }, 'Task.owner'],
    ['priority', { priority: 'whenever' }, 'Task.priority'],
    ['intent type', { intent: 5 }, 'Task.intent'],
  ])('a Task with a bad %s is refused', (_name, change, path) => {
    const issues = issuesOf(() => parseReferralSubmission(bundle({ task: { ...task({ focus: urn(3), for: urn(2) }), ...change } })));
    expect(issues.map((i) => i.path)).toContain(path);
  });

  test.each([
    ['not a FHIR resource', { hello: 'world' }, 'resource.resourceType'],
    ['another resource', { resourceType: 'Patient' }, 'resourceType'],
    ['a batch Bundle', { ...bundle(), type: 'batch' }, 'Bundle.type'],
    ['a Bundle with two Tasks', { ...bundle(), entry: [...bundle().entry, entry(5, task({ focus: urn(3), for: urn(2) }))] }, 'Bundle.entry'],
    [
      'a Bundle with other resources',
      { ...bundle(), entry: [...bundle().entry, entry(5, { resourceType: 'Observation' })] },
      'Bundle.entry[4].resource.resourceType',
    ],
    ['a Bundle entry that is not an object', { ...bundle(), entry: ['x'] }, 'Bundle.entry[0]'],
    ['an array', [], 'resource'],
    ['null', null, 'resource'],
  ])('%s is refused', (_name, body, path) => {
    expect(issuesOf(() => parseReferralSubmission(body)).map((i) => i.path)).toContain(path);
  });

  test('field problems point at the FHIR element, with the catalogue message', () => {
    const b = bundle();
    (b.entry[1] as { resource: object }).resource = { ...patient(), birthDate: '1990-13-45', address: [{ line: ['1 High St'], postalCode: 'nowhere' }] };
    const issues = issuesOf(() => parseReferralSubmission(b));
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'Patient.birthDate', message: 'referrals.error.dateOfBirth' },
        { path: 'Patient.address.postalCode', message: 'referrals.error.postcode' },
      ]),
    );
    const noBenefit = bundle({ serviceRequest: { ...serviceRequest(), orderDetail: [] } });
    expect(issuesOf(() => parseReferralSubmission(noBenefit)).map((i) => i.path)).toEqual(expect.arrayContaining(['ServiceRequest.orderDetail']));
  });
});
