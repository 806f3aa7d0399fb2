import type { ColumnType } from 'kysely';
import type { Timestamp } from '../../platform/db/index.ts';
import type { ProgressCohort, ProgressMeasure } from '../outcomes/index.ts';
import type { AgreementPurpose, DataCategory } from './agreement-rules.ts';

type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;
type When = ColumnType<Date | null, Date | null | undefined, Date | null>;

/** The kinds of body a local partnership brings together (the list, plus Jobcentres; training providers and apprenticeship employers for the youth pathway). */
export const PARTNER_KINDS = [
  'nhs-trust',
  'icb',
  'gp-network',
  'college',
  'training-provider',
  'apprenticeship-employer',
  'charity',
  'employers-body',
  'jobcentre',
  'other',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
/** Programmes a target may be for: every programme, or one (the referrals capability's list). */
export const PLAN_PROGRAMMES = ['all', 'ips', 'youth', 'retention'] as const;
export type PlanProgramme = (typeof PLAN_PROGRAMMES)[number];

export type LocalPlan = { title: string; startsOn: string; endsOn: string; updatedAt: Date };
export type PlanTarget = { id: string; measure: ProgressMeasure; programme: PlanProgramme; cohort: ProgressCohort; baseline: number; target: number };
export type GrowthSector = { code: string; name: string; nameCy: string };
export type Partner = {
  id: string;
  name: string;
  kind: PartnerKind;
  role: string;
  organisationId: string | null;
  directoryOrganisationId: string | null;
};
export type Agreement = {
  id: string;
  title: string;
  partnerId: string | null;
  partnerName: string | null;
  otherParties: string | null;
  purposes: AgreementPurpose[];
  dataCategories: DataCategory[];
  article6: string;
  article9: string | null;
  startsOn: string;
  endsOn: string;
  signedCopyName: string | null;
};

export type PartnershipTables = {
  local_plans: { tenant_id: string; title: string; starts_on: string; ends_on: string; updated_by: string; updated_at: Timestamp };
  local_plan_targets: {
    tenant_id: string;
    id: string;
    measure: ProgressMeasure;
    programme: PlanProgramme;
    cohort: ProgressCohort;
    baseline: number;
    target: number;
  };
  growth_sectors: { tenant_id: string; code: string; name: string; name_cy: string };
  partners: {
    tenant_id: string;
    id: string;
    name: string;
    kind: PartnerKind;
    role: string;
    organisation_id: Optional<string>;
    directory_organisation_id: Optional<string>;
    created_at: Timestamp;
  };
  data_sharing_agreements: {
    tenant_id: string;
    id: string;
    title: string;
    partner_id: Optional<string>;
    other_parties: Optional<string>;
    organisation_id: Optional<string>;
    directory_organisation_id: Optional<string>;
    purposes: AgreementPurpose[];
    data_categories: DataCategory[];
    article6: string;
    article9: Optional<string>;
    starts_on: string;
    ends_on: string;
    signed_copy: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
    signed_copy_name: Optional<string>;
    end_warned_at: When;
    recorded_by: string;
    created_at: Timestamp;
  };
};
