/**
 * The 25 items of the IPS Supported Employment Fidelity Scale (IPS-25), in the order and sections of
 * the UK version published by Centre for Mental Health, itself from Becker, Swanson, Reese, Bond and
 * McLeman, Supported Employment Fidelity Review Manual (IPS Employment Center, 4th edition, 2019).
 * Names and anchors on screen are written in our own words (fidelity-messages-*.ts), not copied.
 *
 * `measured`: the four items the service can measure from its own records; the review form fills
 * them in from the figure (fidelity-rules.ts `suggestedScore`), and the reviewer can change them.
 */

export const FIDELITY_SOURCE = {
  title: 'Centre for Mental Health: the IPS Fidelity Scale (UK version), after Becker et al., Supported Employment Fidelity Review Manual, 4th edition (2019)',
  url: 'https://www.centreformentalhealth.org.uk/the-ips-fidelity-scale',
} as const;

export const FIDELITY_SECTIONS = ['staffing', 'organisation', 'services'] as const;
export type FidelitySection = (typeof FIDELITY_SECTIONS)[number];

export const MEASURES = ['caseload', 'employer-contact', 'time-unlimited', 'integration'] as const;
export type Measure = (typeof MEASURES)[number];

export type FidelityItem = { key: string; section: FidelitySection; measured?: Measure };

export const FIDELITY_ITEMS = [
  { key: 'caseload-size', section: 'staffing', measured: 'caseload' },
  { key: 'employment-services-staff', section: 'staffing' },
  { key: 'vocational-generalists', section: 'staffing' },
  { key: 'integration-team-assignment', section: 'organisation', measured: 'integration' },
  { key: 'integration-team-contact', section: 'organisation' },
  { key: 'collaboration-with-jobcentre', section: 'organisation' },
  { key: 'employment-unit', section: 'organisation' },
  { key: 'supervisor-role', section: 'organisation' },
  { key: 'zero-exclusion', section: 'organisation' },
  { key: 'focus-on-competitive-work', section: 'organisation' },
  { key: 'leadership-support', section: 'organisation' },
  { key: 'benefits-advice', section: 'services' },
  { key: 'disclosure', section: 'services' },
  { key: 'ongoing-assessment', section: 'services' },
  { key: 'rapid-job-search', section: 'services', measured: 'employer-contact' },
  { key: 'individual-job-search', section: 'services' },
  { key: 'employer-contact-frequency', section: 'services' },
  { key: 'employer-contact-quality', section: 'services' },
  { key: 'diversity-of-jobs', section: 'services' },
  { key: 'diversity-of-employers', section: 'services' },
  { key: 'competitive-jobs', section: 'services' },
  { key: 'individual-in-work-support', section: 'services' },
  { key: 'time-unlimited-support', section: 'services', measured: 'time-unlimited' },
  { key: 'community-based', section: 'services' },
  { key: 'assertive-engagement', section: 'services' },
] as const satisfies readonly FidelityItem[];

export type FidelityItemKey = (typeof FIDELITY_ITEMS)[number]['key'];
export const FIDELITY_KEYS = FIDELITY_ITEMS.map((i) => i.key) as readonly FidelityItemKey[];
