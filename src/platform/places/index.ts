export {
  DEMO_DISTRICT_CENTRES,
  ensureDemoDistrictCentres,
  onspdPoints,
  type Place,
  type PlaceTables,
  type PostcodePoint,
  placeOf,
  placesOf,
  postcodeKeys,
  upsertPostcodePoints,
} from './postcode-points.ts';
