import type { Command } from 'commander';
import { predictMargin, ShapExplainer } from '../../engine/index.ts';
import { csvField, csvNumber, writeCsv } from '../../model/tabular/index.ts';
import { formatCount } from '../progress.ts';
import { loadInput, reportExtraColumns, type ScoreCliOptions, scoringCommand } from './predict.ts';

/**
 * `creditlens explain`: exact TreeSHAP values of every row of a CSV file, in margin units, so
 * that expected_value + Σ shap_<feature> = margin on each output row.
 */
export function registerExplain(program: Command): void {
  scoringCommand(
    program,
    'explain',
    'explain a CSV file with a model: the id (if any), one SHAP column per feature (shap_<feature>, margin units), the expected value and the margin',
  ).action(async (options: ScoreCliOptions) => {
    const { model, table } = await loadInput(options);
    reportExtraColumns(table);
    const explainer = new ShapExplainer(model);
    const shap = explainer.explainBatch(table.features);
    const margins = predictMargin(model, table.features);
    const { ids } = table;
    const numFeatures = model.featureNames.length;
    const header = [
      ...(table.idColumn === null ? [] : [table.idColumn]),
      ...model.featureNames.map((name) => `shap_${name}`),
      'expected_value',
      'margin',
    ];
    const expected = csvNumber(shap.expectedValue);
    await writeCsv(options.out, header, shap.numRows, (r) => {
      const fields = ids === null ? [] : [csvField(ids[r] as string)];
      for (let f = 0; f < numFeatures; f++) {
        fields.push(csvNumber(shap.values[r * numFeatures + f] as number));
      }
      fields.push(expected, csvNumber(margins[r] as number));
      return fields;
    });
    process.stdout.write(
      `explain: ${formatCount(shap.numRows)} rows × ${numFeatures} features → ${options.out}\n`,
    );
  });
}
