import { type FhirIssue, validateDocumentBundle } from '../../platform/fhir/index.ts';

/**
 * What a receiving team needs from a person's record Bundle before taking it in (ADR 0048): it
 * passes the R4 structure check and the document rules, says where it came from (meta.source and
 * the custodian), who it is about (the Composition's subject, a Patient), and carries the person's
 * consent to the move. Pure: the service does the writing.
 */

type Json = Record<string, unknown>;
type Entry = { fullUrl: string; resource: Json };

/** Where a record came from and who it is about, read from a Bundle that passed the checks. */
export type BundleFacts = {
  source: string;
  identifier: string;
  asOf: string;
  senderName: string;
  senderGssCode: string | null;
  personName: string;
  dateOfBirth: string | null;
  nhsNumber: string | null;
  /** True when the Bundle carries an active consent to the transfer (a Bundle sent as a transfer does). */
  transferConsent: boolean;
};

export const GSS_SYSTEM = 'https://bridgework.org.uk/fhir/Id/gss-code';
const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
const TRANSFER_SCOPE = 'transfer-record';

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The resource a reference points at, inside the Bundle. */
function resolve(entries: readonly Entry[], ref: unknown): Json | null {
  const target = isObject(ref) ? str(ref.reference) : null;
  return target ? (entries.find((e) => e.fullUrl === target)?.resource ?? null) : null;
}

/** The Bundle's facts, or every reason it cannot be taken in (each naming the rule it breaks). */
export function readBundle(bundle: unknown): { ok: true; facts: BundleFacts } | { ok: false; issues: FhirIssue[] } {
  const issues = validateDocumentBundle(bundle);
  if (issues.length > 0) return { ok: false, issues };
  const b = bundle as Json;
  const entries = list(b.entry) as Entry[];
  const composition = entries[0]?.resource as Json;
  const refusals: FhirIssue[] = [];
  const source = isObject(b.meta) ? str(b.meta.source) : null;
  if (!source) refusals.push({ path: 'Bundle.meta.source', rule: 'record-source', message: 'the Bundle does not say which installation sent it' });
  const patient = resolve(entries, composition.subject);
  if (patient?.resourceType !== 'Patient')
    refusals.push({ path: 'Composition.subject', rule: 'record-subject', message: 'the record is not about a person (a Patient)' });
  const custodian = resolve(entries, composition.custodian);
  if (custodian?.resourceType !== 'Organization' || !str(custodian.name))
    refusals.push({ path: 'Composition.custodian', rule: 'record-custodian', message: 'the record does not say which organisation held it' });
  if (refusals.length > 0 || !patient || !custodian || !source) return { ok: false, issues: refusals };
  const identifier = b.identifier as Json;
  const name = list(patient.name)[0] ?? {};
  const given = Array.isArray(name.given) ? name.given.filter((g): g is string => typeof g === 'string') : [];
  const personName = [...given, str(name.family)].filter((p): p is string => p !== null).join(' ') || str(name.text) || '';
  if (personName === '') return { ok: false, issues: [{ path: 'Patient.name', rule: 'record-subject', message: 'the person has no name' }] };
  const nhs = list(patient.identifier).find((i) => i.system === NHS_NUMBER_SYSTEM);
  const gss = list(custodian.identifier).find((i) => i.system === GSS_SYSTEM);
  return {
    ok: true,
    facts: {
      source,
      identifier: `${String(identifier.system)}|${String(identifier.value)}`,
      asOf: String(b.timestamp),
      senderName: String(custodian.name),
      senderGssCode: str(gss?.value),
      personName,
      dateOfBirth: str(patient.birthDate),
      nhsNumber: nhs ? str(nhs.value) : null,
      transferConsent: entries.some((e) => isTransferConsent(e.resource)),
    },
  };
}

function isTransferConsent(r: Json): boolean {
  if (r.resourceType !== 'Consent' || r.status !== 'active' || !isObject(r.provision) || r.provision.type !== 'permit') return false;
  return list(r.provision.code).some((c) => list(c.coding).some((k) => k.code === TRANSFER_SCOPE));
}

/**
 * Why a record cannot be taken in here although it is well formed: it came from this very local
 * authority (a transfer is between areas; the team already holds the record).
 */
export function transferRefusal(facts: BundleFacts, receiver: { gssCode: string }): 'same-area' | null {
  return facts.senderGssCode !== null && facts.senderGssCode === receiver.gssCode ? 'same-area' : null;
}

/** One line of a normalised record: a resource in words a reader of any system could check. */
export type RecordItem = { type: string; title: string; details: string[] };
export type RecordPart = { section: string; title: string; items: RecordItem[] };

const conceptText = (c: unknown): string => {
  if (!isObject(c)) return '';
  const coding = list(c.coding)[0];
  return str(c.text) ?? str(coding?.display) ?? str(coding?.code) ?? '';
};

const periodText = (p: unknown): string => (isObject(p) ? `${str(p.start) ?? ''} – ${str(p.end) ?? ''}`.trim() : '');

function valueText(holder: Json, stem: string): string {
  for (const [key, v] of Object.entries(holder)) {
    if (!key.startsWith(stem) || key === stem) continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (isObject(v) && 'value' in v) return `${String(v.value)} ${str(v.unit) ?? ''}`.trim();
    if (isObject(v) && ('start' in v || 'end' in v)) return periodText(v);
    if (isObject(v)) return conceptText(v);
  }
  return '';
}

/** A FHIR code in words for the page ("not-started" → "Not started"); text is left as it is. */
const spoken = (v: unknown) =>
  typeof v === 'string' && /^[a-z]+(-[a-z0-9]+)+$|^[a-z]+$/.test(v) ? `${v.charAt(0).toUpperCase()}${v.slice(1).replaceAll('-', ' ')}` : v;

/** One resource in words: a title and its facts, the same however the JSON was laid out. */
export function describeResource(r: Json): RecordItem {
  const type = String(r.resourceType);
  const details = (pairs: [string, unknown][]) =>
    pairs
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => `${k}: ${typeof v === 'string' ? String(spoken(v)) : JSON.stringify(v)}`);
  switch (type) {
    case 'Patient': {
      const name = list(r.name)[0] ?? {};
      const address = list(r.address)[0] ?? {};
      return {
        type,
        title: [...(Array.isArray(name.given) ? name.given : []), name.family].join(' '),
        details: details([
          ['birthDate', r.birthDate],
          ['nhsNumber', list(r.identifier)[0]?.value],
          ['postcode', address.postalCode],
          ['telecom', list(r.telecom).map((t) => `${String(t.system)} ${String(t.value)}`)],
        ]),
      };
    }
    case 'Observation':
      return {
        type,
        title: conceptText(r.code),
        details: [
          ...details([
            ['status', r.status],
            ['value', valueText(r, 'value')],
            ['when', valueText(r, 'effective')],
          ]),
          ...list(r.component).map((c) => `${conceptText(c.code)}: ${valueText(c, 'value')}`),
        ],
      };
    case 'Goal':
      return {
        type,
        title: conceptText(r.description),
        details: details([
          ['status', r.lifecycleStatus],
          ['due', list(r.target)[0]?.dueDate],
        ]),
      };
    case 'CarePlan':
      return {
        type,
        title: str(r.title) ?? 'Plan',
        details: list(r.activity).map((a) => {
          const d = isObject(a.detail) ? a.detail : {};
          return `${String(d.description ?? '')} (${String(spoken(d.status ?? ''))})`;
        }),
      };
    case 'ServiceRequest':
      return {
        type,
        title: conceptText(r.code),
        details: details([
          ['status', r.status],
          ['authoredOn', r.authoredOn],
          ['reason', list(r.reasonCode).map(conceptText).join('; ')],
          ['help wanted', r.patientInstruction],
        ]),
      };
    case 'Task':
      return {
        type,
        title: list(r.identifier)[0]?.value ? String(list(r.identifier)[0]?.value) : 'Referral',
        details: [
          ...details([
            ['status', r.status],
            ['milestone', conceptText(r.businessStatus)],
          ]),
          ...list(r.note).map((n) => `${String(n.time)} ${String(n.text)}`),
        ],
      };
    case 'EpisodeOfCare':
      return {
        type,
        title: conceptText(list(r.type)[0]),
        details: details([
          ['status', r.status],
          ['period', periodText(r.period)],
        ]),
      };
    case 'Appointment':
      return {
        type,
        title: String(r.start ?? ''),
        details: details([
          ['status', r.status],
          ['place', r.description],
          ['note', r.comment],
        ]),
      };
    case 'Consent':
      return {
        type,
        title: String(r.dateTime ?? ''),
        details: details([
          ['status', r.status],
          ['permits', isObject(r.provision) ? list(r.provision.code).map(conceptText).join(', ') : ''],
        ]),
      };
    default:
      return { type, title: str(r.name) ?? type, details: [] };
  }
}

/**
 * A record Bundle in a normal form: each Composition section with its resources in words, in the
 * order the Composition lists them. Two Bundles with the same normal form hold the same record,
 * whatever their ids, fullUrls or layout: this is what the receiving team is shown, and what the
 * tests compare across tenants.
 */
export function normaliseRecord(bundle: unknown): RecordPart[] {
  if (!isObject(bundle)) return [];
  const entries = list(bundle.entry) as Entry[];
  const composition = entries[0]?.resource;
  if (!composition) return [];
  return list(composition.section).map((s) => ({
    section: isObject(s.code) ? (str(list(s.code.coding)[0]?.code) ?? '') : '',
    title: str(s.title) ?? '',
    items: list(s.entry)
      .map((ref) => resolve(entries, ref))
      .filter((r): r is Json => r !== null)
      .map(describeResource),
  }));
}
