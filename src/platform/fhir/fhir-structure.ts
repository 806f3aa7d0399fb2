/**
 * The parts of the FHIR R4 (4.0.1) base specification the structure check reads: data types with
 * their lexical rules, and the resources Bridgework writes, with each element's cardinality, type
 * and, where the binding is `required`, its codes. Written from the specification's own pages
 * (https://hl7.org/fhir/R4/datatypes.html and each resource's "Resource Content" table, for
 * example https://hl7.org/fhir/R4/composition.html), not generated: only what Bridgework uses is
 * here, and a resource or element not listed is reported, not passed over.
 */

/** Primitive types with the regular expressions R4 gives them (datatypes.html). */
export const PRIMITIVES = {
  boolean: (v: unknown) => typeof v === 'boolean',
  integer: (v: unknown) => Number.isInteger(v),
  positiveInt: (v: unknown) => Number.isInteger(v) && (v as number) > 0,
  unsignedInt: (v: unknown) => Number.isInteger(v) && (v as number) >= 0,
  decimal: (v: unknown) => typeof v === 'number' && Number.isFinite(v),
  string: (v: unknown) => typeof v === 'string' && /^[\s\S]+$/.test(v) && v.trim() !== '',
  markdown: (v: unknown) => typeof v === 'string' && v.trim() !== '',
  code: (v: unknown) => typeof v === 'string' && /^[^\s]+( [^\s]+)*$/.test(v),
  id: (v: unknown) => typeof v === 'string' && /^[A-Za-z0-9\-.]{1,64}$/.test(v),
  uri: (v: unknown) => typeof v === 'string' && /^\S+$/.test(v),
  date: (v: unknown) => typeof v === 'string' && /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(v),
  dateTime: (v: unknown) =>
    typeof v === 'string' &&
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/.test(v),
  instant: (v: unknown) =>
    typeof v === 'string' &&
    /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/.test(v),
  xhtml: (v: unknown) => typeof v === 'string' && /^<div[\s>][\s\S]*<\/div>$/.test(v),
} as const;
export type Primitive = keyof typeof PRIMITIVES;

/** One element: its type (or the types a choice `x[x]` may take), cardinality and required codes. */
export type ElementDef = {
  type: readonly string[];
  min: 0 | 1;
  max: 1 | '*';
  codes?: readonly string[];
  /** An element defined inline (BackboneElement): its own elements. */
  children?: Readonly<Record<string, ElementDef>>;
};
export type TypeDef = Readonly<Record<string, ElementDef>>;

const el = (type: string | readonly string[], min: 0 | 1, max: 1 | '*', extra: Partial<ElementDef> = {}): ElementDef => ({
  type: typeof type === 'string' ? [type] : type,
  min,
  max,
  ...extra,
});
const opt = (type: string | readonly string[]) => el(type, 0, 1);
const many = (type: string | readonly string[]) => el(type, 0, '*');
const one = (type: string | readonly string[]) => el(type, 1, 1);
const coded = (min: 0 | 1, codes: readonly string[]) => el('code', min, 1, { codes });
const backbone = (min: 0 | 1, max: 1 | '*', children: Record<string, ElementDef>) => el('BackboneElement', min, max, { children });

/** Elements every Element has (extension), and every BackboneElement (modifierExtension). */
const ELEMENT: TypeDef = { id: opt('string'), extension: many('Extension') };
const BACKBONE: TypeDef = { ...ELEMENT, modifierExtension: many('Extension') };

/** Complex data types used (datatypes.html, metadatatypes.html, references.html, narrative.html). */
export const DATA_TYPES: Readonly<Record<string, TypeDef>> = {
  Extension: {
    ...ELEMENT,
    url: one('uri'),
    'value[x]': opt(['string', 'boolean', 'code', 'date', 'dateTime', 'integer', 'decimal', 'uri', 'Reference', 'CodeableConcept', 'Period']),
  },
  Coding: { ...ELEMENT, system: opt('uri'), version: opt('string'), code: opt('code'), display: opt('string'), userSelected: opt('boolean') },
  CodeableConcept: { ...ELEMENT, coding: many('Coding'), text: opt('string') },
  Identifier: {
    ...ELEMENT,
    use: coded(0, ['usual', 'official', 'temp', 'secondary', 'old']),
    type: opt('CodeableConcept'),
    system: opt('uri'),
    value: opt('string'),
    period: opt('Period'),
    assigner: opt('Reference'),
  },
  Reference: { ...ELEMENT, reference: opt('string'), type: opt('uri'), identifier: opt('Identifier'), display: opt('string') },
  Period: { ...ELEMENT, start: opt('dateTime'), end: opt('dateTime') },
  Quantity: { ...ELEMENT, value: opt('decimal'), comparator: coded(0, ['<', '<=', '>=', '>']), unit: opt('string'), system: opt('uri'), code: opt('code') },
  HumanName: {
    ...ELEMENT,
    use: coded(0, ['usual', 'official', 'temp', 'nickname', 'anonymous', 'old', 'maiden']),
    text: opt('string'),
    family: opt('string'),
    given: many('string'),
    prefix: many('string'),
    suffix: many('string'),
    period: opt('Period'),
  },
  Address: {
    ...ELEMENT,
    use: coded(0, ['home', 'work', 'temp', 'old', 'billing']),
    type: coded(0, ['postal', 'physical', 'both']),
    text: opt('string'),
    line: many('string'),
    city: opt('string'),
    district: opt('string'),
    state: opt('string'),
    postalCode: opt('string'),
    country: opt('string'),
    period: opt('Period'),
  },
  ContactPoint: {
    ...ELEMENT,
    system: coded(0, ['phone', 'fax', 'email', 'pager', 'url', 'sms', 'other']),
    value: opt('string'),
    use: coded(0, ['home', 'work', 'temp', 'old', 'mobile']),
    rank: opt('positiveInt'),
    period: opt('Period'),
  },
  Annotation: { ...ELEMENT, 'author[x]': opt(['Reference', 'string']), time: opt('dateTime'), text: one('markdown') },
  Meta: {
    ...ELEMENT,
    versionId: opt('id'),
    lastUpdated: opt('instant'),
    source: opt('uri'),
    profile: many('uri'),
    security: many('Coding'),
    tag: many('Coding'),
  },
  Narrative: { ...ELEMENT, status: coded(1, ['generated', 'extensions', 'additional', 'empty']), div: one('xhtml') },
};

const DOMAIN_RESOURCE: TypeDef = {
  id: opt('id'),
  meta: opt('Meta'),
  implicitRules: opt('uri'),
  language: opt('code'),
  text: opt('Narrative'),
  contained: many('Resource'),
  extension: many('Extension'),
  modifierExtension: many('Extension'),
};

const REQUEST_INTENTS = ['proposal', 'plan', 'directive', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option'];
const PRIORITIES = ['routine', 'urgent', 'asap', 'stat'];
/** Every R4 TaskStatus (task.html). */
export const TASK_STATUSES: readonly string[] = [
  'draft',
  'requested',
  'received',
  'accepted',
  'rejected',
  'ready',
  'cancelled',
  'in-progress',
  'on-hold',
  'failed',
  'completed',
  'entered-in-error',
];

/** The resources Bridgework writes, each as in its R4 page's content table. */
export const RESOURCES: Readonly<Record<string, TypeDef>> = {
  // bundle.html
  Bundle: {
    id: opt('id'),
    meta: opt('Meta'),
    implicitRules: opt('uri'),
    language: opt('code'),
    identifier: opt('Identifier'),
    type: coded(1, ['document', 'message', 'transaction', 'transaction-response', 'batch', 'batch-response', 'history', 'searchset', 'collection']),
    timestamp: opt('instant'),
    total: opt('unsignedInt'),
    link: many('BackboneElement'),
    entry: backbone(0, '*', {
      ...BACKBONE,
      link: many('BackboneElement'),
      fullUrl: opt('uri'),
      resource: opt('Resource'),
      search: opt('BackboneElement'),
      request: opt('BackboneElement'),
      response: opt('BackboneElement'),
    }),
    signature: opt('BackboneElement'),
  },
  // composition.html
  Composition: {
    ...DOMAIN_RESOURCE,
    identifier: opt('Identifier'),
    status: coded(1, ['preliminary', 'final', 'amended', 'entered-in-error']),
    type: one('CodeableConcept'),
    category: many('CodeableConcept'),
    subject: opt('Reference'),
    encounter: opt('Reference'),
    date: one('dateTime'),
    author: el('Reference', 1, '*'),
    title: one('string'),
    confidentiality: opt('code'),
    custodian: opt('Reference'),
    section: backbone(0, '*', {
      ...BACKBONE,
      title: opt('string'),
      code: opt('CodeableConcept'),
      author: many('Reference'),
      focus: opt('Reference'),
      text: opt('Narrative'),
      mode: coded(0, ['working', 'snapshot', 'changes']),
      orderedBy: opt('CodeableConcept'),
      entry: many('Reference'),
      emptyReason: opt('CodeableConcept'),
    }),
  },
  // patient.html
  Patient: {
    ...DOMAIN_RESOURCE,
    identifier: many('Identifier'),
    active: opt('boolean'),
    name: many('HumanName'),
    telecom: many('ContactPoint'),
    gender: coded(0, ['male', 'female', 'other', 'unknown']),
    birthDate: opt('date'),
    address: many('Address'),
    communication: backbone(0, '*', { ...BACKBONE, language: one('CodeableConcept'), preferred: opt('boolean') }),
  },
  // organization.html (org-1: an identifier or a name)
  Organization: { ...DOMAIN_RESOURCE, identifier: many('Identifier'), active: opt('boolean'), type: many('CodeableConcept'), name: opt('string') },
  // observation.html
  Observation: {
    ...DOMAIN_RESOURCE,
    identifier: many('Identifier'),
    status: coded(1, ['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown']),
    category: many('CodeableConcept'),
    code: one('CodeableConcept'),
    subject: opt('Reference'),
    focus: many('Reference'),
    'effective[x]': opt(['dateTime', 'Period', 'instant']),
    issued: opt('instant'),
    performer: many('Reference'),
    'value[x]': opt(['Quantity', 'CodeableConcept', 'string', 'boolean', 'integer', 'dateTime', 'Period']),
    note: many('Annotation'),
    derivedFrom: many('Reference'),
    component: backbone(0, '*', {
      ...BACKBONE,
      code: one('CodeableConcept'),
      'value[x]': opt(['Quantity', 'CodeableConcept', 'string', 'boolean', 'integer', 'dateTime', 'Period']),
    }),
  },
  // goal.html
  Goal: {
    ...DOMAIN_RESOURCE,
    identifier: many('Identifier'),
    lifecycleStatus: coded(1, ['proposed', 'planned', 'accepted', 'active', 'on-hold', 'completed', 'cancelled', 'entered-in-error', 'rejected']),
    achievementStatus: opt('CodeableConcept'),
    category: many('CodeableConcept'),
    description: one('CodeableConcept'),
    subject: one('Reference'),
    'start[x]': opt(['date', 'CodeableConcept']),
    target: backbone(0, '*', { ...BACKBONE, measure: opt('CodeableConcept'), 'due[x]': opt(['date']) }),
    statusDate: opt('date'),
    expressedBy: opt('Reference'),
    note: many('Annotation'),
  },
  // careplan.html
  CarePlan: {
    ...DOMAIN_RESOURCE,
    identifier: many('Identifier'),
    status: coded(1, ['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown']),
    intent: coded(1, ['proposal', 'plan', 'order', 'option']),
    category: many('CodeableConcept'),
    title: opt('string'),
    subject: one('Reference'),
    created: opt('dateTime'),
    goal: many('Reference'),
    activity: backbone(0, '*', {
      ...BACKBONE,
      detail: backbone(0, 1, {
        ...BACKBONE,
        kind: opt('code'),
        code: opt('CodeableConcept'),
        goal: many('Reference'),
        status: coded(1, ['not-started', 'scheduled', 'in-progress', 'on-hold', 'completed', 'cancelled', 'stopped', 'unknown', 'entered-in-error']),
        'scheduled[x]': opt(['Period', 'string']),
        performer: many('Reference'),
        description: opt('string'),
      }),
    }),
  },
  // servicerequest.html
  ServiceRequest: {
    ...DOMAIN_RESOURCE,
    identifier: many('Identifier'),
    basedOn: many('Reference'),
    status: coded(1, ['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown']),
    intent: coded(1, REQUEST_INTENTS),
    category: many('CodeableConcept'),
    priority: coded(0, PRIORITIES),
    code: opt('CodeableConcept'),
    orderDetail: many('CodeableConcept'),
    subject: one('Reference'),
    authoredOn: opt('dateTime'),
    requester: opt('Reference'),
    performer: many('Reference'),
    reasonCode: many('CodeableConcept'),
    supportingInfo: many('Reference'),
    note: many('Annotation'),
    patientInstruction: opt('string'),
  },
  // task.html
  Task: {
    ...DOMAIN_RESOURCE,
    identifier: many('Identifier'),
    basedOn: many('Reference'),
    status: coded(1, TASK_STATUSES),
    statusReason: opt('CodeableConcept'),
    businessStatus: opt('CodeableConcept'),
    intent: coded(1, ['unknown', ...REQUEST_INTENTS]),
    priority: coded(0, PRIORITIES),
    code: opt('CodeableConcept'),
    description: opt('string'),
    focus: opt('Reference'),
    for: opt('Reference'),
    authoredOn: opt('dateTime'),
    lastModified: opt('dateTime'),
    requester: opt('Reference'),
    owner: opt('Reference'),
    note: many('Annotation'),
    output: backbone(0, '*', { ...BACKBONE, type: one('CodeableConcept'), 'value[x]': el(['Reference', 'string', 'CodeableConcept'], 1, 1) }),
  },
  // episodeofcare.html
  EpisodeOfCare: {
    ...DOMAIN_RESOURCE,
    identifier: many('Identifier'),
    status: coded(1, ['planned', 'waitlist', 'active', 'onhold', 'finished', 'cancelled', 'entered-in-error']),
    type: many('CodeableConcept'),
    patient: one('Reference'),
    managingOrganization: opt('Reference'),
    period: opt('Period'),
    referralRequest: many('Reference'),
  },
  // appointment.html
  Appointment: {
    ...DOMAIN_RESOURCE,
    identifier: many('Identifier'),
    status: coded(1, ['proposed', 'pending', 'booked', 'arrived', 'fulfilled', 'cancelled', 'noshow', 'entered-in-error', 'checked-in', 'waitlist']),
    cancelationReason: opt('CodeableConcept'),
    serviceType: many('CodeableConcept'),
    appointmentType: opt('CodeableConcept'),
    description: opt('string'),
    start: opt('instant'),
    end: opt('instant'),
    minutesDuration: opt('positiveInt'),
    created: opt('dateTime'),
    comment: opt('string'),
    basedOn: many('Reference'),
    participant: backbone(1, '*', {
      ...BACKBONE,
      type: many('CodeableConcept'),
      actor: opt('Reference'),
      required: coded(0, ['required', 'optional', 'information-only']),
      status: coded(1, ['accepted', 'declined', 'tentative', 'needs-action']),
    }),
  },
  // consent.html
  Consent: {
    ...DOMAIN_RESOURCE,
    identifier: many('Identifier'),
    status: coded(1, ['draft', 'proposed', 'active', 'rejected', 'inactive', 'entered-in-error']),
    scope: one('CodeableConcept'),
    category: el('CodeableConcept', 1, '*'),
    patient: opt('Reference'),
    dateTime: opt('dateTime'),
    performer: many('Reference'),
    organization: many('Reference'),
    policyRule: opt('CodeableConcept'),
    verification: backbone(0, '*', { ...BACKBONE, verified: one('boolean'), verifiedWith: opt('Reference'), verificationDate: opt('dateTime') }),
    provision: backbone(0, 1, {
      ...BACKBONE,
      type: coded(0, ['deny', 'permit']),
      period: opt('Period'),
      actor: backbone(0, '*', { ...BACKBONE, role: one('CodeableConcept'), reference: one('Reference') }),
      action: many('CodeableConcept'),
      purpose: many('Coding'),
      code: many('CodeableConcept'),
    }),
  },
  // provenance.html
  Provenance: {
    ...DOMAIN_RESOURCE,
    target: el('Reference', 1, '*'),
    'occurred[x]': opt(['Period', 'dateTime']),
    recorded: one('instant'),
    policy: many('uri'),
    reason: many('CodeableConcept'),
    activity: opt('CodeableConcept'),
    agent: backbone(1, '*', { ...BACKBONE, type: opt('CodeableConcept'), role: many('CodeableConcept'), who: one('Reference'), onBehalfOf: opt('Reference') }),
    entity: backbone(0, '*', {
      ...BACKBONE,
      role: coded(1, ['derivation', 'revision', 'quotation', 'source', 'removal']),
      what: one('Reference'),
    }),
  },
};
