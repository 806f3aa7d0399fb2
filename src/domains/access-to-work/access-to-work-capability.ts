import { defineCapability } from '../../platform/capability/index.ts';
import { assessmentOperations } from './api/assessment-api.ts';

type Uses = Record<string, unknown>;

/** Access to Work: the assessment, decisions in principle, the adjustments passport and the public check. */
export const accessToWorkCapability = defineCapability<Uses>({
  name: 'access-to-work',
  operations: () => [...assessmentOperations()],
});
