import { type Migration, tenantTable } from './migration.ts';

/**
 * A council's own Council Tax Support scheme for Universal Credit claimants, as its tenant admin set
 * it: a name, a link, and income bands with the discount in each. One row per tenant, or none (a
 * Welsh tenant uses the national scheme; an English tenant with none set has its figures leave
 * Council Tax Support out). The bands are parsed and checked by the service before they are written.
 */
export const migration: Migration = {
  up: [
    `CREATE TABLE council_tax_support_schemes (
       tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
       name text NOT NULL CONSTRAINT council_tax_support_schemes_name_present CHECK (length(btrim(name)) > 0),
       url text NOT NULL CONSTRAINT council_tax_support_schemes_url_web CHECK (url ~ '^https?://'),
       bands jsonb NOT NULL CONSTRAINT council_tax_support_schemes_bands_list CHECK (jsonb_typeof(bands) = 'array' AND jsonb_array_length(bands) > 0),
       updated_at timestamptz NOT NULL
     )`,
    ...tenantTable('council_tax_support_schemes'),
  ],
  down: ['DROP TABLE council_tax_support_schemes'],
};
