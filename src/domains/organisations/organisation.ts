import type { ColumnType } from 'kysely';
import type { CreatedAt } from '../../platform/db/index.ts';

export const ORGANISATION_KINDS = ['health-service', 'employment-provider', 'jobcentre', 'employer', 'council'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** `email` is where changes to the organisation's referrals are sent. */
export type Organisation = { id: string; kind: OrganisationKind; name: string; email: string | null; createdAt: Date };

export type OrganisationTables = {
  organisations: {
    tenant_id: string;
    id: string;
    kind: OrganisationKind;
    name: string;
    email: ColumnType<string | null, string | null | undefined, string | null>;
    created_at: CreatedAt;
  };
};
