import { walkEveryPage } from './every-page.ts';

// Every page as the specialist: screenshots at two widths, axe, no codes (test/e2e/every-page.ts).
walkEveryPage('specialist');
