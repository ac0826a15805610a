/**
 * The monitoring report of a window of STORED applications (POST /api/applications, `creditlens
 * score --save`) and their stored outcomes (POST /api/outcomes, `creditlens outcomes`), against
 * the active model's development population — the app-store counterpart of ./monitor.ts's files.
 *
 * Each application's features are the vector stored when it was scored, when the active model
 * scored it (same model id, same length); an application scored by another model is recomputed
 * from its raw fields through the one feature definition, with no history (a new client has
 * none), and counted as `recomputed`. Every row is scored again by the active model, so the
 * window and the development population are measured by the same one. Outcomes are those stored
 * for the window's clients, whatever the day they were observed.
 */
import type { Db } from '../../data/db.ts';
import { DataError } from '../../data/errors.ts';
import { readFeatureColumns } from '../../data/features/feature-table.ts';
import { featuresInMemory } from '../../data/features/what-if.ts';
import { APPLICATION_TEST_COLUMNS } from '../../data/schema.ts';
import { ModelError } from '../errors.ts';
import {
  developmentColumns,
  type MonitorOptions,
  reportModel,
  scoreRows,
  unseenCategories,
} from './monitor.ts';
import { buildReport, type MonitoringReport, type RejectedRow } from './report.ts';

/** One stored application as the monitor needs it (ApplicationStore's StoredApplication). */
export interface WindowApplication {
  readonly clientId: number;
  readonly modelVersion: string;
  readonly features: readonly (number | null)[];
  readonly application: Readonly<Record<string, string | number | null>>;
}

/** One stored outcome (OutcomeStore's Outcome). */
export interface WindowOutcome {
  readonly clientId: number;
  readonly defaulted: 0 | 1;
}

export interface StoredWindowOptions {
  readonly db: Db;
  readonly run: MonitorOptions['run'];
  /** The window's applications, oldest first. */
  readonly applications: readonly WindowApplication[];
  /** Stored outcomes (those of clients outside the window are ignored). */
  readonly outcomes: readonly WindowOutcome[];
  /** How the window is named in the report, e.g. "stored applications 2026-11-01 → 2026-12-01". */
  readonly label: string;
  /** The window in days (UTC), so a page words it in its own language. */
  readonly period: { readonly since: string; readonly until: string | null };
  readonly now?: Date;
}

const CATEGORICAL = APPLICATION_TEST_COLUMNS.filter((c) => c.kind === 'cat').map((c) => c.name);

/** The report of the stored window; `recomputed` counts vectors rebuilt for another model. */
export async function monitorStored(
  options: StoredWindowOptions,
): Promise<{ report: MonitoringReport; recomputed: number }> {
  const { db, run, applications } = options;
  if (applications.length === 0) {
    throw new ModelError('NO_STORED_APPLICATIONS', { window: options.label });
  }
  const names = run.record.featureNames;
  const reference = developmentColumns(await readFeatureColumns(db, names));
  const windowValues: number[][] = names.map(() => []);
  const rowOfClient = new Map<number, number>();
  const rejected: RejectedRow[] = [];
  const kept: WindowApplication[] = [];
  let recomputed = 0;
  applications.forEach((a, position) => {
    let values: readonly (number | null)[];
    if (a.modelVersion === run.record.id && a.features.length === names.length) {
      values = a.features;
    } else {
      try {
        values = featuresInMemory({ ...a.application }, names, () => null);
        recomputed++;
      } catch (error) {
        if (!(error instanceof DataError)) throw error;
        rejected.push({ line: position + 1, message: `client ${a.clientId}: ${error.message}` });
        return;
      }
    }
    rowOfClient.set(a.clientId, kept.length);
    kept.push(a);
    values.forEach((v, f) => {
      (windowValues[f] as number[]).push(v === null ? Number.NaN : v);
    });
  });
  const window = windowValues.map((v) => Float64Array.from(v));
  const rows: number[] = [];
  const labels: number[] = [];
  for (const o of options.outcomes) {
    const row = rowOfClient.get(o.clientId);
    if (row === undefined) continue;
    rows.push(row);
    labels.push(o.defaulted);
  }
  const cells = CATEGORICAL.map((column) =>
    kept.map((a) => {
      const v = a.application[column];
      return v === null || v === undefined ? '' : String(v);
    }),
  );
  const report = buildReport({
    createdAt: (options.now ?? new Date()).toISOString(),
    model: reportModel(run.record),
    source: {
      applications: options.label,
      outcomes: rows.length > 0 ? 'stored outcomes' : null,
      period: options.period,
    },
    rejected,
    features: names.map((name, f) => ({
      name,
      reference: reference[f] as Float64Array,
      window: window[f] as Float64Array,
    })),
    reference: scoreRows(run, reference),
    window: scoreRows(run, window),
    unseenCategories: await unseenCategories(db, CATEGORICAL, cells, kept.length),
    // Without any outcome the performance section says so rather than showing empty figures.
    outcomes:
      rows.length === 0
        ? null
        : { rows: Uint32Array.from(rows), labels: Float64Array.from(labels), unmatched: 0 },
  });
  return { report, recomputed };
}

/** What monitorWindow reads from the app store (AppStore's applications and outcomes). */
export interface WindowSource {
  readonly applications: {
    list(q: { since?: number; until?: number }): Promise<readonly WindowApplication[]>;
  };
  readonly outcomes: { list(): Promise<readonly WindowOutcome[]> };
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The report of the applications stored from `since` (inclusive) to `until` (exclusive). */
export async function monitorWindow(options: {
  readonly db: Db;
  readonly run: MonitorOptions['run'];
  readonly store: WindowSource;
  readonly since: number;
  readonly until?: number;
  readonly now?: Date;
}): Promise<{ report: MonitoringReport; recomputed: number }> {
  const { since, until } = options;
  const applications = await options.store.applications.list(
    until === undefined ? { since } : { since, until },
  );
  return monitorStored({
    db: options.db,
    run: options.run,
    applications,
    outcomes: await options.store.outcomes.list(),
    label: `stored applications ${day(since)} → ${until === undefined ? 'now' : day(until)}`,
    period: { since: day(since), until: until === undefined ? null : day(until) },
    ...(options.now === undefined ? {} : { now: options.now }),
  });
}
