import type { ClientPrincipal } from '../../../platform/auth/index.ts';
import type { TaskResource } from './fhir-resources.ts';
import type { TaskChange } from './fhir-task-changes.ts';

/**
 * Tasks another capability keeps on `/fhir/Task` beside the referrals' own (onward referrals from
 * the directory): the referral routes ask each source, with its own scopes, for an id they do not
 * hold. A source answers null for what it does not hold or the client may not see (404 either way).
 */
export type FhirTaskSource = {
  readScope: string;
  writeScope: string;
  read(principal: ClientPrincipal, id: string, baseUrl: string): Promise<TaskResource | null>;
  /** Applies what a client may change (status, statusReason, businessStatus); null when the source does not hold the Task. */
  change(principal: ClientPrincipal, id: string, change: TaskChange, expectedVersion: number | undefined, baseUrl: string): Promise<TaskResource | null>;
};
