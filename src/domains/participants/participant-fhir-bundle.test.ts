import { describe, expect, test } from 'vitest';
import { held, record } from '../../../test/support/participant-record.ts';
import { validateDocumentBundle } from '../../platform/fhir/index.ts';
import { buildExport, type ParticipantExport } from './participant-export.ts';
import { buildRecordBundle, derivedUuid, RECORD_SECTIONS, recordAsOf } from './participant-fhir-bundle.ts';

type Json = Record<string, unknown>;
type Entry = { fullUrl: string; resource: Json };
const source = { baseUrl: 'https://bridgework.example', tenantId: '0a000000-0000-7000-8000-000000000001', tenantName: 'Leicester', gssCode: 'E06000016' };
const who = { participantId: '0b000000-0000-7000-8000-000000000001' };
const extras: Partial<ParticipantExport> = {
  accessToWork: [
    {
      id: '0c000000-0000-7000-8000-000000000001',
      status: 'issued',
      assessedOn: '2026-11-12',
      validFrom: '2026-11-12',
      validUntil: '2027-05-12',
      yearlyAmount: 2400,
      job: null,
      verificationCode: 'AW-2QK7-M3PX-9D4R',
      updatedAt: '2026-11-12T10:00:00.000Z',
    },
  ],
  onwardReferrals: [
    {
      id: '0d000000-0000-7000-8000-000000000001',
      service: 'Debt advice',
      status: 'completed',
      need: 'Rent arrears',
      sentAt: '2026-11-05T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
      outcome: 'Payment plan agreed',
    },
  ],
  workProfile: {
    occupationsWanted: ['Library assistant'],
    occupationsExcluded: [],
    minHours: 10,
    maxHours: 20,
    maxTravelKm: 8,
    payFloorHourly: 12.21,
    adjustmentsNeeded: ['flexible-start'],
    updatedAt: '2026-11-04T10:00:00.000Z',
  },
};
const exported = (): ParticipantExport => ({ ...buildExport(record({ sections: held }), new Date('2026-12-01T09:00:00Z')), ...extras });
const bundle = () => buildRecordBundle(exported(), who, source);
const entries = (b: Json) => b.entry as Entry[];
const ofType = (b: Json, type: string) => entries(b).filter((e) => e.resource.resourceType === type);

describe('the record as a FHIR document Bundle', () => {
  test('passes the R4 structure check and the document rules', () => {
    expect(validateDocumentBundle(bundle())).toEqual([]);
  });

  test('a Composition first, with every section, each entry resolving in the Bundle', () => {
    const b = bundle();
    const composition = (entries(b)[0] as Entry).resource as Json & { section: { code: { coding: { code: string }[] }; entry?: { reference: string }[] }[] };
    expect(composition.resourceType).toBe('Composition');
    expect(composition.section.map((s) => s.code.coding[0]?.code)).toEqual([...RECORD_SECTIONS]);
    const urls = new Set(entries(b).map((e) => e.fullUrl));
    for (const s of composition.section) for (const e of s.entry ?? []) expect(urls.has(e.reference)).toBe(true);
    expect(composition.section.every((s) => (s.entry ?? []).length > 0)).toBe(true);
  });

  test('holds the person, their jobs on ODH lines, goals, the referral, appointments, consents, guarantee, decision and onward referral', () => {
    const b = bundle();
    const codes = ofType(b, 'Observation').map((e) => (e.resource.code as { coding: { code: string }[] }).coding[0]?.code);
    expect(codes).toEqual(
      expect.arrayContaining(['67875-5', '11341-5', 'bridge-back-guarantee', 'benefit-before-work', 'access-to-work-decision-in-principle', 'work-profile']),
    );
    const patient = ofType(b, 'Patient')[0]?.resource as Json;
    expect(patient.meta).toEqual({ profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient'] });
    expect(ofType(b, 'Goal')).toHaveLength(1);
    expect(ofType(b, 'CarePlan')).toHaveLength(1);
    expect(ofType(b, 'Task')).toHaveLength(1);
    expect(ofType(b, 'ServiceRequest')).toHaveLength(2);
    expect(ofType(b, 'Appointment')).toHaveLength(1);
    expect(ofType(b, 'Consent').length).toBeGreaterThanOrEqual(2);
    const provenance = entries(b).at(-1)?.resource as Json & { target: unknown[] };
    expect(provenance.resourceType).toBe('Provenance');
    expect(provenance.target.length).toBe(
      entries(b).filter((e) => !['Organization', 'Composition', 'Provenance'].includes(String(e.resource.resourceType))).length,
    );
  });

  test('a re-export of the same record is identical, fullUrls and all; another tenant’s ids differ', () => {
    expect(JSON.stringify(bundle())).toBe(JSON.stringify(bundle()));
    const other = buildRecordBundle(exported(), who, { ...source, tenantId: '0a000000-0000-7000-8000-000000000002' });
    expect(entries(other)[1]?.fullUrl).not.toBe(entries(bundle())[1]?.fullUrl);
    expect(bundle().timestamp).toBe(recordAsOf(exported()));
  });

  test('every fullUrl is a urn:uuid, and derived uuids have the version-8 layout', () => {
    for (const e of entries(bundle())) expect(e.fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedUuid('a')).toBe(derivedUuid('a'));
    expect(derivedUuid('a')).not.toBe(derivedUuid('b'));
  });

  test('a transfer carries the person’s consent to it and says where the record went', () => {
    const transfer = {
      id: '0e000000-0000-7000-8000-000000000001',
      at: '2026-12-02T10:00:00.000Z',
      destination: 'Cardiff',
      consent: { givenOn: '2026-12-01', method: 'verbal', recordedBy: 'Sam Okafor' },
    };
    const b = buildRecordBundle(exported(), who, source, transfer);
    expect(validateDocumentBundle(b)).toEqual([]);
    expect(b.identifier).toEqual({ system: 'https://bridgework.org.uk/fhir/Id/record-bundle', value: `urn:uuid:${transfer.id}` });
    expect(JSON.stringify(b)).toContain('transfer-record');
    expect(JSON.stringify(b)).toContain('Sent to Cardiff');
  });

  test('an empty section says so rather than being left out', () => {
    const b = buildRecordBundle({ ...exported(), accessToWork: [], onwardReferrals: [] }, who, source);
    expect(validateDocumentBundle(b)).toEqual([]);
    const sections = ((entries(b)[0] as Entry).resource as { section: Json[] }).section;
    expect(sections.find((s) => s.title === 'Onward referrals to local services')).toMatchObject({ emptyReason: { coding: [{ code: 'nilknown' }] } });
  });
});

/** Each broken Bundle, the rule it breaks: the check must find exactly that rule. */
const first = (b: Json, type: string) => (ofType(b, type)[0] as Entry).resource;
const set = (target: Json, key: string, value: unknown) => {
  target[key] = value;
};
const unset = (target: Json, key: string) => {
  delete target[key];
};
const broken: [string, string, (b: Json) => void][] = [
  ['not a document', 'document', (b) => set(b, 'type', 'collection')],
  ['an unknown Bundle type', 'binding', (b) => set(b, 'type', 'pile')],
  ['no identifier', 'bdl-9', (b) => unset(b, 'identifier')],
  ['an identifier without a system', 'bdl-9', (b) => set(b, 'identifier', { value: 'x' })],
  ['no timestamp', 'bdl-10', (b) => unset(b, 'timestamp')],
  ['a timestamp without a time zone', 'datatype', (b) => set(b, 'timestamp', '2026-12-01T10:00:00')],
  ['the Composition not first', 'bdl-11', (b) => entries(b).reverse()],
  ['a fullUrl twice', 'bdl-7', (b) => set(entries(b)[2] as Json, 'fullUrl', (entries(b)[1] as Entry).fullUrl)],
  ['an entry with no fullUrl', 'document', (b) => unset(entries(b)[1] as Json, 'fullUrl')],
  [
    'a dangling reference',
    'document-reference',
    (b) => set(first(b, 'Composition'), 'subject', { reference: 'urn:uuid:00000000-0000-4000-8000-000000000000' }),
  ],
  ['a Composition with no title', 'cardinality', (b) => unset(first(b, 'Composition'), 'title')],
  ['a Composition with an unknown status', 'binding', (b) => set(first(b, 'Composition'), 'status', 'done')],
  ['a Composition author that is not a list', 'cardinality', (b) => set(first(b, 'Composition'), 'author', { display: 'x' })],
  ['a Patient birth date in the wrong form', 'datatype', (b) => set(first(b, 'Patient'), 'birthDate', '01/02/1990')],
  ['an element R4 does not have', 'unknown-element', (b) => set(first(b, 'Patient'), 'shoeSize', 9)],
  ['a Goal with no description', 'cardinality', (b) => unset(first(b, 'Goal'), 'description')],
  ['an Observation with no code', 'cardinality', (b) => unset(first(b, 'Observation'), 'code')],
  ['an Observation with two values', 'choice', (b) => set(first(b, 'Observation'), 'valueBoolean', true)],
  ['an Appointment with a start and no end', 'app-2', (b) => unset(first(b, 'Appointment'), 'end')],
  ['an Appointment with no participant', 'cardinality', (b) => unset(first(b, 'Appointment'), 'participant')],
  ['a Consent with no policy', 'ppc-1', (b) => unset(first(b, 'Consent'), 'policyRule')],
  ['a Task with no intent', 'cardinality', (b) => unset(first(b, 'Task'), 'intent')],
  ['a Provenance with no agent', 'cardinality', (b) => unset(first(b, 'Provenance'), 'agent')],
  ['an empty string', 'datatype', (b) => set(first(b, 'Patient'), 'name', [{ family: '' }])],
  ['an empty list', 'ele-1', (b) => set(first(b, 'Goal'), 'note', [])],
  ['a section with entries and an empty reason', 'cmp-2', (b) => set((first(b, 'Composition').section as Json[])[0] as Json, 'emptyReason', { text: 'none' })],
  ['an entry with a search', 'bdl-2', (b) => set(entries(b)[1] as Json, 'search', { mode: 'match' })],
  ['a resource type this check does not know', 'resource-type', (b) => set(entries(b)[1] as Json, 'resource', { resourceType: 'Spaceship' })],
];

describe('the structure check refuses broken bundles', () => {
  test.each(broken)('%s (%s)', (_name, rule, breakIt) => {
    const b = structuredClone(bundle());
    breakIt(b);
    const issues = validateDocumentBundle(b);
    expect(issues.map((i) => i.rule)).toContain(rule);
  });

  test('something that is not a Bundle at all', () => {
    expect(validateDocumentBundle({ resourceType: 'Patient' }).length).toBeGreaterThan(0);
    expect(validateDocumentBundle('text')[0]?.rule).toBe('json.html');
    expect(validateDocumentBundle(null).length).toBeGreaterThan(0);
  });
});
