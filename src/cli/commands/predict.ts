import type { Command } from 'commander';
import { predict, predictMargin } from '../../engine/index.ts';
import {
  csvField,
  csvNumber,
  loadScoringInput,
  type ScoringTable,
  writeCsv,
} from '../../model/tabular/index.ts';
import { barFactory, formatCount } from '../progress.ts';

/** Options shared by `predict` and `explain`. */
export interface ScoreCliOptions {
  model: string;
  input: string;
  out: string;
  id?: string;
  quiet?: boolean;
}

/** Loads the model and reads the input file as the command's options say. */
export function loadInput(options: ScoreCliOptions) {
  const progress = barFactory({ quiet: options.quiet ?? false });
  return loadScoringInput(options.model, options.input, options.id, progress);
}

/** Tells the user which input columns the model does not use (they are ignored). */
export function reportExtraColumns(table: ScoringTable): void {
  if (table.extraColumns.length > 0) {
    process.stderr.write(
      `creditlens: ignoring ${table.extraColumns.length} column(s) the model does not use: ${table.extraColumns.join(', ')}\n`,
    );
  }
}

/** The options `predict` and `explain` share, with their help. */
export function scoringCommand(program: Command, name: string, description: string): Command {
  return program
    .command(name)
    .description(description)
    .requiredOption(
      '--model <model.json>',
      'model written by `creditlens fit`, or an XGBoost JSON model (save_model("model.json"))',
    )
    .requiredOption(
      '--input <file.csv>',
      "CSV file holding the model's feature columns (by name, any order; others ignored)",
    )
    .requiredOption('--out <file.csv>', 'CSV file to write')
    .option(
      '--id <column>',
      'identifier column echoed into the output (default: the one given to `fit`, when present)',
    )
    .option('-q, --quiet', 'no progress bars');
}

/** `creditlens predict`: margin and probability of every row of a CSV file. */
export function registerPredict(program: Command): void {
  scoringCommand(
    program,
    'predict',
    'score a CSV file with a model: one output row per input row with the id (if any), the margin and the probability',
  ).action(async (options: ScoreCliOptions) => {
    const { model, table } = await loadInput(options);
    reportExtraColumns(table);
    const margins = predictMargin(model, table.features);
    const outputs = predict(model, table.features);
    const outputName = model.objective === 'binary:logistic' ? 'probability' : 'prediction';
    const { ids } = table;
    const header = [...(table.idColumn === null ? [] : [table.idColumn]), 'margin', outputName];
    await writeCsv(options.out, header, margins.length, (r) => [
      ...(ids === null ? [] : [csvField(ids[r] as string)]),
      csvNumber(margins[r] as number),
      csvNumber(outputs[r] as number),
    ]);
    process.stdout.write(`predict: ${formatCount(margins.length)} rows → ${options.out}\n`);
  });
}
