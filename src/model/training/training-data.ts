/** The rows the pipeline learns from, whatever their source (feature table or CSV). */
import type { DenseMatrix } from '../../engine/index.ts';
import type { DataSource } from '../run-record.ts';

export interface TrainingData {
  /** Column-major, NaN for missing; never holds the target or an identifier. */
  readonly features: DenseMatrix;
  /** 0/1, 1 = default (the positive class). */
  readonly labels: Float64Array;
  /** Row identifiers (SK_ID_CURR, or the 1-based data row of a CSV), for the fingerprint. */
  readonly ids: Float64Array;
  readonly featureNames: string[];
  /** Theme of each feature (FEATURE_DICTIONARY, 'other' when unknown). */
  readonly themes: string[];
  /** Columns left out of the features on purpose, and why. */
  readonly excludedFeatures: { name: string; reason: string }[];
  /** Per row: gender group ('F', 'M', …), or null when the source has no gender. */
  readonly gender: string[] | null;
  /** Per row: age in years (NaN when unknown), or null when the source has no age. */
  readonly ageYears: Float64Array | null;
  readonly source: DataSource;
  /** Stored in the engine model (Model.encoding) so scoring encodes a CSV alike. */
  readonly encoding?: Readonly<Record<string, unknown>>;
}
