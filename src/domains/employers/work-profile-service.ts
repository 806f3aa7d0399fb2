import { recordAudit } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Database } from '../../platform/db/index.ts';
import { Forbidden, InvalidInput, parseInput } from '../../platform/errors/index.ts';
import { adjustmentsForPeople, adjustmentsForPerson } from '../access-to-work/index.ts';
import { authorOf, type CaseActor, type CaseService, type ExportSectionsProvider, NO_EXPORT_SECTIONS } from '../participants/index.ts';
import { geocode } from './employer-repo.ts';
import { workProfileSchema } from './employer-schemas.ts';
import { findWorkProfiles, saveWorkProfile } from './engagement-repo.ts';
import type { MatchPerson } from './matching.ts';
import type { WorkProfile } from './vacancy.ts';

/**
 * The adjustments matching uses: those the person shares in their Access to Work passport (read
 * through that capability's index.ts, ADR 0027) when there are any, else the work profile's own list.
 */
export const adjustmentsOf = (profile: WorkProfile, passport: readonly string[] | undefined): WorkProfile =>
  passport && passport.length > 0 ? { ...profile, adjustmentsNeeded: [...passport], adjustmentsFromPassport: true } : profile;

const auditActor = (a: CaseActor) => {
  const author = authorOf(a);
  return { kind: author.kind, id: author.id };
};

/** A work profile as it starts, before anyone fills it in: it matches nothing until it has a postcode. */
export const emptyProfile = (caseId: string): WorkProfile => ({
  caseId,
  occupationsWanted: [],
  occupationsExcluded: [],
  hoursPerWeek: { min: 0, max: 40 },
  days: [],
  shifts: [],
  caringWindows: '',
  fluctuating: false,
  fluctuationNeeds: '',
  flexibilityNeeded: [],
  adjustmentsNeeded: [],
  postcode: '',
  location: null,
  maxTravelKm: 10,
  travelModes: [],
  payFloorHourly: 0,
  updatedAt: null,
});

/** What the matcher needs of a profile; null when the profile has no place yet. */
export function matchPersonOf(p: WorkProfile): MatchPerson | null {
  if (!p.location) return null;
  return {
    hoursPerWeek: p.hoursPerWeek,
    availableDays: p.days,
    availableShifts: p.shifts,
    location: p.location,
    maxTravelKm: p.maxTravelKm,
    payFloorHourly: p.payFloorHourly,
    occupationsWanted: p.occupationsWanted,
    occupationsExcluded: p.occupationsExcluded,
    flexibilityNeeded: p.flexibilityNeeded,
    adjustmentsNeeded: p.adjustmentsNeeded,
  };
}

/**
 * The person's work profile, which extends the case's vocational profile with what matching needs.
 * The team working the case edits it, and so does the person on their own pages. Reading it needs
 * the same right as reading the case (the case capability decides, through its index.ts).
 */
export function createWorkProfileService(deps: { db: Database; clock: Clock; cases: CaseService }) {
  const { db, clock, cases } = deps;

  async function read(
    actor: CaseActor,
    caseId: string,
  ): Promise<{ profile: WorkProfile; ownAdjustments: string[]; participantId: string; canWork: boolean; personName: string }> {
    const view = await cases.view(actor, caseId, { healthFields: false });
    const participantId = view.summary.participantId;
    const [stored, passport] = await db.inTenant(
      actor.tenantId,
      async (tx) => [(await findWorkProfiles(tx, [caseId]))[0], await adjustmentsForPerson(tx, participantId)] as const,
    );
    const own = stored ?? emptyProfile(caseId);
    return {
      profile: adjustmentsOf(own, passport),
      ownAdjustments: own.adjustmentsNeeded,
      participantId: view.summary.participantId,
      canWork: view.canWork || actor.kind === 'participant',
      personName: view.summary.personName,
    };
  }

  return {
    read,

    async save(actor: CaseActor, caseId: string, input: unknown): Promise<WorkProfile> {
      const v = parseInput(workProfileSchema, input);
      const current = await read(actor, caseId);
      if (!current.canWork) throw new Forbidden('Only the team working this case, or the person, can change the work profile');
      return db.inTenant(actor.tenantId, async (tx) => {
        const place = await geocode(tx, v.postcode);
        if (!place) throw new InvalidInput([{ path: 'postcode', message: 'employers.error.postcodeUnknown' }]);
        const now = clock.now();
        const author = authorOf(actor);
        await saveWorkProfile(tx, {
          tenant_id: actor.tenantId,
          case_id: caseId,
          occupations_wanted: v.occupationsWanted,
          occupations_excluded: v.occupationsExcluded,
          hours_min: v.hoursMin,
          hours_max: v.hoursMax,
          days: v.days,
          shifts: v.shifts,
          caring_windows: v.caringWindows,
          fluctuating: v.fluctuating,
          fluctuation_needs: v.fluctuationNeeds,
          flexibility_needed: v.flexibilityNeeded,
          // The profile's own list; a shared Access to Work passport takes its place when read (ADR 0027).
          adjustments_needed: v.adjustmentsNeeded,
          postcode: v.postcode,
          lat: place.lat,
          lon: place.lon,
          max_travel_km: v.maxTravelKm,
          travel_modes: v.travelModes,
          pay_floor_hourly: v.payFloorHourly,
          updated_at: now,
          updated_by: `${author.kind}:${author.id}`,
        });
        await recordAudit(tx, actor.tenantId, clock, {
          actor: auditActor(actor),
          action: 'work-profile.save',
          recordType: 'case',
          recordId: caseId,
          reason: 'work profile changed',
        });
        const [saved] = await findWorkProfiles(tx, [caseId]);
        return adjustmentsOf(saved as WorkProfile, await adjustmentsForPerson(tx, current.participantId));
      });
    },

    /** Several cases' profiles at once (people for a vacancy), for cases the caller already may read, with their passports' adjustments. */
    profilesOf: (tenantId: string, cases: readonly { caseId: string; participantId: string }[]) =>
      db.inTenant(tenantId, async (tx) => {
        const [profiles, passports] = await Promise.all([
          findWorkProfiles(
            tx,
            cases.map((c) => c.caseId),
          ),
          adjustmentsForPeople(
            tx,
            cases.map((c) => c.participantId),
          ),
        ]);
        const participantOf = new Map(cases.map((c) => [c.caseId, c.participantId]));
        return profiles.map((p) => adjustmentsOf(p, passports.get(participantOf.get(p.caseId) ?? '')));
      }),
  };
}

export type WorkProfileService = ReturnType<typeof createWorkProfileService>;

/** What work the person is looking for, for their download and portable record (the participants capability's export sections). */
export const workProfileExportSections: ExportSectionsProvider = async (tx, who) => {
  const p = (await findWorkProfiles(tx, [who.caseId]))[0];
  if (!p?.updatedAt) return NO_EXPORT_SECTIONS;
  return {
    ...NO_EXPORT_SECTIONS,
    workProfile: {
      occupationsWanted: p.occupationsWanted,
      occupationsExcluded: p.occupationsExcluded,
      minHours: p.hoursPerWeek.min,
      maxHours: p.hoursPerWeek.max,
      maxTravelKm: p.maxTravelKm,
      payFloorHourly: p.payFloorHourly,
      adjustmentsNeeded: p.adjustmentsNeeded,
      updatedAt: p.updatedAt.toISOString(),
    },
  };
};
