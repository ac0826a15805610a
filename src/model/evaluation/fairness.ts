import type { FairnessSummary, GroupFairness } from '../run-record.ts';
import { checkLabels } from './validate.ts';

/** Groups smaller than this are reported but never flagged: their rates are too noisy to judge. */
export const MIN_FLAGGED_GROUP_SIZE = 30;

/** The four-fifths rule: an adverse impact ratio below this is flagged. */
export const ADVERSE_IMPACT_LIMIT = 0.8;

/** The age bands, youngest first (the order in which summaries list them). */
export const AGE_BANDS = Object.freeze(['< 30', '30–39', '40–49', '50–59', '≥ 60', 'unknown']);

/** Age band of an age in years; NaN (unknown age) gives 'unknown'. */
export function ageBand(ageYears: number): string {
  if (Number.isNaN(ageYears)) return 'unknown';
  if (ageYears < 30) return '< 30';
  if (ageYears < 40) return '30–39';
  if (ageYears < 50) return '40–49';
  if (ageYears < 60) return '50–59';
  return '≥ 60';
}

/**
 * Approval and default rates by group, with the adverse impact ratio (approval rate / approval rate
 * of the reference group) and the approval rate among repayers (equal opportunity).
 *
 * The reference group is `referenceGroup` when given, else the group with the highest approval rate
 * among groups of at least 30 clients (among all groups if none is that large; ties go to the first
 * name in order). A group is flagged when its ratio is below 0.8 and it has at least 30 clients;
 * smaller groups are listed with `flagged: false`, their `count` telling the reader why.
 * Edge cases: a ratio against a reference approving nobody is 1 for a group approving nobody too,
 * else Infinity; `approvalRateOfRepayers` is NaN (null in JSON) for a group with no repayer.
 * Groups are listed with age bands youngest first, any other names in code-unit order.
 */
export function fairnessSummary(
  attribute: FairnessSummary['attribute'],
  groupOf: readonly string[],
  approved: Uint8Array,
  labels: ArrayLike<number>,
  referenceGroup?: string,
): FairnessSummary {
  const n = groupOf.length;
  if (approved.length !== n || labels.length !== n) {
    throw new RangeError(
      `groupOf, approved and labels must have the same length, got ${n}, ${approved.length} and ${labels.length}`,
    );
  }
  if (n === 0) throw new RangeError('groupOf must not be empty');
  checkLabels(labels);
  checkLabels(approved, 'approved');

  const tallies = new Map<
    string,
    {
      count: number;
      approved: number;
      defaults: number;
      repayers: number;
      approvedRepayers: number;
    }
  >();
  for (let i = 0; i < n; i++) {
    const group = groupOf[i];
    if (typeof group !== 'string') throw new TypeError(`groupOf[${i}] must be a string`);
    let tally = tallies.get(group);
    if (tally === undefined) {
      tally = { count: 0, approved: 0, defaults: 0, repayers: 0, approvedRepayers: 0 };
      tallies.set(group, tally);
    }
    tally.count++;
    tally.approved += approved[i] as number;
    if (labels[i] === 1) tally.defaults++;
    else {
      tally.repayers++;
      tally.approvedRepayers += approved[i] as number;
    }
  }
  const names = [...tallies.keys()].sort(byGroupOrder);
  const rateOf = (name: string) => {
    const t = tallies.get(name);
    return t === undefined ? 0 : t.approved / t.count;
  };

  let reference = referenceGroup;
  if (reference === undefined) {
    const large = names.filter((g) => (tallies.get(g)?.count ?? 0) >= MIN_FLAGGED_GROUP_SIZE);
    for (const g of large.length > 0 ? large : names) {
      if (reference === undefined || rateOf(g) > rateOf(reference)) reference = g;
    }
  } else if (!tallies.has(reference)) {
    throw new RangeError(
      `referenceGroup "${reference}" is not among the groups: ${names.join(', ')}`,
    );
  }
  const referenceRate = rateOf(reference as string);

  const groups: GroupFairness[] = names.map((group) => {
    const t = tallies.get(group) as NonNullable<ReturnType<typeof tallies.get>>;
    const approvalRate = t.approved / t.count;
    const adverseImpactRatio =
      referenceRate > 0
        ? approvalRate / referenceRate
        : approvalRate === 0
          ? 1
          : Number.POSITIVE_INFINITY;
    return {
      group,
      count: t.count,
      approvalRate,
      defaultRate: t.defaults / t.count,
      adverseImpactRatio,
      approvalRateOfRepayers: t.repayers > 0 ? t.approvedRepayers / t.repayers : Number.NaN,
      flagged: t.count >= MIN_FLAGGED_GROUP_SIZE && adverseImpactRatio < ADVERSE_IMPACT_LIMIT,
    };
  });
  return { attribute, referenceGroup: reference as string, groups };
}

/** Age bands in their natural order first, then other group names in code-unit order. */
function byGroupOrder(a: string, b: string): number {
  const rank = (name: string) => {
    const i = AGE_BANDS.indexOf(name);
    return i < 0 ? AGE_BANDS.length : i;
  };
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
