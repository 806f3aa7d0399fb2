/*
 * Access to Work: the assessment (eligibility, the yearly estimate, the employer share and the cap),
 * decisions in principle, and the person's adjustments passport. Other domains and the composition
 * root import this capability only from here.
 *
 * Job matching reads a person's adjustments with `adjustmentsForPerson` / `adjustmentsForPeople`
 * inside its own tenant transaction: only passports the person chose to share are returned, and
 * only the adjustments (slugs from ADJUSTMENTS), never their condition or their own words.
 *
 * Outcomes reporting reads `applicationWaits`: for each converted decision, the days from the job
 * offer to the real application and to DWP's decision, and nothing about the person or their needs.
 */
import type { Tx } from '../../platform/db/index.ts';
import { londonIsoDate } from '../../platform/i18n/index.ts';
import type { Adjustment, DwpOutcome, SharedAdjustments } from './access-to-work.ts';
import { convertedDates, decisionsOfCase, sharedAdjustmentsOf } from './access-to-work-repo.ts';
import { waitFromOffer } from './access-to-work-rules.ts';

export {
  ADJUSTMENTS,
  type Adjustment,
  type Assessment,
  type AssessmentInput,
  type Decision,
  type DecisionStatus,
  type Passport,
  type SharedAdjustments,
} from './access-to-work.ts';
export { accessToWorkCapability } from './access-to-work-capability.ts';
export { accessToWorkMessages } from './access-to-work-messages.ts';
export { accessToWork, assessAccessToWork } from './access-to-work-rules.ts';
export { type AccessToWorkService, accessToWorkExportSections, createAccessToWorkService } from './access-to-work-service.ts';

/** The adjustments a person chose to share in their passport; empty when they have none or share none. */
export async function adjustmentsForPerson(tx: Tx, participantId: string): Promise<readonly Adjustment[]> {
  return (await sharedAdjustmentsOf(tx, [participantId]))[0]?.adjustments ?? [];
}

/** The shared adjustments of many people in one statement, by participant id (absent: nothing shared). */
export async function adjustmentsForPeople(tx: Tx, participantIds: readonly string[]): Promise<ReadonlyMap<string, readonly Adjustment[]>> {
  return new Map((await sharedAdjustmentsOf(tx, participantIds)).map((s: SharedAdjustments) => [s.participantId, s.adjustments]));
}

/** One converted decision's wait from the job offer to support in place (days; null until recorded). */
export type ApplicationWait = {
  decisionId: string;
  offeredOn: string;
  submittedOn: string | null;
  decidedOn: string | null;
  outcome: DwpOutcome | null;
  toApplication: number | null;
  toDecision: number | null;
};

/** Every converted decision of the tenant with its waits, oldest offer first, in the caller's tenant transaction. */
export async function applicationWaits(tx: Tx): Promise<ApplicationWait[]> {
  return (await convertedDates(tx)).flatMap((r) => {
    if (!r.converted_at) return [];
    const dates = { offeredOn: londonIsoDate(new Date(r.converted_at)), submittedOn: r.application_submitted_on, decidedOn: r.dwp_decided_on };
    return [{ decisionId: r.id, ...dates, outcome: r.dwp_outcome, ...waitFromOffer(dates) }];
  });
}

/** A case's decisions in principle, by id, status and date: in-work retention links its plan to one (issue 18). */
export async function caseDecisions(tx: Tx, caseId: string): Promise<{ id: string; status: string; assessedOn: string }[]> {
  return (await decisionsOfCase(tx, caseId)).map((d) => ({ id: d.id, status: d.status, assessedOn: d.assessedOn }));
}
