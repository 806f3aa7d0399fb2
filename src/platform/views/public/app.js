// Progressive enhancement only: every page works without this file.
import { initAll } from '/assets/frontend/govuk-frontend.min.js';

initAll();

/*
 * GOV.UK conditional reveals on radios (`data-module="app-reveal"`), without the aria-expanded
 * GOV.UK Frontend's script puts on each radio: ARIA does not allow it on a radio, and axe refuses
 * it. The markup is GOV.UK Frontend's own; without this script every follow-up stays shown.
 */
for (const group of document.querySelectorAll('[data-module="app-reveal"]')) {
  const inputs = [...group.querySelectorAll('input[type="radio"][data-aria-controls]')];
  for (const input of inputs) {
    input.setAttribute('aria-controls', input.dataset.ariaControls);
    input.removeAttribute('data-aria-controls');
  }
  const sync = () => {
    for (const input of inputs) {
      const target = document.getElementById(input.getAttribute('aria-controls'));
      if (target) target.classList.toggle('govuk-radios__conditional--hidden', !input.checked);
    }
  };
  // A radio unchecked by choosing another in its group fires no event of its own: listen on the form.
  (group.closest('form') ?? document).addEventListener('change', sync);
  sync();
}
