import { walkEveryPage } from './every-page.ts';

// Every page as the public, a participant and a referrer: screenshots at two widths, axe, no codes (test/e2e/every-page.ts).
walkEveryPage('outside');
