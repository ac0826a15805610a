import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { type ParamInput, resolveParams, serializeModel, train } from '../../engine/index.ts';
import { readTrainingCsv } from '../../model/tabular/index.ts';
import { barFactory, createProgress, formatCount, formatDuration } from '../progress.ts';
import { UserError } from '../user-error.ts';

interface FitCliOptions {
  csv: string;
  target: string;
  id?: string;
  positive?: string;
  params?: string;
  out: string;
  quiet?: boolean;
}

/** `--params` text as an object (the engine validates names and values). */
export function parseParamsOption(text: string | undefined): ParamInput {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`--params is not valid JSON: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UserError('--params must be a JSON object, e.g. \'{"max_depth": 6, "eta": 0.1}\'');
  }
  return value as ParamInput;
}

/**
 * `creditlens fit`: one plain fit of a gradient-boosted model on a CSV file, with the given
 * parameters; the column encoding is stored in the model for predict and explain.
 */
export function registerFit(program: Command): void {
  program
    .command('fit')
    .description(
      'train a gradient-boosted tree model on a CSV file (numeric and categorical columns, missing values as-is) and write it as JSON',
    )
    .requiredOption('--csv <file>', 'training CSV file with a header line')
    .requiredOption(
      '--target <column>',
      'target column: two labels (or 0/1); numbers for reg:squarederror',
    )
    .option('--id <column>', 'identifier column: not a feature, echoed by predict and explain')
    .option(
      '--positive <label>',
      'target label counted as positive (default "1" for 0/1, else the lexicographically larger)',
    )
    .option(
      '--params <json>',
      'engine parameters as a JSON object, e.g. \'{"max_depth": 6, "eta": 0.1}\' (see docs/params.md)',
    )
    .requiredOption('--out <model.json>', 'model file to write')
    .option('-q, --quiet', 'no progress bars')
    .action(async (options: FitCliOptions) => {
      const input = parseParamsOption(options.params);
      const params = resolveParams(input);
      const table = await readTrainingCsv(options.csv, {
        target: options.target,
        ...(options.id === undefined ? {} : { id: options.id }),
        ...(options.positive === undefined ? {} : { positive: options.positive }),
        targetKind: params.objective === 'binary:logistic' ? 'binary' : 'numeric',
        progress: barFactory({ quiet: options.quiet ?? false }),
      });
      const bar = createProgress({
        label: 'fit',
        total: params.numRounds,
        unit: 'rounds',
        quiet: options.quiet ?? false,
      });
      const model = train(
        { features: table.features, labels: table.labels },
        {
          params: input,
          featureNames: table.featureNames,
          onProgress: (progress) => bar.update(progress.round),
        },
      );
      const seconds = bar.finish();
      await writeFile(options.out, serializeModel({ ...model, encoding: { ...table.encoding } }));
      const categorical = table.encoding.columns.filter((c) => c.kind === 'categorical').length;
      process.stdout.write(
        `fit: ${model.trees.length} trees on ${formatCount(table.features.numRows)} rows × ${table.featureNames.length} features (${categorical} categorical) in ${formatDuration(seconds)} → ${options.out}\n`,
      );
    });
}
