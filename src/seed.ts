import { insertOrganisation, type OrganisationKind } from './domains/organisations/index.ts';
import { recordAudit } from './platform/audit/index.ts';
import { hashPassword, insertUser } from './platform/auth/index.ts';
import type { Clock } from './platform/clock/index.ts';
import { type Database, type Nation, newId, type Role } from './platform/db/index.ts';

/** The demo password for every seeded account. Demo data only: `seed` refuses to run in production. */
export const DEMO_PASSWORD = 'bridgework-demo-2026';

type DemoTenant = {
  gssCode: string;
  name: string;
  nameCy: string;
  nation: Nation;
  slug: string;
  language: 'en' | 'cy';
  organisations: { key: string; kind: OrganisationKind; name: string }[];
  staff: { role: Role; name: string; organisation: string }[];
};

const TENANTS: DemoTenant[] = [
  {
    gssCode: 'E06000016',
    name: 'Leicester City Council',
    nameCy: 'Cyngor Dinas Caerlŷr',
    nation: 'england',
    slug: 'leicester',
    language: 'en',
    organisations: [
      { key: 'gp', kind: 'health-service', name: 'Leicester Central Primary Care Network' },
      { key: 'mh', kind: 'health-service', name: 'Leicester Community Mental Health Team' },
      { key: 'ips', kind: 'employment-provider', name: 'Leicester IPS Employment Service' },
      { key: 'jcp', kind: 'jobcentre', name: 'Leicester Jobcentre' },
      { key: 'council', kind: 'council', name: 'Leicester City Council Employment and Skills' },
    ],
    staff: [
      { role: 'referrer', name: 'Dr Priya Shah', organisation: 'gp' },
      { role: 'specialist', name: 'Sam Okafor', organisation: 'ips' },
      { role: 'team-lead', name: 'Helen Brooks', organisation: 'ips' },
      { role: 'tenant-admin', name: 'Mark Patel', organisation: 'council' },
      { role: 'national-analyst', name: 'Grace Liu', organisation: 'council' },
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
      { key: 'gp', kind: 'health-service', name: 'Cardiff South West Primary Care Cluster' },
      { key: 'ips', kind: 'employment-provider', name: 'Cardiff IPS Employment Service' },
      { key: 'jcp', kind: 'jobcentre', name: 'Cardiff Jobcentre' },
      { key: 'council', kind: 'council', name: 'Cardiff Council Into Work Services' },
    ],
    staff: [
      { role: 'referrer', name: 'Dr Rhys Evans', organisation: 'gp' },
      { role: 'specialist', name: 'Catrin Jones', organisation: 'ips' },
      { role: 'team-lead', name: 'Owain Davies', organisation: 'ips' },
      { role: 'tenant-admin', name: 'Sian Williams', organisation: 'council' },
      { role: 'national-analyst', name: 'Dafydd Morgan', organisation: 'council' },
    ],
  },
];

export type DemoSignIn = { localAuthority: string; role: Role; email: string; password: string };

export async function isEmpty(db: Database): Promise<boolean> {
  const row = await db.global((tx) => tx.selectFrom('tenants').select('id').limit(1).executeTakeFirst());
  return row === undefined;
}

/**
 * Two demo local authorities (Leicester, Cardiff), their organisations and one staff account per
 * role. Tenants are reference data, written by the owner; everything else is written as the app
 * role inside each tenant, as the service itself would.
 */
export async function seedDemo(db: Database, clock: Clock): Promise<DemoSignIn[]> {
  if (!(await isEmpty(db))) throw new Error('The database already has data; seed runs only on an empty database.');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const signIns: DemoSignIn[] = [];
  for (const t of TENANTS) {
    const tenantId = newId(clock.now());
    await db.owner.insertInto('tenants').values({ id: tenantId, gss_code: t.gssCode, name: t.name, name_cy: t.nameCy, nation: t.nation }).execute();
    await db.inTenant(tenantId, async (tx) => {
      await tx.insertInto('tenant_settings').values({ tenant_id: tenantId, require_mfa: false }).execute();
      const orgIds = new Map<string, string>();
      for (const o of t.organisations) {
        const id = newId(clock.now());
        await insertOrganisation(tx, { tenantId, id, kind: o.kind, name: o.name, createdAt: clock.now() });
        orgIds.set(o.key, id);
      }
      for (const s of t.staff) {
        const email = `${s.role}@${t.slug}.bridgework.example`;
        const id = newId(clock.now());
        await insertUser(tx, {
          tenantId,
          id,
          organisationId: orgIds.get(s.organisation) ?? '',
          email,
          displayName: s.name,
          passwordHash,
          roles: [s.role],
          language: t.language,
        });
        signIns.push({ localAuthority: `${t.name} (${t.gssCode})`, role: s.role, email, password: DEMO_PASSWORD });
      }
      await recordAudit(tx, tenantId, clock, {
        actor: { kind: 'system', id: 'seed' },
        action: 'tenant.seed',
        recordType: 'tenant',
        recordId: tenantId,
        reason: 'demo data created',
        details: { organisations: t.organisations.length, staff: t.staff.length },
      });
    });
  }
  return signIns;
}

export function formatSignIns(signIns: readonly DemoSignIn[]): string {
  const lines = signIns.map((s) => `  ${s.localAuthority.padEnd(36)} ${s.role.padEnd(17)} ${s.email}`);
  return [`Demo sign-ins (every password is ${DEMO_PASSWORD}):`, ...lines].join('\n');
}
