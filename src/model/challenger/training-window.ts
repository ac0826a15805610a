/**
 * What "a window of the training data" means here. The feature table's train split has no
 * application date: its rows are the development data, older than anything the app store holds.
 * The only dated rows with an outcome are the applications stored since (POST /api/applications,
 * `score --save`) whose outcome was recorded (POST /api/outcomes, `creditlens outcomes`). A
 * challenger therefore learns from the development data plus, when a window is given, the stored
 * applications received in that window that have an outcome — the recent population the champion
 * never saw. Their features come from their raw fields through the one feature definition, with no
 * history (a new applicant has none); a row whose fields cannot be read is skipped and named.
 */
import { DataError } from '../../data/errors.ts';
import { featuresInMemory } from '../../data/features/what-if.ts';
import { denseMatrix } from '../../engine/index.ts';
import type { TrainingData } from '../training/training-data.ts';
import type { LabelledApplication } from './labelled.ts';

export interface ExtendedTraining {
  readonly data: TrainingData;
  /** Window rows added. */
  readonly added: number;
  /** Window rows whose fields could not be read, named. */
  readonly rejected: { readonly where: string; readonly message: string }[];
  /** Window rows already in the development data (same id), not added twice. */
  readonly duplicates: number;
}

const genderOf = (value: unknown): string => (value === 'F' || value === 'M' ? value : 'unknown');

/** The development data with the window's labelled applications appended (column-major). */
export function withWindowRows(
  data: TrainingData,
  window: readonly LabelledApplication[],
): ExtendedTraining {
  const known = new Set(data.ids);
  const rows: { values: (number | null)[]; row: LabelledApplication }[] = [];
  const rejected: { where: string; message: string }[] = [];
  let duplicates = 0;
  for (const row of window) {
    if (known.has(row.id)) {
      duplicates++;
      continue;
    }
    try {
      rows.push({ values: featuresInMemory(row.application, data.featureNames, () => null), row });
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      rejected.push({ where: row.where, message: error.message });
    }
  }
  const n = data.features.numRows;
  const total = n + rows.length;
  const p = data.featureNames.length;
  const values = new Float64Array(total * p);
  for (let c = 0; c < p; c++) {
    values.set(data.features.values.subarray(c * n, (c + 1) * n), c * total);
    rows.forEach(({ values: v }, k) => {
      const x = v[c];
      values[c * total + n + k] = x === null || x === undefined ? Number.NaN : x;
    });
  }
  const extra = rows.map((r) => r.row);
  const days = (r: LabelledApplication) => Number(r.application.DAYS_BIRTH);
  return {
    data: {
      ...data,
      features: denseMatrix(values, total, p, 'column-major'),
      labels: Float64Array.from([...data.labels, ...extra.map((r) => r.defaulted)]),
      ids: Float64Array.from([...data.ids, ...extra.map((r) => r.id)]),
      gender:
        data.gender === null
          ? null
          : [...data.gender, ...extra.map((r) => genderOf(r.application.CODE_GENDER))],
      ageYears:
        data.ageYears === null
          ? null
          : Float64Array.from([
              ...data.ageYears,
              ...extra.map((r) => (Number.isFinite(days(r)) ? -days(r) / 365.25 : Number.NaN)),
            ]),
    },
    added: rows.length,
    rejected,
    duplicates,
  };
}
