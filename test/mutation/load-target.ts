import { resolve } from 'node:path';
import { test } from 'vitest';

// A mutant in module-level code (a policy schema parsed on load) can stop the rules file loading.
// Vitest then runs no test at all and Stryker would count the mutant as survived; loading it here
// first turns that into a failing test, so the mutant is killed as it should be.
const target = process.env.MUTATION_TARGET;
if (target) {
  try {
    await import(resolve(target));
  } catch (error) {
    test('the rules file under mutation loads', () => {
      throw error;
    });
  }
}
