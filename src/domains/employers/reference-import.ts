import type { SocGroup } from './reference/soc-2020.ts';
import { parseCsv } from './vacancy-import.ts';

/*
 * Reader for the ONS SOC file the CLI imports into the shared table (the ONS Postcode Directory's
 * reader is the platform's, src/platform/places). CSV with a
 * header row; columns are found by name, so a newer release with more columns still reads.
 */

/**
 * The ONS SOC 2020 coding index or structure file, saved as CSV: a unit-group code column
 * ("SOC 2020 Unit Group", "SOC2020", or "Unit group") and a title column ("SOC 2020 Unit Group
 * Title", "Title" or "Group title"). Minor groups (3 digits) are made from the unit groups' first
 * three digits when the file names them in a "Minor group" column; otherwise units hang from their
 * sub-major group.
 */
export function socUnitGroups(text: string): SocGroup[] {
  const [header, ...rows] = parseCsv(text);
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const find = (...options: string[]) => names.findIndex((n) => options.includes(n));
  const code = find('soc 2020 unit group', 'soc2020', 'unit group', 'soc 2020', 'code');
  const title = find('soc 2020 unit group title', 'title', 'group title', 'unit group title');
  const minor = find('minor group', 'soc 2020 minor group');
  const minorTitle = find('minor group title', 'soc 2020 minor group title');
  if (code < 0 || title < 0) throw new Error('The file needs a unit-group code column and a title column');
  const groups = new Map<string, SocGroup>();
  for (const r of rows) {
    const c = (r[code] ?? '').trim();
    if (!/^\d{4}$/.test(c)) continue;
    const m = minor >= 0 ? (r[minor] ?? '').trim() : '';
    if (/^\d{3}$/.test(m) && !groups.has(m)) groups.set(m, { code: m, level: 'minor', title: (r[minorTitle] ?? '').trim() || m, parent: m.slice(0, 2) });
    groups.set(c, { code: c, level: 'unit', title: (r[title] ?? '').trim(), parent: /^\d{3}$/.test(m) ? m : c.slice(0, 2) });
  }
  return [...groups.values()];
}
