import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock/index.ts';
import type { Database } from '../../platform/db/index.ts';
import { DEMO_DISTRICT_CENTRES, ensureDemoDistrictCentres } from '../../platform/places/index.ts';
import { writePackage } from './directory-repo.ts';
import type { DirectoryPackage } from './directory-schemas.ts';

/** A fixed id from a name, so demo records keep their ids from one seed to the next (and tests can name them). */
export function stableId(name: string): string {
  const h = createHash('sha1').update(`bridgework-directory:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Bridgework's starter needs, aligned by name with the LGA's esd Needs list (codes to map: see the domain page). */
export const DEMO_NEEDS = [
  'Debt and money advice',
  'Housing advice',
  'Mental health and wellbeing',
  'Drug and alcohol support',
  'Support for carers',
  'Skills and learning',
] as const;
export const DEMO_TAXONOMY_ID = stableId('taxonomy:needs');
export const termId = (need: (typeof DEMO_NEEDS)[number]) => stableId(`term:${need}`);

type DemoService = {
  key: string;
  name: string;
  description: string;
  need: (typeof DEMO_NEEDS)[number];
  district: string;
  address: string;
  capacity?: 'accepting' | 'waiting-list' | 'closed';
  waitingWeeks?: number;
  verifiedDaysAgo: number | null;
  email: string;
  phone: string;
  welsh?: boolean;
};

const LEICESTER: DemoService[] = [
  {
    key: 'money',
    name: 'City Money Advice Centre',
    description: 'Free, confidential debt advice: priority debts, budgeting, dealing with bailiffs, and help to apply for breathing space.',
    need: 'Debt and money advice',
    district: 'LE1',
    address: '12 Gallowtree Gate',
    verifiedDaysAgo: 20,
    email: 'referrals@citymoneyadvice.example',
    phone: '0116 496 0101',
  },
  {
    key: 'money-east',
    name: 'East Leicester Debt Clinic',
    description: 'Debt advice clinics in the east of the city, with interpreters for Gujarati and Punjabi.',
    need: 'Debt and money advice',
    district: 'LE5',
    address: '4 Uppingham Road',
    capacity: 'waiting-list',
    waitingWeeks: 3,
    verifiedDaysAgo: 60,
    email: 'clinic@eastdebt.example',
    phone: '0116 496 0102',
  },
  {
    key: 'money-closed',
    name: 'Westcotes Debt Drop-in',
    description: 'A weekly drop-in for debt advice, paused while the service finds new premises.',
    need: 'Debt and money advice',
    district: 'LE3',
    address: '30 Narborough Road',
    capacity: 'closed',
    verifiedDaysAgo: 400,
    email: 'dropin@westcotes.example',
    phone: '0116 496 0103',
  },
  {
    key: 'housing',
    name: 'Housing Options Advice',
    description: 'Advice on keeping your home, rent arrears, and finding somewhere to live.',
    need: 'Housing advice',
    district: 'LE1',
    address: 'York House, Granby Street',
    verifiedDaysAgo: 10,
    email: 'housing@leicester.example',
    phone: '0116 496 0104',
  },
  {
    key: 'recovery',
    name: 'Recovery Hub Leicester',
    description: 'Drug and alcohol support: assessment, groups, and one-to-one recovery work.',
    need: 'Drug and alcohol support',
    district: 'LE2',
    address: '9 London Road',
    verifiedDaysAgo: 45,
    email: 'hello@recoveryhub.example',
    phone: '0116 496 0105',
  },
  {
    key: 'carers',
    name: 'Leicester Carers’ Support',
    description: 'Information, breaks and a carer’s assessment for people looking after a relative or friend.',
    need: 'Support for carers',
    district: 'LE4',
    address: '77 Belgrave Road',
    verifiedDaysAgo: null,
    email: 'support@leicestercarers.example',
    phone: '0116 496 0106',
  },
];

const CARDIFF: DemoService[] = [
  {
    key: 'money',
    name: 'Cyngor Arian Caerdydd – Cardiff Money Advice',
    description: 'Cyngor am ddim ar ddyledion, yn Gymraeg neu yn Saesneg. Free debt advice in Welsh or English.',
    need: 'Debt and money advice',
    district: 'CF10',
    address: '1 Heol y Frenhines',
    verifiedDaysAgo: 15,
    email: 'cyngor@arian-caerdydd.example',
    phone: '029 2018 0101',
    welsh: true,
  },
  {
    key: 'housing',
    name: 'Cardiff Housing Help',
    description: 'Help with rent arrears, repairs and finding a home.',
    need: 'Housing advice',
    district: 'CF11',
    address: '5 Cowbridge Road East',
    verifiedDaysAgo: 30,
    email: 'help@cardiffhousing.example',
    phone: '029 2018 0102',
  },
];

const isoDaysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

/** The demo directory of one council: its organisations, locations, the needs taxonomy and its services. */
export function demoDirectory(gssCode: string, councilName: string, now: Date): DirectoryPackage {
  const services = gssCode === 'W06000015' ? CARDIFF : LEICESTER;
  const id = (what: string, key: string) => stableId(`${gssCode}:${what}:${key}`);
  const centre = (district: string) => {
    const c = DEMO_DISTRICT_CENTRES.find((p) => p.postcode === district);
    return c ? { latitude: c.lat, longitude: c.lon } : { latitude: 52.6, longitude: -1.1 };
  };
  return {
    organizations: services.map((s) => ({ id: id('org', s.key), name: s.name, description: s.description, email: s.email })),
    locations: services.map((s, i) => ({
      id: id('location', s.key),
      location_type: 'physical' as const,
      organization_id: id('org', s.key),
      name: s.name,
      // A small offset per service, so two services in one district are not at the same point.
      latitude: Number((centre(s.district).latitude + i * 0.001).toFixed(6)),
      longitude: Number((centre(s.district).longitude + i * 0.001).toFixed(6)),
      addresses: [
        {
          id: id('address', s.key),
          address_1: s.address,
          city: councilName,
          state_province: councilName,
          postal_code: `${s.district} 1AA`,
          country: 'GB',
          address_type: 'physical',
        },
      ],
    })),
    taxonomies: [
      {
        id: DEMO_TAXONOMY_ID,
        name: 'Bridgework needs (aligned with the LGA esd Needs list)',
        description: 'The needs a person may have alongside work, as Bridgework groups them; each is matched by name to the LGA esd standards Needs list.',
        uri: 'https://standards.esd.org.uk/?uri=list%2Fneeds',
        version: '2026-12',
      },
    ],
    taxonomy_terms: DEMO_NEEDS.map((need) => ({ id: termId(need), taxonomy_id: DEMO_TAXONOMY_ID, name: need, description: need })),
    services: services.map((s) => ({
      id: id('service', s.key),
      organization_id: id('org', s.key),
      name: s.name,
      description: s.description,
      email: s.email,
      status: 'active' as const,
      eligibility_description: `Adults living in ${councilName}`,
      minimum_age: 18,
      fees_description: 'Free',
      application_process: 'Referral from a professional, or phone to book',
      ...(s.verifiedDaysAgo === null
        ? {}
        : { assured_date: isoDaysAgo(now, s.verifiedDaysAgo), assurer_email: `directory@${gssCode.toLowerCase()}.bridgework.example` }),
      last_modified: now.toISOString(),
      phones: [{ id: id('phone', s.key), number: s.phone }],
      schedules: [
        {
          id: id('schedule', s.key),
          freq: 'WEEKLY',
          byday: 'MO,TU,WE,TH,FR',
          opens_at: '09:00',
          closes_at: '17:00',
          description: 'Monday to Friday, 9am to 5pm',
        },
      ],
      service_areas: [{ id: id('area', s.key), name: councilName, extent_type: 'text' }],
      contacts: [],
      cost_options: [],
      languages: s.welsh
        ? [
            { id: id('lang-cy', s.key), name: 'Cymraeg', code: 'cy' },
            { id: id('lang-en', s.key), name: 'English', code: 'en' },
          ]
        : [{ id: id('lang-en', s.key), name: 'English', code: 'en' }],
      service_at_locations: [{ id: id('sal', s.key), location_id: id('location', s.key) }],
      attributes: [{ id: id('attribute', s.key), taxonomy_term_id: termId(s.need) }],
      bridgework_capacity: s.capacity ?? 'accepting',
      ...(s.waitingWeeks === undefined ? {} : { bridgework_waiting_weeks: s.waitingWeeks }),
    })),
  };
}

/** Adds the demo postcode centres (shared) and each demo council's directory. */
export async function seedDemoDirectory(db: Database, clock: Clock, tenants: readonly { id: string; gssCode: string; name: string }[]): Promise<void> {
  await ensureDemoDistrictCentres(db.owner);
  for (const t of tenants) {
    await db.inTenant(t.id, async (tx) => {
      const now = clock.now();
      await writePackage(tx, t.id, demoDirectory(t.gssCode, t.name, now), now);
      // An agreement with each council's money advice service, and one onward referral to it
      // from the council's first case, so the demo shows the closed loop from the start.
      const admin = await tx.selectFrom('users').select('id').where(sql<boolean>`'tenant-admin' = any(roles)`).executeTakeFirst();
      const firstCase = await tx
        .withTables<{ cases: { id: string; participant_id: string; opened_at: Date } }>()
        .selectFrom('cases')
        .select(['id', 'participant_id'])
        .orderBy('opened_at')
        .executeTakeFirst();
      if (!admin) return;
      const agreementId = stableId(`${t.gssCode}:agreement:money`);
      const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
      await sql`insert into data_sharing_agreements (tenant_id, id, title, directory_organisation_id, purposes, data_categories, article6, starts_on, ends_on, recorded_by, created_at)
                values (${t.id}, ${agreementId}, ${'Onward referrals for debt and money advice'}, ${stableId(`${t.gssCode}:org:money`)}, ${['onward-referral']},
                        ${['identity', 'contact', 'need']}, 'public-task', ${day(-200)}, ${day(165)}, ${admin.id}, ${now})`.execute(tx);
      if (!firstCase) return;
      const service = demoDirectory(t.gssCode, t.name, now).services[0];
      await sql`insert into onward_referrals (tenant_id, id, case_id, participant_id, service_id, service_name, provider_email, status, need, shared_items, shared,
                  consent_method, consent_given_on, agreement_id, sent_by, sent_at, responded_at)
                values (${t.id}, ${stableId(`${t.gssCode}:onward:demo`)}, ${firstCase.id}, ${firstCase.participant_id}, ${service?.id}, ${service?.name}, ${service?.email},
                        'accepted', ${'Help with rent arrears'}, ${['name']}, ${JSON.stringify({ name: 'as agreed' })}, 'verbal', ${day(-3)}, ${agreementId}, ${admin.id}, ${now}, ${now})`.execute(
        tx,
      );
    });
  }
}
