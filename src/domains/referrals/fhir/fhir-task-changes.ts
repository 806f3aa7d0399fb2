import { z } from 'zod';
import { InvalidInput, type Issue } from '../../../platform/errors/index.ts';
import { type FhirTask, fhirConceptSchema, fhirTaskSchema, parseFhir } from './fhir-parse.ts';
import type { CodeableConcept, TaskResource } from './fhir-resources.ts';

export const conceptKey = (c: CodeableConcept | undefined) =>
  c
    ? JSON.stringify([
        c.text ?? '',
        (c.coding ?? [])
          .map((x) => `${x.system ?? ''}|${x.code ?? ''}`)
          .sort()
          .join(','),
      ])
    : '';
export const codeIn = (c: CodeableConcept | undefined, system: string) => c?.coding?.find((x) => x.system === system)?.code;

/** What a client may change on a Task; everything else is Bridgework's or fixed. */
export type TaskChange = { status: string | undefined; statusReason: CodeableConcept | undefined; businessStatus: CodeableConcept | undefined };

const patchSchema = z
  .array(z.looseObject({ op: z.string().max(20), path: z.string().max(200), value: z.unknown().optional() }), {
    error: 'A JSON Patch is an array of operations',
  })
  .max(10, 'Send at most 10 operations');
const PATCHABLE = ['/status', '/statusReason', '/businessStatus'] as const;

/** Applies a JSON Patch (replace/add of status, statusReason, businessStatus only) to what a client may change. */
export function applyPatch(current: TaskResource, body: unknown): TaskChange {
  const ops = parseFhir(patchSchema, body, 'patch');
  const issues: Issue[] = [];
  const change: TaskChange = { status: current.status, statusReason: current.statusReason, businessStatus: current.businessStatus };
  ops.forEach((op, i) => {
    const at = `patch[${i}]`;
    if (op.op !== 'replace' && op.op !== 'add') issues.push({ path: `${at}.op`, message: 'Only replace and add operations are accepted' });
    else if (!PATCHABLE.includes(op.path as (typeof PATCHABLE)[number]))
      issues.push({ path: `${at}.path`, message: 'Only /status, /statusReason and /businessStatus can be changed' });
    else if (op.path === '/status') {
      if (typeof op.value === 'string') change.status = op.value;
      else issues.push({ path: `${at}.value`, message: 'The status must be a code' });
    } else {
      const concept = fhirConceptSchema.safeParse(op.value);
      if (!concept.success) issues.push({ path: `${at}.value`, message: 'The value must be a CodeableConcept' });
      else if (op.path === '/statusReason') change.statusReason = concept.data;
      else change.businessStatus = concept.data;
    }
  });
  if (issues.length > 0) throw new InvalidInput(issues);
  return change;
}

/** A whole Task sent back: only status, statusReason and businessStatus may differ from what is stored. */
export function changeFromPut(current: TaskResource, body: unknown): TaskChange {
  const task: FhirTask = parseFhir(fhirTaskSchema, body, 'Task');
  const issues: Issue[] = [];
  const fixed = 'cannot be changed: only status, statusReason and businessStatus can';
  if (task.id !== undefined && task.id !== current.id) issues.push({ path: 'Task.id', message: 'Task.id must be the id in the URL' });
  if (task.focus?.reference !== current.focus.reference) issues.push({ path: 'Task.focus', message: `Task.focus ${fixed}` });
  if (task.for?.reference !== current.for.reference) issues.push({ path: 'Task.for', message: `Task.for ${fixed}` });
  const known = (i: { system?: string; value?: string }) => current.identifier.some((c) => c.system === i.system && c.value === i.value);
  const business = current.identifier[0];
  if (!task.identifier?.every(known) || !task.identifier.some((i) => i.system === business?.system && i.value === business?.value)) {
    issues.push({ path: 'Task.identifier', message: `Task.identifier ${fixed}` });
  }
  if (task.intent !== undefined && task.intent !== 'order') issues.push({ path: 'Task.intent', message: `Task.intent ${fixed}` });
  if (!task.status) issues.push({ path: 'Task.status', message: 'Task.status is required' });
  if (issues.length > 0) throw new InvalidInput(issues);
  // Left out means unchanged: a milestone cannot be taken back, and a reason only changes with a status.
  return { status: task.status, statusReason: task.statusReason ?? current.statusReason, businessStatus: task.businessStatus ?? current.businessStatus };
}
