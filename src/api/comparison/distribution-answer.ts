/**
 * The FeatureDistribution answer of a distribution: exact for staff, coarsened for a customer
 * (src/explain/disclosure.ts: cells merged or suppressed, figures on fewer than 10 clients
 * withheld, the percentile whole).
 */
import { dictionaryEntry } from '../../data/features/dictionary.ts';
import { coarsenDistribution, type Distribution } from '../../explain/index.ts';
import type { GroupName } from './group.ts';

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/** The dictionary's unit of a feature's values (null outside the dictionary). */
export function unitOf(feature: string) {
  return dictionaryEntry(feature)?.unit ?? null;
}

/** Staff: every figure as computed; `disclosure` null. */
export function exactDistribution(group: GroupName, d: Distribution) {
  return {
    group,
    feature: d.feature,
    unit: unitOf(d.feature),
    size: d.size,
    missing: d.missing,
    edges: [...d.edges],
    counts: {
      repaid: [...d.counts.repaid],
      defaulted: [...d.counts.defaulted],
      unknown: [...d.counts.unknown],
    },
    quantiles: d.quantiles,
    // In an empty group the client has a value but no percentile.
    client: d.client && { value: d.client.value, percentile: finiteOrNull(d.client.percentile) },
    disclosure: null,
  };
}

/** A customer: the coarse view of the same distribution. */
export function coarseDistribution(group: GroupName, d: Distribution) {
  const c = coarsenDistribution(d);
  const row = (counts: readonly number[] | null) => (counts ? [...counts] : null);
  return {
    group,
    feature: c.feature,
    unit: unitOf(c.feature),
    size: c.size,
    missing: c.missing,
    edges: [...c.edges],
    counts: {
      repaid: row(c.counts.repaid),
      defaulted: row(c.counts.defaulted),
      unknown: row(c.counts.unknown),
    },
    quantiles: c.quantiles,
    client: c.client,
    disclosure: { ...c.disclosure, suppressed: [...c.disclosure.suppressed] },
  };
}
