/*
 * Postcode-district centroids for the demo tenants' areas, so that vacancies and work profiles
 * can be placed before a deployment imports the ONS Postcode Directory (`bridgework import
 * postcodes FILE`), which replaces these with centroids worked out from every live postcode.
 * [U] Approximate: each is placed by hand near the middle of the district, to within a kilometre
 * or two, not computed from the directory. Good enough to demonstrate matching within a travel
 * distance; import the directory before relying on distances.
 * Source for the real figures: ONS Postcode Directory (ONSPD), Office for National Statistics,
 * https://geoportal.statistics.gov.uk/ (Open Government Licence v3.0; contains OS data © Crown
 * copyright and database right; contains Royal Mail data © Royal Mail copyright and database right).
 */
export const DEMO_DISTRICT_CENTROIDS: readonly [district: string, lat: number, lon: number][] = [
  ['LE1', 52.635, -1.133],
  ['LE2', 52.612, -1.118],
  ['LE3', 52.632, -1.178],
  ['LE4', 52.663, -1.125],
  ['LE5', 52.637, -1.083],
  ['LE18', 52.589, -1.108],
  ['LE19', 52.571, -1.205],
  ['CF5', 51.478, -3.238],
  ['CF10', 51.478, -3.178],
  ['CF11', 51.474, -3.195],
  ['CF14', 51.515, -3.205],
  ['CF23', 51.517, -3.165],
  ['CF24', 51.487, -3.16],
];
