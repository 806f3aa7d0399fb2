import type { Migration } from './migration.ts';

/**
 * The public directory search near a point (ADR 0050): the box around the point is read on one
 * index of (tenant, latitude, longitude) carrying the location's id, so the places in the box are
 * found without reading the table; it replaces the latitude-only index, whose every row in the
 * latitude band had to be read to check its longitude.
 */
export const migration: Migration = {
  up: [
    'CREATE INDEX directory_locations_place ON directory_locations (tenant_id, latitude, longitude) INCLUDE (id)',
    'DROP INDEX directory_locations_latitude',
  ],
  down: ['CREATE INDEX directory_locations_latitude ON directory_locations (tenant_id, latitude)', 'DROP INDEX directory_locations_place'],
};
