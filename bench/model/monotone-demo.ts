/**
 * How the trained models of a data directory behave when a client asks for less money or earns
 * more: for each run (default: every run of the registry), its holdout figures, then over the
 * first 200 clients (by SK_ID_CURR, as the dashboard lists them) and over every client, the share
 * whose served probability of default rises when the amount is cut — at the same term (instalment
 * recomputed, unrounded; goods price following, or staying), by the API's loan rule (the same,
 * rounded to the cent), and as the what-if did before that rule (instalment kept, so the term
 * halves; goods price unchanged) — and when the income doubles.
 *   node --import tsx bench/model/monotone-demo.ts <data-dir> [run id…]
 */
import { dataPaths } from '../../src/api/config.ts';
import { openDb } from '../../src/data/db.ts';
import type { RawApplication } from '../../src/data/features/application-input.ts';
import { readFeatureColumns } from '../../src/data/features/index.ts';
import { featuresInMemory } from '../../src/data/features/what-if.ts';
import { toCent, withLoanRule } from '../../src/explain/loan-terms.ts';
import { lessMoney, moreIncome } from '../../src/explain/test-support.ts';
import { loadApplications } from '../../src/explain/what-if.ts';
import { applyCalibrator } from '../../src/model/evaluation/index.ts';
import { listRuns, loadRun } from '../../src/model/registry/index.ts';

/** The API's loan rule (src/explain/loan-terms.ts: instalment and goods price to the cent). */
const byLoanRule =
  (factor: number) =>
  (a: RawApplication): RawApplication => {
    const amount = typeof a.AMT_CREDIT === 'number' ? toCent(a.AMT_CREDIT * factor) : null;
    return amount === null
      ? a
      : ({ ...a, ...withLoanRule(a, { AMT_CREDIT: amount }).changes } as RawApplication);
  };

const CHANGES: readonly [string, (a: RawApplication) => RawApplication][] = [
  ['amount ÷ 2, term kept, goods price following (unrounded)', (a) => lessMoney(a, 0.5, 'follows')],
  ['amount ÷ 2, term kept, goods price unchanged (unrounded)', (a) => lessMoney(a, 0.5, 'stays')],
  ["amount ÷ 2 by the API's loan rule (to the cent)", byLoanRule(0.5)],
  ["amount × 0.37 by the API's loan rule", byLoanRule(0.37)],
  ["amount × 0.13 by the API's loan rule", byLoanRule(0.13)],
  [
    'amount ÷ 2, instalment kept (term halves), goods price unchanged',
    (a) => lessMoney(a, 0.5, 'stays', 'instalment'),
  ],
  ['income × 2', (a) => moreIncome(a, 2)],
];

async function main(): Promise<void> {
  const dataDir = process.argv[2] ?? 'data';
  const { dbPath, modelsDir } = dataPaths(dataDir);
  const ids = process.argv.slice(3);
  const runs = ids.length > 0 ? ids : (await listRuns(modelsDir)).map((r) => r.id);
  const db = await openDb(dbPath, { readOnly: true });
  const loaded = await Promise.all(runs.map((id) => loadRun(modelsDir, id)));
  const names = [...new Set(loaded.flatMap((r) => r.model.featureNames))];
  const read = await readFeatureColumns(db, names);
  const clientIds = Array.from(read.ids);
  const applications = new Map<number, RawApplication>();
  for (let start = 0; start < clientIds.length; start += 256) {
    const batch = clientIds.slice(start, start + 256);
    for (const [id, a] of await loadApplications(db, batch)) applications.set(id, a);
  }
  db.close();
  const column = new Map(names.map((n, c) => [n, read.columns[c] as Float64Array]));
  for (const run of loaded) {
    const { model, record } = run;
    const chosen = record.candidates.find((c) => c.name === record.chosen);
    process.stdout.write(
      `\n${record.id}: ${record.monotone?.enabled ? `monotone (${record.monotone.constraints.length} constraints)` : 'unconstrained'}${record.clientExplainableOnly ? ', client-explainable only' : ''}, ${model.featureNames.length} features, ${record.search.trials.length} trials, ${record.chosen}\n`,
    );
    process.stdout.write(
      `  CV ROC-AUC ${chosen?.cv.mean.rocAuc.toFixed(4)} ± ${chosen?.cv.std.rocAuc.toFixed(4)}, CV cost ${chosen?.cv.mean.normalisedCost.toFixed(4)} ± ${chosen?.cv.std.normalisedCost.toFixed(4)} | holdout ROC-AUC ${chosen?.holdout.rocAuc.toFixed(4)}, cost ${chosen?.holdout.normalisedCost.toFixed(4)}\n`,
    );
    for (const c of record.comparisons ?? []) {
      const v = c.alternative;
      process.stdout.write(
        `  comparison ${c.setting}: alternative ${v.featureCount} features, CV ROC-AUC ${v.cvRocAuc.toFixed(4)} ± ${v.cvRocAucStd.toFixed(4)}, CV cost ${v.cvNormalisedCost.toFixed(4)} | holdout ROC-AUC ${v.holdoutRocAuc.toFixed(4)}, cost ${v.holdoutNormalisedCost.toFixed(4)}\n`,
      );
    }
    const probability = (r: number, application: RawApplication) => {
      const values = featuresInMemory(application, model.featureNames, (f) => {
        const v = column.get(f)?.[r] as number;
        return Number.isNaN(v) ? null : v;
      });
      const row = Float64Array.from(values, (v) => (v === null ? Number.NaN : v));
      return applyCalibrator(record.calibrator, model.predictRow(row));
    };
    const raised = CHANGES.map(() => ({ first200: 0, all: 0 }));
    clientIds.forEach((id, r) => {
      const application = applications.get(id) as RawApplication;
      const before = probability(r, application);
      CHANGES.forEach(([, change], c) => {
        if (probability(r, change(application)) > before + 1e-12) {
          const counts = raised[c] as { first200: number; all: number };
          counts.all++;
          if (r < 200) counts.first200++;
        }
      });
    });
    CHANGES.forEach(([label], c) => {
      const { first200, all } = raised[c] as { first200: number; all: number };
      process.stdout.write(
        `  ${label}: probability raised for ${first200}/200 of the first clients, ${all}/${clientIds.length} (${((100 * all) / clientIds.length).toFixed(1)} %) of all\n`,
      );
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
