import type { CreatedAt } from '../../platform/db/index.ts';

export const ORGANISATION_KINDS = ['health-service', 'employment-provider', 'jobcentre', 'employer', 'council'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export type Organisation = { id: string; kind: OrganisationKind; name: string; createdAt: Date };

export type OrganisationTables = {
  organisations: {
    tenant_id: string;
    id: string;
    kind: OrganisationKind;
    name: string;
    created_at: CreatedAt;
  };
};
