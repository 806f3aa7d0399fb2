import { describe, expect, test } from 'vitest';
import { SOC_2020_GROUPS } from './soc-2020.ts';

// The shipped structure is whole and hangs together: ONS SOC 2020 has 9 major, 26 sub-major and
// 104 minor groups, each below the group its code starts with.
describe('the shipped SOC 2020 groups', () => {
  test('9 major, 26 sub-major and 104 minor groups, codes unique', () => {
    const count = (level: string) => SOC_2020_GROUPS.filter((g) => g.level === level).length;
    expect([count('major'), count('sub-major'), count('minor')]).toEqual([9, 26, 104]);
    expect(new Set(SOC_2020_GROUPS.map((g) => g.code)).size).toBe(SOC_2020_GROUPS.length);
  });

  test('each group’s parent is shipped, one level up, and its code the start of the group’s', () => {
    const byCode = new Map(SOC_2020_GROUPS.map((g) => [g.code, g]));
    for (const g of SOC_2020_GROUPS) {
      expect(g.code).toMatch(/^\d{1,3}$/);
      expect(g.title.trim()).toBe(g.title);
      if (g.level === 'major') expect(g.parent).toBeNull();
      else {
        const parent = byCode.get(g.parent ?? '');
        expect(parent?.code.length, g.code).toBe(g.code.length - 1);
        expect(g.code.startsWith(parent?.code ?? '-')).toBe(true);
      }
    }
  });
});
