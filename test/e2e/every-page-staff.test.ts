import { walkEveryPage } from './every-page.ts';

// Every page as the rest of the team: team lead, tenant admin, IG lead, national analyst, commissioner, employer: screenshots at two widths, axe, no codes (test/e2e/every-page.ts).
walkEveryPage('staff');
