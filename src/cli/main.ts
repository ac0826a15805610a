/** The `creditlens` command: one sub-command per file under ./commands. */
import { Command, CommanderError } from 'commander';
import { registerExplain } from './commands/explain.ts';
import { registerExport } from './commands/export.ts';
import { registerFeatures } from './commands/features.ts';
import { registerFit } from './commands/fit.ts';
import { registerGenerate } from './commands/generate.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerModels } from './commands/models.ts';
import { registerMonitor } from './commands/monitor.ts';
import { registerOutcomes } from './commands/outcomes.ts';
import { registerPredict } from './commands/predict.ts';
import { registerScore } from './commands/score.ts';
import { registerServe } from './commands/serve.ts';
import { registerStart } from './commands/start.ts';
import { registerTrain } from './commands/train.ts';
import { UserError } from './user-error.ts';

/**
 * Errors from lower layers that the user can act on carry `userFacing: true`: DataError,
 * EngineError, ModelError and ConfigError (their codes: docs/errors.md).
 */
function isUserFacing(error: unknown): error is Error {
  return error instanceof Error && (error as { userFacing?: unknown }).userFacing === true;
}

const program = new Command()
  .name('creditlens')
  .description(
    'Credit scoring for "Prêt à dépenser": Home Credit data, gradient-boosted trees, explanations.',
  )
  .showHelpAfterError()
  .exitOverride();

registerGenerate(program);
registerIngest(program);
registerFeatures(program);
registerFit(program);
registerTrain(program);
registerModels(program);
registerMonitor(program);
registerOutcomes(program);
registerPredict(program);
registerScore(program);
registerExplain(program);
registerExport(program);
registerStart(program);
registerServe(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else if (error instanceof UserError || isUserFacing(error)) {
    process.stderr.write(`creditlens: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
