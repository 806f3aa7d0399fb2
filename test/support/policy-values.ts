import type { PolicyParameter } from '../../src/platform/policy/index.ts';

/**
 * Gives loaded policy parameters other dated values, as if their `policy/` file listed them, until
 * `restore`. The rules look a parameter's values up when they are called, so this tests what they do
 * with another file without loading the modules again (Vitest runs the tests on Node's own module
 * loader, whose modules cannot be loaded afresh). Restore in `afterEach`: the next file in the worker
 * shares these objects.
 */
export function policyValues() {
  const undo: (() => void)[] = [];
  return {
    use(parameter: PolicyParameter, values: Record<string, number>): void {
      const kept = parameter.values;
      parameter.values = values;
      undo.push(() => {
        parameter.values = kept;
      });
    },
    restore(): void {
      for (let step = undo.pop(); step; step = undo.pop()) step();
    },
  };
}
