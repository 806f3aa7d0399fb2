import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.ts';
import { migrations } from '../../migrations/index.ts';
import { migrateDown, migrateToLatest } from '../db/index.ts';
import { ensureDemoDistrictCentres, onspdPoints, placeOf, placesOf, postcodeKeys, upsertPostcodePoints } from './index.ts';

describe('postcode keys', () => {
  test.each([
    ['le1 6zg', { key: 'LE16ZG', district: 'LE1' }],
    ['CF10 1AA', { key: 'CF101AA', district: 'CF10' }],
    ['  sw1a  2aa ', { key: 'SW1A2AA', district: 'SW1A' }],
    ['cf10', { key: 'CF10', district: 'CF10' }],
    ['LE1', { key: 'LE1', district: 'LE1' }],
    ['not a postcode', null],
    ['LE1 6Z', null],
    ['', null],
  ])('%s', (text, expected) => expect(postcodeKeys(text)).toEqual(expected));
});

describe('the ONS Postcode Directory', () => {
  test('live postcodes with a position, and each district as the mean of its postcodes', () => {
    const csv = [
      'pcd,pcds,doterm,lat,long',
      'LE1 6ZG,LE1 6ZG,,52.6,-1.1',
      'LE1 7AA,LE1 7AA,,52.7,-1.3',
      'LE1 9XX,LE1 9XX,201901,50,0',
      'LE2 1AA,LE2 1AA,,99.999999,0',
      'ZZ,nonsense,,52,-1',
    ].join('\n');
    const points = onspdPoints(csv);
    expect(points.filter((p) => p.kind === 'postcode')).toEqual([
      { postcode: 'LE16ZG', kind: 'postcode', lat: 52.6, lon: -1.1 },
      { postcode: 'LE17AA', kind: 'postcode', lat: 52.7, lon: -1.3 },
    ]);
    const [district] = points.filter((p) => p.kind === 'district');
    expect(district?.postcode).toBe('LE1');
    expect(district?.lat).toBeCloseTo(52.65, 9);
    expect(district?.lon).toBeCloseTo(-1.2, 9);
  });

  test('a file without the columns is refused', () => {
    expect(() => onspdPoints('postcode,latitude\nLE1 6ZG,52')).toThrow(/pcds, lat and long/);
  });
});

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
}, 120_000);
afterAll(() => t.dispose());

describe('one table of points', () => {
  test('a full postcode where loaded, else its district, in any written form; unknown is null', async () => {
    await ensureDemoDistrictCentres(t.db.owner);
    await upsertPostcodePoints(t.db.owner, [{ postcode: 'LE1 6ZG', kind: 'postcode', lat: 52.61, lon: -1.12 }]);
    await t.db.global(async (tx) => {
      expect(await placeOf(tx, 'le16zg')).toEqual({ lat: 52.61, lon: -1.12 });
      expect(await placeOf(tx, 'LE1 1AA')).toEqual({ lat: 52.6345, lon: -1.1325 });
      expect(await placeOf(tx, 'CF10')).toEqual({ lat: 51.476, lon: -3.177 });
      expect(await placeOf(tx, 'ZE1 0AA')).toBeNull();
      expect(await placeOf(tx, 'nonsense')).toBeNull();
      const many = await placesOf(tx, ['LE1 6ZG', 'LE2 9QQ', 'ZE1 0AA']);
      expect([...many.keys()]).toEqual(['LE1 6ZG', 'LE2 9QQ']);
    });
  });

  test('the demo centres never overwrite an imported figure', async () => {
    await upsertPostcodePoints(t.db.owner, [{ postcode: 'LE2', kind: 'district', lat: 52.5, lon: -1.0 }]);
    await ensureDemoDistrictCentres(t.db.owner);
    expect(await t.db.global((tx) => placeOf(tx, 'LE2'))).toEqual({ lat: 52.5, lon: -1.0 });
  });

  test('migration 0021 merges both old tables into one, keyed without a space, and goes back', async () => {
    // Down to just before 0021, whatever has landed after it.
    const names = Object.keys(migrations).sort();
    const downTo0021 = async () => {
      for (let i = names.indexOf('0021-one-postcode-table'); i < names.length; i++) await migrateDown(t.db.owner, migrations);
    };
    await downTo0021();
    await sql`delete from postcode_points`.execute(t.db.owner);
    await sql`delete from postcode_centroids`.execute(t.db.owner);
    await sql`insert into postcode_points (postcode, kind, lat, lon) values ('LE1 6ZG', 'postcode', 52.61, -1.12), ('LE1', 'district', 52.635, -1.133)`.execute(
      t.db.owner,
    );
    await sql`insert into postcode_centroids (postcode, latitude, longitude) values ('LE1', 52.0, -1.0), ('CF101AA', 51.48, -3.18), ('CF10', 51.476, -3.177)`.execute(
      t.db.owner,
    );
    await migrateToLatest(t.db.owner, migrations);
    const rows = await sql<{ postcode: string; kind: string; lat: number }>`select postcode, kind, lat from postcode_points order by postcode`.execute(
      t.db.owner,
    );
    expect(rows.rows).toEqual([
      { postcode: 'CF10', kind: 'district', lat: 51.476 },
      { postcode: 'CF101AA', kind: 'postcode', lat: 51.48 },
      { postcode: 'LE1', kind: 'district', lat: 52.635 },
      { postcode: 'LE16ZG', kind: 'postcode', lat: 52.61 },
    ]);
    const old = await sql`select 1 from information_schema.tables where table_name = 'postcode_centroids'`.execute(t.db.owner);
    expect(old.rows).toHaveLength(0);
    await downTo0021();
    const back = await sql<{ postcode: string }>`select postcode from postcode_points order by postcode`.execute(t.db.owner);
    expect(back.rows.map((r) => r.postcode)).toEqual(['CF10', 'CF10 1AA', 'LE1', 'LE1 6ZG']);
    const centroids = await sql<{ n: string }>`select count(*) as n from postcode_centroids`.execute(t.db.owner);
    expect(Number(centroids.rows[0]?.n)).toBe(4);
    await migrateToLatest(t.db.owner, migrations);
  });
});
