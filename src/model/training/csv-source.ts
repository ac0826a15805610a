/**
 * Training rows from any tabular CSV (`creditlens train --csv`), read by readTrainingCsv: numeric
 * and categorical columns, missing values, a target given as 0/1 or as two labels (`positive`
 * names the label counted as default). readTrainingCsv already rejects, with a DataError naming
 * the file and column, an empty file, a header without rows, a missing target or id column and a
 * target with other than two classes. The column encoding goes into the engine model, as with
 * `creditlens fit`, so predict and explain read new files alike.
 *
 * Fairness: a column named gender, sex or CODE_GENDER (any case) gives the gender groups and is
 * left out of the features unless includeProtected; a column named age, age_years (years) or
 * DAYS_BIRTH (negative days) gives the age bands and stays a feature. Without such columns the
 * fairness summary is empty.
 */
import { type ProgressFactory, silentProgress } from '../../data/progress.ts';
import { type ColumnEncoding, readTrainingCsv, type TabularEncoding } from '../tabular/index.ts';
import type { TrainingData } from './training-data.ts';

export interface CsvSourceOptions {
  readonly target: string;
  readonly id?: string;
  readonly positive?: string;
}

const GENDER_NAMES = new Set(['gender', 'sex', 'code_gender']);
const AGE_YEARS_NAMES = new Set(['age', 'age_years']);

function findColumn(columns: readonly ColumnEncoding[], names: ReadonlySet<string>): number {
  return columns.findIndex((column) => names.has(column.name.toLowerCase()));
}

export async function loadTrainingCsv(
  file: string,
  csv: CsvSourceOptions,
  options: { includeProtected?: boolean; progress?: ProgressFactory } = {},
): Promise<TrainingData> {
  const table = await readTrainingCsv(file, {
    target: csv.target,
    ...(csv.id === undefined ? {} : { id: csv.id }),
    ...(csv.positive === undefined ? {} : { positive: csv.positive }),
    targetKind: 'binary',
    progress: options.progress ?? silentProgress,
  });
  const n = table.features.numRows;
  const columns = table.encoding.columns;
  const column = (c: number) => table.features.values.subarray(c * n, (c + 1) * n);

  const genderIndex = findColumn(columns, GENDER_NAMES);
  let gender: string[] | null = null;
  if (genderIndex !== -1) {
    const encoding = columns[genderIndex] as ColumnEncoding;
    const values = column(genderIndex);
    gender = Array.from(values, (v) =>
      Number.isNaN(v)
        ? 'unknown'
        : encoding.kind === 'categorical'
          ? (encoding.categories?.[v] ?? 'unknown')
          : String(v),
    );
  }
  let ageYears: Float64Array | null = null;
  const ageIndex = findColumn(columns, AGE_YEARS_NAMES);
  const daysIndex = findColumn(columns, new Set(['days_birth']));
  if (ageIndex !== -1 && columns[ageIndex]?.kind === 'numeric')
    ageYears = Float64Array.from(column(ageIndex));
  else if (daysIndex !== -1 && columns[daysIndex]?.kind === 'numeric') {
    ageYears = Float64Array.from(column(daysIndex), (d) => -d / 365.25);
  }

  const dropGender = genderIndex !== -1 && !options.includeProtected;
  const kept = columns.map((_, c) => c).filter((c) => !(dropGender && c === genderIndex));
  const values = new Float64Array(n * kept.length);
  kept.forEach((c, j) => {
    values.set(column(c), j * n);
  });
  const encoding: TabularEncoding = {
    ...table.encoding,
    columns: kept.map((c) => columns[c] as ColumnEncoding),
  };
  const featureNames = encoding.columns.map((c) => c.name);
  return {
    features: { values, numRows: n, numCols: kept.length, layout: 'column-major' },
    labels: table.labels,
    ids: Float64Array.from({ length: n }, (_, i) => i + 1),
    featureNames,
    themes: featureNames.map(() => 'other'),
    excludedFeatures: dropGender
      ? [
          {
            name: (columns[genderIndex] as ColumnEncoding).name,
            reason:
              'protected attribute (gender): left out of the model, used only for the fairness summary',
          },
        ]
      : [],
    gender,
    ageYears,
    source: {
      kind: 'csv',
      file,
      target: csv.target,
      ...(csv.id === undefined ? {} : { id: csv.id }),
      ...(csv.positive === undefined ? {} : { positive: csv.positive }),
    },
    encoding: { ...encoding },
  };
}
