import type { Migration } from './migration.ts';

const httpsUrl = (column: string) => `${column} IS NULL OR (${column} ~ '^https://[^[:space:]]+$' AND length(${column}) <= 500)`;

/**
 * Each local authority's own privacy notice and accessibility statement (ADR 0039): the footer links
 * to them. Unset, the footer links to Bridgework's own pages, which say what applies.
 */
export const migration: Migration = {
  up: [
    `ALTER TABLE tenant_settings
       ADD COLUMN privacy_notice_url text CONSTRAINT tenant_settings_privacy_url_https CHECK (${httpsUrl('privacy_notice_url')}),
       ADD COLUMN accessibility_statement_url text CONSTRAINT tenant_settings_accessibility_url_https CHECK (${httpsUrl('accessibility_statement_url')})`,
  ],
  down: ['ALTER TABLE tenant_settings DROP COLUMN accessibility_statement_url, DROP COLUMN privacy_notice_url'],
};
