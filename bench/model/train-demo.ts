/**
 * Times the whole training pipeline on the demo database, as the first `npm start` runs it:
 *   node --import tsx bench/model/train-demo.ts [db] [timeBudgetSeconds]
 * Prints one line per stage and trial, then the candidates' figures.
 */
import { dataPaths } from '../../src/api/config.ts';
import { trainFromFeatureTable } from '../../src/model/training/index.ts';

async function main(): Promise<void> {
  const db = process.argv[2] ?? dataPaths('data').dbPath;
  const budget = Number(process.argv[3] ?? 45);
  const started = performance.now();
  const { draft, model } = await trainFromFeatureTable(db, {
    timeBudgetSeconds: budget,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `total ${seconds.toFixed(1)} s; chosen ${draft.chosen}, ${model.kind === 'trees' ? `${model.engine.trees.length} trees` : 'logistic regression'}, threshold ${draft.threshold.toFixed(4)}, calibration ${draft.calibration.method}\n`,
  );
  for (const c of draft.candidates) {
    const h = c.holdout;
    process.stdout.write(
      `${c.name.padEnd(14)} cv AUC ${c.cv.mean.rocAuc.toFixed(4)} ± ${c.cv.std.rocAuc.toFixed(4)}  cost ${c.cv.mean.normalisedCost.toFixed(4)} | holdout AUC ${h.rocAuc.toFixed(4)} log-loss ${h.logLoss.toFixed(4)} norm. cost ${h.normalisedCost.toFixed(4)} recall ${h.recall.toFixed(3)}\n`,
    );
  }
  process.stdout.write(
    `brier ${draft.calibration.brierBefore.toFixed(5)} → ${draft.calibration.brierAfter.toFixed(5)}\n`,
  );
  process.stdout.write(
    `top themes: ${draft.importance.themes
      .slice(0, 4)
      .map((t) => t.theme)
      .join(', ')}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
