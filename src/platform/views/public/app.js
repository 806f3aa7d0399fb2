// Progressive enhancement only: every page works without this file.
import { initAll } from '/assets/frontend/govuk-frontend.min.js';

initAll();
