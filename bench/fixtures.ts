/** A referral as a FHIR transaction Bundle; `[<id>]` makes each request a new referral. */
export const FHIR_BUNDLE = JSON.stringify({
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [
    {
      fullUrl: 'urn:uuid:0b7c2a4e-0000-4000-8000-000000000001',
      resource: {
        resourceType: 'Task',
        identifier: [{ system: 'urn:bench:referral', value: '[<id>]' }],
        status: 'requested',
        intent: 'order',
        code: { coding: [{ system: 'http://hl7.org/fhir/CodeSystem/task-code', code: 'fulfill' }] },
        focus: { reference: 'urn:uuid:0b7c2a4e-0000-4000-8000-000000000003' },
        for: { reference: 'urn:uuid:0b7c2a4e-0000-4000-8000-000000000002' },
        requester: { display: 'Bench GP practice' },
        authoredOn: '2026-11-23T09:00:00Z',
      },
      request: { method: 'POST', url: 'Task' },
    },
    {
      fullUrl: 'urn:uuid:0b7c2a4e-0000-4000-8000-000000000002',
      resource: {
        resourceType: 'Patient',
        name: [{ given: ['Bench'], family: 'Person[<id>]' }],
        birthDate: '1985-06-15',
        address: [{ line: ['1 Bench Street'], postalCode: 'LE1 6ZG' }],
        telecom: [{ system: 'email', value: 'bench@example.com', rank: 1 }],
      },
      request: { method: 'POST', url: 'Patient' },
    },
    {
      fullUrl: 'urn:uuid:0b7c2a4e-0000-4000-8000-000000000003',
      resource: {
        resourceType: 'ServiceRequest',
        status: 'active',
        intent: 'order',
        subject: { reference: 'urn:uuid:0b7c2a4e-0000-4000-8000-000000000002' },
        category: [{ coding: [{ system: 'https://bridgework.org.uk/fhir/CodeSystem/referring-service', code: 'gp' }] }],
        orderDetail: [
          { coding: [{ system: 'https://bridgework.org.uk/fhir/CodeSystem/fit-note', code: 'none' }] },
          { coding: [{ system: 'https://bridgework.org.uk/fhir/CodeSystem/benefit', code: 'none' }] },
        ],
        patientInstruction: 'Help to find work',
        supportingInfo: [{ reference: 'urn:uuid:0b7c2a4e-0000-4000-8000-000000000004' }],
      },
      request: { method: 'POST', url: 'ServiceRequest' },
    },
    {
      fullUrl: 'urn:uuid:0b7c2a4e-0000-4000-8000-000000000004',
      resource: {
        resourceType: 'Consent',
        status: 'active',
        scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
        category: [{ coding: [{ system: 'https://bridgework.org.uk/fhir/CodeSystem/consent-method', code: 'verbal' }] }],
        patient: { reference: 'urn:uuid:0b7c2a4e-0000-4000-8000-000000000002' },
        dateTime: '2026-11-20',
        provision: {
          type: 'permit',
          code: [{ coding: [{ system: 'https://bridgework.org.uk/fhir/CodeSystem/consent-scope', code: 'share-with-employment-team' }] }],
        },
      },
      request: { method: 'POST', url: 'Consent' },
    },
  ],
});
