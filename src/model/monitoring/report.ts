/**
 * The monitoring report: what moved between the development population and a window of
 * applications, what the probabilities imply, and — once outcomes exist — how they hold. Pure: the
 * caller (./monitor.ts) reads the data and scores it; this module only measures. The JSON form is
 * what `creditlens monitor --format json` writes and `GET /api/monitoring` serves (no NaN or
 * infinity: a figure that does not exist is null).
 */
import { type BackTest, backTest, JEFFREYS_THRESHOLDS } from './back-test.ts';
import { type ExpectedPerformance, expectedPerformance } from './expected.ts';
import { PSI_THRESHOLDS, psi, shares, type TrafficLight, trafficLight } from './psi.ts';
import { type VariableStability, variableStability } from './stability.ts';

/** One row the monitor could not read or score, named by its line in the file. */
export interface RejectedRow {
  readonly line: number;
  readonly message: string;
}

/** Everything the report measures, already computed per row. */
export interface MonitoringInput {
  readonly createdAt: string;
  readonly model: {
    readonly id: string;
    readonly createdAt: string;
    /** The served candidate's holdout AUC at development. */
    readonly developmentAuc: number;
    /** Band names from the best to the worst. */
    readonly bands: readonly string[];
  };
  readonly source: {
    readonly applications: string;
    readonly outcomes: string | null;
    /** The stored applications' window (days, UTC; `until` null: up to now); null for files. */
    readonly period: { readonly since: string; readonly until: string | null } | null;
  };
  readonly rejected: readonly RejectedRow[];
  /** Each model feature's development values and window values (NaN = missing). */
  readonly features: readonly {
    readonly name: string;
    readonly reference: Float64Array;
    readonly window: Float64Array;
  }[];
  readonly reference: ScoredRows;
  readonly window: ScoredRows;
  /** Raw categorical application fields with values the development applications never had. */
  readonly unseenCategories: readonly UnseenCategories[];
  /** Outcomes of window rows (positions into `window`), when an outcome file was given. */
  readonly outcomes: {
    readonly rows: Uint32Array;
    readonly labels: Float64Array;
    /** Outcome lines whose id is not among the window's applications. */
    readonly unmatched: number;
  } | null;
}

/** Calibrated probability, points and band per row. */
export interface ScoredRows {
  readonly probability: Float64Array;
  readonly points: Float64Array;
  readonly band: readonly string[];
}

export interface UnseenCategories {
  readonly column: string;
  readonly values: { readonly value: string; readonly count: number }[];
  /** Share of the window's rows holding one of these values. */
  readonly share: number;
}

export interface BandMixRow {
  readonly band: string;
  readonly reference: number;
  readonly window: number;
}

export interface MonitoringReport {
  readonly format: 'creditlens-monitoring';
  readonly version: 1;
  readonly createdAt: string;
  readonly model: MonitoringInput['model'];
  readonly source: MonitoringInput['source'];
  readonly rows: { readonly reference: number; readonly window: number; readonly rejected: number };
  /** The first 20 rejected rows. */
  readonly rejected: RejectedRow[];
  readonly thresholds: {
    readonly psi: typeof PSI_THRESHOLDS;
    readonly jeffreys: typeof JEFFREYS_THRESHOLDS;
  };
  /** Worst light of the score, band mix and features; the names of the red and amber ones. */
  readonly summary: {
    readonly status: TrafficLight;
    readonly red: string[];
    readonly amber: string[];
  };
  readonly score: VariableStability;
  readonly bandMix: {
    readonly psi: number;
    readonly status: TrafficLight;
    readonly bands: BandMixRow[];
  };
  /** Every model feature, highest PSI first. */
  readonly features: VariableStability[];
  readonly unseenCategories: UnseenCategories[];
  readonly expected: {
    readonly reference: JsonExpected;
    readonly window: JsonExpected;
  };
  readonly performance: JsonBackTest | null;
}

export interface JsonExpected {
  readonly count: number;
  readonly expectedDefaultRate: number | null;
  readonly expectedAuc: number | null;
}

/** The back-test with its non-finite figures as null, and how outcomes matched. */
export type JsonBackTest = Omit<BackTest, 'auc'> & {
  readonly unmatched: number;
  readonly auc:
    | (Omit<NonNullable<BackTest['auc']>, 'test'> & {
        readonly test: {
          readonly developmentAuc: number;
          readonly statistic: number | null;
          readonly pValue: number;
        };
      })
    | null;
};

const RANK: Record<TrafficLight, number> = { green: 0, amber: 1, red: 2 };

function finite(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

function jsonExpected(e: ExpectedPerformance): JsonExpected {
  return {
    count: e.count,
    expectedDefaultRate: finite(e.expectedDefaultRate),
    expectedAuc: finite(e.expectedAuc),
  };
}

function bandMix(input: MonitoringInput): MonitoringReport['bandMix'] {
  const names = [...input.model.bands];
  const count = (rows: readonly string[]) => {
    const counts = names.map(() => 0);
    for (const b of rows) {
      const at = names.indexOf(b);
      if (at >= 0) counts[at] = (counts[at] as number) + 1;
    }
    return counts;
  };
  const ref = count(input.reference.band);
  const win = count(input.window.band);
  const value = psi(ref, win);
  const refShares = shares(ref);
  const winShares = shares(win);
  return {
    psi: value,
    status: trafficLight(value),
    bands: names.map((band, i) => ({
      band,
      reference: refShares[i] as number,
      window: winShares[i] as number,
    })),
  };
}

function performance(input: MonitoringInput): JsonBackTest | null {
  const outcomes = input.outcomes;
  if (outcomes === null) return null;
  const rows = outcomes.rows;
  const probs = Float64Array.from(rows, (r) => input.window.probability[r] as number);
  const bands = Array.from(rows, (r) => input.window.band[r] as string);
  const test = backTest(
    outcomes.labels,
    probs,
    bands,
    input.model.bands,
    input.model.developmentAuc,
  );
  const auc =
    test.auc === null
      ? null
      : { ...test.auc, test: { ...test.auc.test, statistic: finite(test.auc.test.statistic) } };
  return { ...test, auc, unmatched: outcomes.unmatched };
}

/** Measures the report from the scored rows. */
export function buildReport(input: MonitoringInput): MonitoringReport {
  const score = variableStability('score (points)', input.reference.points, input.window.points);
  const mix = bandMix(input);
  const features = input.features
    .map((f) => variableStability(f.name, f.reference, f.window))
    .sort((a, b) => b.psi - a.psi || a.name.localeCompare(b.name));
  const lights: { name: string; status: TrafficLight }[] = [
    { name: score.name, status: score.status },
    { name: 'band mix', status: mix.status },
    ...features,
  ];
  const worst = lights.reduce<TrafficLight>(
    (w, l) => (RANK[l.status] > RANK[w] ? l.status : w),
    'green',
  );
  return {
    format: 'creditlens-monitoring',
    version: 1,
    createdAt: input.createdAt,
    model: input.model,
    source: input.source,
    rows: {
      reference: input.reference.probability.length,
      window: input.window.probability.length,
      rejected: input.rejected.length,
    },
    rejected: input.rejected.slice(0, 20),
    thresholds: { psi: PSI_THRESHOLDS, jeffreys: JEFFREYS_THRESHOLDS },
    summary: {
      status: worst,
      red: lights.filter((l) => l.status === 'red').map((l) => l.name),
      amber: lights.filter((l) => l.status === 'amber').map((l) => l.name),
    },
    score,
    bandMix: mix,
    features,
    unseenCategories: [...input.unseenCategories],
    expected: {
      reference: jsonExpected(expectedPerformance(input.reference.probability)),
      window: jsonExpected(expectedPerformance(input.window.probability)),
    },
    performance: performance(input),
  };
}
