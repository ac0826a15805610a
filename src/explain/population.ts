/**
 * The clients of the feature table held in memory as one Float64Array per feature (NULL → NaN),
 * loaded once, so comparisons, similar clients and reference statistics never go back to SQL.
 */
import type { Db } from '../data/db.ts';
import { DataError } from '../data/errors.ts';
import {
  featureNamesOf,
  featureTableColumns,
  readFeatureColumns,
} from '../data/features/feature-table.ts';

export interface Population {
  readonly size: number;
  readonly ids: Float64Array;
  /** 1 for a train client (known outcome), 0 for a test client. */
  readonly isTrain: Uint8Array;
  /** 1 = defaulted, 0 = repaid, NaN = unknown (test clients). */
  readonly target: Float64Array;
  readonly names: readonly string[];
  readonly columns: ReadonlyMap<string, Float64Array>;
  /** Row of a client, or undefined for an unknown id. */
  rowOf(id: number): number | undefined;
}

/** Builds a Population from columns already in memory (tests, or another loader). */
export function populationOf(data: {
  ids: Float64Array;
  isTrain: Uint8Array;
  target: Float64Array;
  columns: ReadonlyMap<string, Float64Array>;
}): Population {
  const size = data.ids.length;
  for (const [name, column] of data.columns) {
    if (column.length !== size)
      throw new RangeError(`population: ${name} has ${column.length} rows, not ${size}`);
  }
  const index = new Map<number, number>();
  data.ids.forEach((id, row) => {
    index.set(id, row);
  });
  return {
    size,
    ids: data.ids,
    isTrain: data.isTrain,
    target: data.target,
    names: [...data.columns.keys()],
    columns: data.columns,
    rowOf: (id) => index.get(id),
  };
}

/**
 * Loads the feature table (every feature, or only `names`) into memory. Throws DataError when the
 * table is missing or a name is not one of its columns.
 */
export async function loadPopulation(db: Db, names?: readonly string[]): Promise<Population> {
  const found = await featureTableColumns(db);
  if (found.length === 0) {
    throw new DataError('NO_FEATURES', { db: db.path });
  }
  const stored = featureNamesOf(found);
  const wanted = names ?? stored;
  const known = new Set(stored);
  for (const n of wanted) {
    if (!known.has(n)) throw new DataError('UNKNOWN_FEATURE', { column: n });
  }
  const { ids, isTrain, target, columns } = await readFeatureColumns(db, wanted);
  return populationOf({
    ids,
    isTrain,
    target,
    columns: new Map(wanted.map((n, i) => [n, columns[i] as Float64Array])),
  });
}
