import { migration as m0001 } from './0001-tenancy-and-identity.ts';
import { migration as m0002 } from './0002-audit.ts';
import { migration as m0003 } from './0003-idempotency.ts';
import { migration as m0004 } from './0004-jobs-and-notifications.ts';
import { migration as m0005 } from './0005-referrals.ts';
import { migration as m0006 } from './0006-cases.ts';
import { migration as m0007 } from './0007-bridge-back.ts';
import { migration as m0008 } from './0008-guarantee-restatement-and-job-pay.ts';
import { migration as m0009 } from './0009-council-tax-support.ts';
import { migration as m0010 } from './0010-sign-in-throttle.ts';
import { migration as m0011 } from './0011-audit-sealing-and-app-login.ts';
import { migration as m0012 } from './0012-job-leases.ts';
import { migration as m0014 } from './0014-referral-indexes.ts';
import { migration as m0015 } from './0015-referral-search-indexes.ts';
import { migration as m0016 } from './0016-access-to-work.ts';
import { migration as m0017 } from './0017-employers-and-vacancies.ts';
import { migration as m0018 } from './0018-outcomes.ts';
import { migration as m0019 } from './0019-directory.ts';
import { migration as m0019b } from './0019-onward-referrals.ts';
import { migration as m0021 } from './0021-one-postcode-table.ts';
import { migration as m0022 } from './0022-outcome-counts-by-programme.ts';
import { migration as m0023 } from './0023-local-plans-and-partners.ts';
import { migration as m0024 } from './0024-tenant-branding.ts';
import { migration as m0025 } from './0025-youth-pathway.ts';
import { migration as m0026 } from './0026-in-work-retention.ts';
import { migration as m0027 } from './0027-oidc-sign-in.ts';
import { migration as m0028 } from './0028-notify-delivery-and-metrics.ts';
import { migration as m0029 } from './0029-fhir-subscriptions.ts';
import { migration as m0030 } from './0030-record-transfers.ts';
import { migration as m0032 } from './0032-directory-search-by-place.ts';
import { migration as m0036 } from './0036-outcome-national-rollups.ts';
import { migration as m0037 } from './0037-directory-term-places.ts';
import { migration as m0042 } from './0042-outcome-dashboard-reads.ts';
import { migration as m0043 } from './0043-outcome-counts-tenant-once.ts';
import { migration as m0044 } from './0044-drop-tenant-wide-referral-order.ts';
import type { Migration } from './migration.ts';

/** Every migration in the order it runs. Names are permanent once landed. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-tenancy-and-identity': m0001,
  '0002-audit': m0002,
  '0003-idempotency': m0003,
  '0004-jobs-and-notifications': m0004,
  '0005-referrals': m0005,
  '0006-cases': m0006,
  '0007-bridge-back': m0007,
  '0008-guarantee-restatement-and-job-pay': m0008,
  '0009-council-tax-support': m0009,
  '0010-sign-in-throttle': m0010,
  '0011-audit-sealing-and-app-login': m0011,
  '0012-job-leases': m0012,
  '0014-referral-indexes': m0014,
  '0015-referral-search-indexes': m0015,
  '0016-access-to-work': m0016,
  '0017-employers-and-vacancies': m0017,
  '0018-outcomes': m0018,
  '0019-directory': m0019,
  '0019-onward-referrals': m0019b,
  '0021-one-postcode-table': m0021,
  '0022-outcome-counts-by-programme': m0022,
  '0023-local-plans-and-partners': m0023,
  '0024-tenant-branding': m0024,
  '0025-youth-pathway': m0025,
  '0026-in-work-retention': m0026,
  '0027-oidc-sign-in': m0027,
  '0028-notify-delivery-and-metrics': m0028,
  '0029-fhir-subscriptions': m0029,
  '0030-record-transfers': m0030,
  '0032-directory-search-by-place': m0032,
  '0036-outcome-national-rollups': m0036,
  '0037-directory-term-places': m0037,
  '0042-outcome-dashboard-reads': m0042,
  '0043-outcome-counts-tenant-once': m0043,
  '0044-drop-tenant-wide-referral-order': m0044,
};
