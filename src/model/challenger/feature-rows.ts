/**
 * Labelled applications turned into a model's feature columns through the one feature definition
 * (the row evaluator of the application SQL, src/data/features/row-eval): a stored application's
 * stored vector was computed for the model that scored it, so champion and challenger each get
 * their features from the raw fields. History features are the client's stored ones when the id
 * is in the feature table, missing otherwise (a new applicant has none), as `monitor` does.
 */
import { DataError } from '../../data/errors.ts';
import { featuresInMemory } from '../../data/features/what-if.ts';
import type { LabelledApplication } from './labelled.ts';

/** A stored client's value of a feature, by id and feature name; null when unknown. */
export type HistoryOf = (id: number, feature: string) => number | null;

export interface FeatureRows {
  /** One column per feature of `names`, one value per kept row (NaN = missing). */
  readonly columns: Float64Array[];
  /** Indices (into the applications given) of the rows read. */
  readonly kept: number[];
  /** Rows whose fields could not be read, named. */
  readonly rejected: { readonly where: string; readonly message: string }[];
}

export function featureRows(
  rows: readonly LabelledApplication[],
  names: readonly string[],
  history: HistoryOf,
): FeatureRows {
  const values: number[][] = names.map(() => []);
  const kept: number[] = [];
  const rejected: { where: string; message: string }[] = [];
  rows.forEach((row, i) => {
    let computed: (number | null)[];
    try {
      computed = featuresInMemory(row.application, names, (name) => history(row.id, name));
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      rejected.push({ where: row.where, message: error.message });
      return;
    }
    kept.push(i);
    computed.forEach((v, f) => {
      (values[f] as number[]).push(v === null ? Number.NaN : v);
    });
  });
  return { columns: values.map((v) => Float64Array.from(v)), kept, rejected };
}
