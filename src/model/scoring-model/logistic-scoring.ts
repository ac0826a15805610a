/**
 * Logistic regression served through the ScoringModel interface. Its contributions are exact in
 * log-odds: each design column adds coefficient × standardised value, and the standardised value
 * is (filled value − training mean) / scale, so a feature's contribution — its value column plus
 * its missing indicator — is zero at the training mean and the contributions sum with the
 * intercept (the base value) to the margin. For a linear model these are the Shapley values with
 * the training population as background (interventional SHAP), so explanations, reasons, what-if,
 * recourse and letters read them as they read TreeSHAP's.
 */
import type { DenseMatrix, ShapBatch, ShapRow } from '../../engine/index.ts';
import { sigmoid } from '../training/logistic/fit.ts';
import type { LogisticParts } from './logistic-parts.ts';
import type { ContributionExplainer, LogisticScoringModel } from './scoring-model.ts';

/**
 * Writes one row's contributions (by source feature) into `out` and returns the margin; feature f
 * of the row is `values[base + f * stride]`.
 */
function contributionsInto(
  parts: LogisticParts,
  inverseScale: Float64Array,
  values: ArrayLike<number>,
  base: number,
  stride: number,
  out: Float64Array,
): number {
  out.fill(0);
  parts.columns.forEach((column, j) => {
    const v = values[base + column.source * stride] as number;
    const x =
      column.kind === 'value' ? (Number.isNaN(v) ? column.fill : v) : Number.isNaN(v) ? 1 : 0;
    out[column.source] =
      (out[column.source] as number) +
      (parts.coef[j] as number) * ((x - column.mean) * (inverseScale[j] as number));
  });
  // The margin is the base plus the contributions, summed in feature order: additivity is exact.
  let margin = parts.intercept;
  for (let f = 0; f < out.length; f++) margin += out[f] as number;
  return margin;
}

/** Serves a stored logistic regression. */
export function logisticScoringModel(parts: LogisticParts): LogisticScoringModel {
  const p = parts.featureNames.length;
  if (parts.coef.length !== parts.columns.length) {
    throw new RangeError(
      `logistic model: ${parts.coef.length} coefficients for ${parts.columns.length} design columns`,
    );
  }
  for (const column of parts.columns) {
    if (!(column.source >= 0 && column.source < p) || !(column.scale > 0)) {
      throw new RangeError(
        `logistic model: design column of feature ${column.source} is out of range or has scale ${column.scale}`,
      );
    }
  }
  const inverseScale = Float64Array.from(parts.columns, (c) => 1 / c.scale);
  const scratch = new Float64Array(p);
  const checkWidth = (width: number) => {
    if (width !== p) throw new RangeError(`logistic model expects ${p} features, got ${width}`);
  };
  const explainRow = (row: ArrayLike<number>): ShapRow => {
    checkWidth(row.length);
    const values = new Float64Array(p);
    contributionsInto(parts, inverseScale, row, 0, 1, values);
    return { expectedValue: parts.intercept, values };
  };
  const eachRow = (features: DenseMatrix, visit: (r: number, margin: number) => void) => {
    checkWidth(features.numCols);
    const n = features.numRows;
    const colStride = features.layout === 'column-major' ? n : 1;
    const rowStride = features.layout === 'column-major' ? 1 : features.numCols;
    for (let r = 0; r < n; r++) {
      const base = r * rowStride;
      const margin = contributionsInto(
        parts,
        inverseScale,
        features.values,
        base,
        colStride,
        scratch,
      );
      visit(r, margin);
    }
  };
  const explainer: ContributionExplainer = {
    expectedValue: parts.intercept,
    explainRow,
    explainBatch: (features): ShapBatch => {
      const values = new Float64Array(features.numRows * p);
      eachRow(features, (r) => values.set(scratch, r * p));
      return { expectedValue: parts.intercept, numRows: features.numRows, numFeatures: p, values };
    },
  };
  return {
    kind: 'logistic',
    logistic: parts,
    featureNames: parts.featureNames,
    ...(parts.encoding === undefined ? {} : { encoding: parts.encoding }),
    predict: (features) => {
      const out = new Float64Array(features.numRows);
      eachRow(features, (r, margin) => {
        out[r] = sigmoid(margin);
      });
      return out;
    },
    predictRow: (row) => {
      checkWidth(row.length);
      return sigmoid(contributionsInto(parts, inverseScale, row, 0, 1, scratch));
    },
    explainer: () => explainer,
  };
}
