import { describe, expect, test } from 'vitest';
import { held, record } from '../../../test/support/participant-record.ts';
import { buildExport, buildRecordBundle } from '../participants/index.ts';
import { describeResource, normaliseRecord, readBundle, transferRefusal } from './record-rules.ts';

type Json = Record<string, unknown>;
type Entry = { fullUrl: string; resource: Json };
const source = {
  baseUrl: 'https://bridgework.example',
  tenantId: '0a000000-0000-7000-8000-000000000001',
  tenantName: 'Leicester City Council',
  gssCode: 'E06000016',
};
const who = { participantId: '0b000000-0000-7000-8000-000000000001' };
const exported = () => buildExport(record({ sections: held }), new Date('2026-12-01T09:00:00Z'));
const bundle = (): Json => buildRecordBundle(exported(), who, source);
const transfer = {
  id: '0e000000-0000-7000-8000-000000000001',
  at: '2026-12-02T10:00:00.000Z',
  destination: 'Cardiff',
  consent: { givenOn: '2026-12-01', method: 'verbal', recordedBy: 'Sam Okafor' },
};
const entries = (b: Json) => b.entry as Entry[];
const first = (b: Json, type: string) => (entries(b).find((e) => e.resource.resourceType === type) as Entry).resource;
const facts = (b: unknown) => {
  const read = readBundle(b);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.facts;
};
const rules = (b: unknown) => {
  const read = readBundle(b);
  return read.ok ? [] : read.issues.map((i) => i.rule);
};

describe('reading a record Bundle before taking it in', () => {
  test('a person’s own download: where it came from and who it is about; no transfer consent', () => {
    const b = bundle();
    expect(facts(b)).toEqual({
      source: 'https://bridgework.example/fhir',
      identifier: `https://bridgework.org.uk/fhir/Id/record-bundle|${(b.identifier as Json).value}`,
      asOf: b.timestamp,
      senderName: 'Leicester City Council',
      senderGssCode: 'E06000016',
      personName: 'Rhian Evans',
      dateOfBirth: '1984-06-30',
      nhsNumber: '9434765919',
      transferConsent: false,
    });
  });

  test('a transfer carries the person’s consent to the move', () => {
    const b = buildRecordBundle(exported(), who, source, transfer);
    expect(facts(b)).toMatchObject({
      transferConsent: true,
      identifier: `https://bridgework.org.uk/fhir/Id/record-bundle|urn:uuid:${transfer.id}`,
      asOf: transfer.at,
    });
    // Withdrawn, a deny, or another scope: not consent to the move.
    for (const change of [
      { status: 'inactive' },
      { provision: { type: 'deny', code: [{ coding: [{ code: 'transfer-record' }] }] } },
      { provision: { type: 'permit' } },
    ]) {
      const c = structuredClone(b);
      const consent = entries(c).find((e) => e.resource.resourceType === 'Consent' && JSON.stringify(e.resource).includes('transfer-record')) as Entry;
      Object.assign(consent.resource, change);
      expect(facts(c).transferConsent).toBe(false);
    }
  });

  test('no NHS number, a given name only, a name in text only', () => {
    const b = bundle();
    const p = first(b, 'Patient');
    delete p.identifier;
    p.name = [{ given: ['Rhian'] }];
    expect(facts(b)).toMatchObject({ nhsNumber: null, personName: 'Rhian' });
    p.name = [{ text: 'Alex M' }];
    expect(facts(b).personName).toBe('Alex M');
    p.identifier = [{ system: 'urn:other', value: 'x' }];
    expect(facts(b).nhsNumber).toBeNull();
    delete p.birthDate;
    expect(facts(b).dateOfBirth).toBeNull();
  });

  test('a custodian without a GSS code is still a sender', () => {
    const b = bundle();
    first(b, 'Organization').identifier = [{ system: 'urn:other', value: 'W06000015' }];
    expect(facts(b).senderGssCode).toBeNull();
  });

  test('refused: broken structure, no source, not about a person, no custodian, a person with no name', () => {
    const broken = bundle();
    broken.type = 'collection';
    expect(rules(broken)).toContain('document');
    const noSource = bundle();
    delete noSource.meta;
    expect(rules(noSource)).toEqual(['record-source']);
    const emptySource = bundle();
    emptySource.meta = { source: 'x' };
    expect(rules(emptySource)).toEqual([]);
    const notAPerson = bundle();
    const custodian = first(notAPerson, 'Composition').custodian;
    first(notAPerson, 'Composition').subject = custodian;
    expect(rules(notAPerson)).toEqual(['record-subject']);
    const noSubject = bundle();
    delete first(noSubject, 'Composition').subject;
    expect(rules(noSubject)).toEqual(['record-subject']);
    const noCustodian = bundle();
    delete first(noCustodian, 'Composition').custodian;
    expect(rules(noCustodian)).toEqual(['record-custodian']);
    const custodianIsPerson = bundle();
    first(custodianIsPerson, 'Composition').custodian = first(custodianIsPerson, 'Composition').subject;
    expect(rules(custodianIsPerson)).toEqual(['record-custodian']);
    const unnamed = bundle();
    delete first(unnamed, 'Organization').name;
    first(unnamed, 'Organization').identifier = [{ system: 'urn:x', value: 'y' }];
    expect(rules(unnamed)).toEqual(['record-custodian']);
    const nameless = bundle();
    first(nameless, 'Patient').name = [{ use: 'official' }];
    expect(rules(nameless)).toEqual(['record-subject']);
    expect(readBundle(null)).toMatchObject({ ok: false });
  });

  test('a record from this very council is refused; from another, or one that gives no code, it is not', () => {
    const f = facts(bundle());
    expect(transferRefusal(f, { gssCode: 'E06000016' })).toBe('same-area');
    expect(transferRefusal(f, { gssCode: 'W06000015' })).toBeNull();
    expect(transferRefusal({ ...f, senderGssCode: null }, { gssCode: 'E06000016' })).toBeNull();
  });
});

describe('a record in words', () => {
  test('each section in the Composition’s order, each resource described', () => {
    const parts = normaliseRecord(bundle());
    expect(parts.map((p) => p.section)).toEqual([
      'person',
      'employment',
      'goals-and-plan',
      'referrals',
      'appointments',
      'consents',
      'guarantees',
      'access-to-work',
      'onward-referrals',
    ]);
    expect(parts[0]).toMatchObject({ title: 'The person', items: [{ type: 'Patient', title: 'Rhian Evans' }, { type: 'Observation' }] });
    expect(parts.at(-1)).toEqual({ section: 'onward-referrals', title: 'Onward referrals to local services', items: [] });
    expect(normaliseRecord('x')).toEqual([]);
    expect(normaliseRecord({ entry: [] })).toEqual([]);
  });

  test('a reference that does not resolve is left out rather than shown empty', () => {
    const b = bundle();
    const sections = first(b, 'Composition').section as Json[];
    (sections[0] as Json).entry = [{ reference: 'urn:uuid:nowhere' }];
    expect(normaliseRecord(b)[0]?.items).toEqual([]);
    (sections[0] as Json).code = undefined;
    (sections[0] as Json).title = undefined;
    expect(normaliseRecord(b)[0]).toMatchObject({ section: '', title: '' });
  });

  test('the person, a job, a goal, a plan, a referral, its Task and case, an appointment, a consent', () => {
    expect(
      describeResource({
        resourceType: 'Patient',
        name: [{ given: ['Alex'], family: 'Morgan' }],
        birthDate: '1988-04-12',
        identifier: [{ value: '9434765919' }],
        address: [{ postalCode: 'LE1 6ZG' }],
        telecom: [{ system: 'email', value: 'a@example.com' }],
      }),
    ).toEqual({
      type: 'Patient',
      title: 'Alex Morgan',
      details: ['birthDate: 1988-04-12', 'nhsNumber: 9434765919', 'postcode: LE1 6ZG', 'telecom: ["email a@example.com"]'],
    });
    expect(describeResource({ resourceType: 'Patient' })).toEqual({ type: 'Patient', title: '', details: ['telecom: []'] });
    expect(
      describeResource({
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ code: '11341-5', display: 'History of Occupation' }] },
        valueCodeableConcept: { text: 'Library assistant' },
        effectivePeriod: { start: '2026-12-01' },
        component: [
          { code: { coding: [{ code: 'employer' }] }, valueString: 'City Library' },
          { code: { text: 'Hours per week' }, valueQuantity: { value: 16, unit: 'hours a week' } },
          { code: { text: 'Paid' }, valueBoolean: true },
          { code: { text: 'Count' }, valueInteger: 0 },
        ],
      }),
    ).toEqual({
      type: 'Observation',
      title: 'History of Occupation',
      details: [
        'status: Final',
        'value: Library assistant',
        'when: 2026-12-01 –',
        'employer: City Library',
        'Hours per week: 16 hours a week',
        'Paid: true',
        'Count: 0',
      ],
    });
    expect(
      describeResource({ resourceType: 'Observation', code: { text: 'x' }, effectiveDateTime: '2026-12-01', valueQuantity: { value: 2 } }).details,
    ).toEqual(['value: 2', 'when: 2026-12-01']);
    expect(describeResource({ resourceType: 'Observation', code: {}, effectivePeriod: { end: '2027-01-01' } })).toEqual({
      type: 'Observation',
      title: '',
      details: ['when: – 2027-01-01'],
    });
    expect(describeResource({ resourceType: 'Observation', code: 'x' }).title).toBe('');
    expect(
      describeResource({ resourceType: 'Goal', description: { text: 'Library work' }, lifecycleStatus: 'on-hold', target: [{ dueDate: '2027-01-31' }] }),
    ).toEqual({
      type: 'Goal',
      title: 'Library work',
      details: ['status: On hold', 'due: 2027-01-31'],
    });
    expect(
      describeResource({
        resourceType: 'CarePlan',
        title: 'Action plan',
        activity: [{ detail: { description: 'Visit the library', status: 'not-started' } }, {}],
      }),
    ).toEqual({ type: 'CarePlan', title: 'Action plan', details: ['Visit the library (Not started)', ' ()'] });
    expect(describeResource({ resourceType: 'CarePlan' })).toEqual({ type: 'CarePlan', title: 'Plan', details: [] });
    expect(
      describeResource({
        resourceType: 'ServiceRequest',
        code: { text: 'Employment support' },
        status: 'active',
        authoredOn: '2026-11-20T10:00:00.000Z',
        reasonCode: [{ text: 'Back pain' }, { coding: [{ code: 'low-mood' }] }],
        patientInstruction: 'Flexible hours',
      }),
    ).toEqual({
      type: 'ServiceRequest',
      title: 'Employment support',
      details: ['status: Active', 'authoredOn: 2026-11-20T10:00:00.000Z', 'reason: Back pain; low-mood', 'help wanted: Flexible hours'],
    });
    expect(
      describeResource({
        resourceType: 'Task',
        identifier: [{ value: 'BW-1' }],
        status: 'in-progress',
        businessStatus: { coding: [{ code: 'job-start', display: 'Job start' }] },
        note: [{ time: '2026-12-01T10:00:00.000Z', text: 'Phase: Engagement → Job search' }],
      }),
    ).toEqual({
      type: 'Task',
      title: 'BW-1',
      details: ['status: In progress', 'milestone: Job start', '2026-12-01T10:00:00.000Z Phase: Engagement → Job search'],
    });
    expect(describeResource({ resourceType: 'Task' }).title).toBe('Referral');
    expect(
      describeResource({
        resourceType: 'EpisodeOfCare',
        type: [{ text: 'Employment support' }],
        status: 'active',
        period: { start: '2026-11-21T10:00:00.000Z' },
      }),
    ).toEqual({ type: 'EpisodeOfCare', title: 'Employment support', details: ['status: Active', 'period: 2026-11-21T10:00:00.000Z –'] });
    expect(describeResource({ resourceType: 'EpisodeOfCare' })).toEqual({ type: 'EpisodeOfCare', title: '', details: [] });
    expect(
      describeResource({ resourceType: 'Appointment', start: '2026-12-30T11:00:00.000Z', status: 'noshow', description: 'Library', comment: 'Ill' }),
    ).toEqual({
      type: 'Appointment',
      title: '2026-12-30T11:00:00.000Z',
      details: ['status: Noshow', 'place: Library', 'note: Ill'],
    });
    expect(describeResource({ resourceType: 'Appointment' }).title).toBe('');
    expect(
      describeResource({
        resourceType: 'Consent',
        dateTime: '2026-11-20',
        status: 'active',
        provision: { code: [{ coding: [{ code: 'a', display: 'Share with employment team' }] }, { text: 'Contact employers' }] },
      }),
    ).toEqual({ type: 'Consent', title: '2026-11-20', details: ['status: Active', 'permits: Share with employment team, Contact employers'] });
    expect(describeResource({ resourceType: 'Consent' })).toEqual({ type: 'Consent', title: '', details: [] });
    expect(describeResource({ resourceType: 'Organization', name: 'Leicester City Council' })).toEqual({
      type: 'Organization',
      title: 'Leicester City Council',
      details: [],
    });
    expect(describeResource({ resourceType: 'Provenance' })).toEqual({ type: 'Provenance', title: 'Provenance', details: [] });
  });

  test('codes are spoken, text is left alone', () => {
    expect(describeResource({ resourceType: 'Goal', description: {}, lifecycleStatus: 'active' }).details).toEqual(['status: Active']);
    expect(describeResource({ resourceType: 'Appointment', status: 'booked', description: 'Room 2-B', comment: 'Bring ID' }).details).toEqual([
      'status: Booked',
      'place: Room 2-B',
      'note: Bring ID',
    ]);
    expect(describeResource({ resourceType: 'Appointment', description: 'the-library' }).details).toEqual(['place: The library']);
  });
});
