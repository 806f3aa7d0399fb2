import type { PolicyParameter } from '../../src/platform/policy/index.ts';

/**
 * Puts a copy of a loaded policy parameter with other dated values in its place, as if its
 * `policy/` file listed them, until `restore`. The rules read a parameter from its table (`OTHER`,
 * `PARAMETERS`) when they are called, so this tests what they do with another file without loading
 * the modules again (Vitest runs the tests on Node's own module loader, whose modules cannot be
 * loaded afresh). The copy is a new object, so nothing remembered for the real one (`at` keeps
 * values per parameter) is used or spoilt. Restore in `afterEach`: the next file in the worker
 * shares these tables.
 */
export function policyValues() {
  const undo: (() => void)[] = [];
  return {
    use<K extends string>(table: { readonly [key in K]: PolicyParameter }, key: K, values: Record<string, number>): void {
      const writable = table as { [key in K]: PolicyParameter };
      const kept = writable[key];
      writable[key] = { ...kept, values };
      undo.push(() => {
        writable[key] = kept;
      });
    },
    restore(): void {
      for (let step = undo.pop(); step; step = undo.pop()) step();
    },
  };
}
