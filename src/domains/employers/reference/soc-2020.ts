/*
 * SOC 2020 major and sub-major groups, as published by the Office for National Statistics:
 * "SOC 2020 Volume 1: structure and descriptions of unit groups" (ONS, 2020),
 * https://www.ons.gov.uk/methodology/classificationsandstandards/standardoccupationalclassificationsoc/soc2020/soc2020volume1structureanddescriptionsofunitgroups
 * Contains public sector information licensed under the Open Government Licence v3.0.
 * [S] typed from the published structure; the minor and unit groups come from the ONS unit-group
 * file through `bridgework import soc FILE` (see docs/domain/employers-and-matching.md).
 */
export type SocGroup = { code: string; level: 'major' | 'sub-major' | 'minor' | 'unit'; title: string; parent: string | null };

const MAJOR: readonly [string, string][] = [
  ['1', 'Managers, directors and senior officials'],
  ['2', 'Professional occupations'],
  ['3', 'Associate professional occupations'],
  ['4', 'Administrative and secretarial occupations'],
  ['5', 'Skilled trades occupations'],
  ['6', 'Caring, leisure and other service occupations'],
  ['7', 'Sales and customer service occupations'],
  ['8', 'Process, plant and machine operatives'],
  ['9', 'Elementary occupations'],
];

const SUB_MAJOR: readonly [string, string][] = [
  ['11', 'Corporate managers and directors'],
  ['12', 'Other managers and proprietors'],
  ['21', 'Science, research, engineering and technology professionals'],
  ['22', 'Health professionals'],
  ['23', 'Teaching and other educational professionals'],
  ['24', 'Business, media and public service professionals'],
  ['31', 'Science, engineering and technology associate professionals'],
  ['32', 'Health and social care associate professionals'],
  ['33', 'Protective service occupations'],
  ['34', 'Culture, media and sports occupations'],
  ['35', 'Business and public service associate professionals'],
  ['41', 'Administrative occupations'],
  ['42', 'Secretarial and related occupations'],
  ['51', 'Skilled agricultural and related trades'],
  ['52', 'Skilled metal, electrical and electronic trades'],
  ['53', 'Skilled construction and building trades'],
  ['54', 'Textiles, printing and other skilled trades'],
  ['61', 'Caring personal service occupations'],
  ['62', 'Leisure, travel and related personal service occupations'],
  ['63', 'Community and civil enforcement occupations'],
  ['71', 'Sales occupations'],
  ['72', 'Customer service occupations'],
  ['81', 'Process, plant and machine operatives'],
  ['82', 'Transport and mobile machine drivers and operatives'],
  ['91', 'Elementary trades and related occupations'],
  ['92', 'Elementary administration and service occupations'],
];

export const SOC_2020_GROUPS: readonly SocGroup[] = [
  ...MAJOR.map(([code, title]) => ({ code, level: 'major' as const, title, parent: null })),
  ...SUB_MAJOR.map(([code, title]) => ({ code, level: 'sub-major' as const, title, parent: code.slice(0, 1) })),
];
