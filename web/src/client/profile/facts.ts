/**
 * One row per fact: the file holds several columns that say the same thing (the age in days and in
 * years, the education as a category and as a level, each building statistic as average, mode and
 * median…). Each group below shows its first filled column; the others are folded into that row,
 * which still answers a text filter on their column names.
 */
import type { FileValue } from '../../api/types.ts';

/** A value of the file as shown, with the columns it stands for. */
export interface FactRow extends FileValue {
  /** Column names of the duplicates folded into this row (searched by the filter, not shown). */
  merged: readonly string[];
}

/** The building statistics of the housing section, each given as _AVG, _MODE and _MEDI. */
const BUILDING = [
  'APARTMENTS',
  'BASEMENTAREA',
  'YEARS_BEGINEXPLUATATION',
  'YEARS_BUILD',
  'COMMONAREA',
  'ELEVATORS',
  'ENTRANCES',
  'FLOORSMAX',
  'FLOORSMIN',
  'LANDAREA',
  'LIVINGAPARTMENTS',
  'LIVINGAREA',
  'NONLIVINGAPARTMENTS',
  'NONLIVINGAREA',
];

/**
 * Columns that say the same fact, the one to prefer first: durations in whole years read better
 * than a count of days, a category better than its rank or level.
 */
export const SAME_FACT: readonly (readonly string[])[] = [
  ['AGE_YEARS', 'DAYS_BIRTH'],
  ['EMPLOYED_YEARS', 'DAYS_EMPLOYED'],
  ['REGISTRATION_YEARS', 'DAYS_REGISTRATION'],
  ['ID_PUBLISH_YEARS', 'DAYS_ID_PUBLISH'],
  ['PHONE_CHANGE_YEARS', 'DAYS_LAST_PHONE_CHANGE'],
  ['NAME_EDUCATION_TYPE', 'EDUCATION_LEVEL'],
  ['ORGANIZATION_TYPE', 'ORGANIZATION_TYPE_RANK'],
  ...BUILDING.map((b) => [`${b}_AVG`, `${b}_MEDI`, `${b}_MODE`]),
];

const GROUP_OF = new Map<string, readonly string[]>(
  SAME_FACT.flatMap((group) => group.map((name) => [name, group] as const)),
);

/** True when the file has no value for this field ("non renseigné"). */
export function isMissing(v: FileValue): boolean {
  return v.unit === null ? (v.category ?? null) === null || v.category === '' : v.value === null;
}

/**
 * The values of a section with each fact once, in the section's order (a group takes the place of
 * its first member present); a group whose members are all missing shows its preferred one.
 */
export function oneRowPerFact(values: readonly FileValue[]): FactRow[] {
  const byName = new Map(values.map((v) => [v.name, v]));
  const rows: FactRow[] = [];
  const done = new Set<readonly string[]>();
  for (const v of values) {
    const group = GROUP_OF.get(v.name);
    if (!group) {
      rows.push({ ...v, merged: [] });
      continue;
    }
    if (done.has(group)) continue;
    done.add(group);
    const present = group.flatMap((name) => byName.get(name) ?? []);
    const shown = present.find((p) => !isMissing(p)) ?? present[0] ?? v;
    rows.push({ ...shown, merged: present.filter((p) => p !== shown).map((p) => p.name) });
  }
  return rows;
}
