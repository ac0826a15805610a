/**
 * Reads what a monitoring report needs and builds it: the active model's features of the
 * development population (the train split of the feature table), the window's applications (an
 * application CSV of the Kaggle schema) turned into features through the one feature definition
 * (the row evaluator of the application SQL; the history features are the client's stored ones
 * when the id is in the database, missing otherwise, as for any new applicant), both scored the
 * way the API scores (engine probability → calibrator → points → band), and optionally the
 * outcomes of window rows (a CSV with SK_ID_CURR and TARGET 0/1).
 *
 * A window row that cannot be read (a bad number, an unknown category) is skipped and named in the
 * report by its line (when no row can be read, the first row's error is thrown); a bad outcome line stops the run with a DataError naming file, line, column
 * and value (outcomes are few and must all be right).
 */

import type { Db } from '../../data/db.ts';
import { DataError } from '../../data/errors.ts';
import { readFeatureColumns } from '../../data/features/feature-table.ts';
import { featuresInMemory } from '../../data/features/what-if.ts';
import { readCsvColumns } from '../../data/generate/csv-read.ts';
import { APPLICATION_TEST_COLUMNS } from '../../data/schema.ts';
import { fromColumns } from '../../engine/index.ts';
import { ModelError } from '../errors.ts';
import type { RunRecord } from '../run-record.ts';
import { scoreApplicant } from '../scoring.ts';
import type { ScoringModel } from '../scoring-model/index.ts';
import {
  buildReport,
  type MonitoringReport,
  type RejectedRow,
  type ScoredRows,
  type UnseenCategories,
} from './report.ts';

export interface MonitorOptions {
  /** The feature database (read only). */
  readonly db: Db;
  /** The active run: its record and served model. */
  readonly run: { readonly record: RunRecord; readonly model: ScoringModel };
  /** Application CSV of the window (Kaggle application schema; TARGET, if any, ignored). */
  readonly applications: string;
  /** Outcomes CSV: SK_ID_CURR, TARGET (0/1). */
  readonly outcomes?: string;
  readonly now?: Date;
}

/** Scores feature columns the way the API does: probability → calibrator → points → band. */
export function scoreRows(run: MonitorOptions['run'], columns: Float64Array[]): ScoredRows {
  const raw = run.model.predict(fromColumns(columns));
  const probability = new Float64Array(raw.length);
  const points = new Float64Array(raw.length);
  const band: string[] = [];
  for (let r = 0; r < raw.length; r++) {
    const s = scoreApplicant(raw[r] as number, run.record);
    probability[r] = s.probability;
    points[r] = s.points;
    band.push(s.band);
  }
  return { probability, points, band };
}

const CATEGORICAL = APPLICATION_TEST_COLUMNS.filter((c) => c.kind === 'cat').map((c) => c.name);

async function developmentCategories(db: Db, column: string): Promise<Set<string>> {
  const rows = await db.all<{ v: string | null }>(
    `SELECT DISTINCT CAST("${column}" AS VARCHAR) AS v FROM application_train`,
  );
  return new Set(rows.map((r) => r.v).filter((v): v is string => v !== null));
}

/** Raw categorical fields of the window with values `application_train` never had. */
export async function unseenCategories(
  db: Db,
  header: readonly string[],
  cells: readonly string[][],
  rows: number,
): Promise<UnseenCategories[]> {
  const found: UnseenCategories[] = [];
  for (const column of CATEGORICAL) {
    const at = header.indexOf(column);
    if (at < 0) continue;
    const known = await developmentCategories(db, column);
    const counts = new Map<string, number>();
    let total = 0;
    for (const v of cells[at] as string[]) {
      if (v === '' || known.has(v)) continue;
      counts.set(v, (counts.get(v) ?? 0) + 1);
      total++;
    }
    if (counts.size > 0) {
      found.push({
        column,
        values: [...counts]
          .map(([value, count]) => ({ value, count }))
          .sort((a, b) => b.count - a.count),
        share: rows > 0 ? total / rows : 0,
      });
    }
  }
  return found;
}

/**
 * The outcomes file (SK_ID_CURR, TARGET 0/1) matched to rows by id (`windowIds`: id → row); a bad
 * line stops with a DataError naming file, line, column and value. Also read by the challenger.
 */
export async function readOutcomes(
  file: string,
  windowIds: Map<number, number>,
): Promise<{ rows: Uint32Array; labels: Float64Array; unmatched: number }> {
  const csv = await readCsvColumns(file);
  const idAt = csv.header.indexOf('SK_ID_CURR');
  const targetAt = csv.header.indexOf('TARGET');
  if (idAt < 0 || targetAt < 0) {
    throw new DataError('BAD_HEADER', {
      file,
      problem: `must name SK_ID_CURR and TARGET (found ${csv.header.join(', ')})`,
    });
  }
  const rows: number[] = [];
  const labels: number[] = [];
  let unmatched = 0;
  const seen = new Set<number>();
  for (let r = 0; r < csv.rows; r++) {
    const at = `${file}, line ${r + 2}`;
    const idCell = csv.columns[idAt]?.[r] as string;
    const id = Number(idCell);
    if (idCell.trim() === '' || !Number.isInteger(id)) {
      throw new DataError('BAD_VALUE', {
        at,
        file,
        line: r + 2,
        column: 'SK_ID_CURR',
        shown: idCell,
        value: idCell,
        expected: 'a whole number',
      });
    }
    const cell = csv.columns[targetAt]?.[r] as string;
    if (cell !== '0' && cell !== '1') {
      throw new DataError('BAD_VALUE', {
        at,
        file,
        line: r + 2,
        column: 'TARGET',
        shown: cell,
        value: cell,
        expected: '0 or 1',
      });
    }
    if (seen.has(id)) {
      throw new DataError('DUPLICATE_KEY', {
        column: 'SK_ID_CURR',
        value: String(id),
        found: `${at} repeats it`,
      });
    }
    seen.add(id);
    const row = windowIds.get(id);
    if (row === undefined) {
      unmatched++;
      continue;
    }
    rows.push(row);
    labels.push(Number(cell));
  }
  return { rows: Uint32Array.from(rows), labels: Float64Array.from(labels), unmatched };
}

/** What the report says of the model: its id, date, development AUC and bands. */
export function reportModel(record: RunRecord): MonitoringReport['model'] {
  const chosen = record.candidates.find((c) => c.name === record.chosen);
  return {
    id: record.id,
    createdAt: record.createdAt,
    developmentAuc: chosen?.holdout.rocAuc ?? Number.NaN,
    bands: record.scoreBands.map((b) => b.name),
  };
}

/** The development population's feature columns: the train split of the feature table. */
export function developmentColumns(
  stored: Awaited<ReturnType<typeof readFeatureColumns>>,
): Float64Array[] {
  const trainRows: number[] = [];
  for (let r = 0; r < stored.rowCount; r++) if (stored.isTrain[r] === 1) trainRows.push(r);
  return stored.columns.map((c) => Float64Array.from(trainRows, (r) => c[r] as number));
}

/** Builds the monitoring report of a window of applications (and their outcomes). */
export async function monitor(options: MonitorOptions): Promise<MonitoringReport> {
  const { db, run } = options;
  const names = run.record.featureNames;
  // Every client's stored features: the development rows, and the history of known window ids.
  const stored = await readFeatureColumns(db, names);
  const rowOfId = new Map<number, number>();
  for (let r = 0; r < stored.rowCount; r++) rowOfId.set(stored.ids[r] as number, r);
  const reference = developmentColumns(stored);

  const csv = await readCsvColumns(options.applications);
  const idAt = csv.header.indexOf('SK_ID_CURR');
  if (idAt < 0) throw new DataError('NOT_APPLICATION_FILE', { file: options.applications });
  const windowValues: number[][] = names.map(() => []);
  const rejected: RejectedRow[] = [];
  const windowIds = new Map<number, number>();
  if (csv.rows === 0) throw new ModelError('NO_DATA_ROWS', { file: options.applications });
  let firstError: DataError | null = null;
  for (let r = 0; r < csv.rows; r++) {
    const application: Record<string, string | null> = {};
    csv.header.forEach((column, c) => {
      if (column === 'TARGET') return;
      const cell = csv.columns[c]?.[r] as string;
      application[column] = cell === '' ? null : cell;
    });
    const id = Number(csv.columns[idAt]?.[r]);
    const storedRow = rowOfId.get(id);
    try {
      const values = featuresInMemory(application, names, (_name, position) =>
        storedRow === undefined ? null : (stored.columns[position]?.[storedRow] as number),
      );
      windowIds.set(id, windowValues[0]?.length ?? 0);
      values.forEach((v, f) => {
        (windowValues[f] as number[]).push(v === null ? Number.NaN : v);
      });
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      firstError ??= error;
      rejected.push({ line: r + 2, message: error.message });
    }
  }
  // Nothing readable: the first row's error says what is wrong with the file.
  if (rejected.length === csv.rows && firstError !== null) throw firstError;
  const window = windowValues.map((v) => Float64Array.from(v));
  return buildReport({
    createdAt: (options.now ?? new Date()).toISOString(),
    model: reportModel(run.record),
    source: {
      applications: options.applications,
      outcomes: options.outcomes ?? null,
      period: null,
    },
    rejected,
    features: names.map((name, f) => ({
      name,
      reference: reference[f] as Float64Array,
      window: window[f] as Float64Array,
    })),
    reference: scoreRows(run, reference),
    window: scoreRows(run, window),
    unseenCategories: await unseenCategories(db, csv.header, csv.columns, csv.rows),
    outcomes:
      options.outcomes === undefined ? null : await readOutcomes(options.outcomes, windowIds),
  });
}
