import type { DemoEmployer } from './domains/employers/index.ts';
import type { OrganisationKind } from './domains/organisations/index.ts';
import type { Programme, ReferringService } from './domains/referrals/index.ts';
import type { Nation, Role } from './platform/db/index.ts';

/** One demo local authority as data: its organisations, one staff account per role, employers and teams. */
export type DemoTenant = {
  gssCode: string;
  name: string;
  nameCy: string;
  nation: Nation;
  slug: string;
  language: 'en' | 'cy';
  /** An English council's own banded Council Tax Support scheme; a Welsh one uses the national scheme. */
  councilTaxSupport?: { name: string; url: string; bands: { upTo: number; discount: number }[] };
  organisations: { key: string; kind: OrganisationKind; name: string; email?: string }[];
  staff: { role: Role; name: string; organisation: string; login?: string }[];
  /** Employers, by the key of their organisation (kind employer), with a few open vacancies. */
  employers?: Record<string, DemoEmployer>;
  teams: {
    name: string;
    organisation: string;
    services: ReferringService[];
    districts: string[];
    programmes: Programme[];
    specialists: number;
    members: string[];
  }[];
};

const HEALTH_AND_SELF: ReferringService[] = ['gp', 'mental-health', 'addiction', 'rehabilitation', 'talking-therapies', 'other', 'self', 'jobcentre'];

/** The demo local authorities `seed` makes: Leicester (England) and Cardiff (Wales). */
export const DEMO_TENANTS: DemoTenant[] = [
  {
    gssCode: 'E06000016',
    name: 'Leicester City Council',
    nameCy: 'Cyngor Dinas Caerlŷr',
    nation: 'england',
    slug: 'leicester',
    language: 'en',
    // Illustrative bands for the demo, not Leicester's real scheme: the name says so on every page and PDF.
    councilTaxSupport: {
      name: 'Leicester Council Tax Support (illustrative bands for the demo)',
      url: 'https://www.leicester.gov.uk/',
      bands: [
        { upTo: 400, discount: 80 },
        { upTo: 700, discount: 60 },
        { upTo: 1000, discount: 40 },
        { upTo: 1300, discount: 20 },
      ],
    },
    organisations: [
      { key: 'gp', kind: 'health-service', name: 'Leicester Central Primary Care Network', email: 'referrals@leicester-pcn.bridgework.example' },
      { key: 'mh', kind: 'health-service', name: 'Leicester Community Mental Health Team' },
      { key: 'ips', kind: 'employment-provider', name: 'Leicester IPS Employment Service' },
      { key: 'jcp', kind: 'jobcentre', name: 'Leicester Jobcentre' },
      { key: 'council', kind: 'council', name: 'Leicester City Council Employment and Skills' },
      { key: 'uhl', kind: 'employer', name: 'University Hospitals of Leicester NHS Trust' },
    ],
    staff: [
      { role: 'referrer', name: 'Dr Priya Shah', organisation: 'gp' },
      { role: 'referrer', name: 'Joanne Clarke', organisation: 'jcp', login: 'jobcentre-referrer' },
      { role: 'specialist', name: 'Sam Okafor', organisation: 'ips' },
      { role: 'team-lead', name: 'Helen Brooks', organisation: 'ips' },
      { role: 'tenant-admin', name: 'Mark Patel', organisation: 'council' },
      { role: 'national-analyst', name: 'Grace Liu', organisation: 'council' },
      { role: 'ig-lead', name: 'Ruth Adeyemi', organisation: 'council' },
      { role: 'commissioner', name: 'Nadia Hussain', organisation: 'council' },
      { role: 'employer', name: 'Nadia Khan', organisation: 'uhl' },
    ],
    employers: {
      uhl: {
        sector: 'Health',
        sizeBand: 'large',
        nhsBody: true,
        disabilityConfident: 'leader',
        ods: 'RWE',
        vacancies: [
          {
            title: 'Ward housekeeper',
            description: 'Keeping ward kitchens and patient areas clean and stocked, as part of the ward team.',
            soc: '9229',
            hours_min: 16,
            hours_max: 22.5,
            days: ['mon', 'tue', 'wed', 'thu', 'fri'],
            shifts: ['day'],
            pattern_note: 'Mornings, 7:30 to 12:00',
            workplace: 'on-site',
            flexible_options: ['part-time', 'phased-start', 'job-share'],
            adjustments_offered: ['quiet-space', 'flexible-breaks', 'written-instructions'],
            pay_hourly: 12.72,
            contract_type: 'permanent',
            postcode: 'LE1 5WW',
            closing_date: '2027-03-31',
            status: 'open',
          },
          {
            title: 'Medical records clerk',
            description: 'Preparing and filing patient records for outpatient clinics.',
            soc: '4131',
            hours_min: 20,
            hours_max: 37.5,
            days: ['mon', 'tue', 'wed', 'thu', 'fri'],
            shifts: ['day'],
            pattern_note: '',
            workplace: 'hybrid',
            flexible_options: ['flexi-time', 'home-working-bad-days', 'compressed-hours'],
            adjustments_offered: ['assistive-technology', 'quiet-space'],
            pay_hourly: 12.95,
            contract_type: 'permanent',
            postcode: 'LE5 4PW',
            closing_date: '2027-02-28',
            status: 'open',
          },
        ],
      },
    },
    teams: [
      {
        name: 'Leicester IPS team',
        organisation: 'ips',
        services: HEALTH_AND_SELF,
        districts: ['LE1', 'LE2', 'LE3', 'LE4', 'LE5'],
        programmes: ['ips', 'youth', 'retention'],
        specialists: 2,
        members: ['Sam Okafor', 'Helen Brooks'],
      },
      {
        name: 'Leicester Recovery into Work team',
        organisation: 'ips',
        services: ['addiction', 'rehabilitation'],
        districts: [],
        programmes: ['ips'],
        specialists: 1,
        members: ['Helen Brooks'],
      },
    ],
  },
  {
    gssCode: 'W06000015',
    name: 'Cardiff Council',
    nameCy: 'Cyngor Caerdydd',
    nation: 'wales',
    slug: 'cardiff',
    language: 'cy',
    organisations: [
      { key: 'gp', kind: 'health-service', name: 'Cardiff South West Primary Care Cluster', email: 'atgyfeiriadau@cardiff-cluster.bridgework.example' },
      { key: 'ips', kind: 'employment-provider', name: 'Cardiff IPS Employment Service' },
      { key: 'jcp', kind: 'jobcentre', name: 'Cardiff Jobcentre' },
      { key: 'council', kind: 'council', name: 'Cardiff Council Into Work Services' },
      { key: 'cav', kind: 'employer', name: 'Cardiff and Vale University Health Board' },
    ],
    staff: [
      { role: 'referrer', name: 'Dr Rhys Evans', organisation: 'gp' },
      { role: 'specialist', name: 'Catrin Jones', organisation: 'ips' },
      { role: 'team-lead', name: 'Owain Davies', organisation: 'ips' },
      { role: 'tenant-admin', name: 'Sian Williams', organisation: 'council' },
      { role: 'national-analyst', name: 'Dafydd Morgan', organisation: 'council' },
      { role: 'ig-lead', name: 'Eleri Thomas', organisation: 'council' },
      { role: 'commissioner', name: 'Gareth Price', organisation: 'council' },
      { role: 'employer', name: 'Bethan Hughes', organisation: 'cav' },
    ],
    employers: {
      cav: {
        sector: 'Health',
        sizeBand: 'large',
        nhsBody: true,
        disabilityConfident: 'leader',
        ods: '7A4',
        vacancies: [
          {
            title: 'Porter',
            description: 'Moving patients, equipment and supplies around the hospital.',
            soc: '9219',
            hours_min: 15,
            hours_max: 30,
            days: ['mon', 'tue', 'wed', 'thu', 'fri'],
            shifts: ['day'],
            pattern_note: '',
            workplace: 'on-site',
            flexible_options: ['part-time', 'phased-start'],
            adjustments_offered: ['flexible-breaks'],
            pay_hourly: 12.6,
            contract_type: 'permanent',
            postcode: 'CF14 4XW',
            closing_date: '2027-03-31',
            status: 'open',
          },
        ],
      },
    },
    teams: [
      {
        name: 'Cardiff IPS team',
        organisation: 'ips',
        services: HEALTH_AND_SELF,
        districts: ['CF3', 'CF5', 'CF10', 'CF11', 'CF14', 'CF24'],
        programmes: ['ips', 'youth'],
        specialists: 2,
        members: ['Catrin Jones', 'Owain Davies'],
      },
    ],
  },
];
