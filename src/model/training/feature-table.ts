/**
 * Training rows from the `features` table (built by `creditlens features`): the train split,
 * ordered by SK_ID_CURR, read read-only as one column-major matrix. TARGET, SK_ID_CURR and split
 * never enter the features. Protected attributes (gender and family status indicators) stay out
 * of the model unless asked for, and gender and age are kept aside for the fairness summary.
 */

import { withDb } from '../../data/db.ts';
import { FEATURE_DICTIONARY } from '../../data/features/dictionary.ts';
import {
  countFeatureRows,
  FEATURES_TABLE,
  type FeatureColumns,
  featureNamesOf,
  featureTableColumns,
  KEY_COLUMNS,
  readFeatureColumns,
} from '../../data/features/feature-table.ts';
import { type ProgressFactory, silentProgress } from '../../data/progress.ts';
import { ModelError } from '../errors.ts';
import type { TrainingData } from './training-data.ts';

export const FEATURE_TABLE = FEATURES_TABLE;
/** Prefixes of the protected one-hot columns left out unless includeProtected. */
export const PROTECTED_PREFIXES: readonly string[] = Object.freeze([
  'CODE_GENDER__',
  'NAME_FAMILY_STATUS__',
]);

/** Gender group of each row from the CODE_GENDER__F / __M indicators. */
function genderOf(
  female: Float64Array | undefined,
  male: Float64Array | undefined,
  n: number,
): string[] | null {
  if (female === undefined && male === undefined) return null;
  return Array.from({ length: n }, (_, i) =>
    female?.[i] === 1 ? 'F' : male?.[i] === 1 ? 'M' : 'unknown',
  );
}

export async function loadFeatureTable(
  dbPath: string,
  options: { includeProtected?: boolean; progress?: ProgressFactory } = {},
): Promise<TrainingData> {
  const { includeProtected = false, progress = silentProgress } = options;
  return withDb(
    dbPath,
    async (db) => {
      const columns = await featureTableColumns(db);
      if (columns.length === 0) {
        throw new ModelError('MISSING_TABLE', { file: dbPath, table: FEATURE_TABLE });
      }
      for (const required of KEY_COLUMNS) {
        if (!columns.includes(required)) {
          throw new ModelError('BAD_TABLE', {
            file: dbPath,
            table: FEATURE_TABLE,
            column: required,
          });
        }
      }
      const total = await countFeatureRows(db, 'train');
      if (total === 0) {
        throw new ModelError('NO_TRAIN_ROWS', { file: dbPath, table: FEATURE_TABLE });
      }
      const sink = progress('load features', total, 'rows');
      const names = featureNamesOf(columns);
      const read = await readFeatureColumns(db, names, {
        split: 'train',
        onRows: (rows) => sink.update(rows),
      });
      sink.finish();
      return assemble(dbPath, names, read, includeProtected);
    },
    { readOnly: true },
  );
}

function assemble(
  dbPath: string,
  names: readonly string[],
  read: FeatureColumns,
  includeProtected: boolean,
): TrainingData {
  const n = read.rowCount;
  const byName = new Map(names.map((name, c) => [name, read.columns[c] as Float64Array]));
  const labels = read.target;
  for (let i = 0; i < n; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) {
      throw new ModelError('BAD_TARGET_VALUE', {
        file: dbPath,
        column: 'TARGET',
        row: i + 1,
        value: String(labels[i]),
      });
    }
  }
  const themeOf = new Map(FEATURE_DICTIONARY.map((entry) => [entry.name, entry.theme as string]));
  const featureNames: string[] = [];
  const excludedFeatures: { name: string; reason: string }[] = [];
  for (const name of names) {
    if (!includeProtected && PROTECTED_PREFIXES.some((prefix) => name.startsWith(prefix))) {
      excludedFeatures.push({
        name,
        reason:
          'protected attribute (gender or family status): left out of the model, used only for the fairness summary',
      });
      continue;
    }
    featureNames.push(name);
  }
  const values = new Float64Array(n * featureNames.length);
  featureNames.forEach((name, c) => {
    values.set(byName.get(name) as Float64Array, c * n);
  });
  const age = byName.get('AGE_YEARS');
  const daysBirth = byName.get('DAYS_BIRTH');
  const ageYears = age
    ? Float64Array.from(age)
    : daysBirth
      ? Float64Array.from(daysBirth, (d) => -d / 365.25)
      : null;
  return {
    features: { values, numRows: n, numCols: featureNames.length, layout: 'column-major' },
    labels,
    ids: read.ids,
    featureNames,
    themes: featureNames.map((name) => themeOf.get(name) ?? 'other'),
    excludedFeatures,
    gender: genderOf(byName.get('CODE_GENDER__F'), byName.get('CODE_GENDER__M'), n),
    ageYears,
    source: { kind: 'feature-table', database: dbPath, table: FEATURE_TABLE },
  };
}
