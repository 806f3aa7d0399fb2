import { DATA_TYPES, type ElementDef, PRIMITIVES, type Primitive, RESOURCES, type TypeDef } from './fhir-structure.ts';

/** One thing wrong, at a FHIRPath-like location, naming the rule of the specification it breaks. */
export type FhirIssue = { path: string; rule: string; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPrimitive = (t: string): t is Primitive => t in PRIMITIVES;
const capitalised = (t: string) => `${t.charAt(0).toUpperCase()}${t.slice(1)}`;

/**
 * Checks one resource's structure against the R4 base definition (fhir-structure.ts): known
 * resource type, no unknown elements, cardinality (json.html: a repeating element is an array, a
 * single one is not), value types with their lexical rules, codes of required bindings, and no
 * empty values (ele-1; json.html says empty strings, arrays and objects SHALL NOT appear).
 */
export function validateResource(resource: unknown, path = ''): FhirIssue[] {
  const issues: FhirIssue[] = [];
  if (!isObject(resource)) return [{ path: path || 'resource', rule: 'json.html', message: 'a resource is a JSON object' }];
  const type = resource.resourceType;
  const at = path || String(type);
  if (typeof type !== 'string' || !RESOURCES[type]) {
    return [{ path: at, rule: 'resource-type', message: `resourceType ${JSON.stringify(type)} is not one this check knows` }];
  }
  checkObject(resource, RESOURCES[type], at, issues, new Set(['resourceType']));
  issues.push(...invariants(type, resource, at));
  return issues;
}

function checkObject(value: Record<string, unknown>, def: TypeDef, path: string, issues: FhirIssue[], skip = new Set<string>()): void {
  const seen = new Set<string>();
  for (const key of Object.keys(value)) {
    if (skip.has(key)) continue;
    // `_name` holds a primitive's id and extensions (json.html): allowed beside a known element.
    const name = key.startsWith('_') ? key.slice(1) : key;
    const match = matchElement(def, name);
    if (!match) {
      issues.push({ path: `${path}.${key}`, rule: 'unknown-element', message: `${key} is not an element here in R4` });
      continue;
    }
    if (key.startsWith('_')) continue;
    if (seen.has(match.element)) issues.push({ path: `${path}.${key}`, rule: 'choice', message: `only one type of ${match.element} may be given` });
    seen.add(match.element);
    checkValue(value[key], match.def, match.type, `${path}.${key}`, issues);
  }
  for (const [name, d] of Object.entries(def)) {
    if (d.min === 1 && !seen.has(name))
      issues.push({ path: `${path}.${name.replace('[x]', '')}`, rule: 'cardinality', message: `${name} is required (1..${d.max})` });
  }
}

function matchElement(def: TypeDef, key: string): { element: string; def: ElementDef; type: string } | null {
  const exact = def[key];
  if (exact && exact.type.length === 1) return { element: key, def: exact, type: exact.type[0] as string };
  for (const [name, d] of Object.entries(def)) {
    if (!name.endsWith('[x]')) continue;
    const stem = name.slice(0, -3);
    for (const t of d.type) if (key === `${stem}${capitalised(t)}`) return { element: name, def: d, type: t };
  }
  return null;
}

function checkValue(value: unknown, def: ElementDef, type: string, path: string, issues: FhirIssue[]): void {
  if (def.max === '*') {
    if (!Array.isArray(value)) {
      issues.push({ path, rule: 'cardinality', message: 'a repeating element is an array' });
      return;
    }
    if (value.length === 0) issues.push({ path, rule: 'ele-1', message: 'an empty array is not allowed' });
    if (def.min === 1 && value.length === 0) issues.push({ path, rule: 'cardinality', message: 'at least one is required' });
    value.forEach((v, i) => {
      checkOne(v, def, type, `${path}[${i}]`, issues);
    });
    return;
  }
  if (Array.isArray(value)) {
    issues.push({ path, rule: 'cardinality', message: 'at most one is allowed (0..1 or 1..1), not an array' });
    return;
  }
  checkOne(value, def, type, path, issues);
}

function checkOne(value: unknown, def: ElementDef, type: string, path: string, issues: FhirIssue[]): void {
  if (value === null || value === undefined) {
    issues.push({ path, rule: 'json.html', message: 'null is not a value' });
    return;
  }
  if (isPrimitive(type)) {
    if (!PRIMITIVES[type](value)) issues.push({ path, rule: 'datatype', message: `not a valid ${type}: ${JSON.stringify(value).slice(0, 60)}` });
    else if (def.codes && !def.codes.includes(value as string))
      issues.push({ path, rule: 'binding', message: `${JSON.stringify(value)} is not one of ${def.codes.join(', ')}` });
    return;
  }
  if (!isObject(value)) {
    issues.push({ path, rule: 'datatype', message: `a ${type} is a JSON object` });
    return;
  }
  if (Object.keys(value).length === 0) {
    issues.push({ path, rule: 'ele-1', message: 'an empty object is not allowed' });
    return;
  }
  if (type === 'Resource') {
    issues.push(...validateResource(value, path));
    return;
  }
  const children = def.children ?? DATA_TYPES[type];
  // A BackboneElement not described here (Bundle.link, entry.request…) is only checked for emptiness.
  if (children) checkObject(value, children, path, issues);
}

/** The resource rules (constraints) this check holds besides structure, each named as in R4. */
function invariants(type: string, r: Record<string, unknown>, path: string): FhirIssue[] {
  const issues: FhirIssue[] = [];
  const add = (rule: string, message: string) => issues.push({ path, rule, message });
  if (type === 'Organization' && r.identifier === undefined && r.name === undefined) add('org-1', 'an Organization has an identifier or a name');
  if (type === 'Consent' && r.policy === undefined && r.policyRule === undefined) add('ppc-1', 'a Consent has a policy or a policyRule');
  if (type === 'Appointment') {
    if ((r.start === undefined) !== (r.end === undefined)) add('app-2', 'an Appointment has both start and end, or neither');
    if (r.start === undefined && !['proposed', 'cancelled', 'waitlist'].includes(String(r.status)))
      add('app-3', 'only proposed, cancelled or waitlist appointments may have no start');
  }
  if (type === 'Composition') {
    const sections = Array.isArray(r.section) ? r.section : [];
    sections.forEach((s, i) => {
      if (!isObject(s)) return;
      const at = `${path}.section[${i}]`;
      if (s.text === undefined && s.entry === undefined && s.section === undefined)
        issues.push({ path: at, rule: 'cmp-1', message: 'a section has text, entries or sections' });
      if (s.emptyReason !== undefined && s.entry !== undefined) issues.push({ path: at, rule: 'cmp-2', message: 'a section with entries has no emptyReason' });
    });
  }
  return issues;
}

/** The references inside a resource, with where each was found. */
export function referencesIn(value: unknown, path: string): { path: string; reference: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => referencesIn(v, `${path}[${i}]`));
  if (!isObject(value)) return [];
  const found: { path: string; reference: string }[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (key === 'reference' && typeof v === 'string') found.push({ path: `${path}.reference`, reference: v });
    else if (key !== 'contained') found.push(...referencesIn(v, `${path}.${key}`));
  }
  return found;
}

/**
 * A `document` Bundle (bundle.html, documents.html): every entry's resource valid on its own, and
 * the document rules: bdl-9 an identifier with a system and a value, bdl-10 a timestamp, bdl-11 a
 * Composition first, bdl-7 each fullUrl once, each entry with a fullUrl and a resource, and every
 * reference resolved inside the Bundle (documents.html: a document is complete in itself).
 */
export function validateDocumentBundle(bundle: unknown): FhirIssue[] {
  const issues = validateResource(bundle, 'Bundle');
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle')
    return issues.length ? issues : [{ path: 'Bundle', rule: 'resource-type', message: 'not a Bundle' }];
  const add = (path: string, rule: string, message: string) => issues.push({ path, rule, message });
  if (bundle.type !== 'document') add('Bundle.type', 'document', 'a document Bundle has type document');
  const identifier = isObject(bundle.identifier) ? bundle.identifier : null;
  if (!identifier?.system || !identifier.value) add('Bundle.identifier', 'bdl-9', 'a document has an identifier with a system and a value');
  if (bundle.timestamp === undefined) add('Bundle.timestamp', 'bdl-10', 'a document has a timestamp');
  const entries = Array.isArray(bundle.entry) ? bundle.entry.filter(isObject) : [];
  const first = entries[0]?.resource;
  if (!isObject(first) || first.resourceType !== 'Composition') add('Bundle.entry[0]', 'bdl-11', 'a document has a Composition as its first resource');
  const fullUrls = new Set<string>();
  entries.forEach((e, i) => {
    const at = `Bundle.entry[${i}]`;
    if (typeof e.fullUrl !== 'string') add(`${at}.fullUrl`, 'document', 'each entry of a document has a fullUrl');
    else if (fullUrls.has(e.fullUrl)) add(`${at}.fullUrl`, 'bdl-7', `${e.fullUrl} appears more than once`);
    else fullUrls.add(e.fullUrl);
    if (typeof e.fullUrl === 'string' && /\/_history\//.test(e.fullUrl)) add(`${at}.fullUrl`, 'bdl-8', 'a fullUrl is not version specific');
    if (e.resource === undefined) add(`${at}.resource`, 'document', 'each entry of a document has a resource');
    if (e.search !== undefined) add(`${at}.search`, 'bdl-2', 'search is only for a searchset');
    if (e.request !== undefined) add(`${at}.request`, 'bdl-3', 'request is only for a batch, transaction or history');
    if (e.response !== undefined) add(`${at}.response`, 'bdl-4', 'response is only for a batch-response, transaction-response or history');
  });
  entries.forEach((e, i) => {
    for (const ref of referencesIn(e.resource, `Bundle.entry[${i}].resource`)) {
      if (ref.reference.startsWith('#')) continue;
      if (!fullUrls.has(ref.reference)) add(ref.path, 'document-reference', `${ref.reference} does not resolve inside the Bundle`);
    }
  });
  return issues;
}

/** The issues as an OperationOutcome, for an API answer. */
export function operationOutcome(issues: readonly FhirIssue[]) {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => ({ severity: 'error', code: 'structure', diagnostics: `${i.rule}: ${i.message}`, expression: [i.path] })),
  };
}
