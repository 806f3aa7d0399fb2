import type { Migration } from './migration.ts';

const FULL = `'^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$'`;

/**
 * One table of postcode points for every capability (src/platform/places): the employers'
 * `postcode_points` (0017, keys written with a space) and the directory's `postcode_centroids`
 * (0019, keys without) become `postcode_points` keyed without a space. Rows only the directory
 * had are kept; where both had a district, the employers' row stays.
 */
export const migration: Migration = {
  up: [
    `UPDATE postcode_points SET postcode = upper(replace(postcode, ' ', ''))`,
    `INSERT INTO postcode_points (postcode, kind, lat, lon)
       SELECT postcode, CASE WHEN postcode ~ ${FULL} THEN 'postcode' ELSE 'district' END, latitude, longitude FROM postcode_centroids
       ON CONFLICT (postcode) DO NOTHING`,
    `ALTER TABLE postcode_points ADD CONSTRAINT postcode_points_key_compact CHECK (postcode ~ '^[A-Z0-9]{2,7}$')`,
    'DROP TABLE postcode_centroids',
  ],
  down: [
    `CREATE TABLE postcode_centroids (
       postcode text PRIMARY KEY CONSTRAINT postcode_centroids_normalised CHECK (postcode ~ '^[A-Z0-9]{2,7}$'),
       latitude double precision NOT NULL CONSTRAINT postcode_centroids_latitude CHECK (latitude BETWEEN 49 AND 61),
       longitude double precision NOT NULL CONSTRAINT postcode_centroids_longitude CHECK (longitude BETWEEN -9 AND 2)
     )`,
    `GRANT SELECT ON postcode_centroids TO bridgework_app`,
    `INSERT INTO postcode_centroids (postcode, latitude, longitude)
       SELECT postcode, lat, lon FROM postcode_points WHERE lat BETWEEN 49 AND 61 AND lon BETWEEN -9 AND 2`,
    'ALTER TABLE postcode_points DROP CONSTRAINT postcode_points_key_compact',
    `UPDATE postcode_points SET postcode = left(postcode, length(postcode) - 3) || ' ' || right(postcode, 3) WHERE kind = 'postcode'`,
  ],
};
