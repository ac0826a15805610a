import { describe, expect, it } from 'vitest';
import { train } from './boosting/train.ts';
import { denseMatrix } from './matrix.ts';
import { parseModel, serializeModel } from './model.ts';
import { predictMargin, predictMarginRow } from './predict.ts';
import { ShapExplainer } from './shap/shap.ts';
import { errorOf } from './test-support/error-of.ts';
import { binaryProblem } from './test-support/synthetic.ts';

const data = binaryProblem(2000, 17);
const validSet = binaryProblem(500, 18);
const model = train(data, {
  params: { numRounds: 12, eta: 0.3, monotone_constraints: [1], earlyStoppingRounds: 5 },
  valid: validSet,
  featureNames: ['a', 'b', 'c', 'd', 'e', 'f'],
});
const text = serializeModel(model);

describe('model JSON', () => {
  it('round-trips to identical predictions, SHAP values and text', () => {
    const loaded = parseModel(text);
    expect(loaded.featureNames).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(loaded.params).toEqual(model.params);
    expect(loaded.metadata).toEqual(model.metadata);
    expect(predictMargin(loaded, validSet.features)).toEqual(
      predictMargin(model, validSet.features),
    );
    const row = [0.3, Number.NaN, -1, 2, Number.NaN, 0];
    expect(predictMarginRow(loaded, row)).toBe(predictMarginRow(model, row));
    expect(new ShapExplainer(loaded).explainRow(row)).toEqual(
      new ShapExplainer(model).explainRow(row),
    );
    expect(serializeModel(loaded)).toBe(text);
  });

  it('carries the format header, version and a sha-256 checksum', () => {
    const json = JSON.parse(text);
    expect(json.format).toBe('creditlens-gbdt');
    expect(json.version).toBe(1);
    expect(json.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(json.trees).toHaveLength(model.trees.length);
  });

  it('accepts the same content with keys in another order', () => {
    const json = JSON.parse(text);
    const reordered = Object.fromEntries(Object.entries(json).reverse());
    expect(() => parseModel(JSON.stringify(reordered))).not.toThrow();
  });

  it('rejects corrupt, foreign, wrong-version and tampered files with clear messages', () => {
    expect(errorOf(() => parseModel(text.slice(0, text.length / 2))).message).toMatch(
      /^invalid model file: not valid JSON/,
    );
    const json = JSON.parse(text);
    expect(errorOf(() => parseModel(JSON.stringify({ ...json, format: 'xgboost' }))).message).toBe(
      'not a creditlens model: format is "xgboost", expected "creditlens-gbdt"',
    );
    expect(errorOf(() => parseModel('[1, 2]')).message).toMatch(/^not a creditlens model/);
    expect(errorOf(() => parseModel(JSON.stringify({ ...json, version: 2 }))).message).toBe(
      'unsupported model version 2; this build reads version 1',
    );
    const tampered = structuredClone(json);
    tampered.trees[0].leafValue[0] += 0.5;
    const error = errorOf(() => parseModel(JSON.stringify(tampered)));
    expect(error.message).toBe(
      'invalid model file: checksum mismatch (the file is damaged or was edited)',
    );
    expect(error.code).toBe('BAD_MODEL');
    expect(error.userFacing).toBe(true);
  });
});

describe('prediction inputs', () => {
  it('gives the same margins for row-major, column-major and single rows', () => {
    const { numRows, numCols, values } = validSet.features;
    const rowMajor = new Float64Array(values.length);
    for (let r = 0; r < numRows; r++)
      for (let c = 0; c < numCols; c++)
        rowMajor[r * numCols + c] = values[c * numRows + r] as number;
    const fromColumns = predictMargin(model, validSet.features);
    expect(predictMargin(model, denseMatrix(rowMajor, numRows, numCols, 'row-major'))).toEqual(
      fromColumns,
    );
    for (let r = 0; r < 20; r++) {
      expect(predictMarginRow(model, rowMajor.subarray(r * numCols, (r + 1) * numCols))).toBe(
        fromColumns[r],
      );
    }
  });

  it('rejects a row or matrix of the wrong width', () => {
    expect(() => predictMarginRow(model, [1, 2, 3])).toThrow(
      'row has 3 features, the model expects 6',
    );
    expect(() => denseMatrix(new Float64Array(5), 2, 3, 'row-major')).toThrow(
      'expected 2 rows × 3 columns',
    );
  });
});
