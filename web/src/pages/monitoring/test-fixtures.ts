/** A monitoring report as the API answers it, small, for the page's tests. */
import type { MonitoringReport, VariableStability } from '../../api/generated/api-types.ts';

export function variable(
  name: string,
  psi: number,
  status: VariableStability['status'],
  missing: [number, number] = [0, 0],
): VariableStability {
  return {
    name,
    psi,
    status,
    bins: { labels: ['≤ 1', '> 1', 'missing'], reference: [50, 50, 0], window: [40, 60, 0] },
    missingReference: missing[0],
    missingWindow: missing[1],
    unseenWindow: 0,
  };
}

export function report(over: Partial<MonitoringReport> = {}): MonitoringReport {
  return {
    format: 'creditlens-monitoring',
    version: 1,
    createdAt: '2026-12-04T10:00:00.000Z',
    model: {
      id: 'm-20261128-031500-ab12',
      createdAt: '2026-11-28T03:15:00.000Z',
      developmentAuc: 0.78,
      bands: ['excellent', 'good', 'fair', 'high', 'poor'],
    },
    source: {
      applications: 'stored applications 2026-11-01 → 2026-12-01',
      outcomes: null,
      period: { since: '2026-11-01', until: '2026-12-01' },
    },
    rows: { reference: 4000, window: 2000, rejected: 0 },
    rejected: [],
    thresholds: { psi: { amber: 0.1, red: 0.25 }, jeffreys: { amber: 0.05, red: 0.01 } },
    summary: { status: 'red', red: ['EXT_SOURCE_2'], amber: ['score (points)'] },
    score: variable('score (points)', 0.12, 'amber'),
    bandMix: {
      psi: 0.04,
      status: 'green',
      bands: [
        { band: 'excellent', reference: 0.3, window: 0.25 },
        { band: 'good', reference: 0.3, window: 0.3 },
        { band: 'fair', reference: 0.2, window: 0.2 },
        { band: 'high', reference: 0.1, window: 0.15 },
        { band: 'poor', reference: 0.1, window: 0.1 },
      ],
    },
    features: [
      variable('EXT_SOURCE_2', 6.2, 'red', [0.002, 0.8]),
      variable('AMT_CREDIT', 0.15, 'amber'),
      variable('DAYS_BIRTH', 0.01, 'green', [0, 0.01]),
    ],
    unseenCategories: [],
    expected: {
      reference: { count: 4000, expectedDefaultRate: 0.08, expectedAuc: 0.715 },
      window: { count: 2000, expectedDefaultRate: 0.112, expectedAuc: 0.689 },
    },
    performance: null,
    ...over,
  };
}

export const PERFORMANCE: NonNullable<MonitoringReport['performance']> = {
  count: 1710,
  defaults: 495,
  observedRate: 0.289,
  predictedRate: 0.046,
  brier: 0.2653,
  unmatched: 0,
  auc: {
    auc: 0.515,
    lower: 0.485,
    upper: 0.545,
    gini: 0.03,
    giniLower: -0.03,
    giniUpper: 0.09,
    level: 0.95,
    positives: 495,
    negatives: 1215,
    standardError: 0.015,
    test: { developmentAuc: 0.808, statistic: 19.06, pValue: 0 },
  },
  bands: [
    {
      band: 'excellent',
      count: 900,
      defaults: 240,
      observedRate: 0.267,
      predicted: 0.02,
      lower: 0.238,
      upper: 0.296,
      pValue: 0,
      level: 0.95,
      status: 'red',
    },
    {
      band: 'good',
      count: 810,
      defaults: 255,
      observedRate: 0.315,
      predicted: 0.05,
      lower: 0.283,
      upper: 0.347,
      pValue: 0,
      level: 0.95,
      status: 'red',
    },
    {
      band: 'high',
      count: 0,
      defaults: 0,
      observedRate: 0,
      predicted: 0,
      lower: 0,
      upper: 1,
      pValue: 1,
      level: 0.95,
      status: 'green',
    },
  ],
  reliability: {
    predicted: [0.01, 0.03, 0.07],
    observed: [0.25, 0.3, 0.32],
    count: [570, 570, 570],
  },
};
