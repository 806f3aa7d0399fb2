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
  /**
   * `GET /fhir/Task?…` for a client holding this source's read scope and not the referrals': the
   * query checked with `taskQuery` (fhir-search.ts), one page of the Tasks it may see, the total,
   * and the canonical query and page for the Bundle's links.
   */
  search?(principal: ClientPrincipal, query: unknown, baseUrl: string): Promise<TaskSearchPage>;
};

export type TaskSearchPage = { tasks: TaskResource[]; total: number; canonical: URLSearchParams; count: number; offset: number };
