/**
 * Timings of src/explain on the demo database (opened read-only): a small engine model is trained
 * on the train clients for the purpose, then each call is timed over a few clients.
 * Run: node --import tsx bench/explain/explain.bench.ts [path/to/creditlens.duckdb]
 */
import { performance } from 'node:perf_hooks';
import { withDb } from '../../src/data/db.ts';
import { denseMatrix, train } from '../../src/engine/index.ts';
import {
  distributionOf,
  explainRow,
  loadApplication,
  loadPopulation,
  recourseFor,
  referenceStatsOf,
  rowsOfIds,
  SimilarIndex,
  scoreApplication,
  scorerFromModel,
  similarityFeatures,
  whatIf,
} from '../../src/explain/index.ts';
import { DEFAULT_SCORE_SCALE } from '../../src/model/evaluation/score-scale.ts';

const path = process.argv[2] ?? 'data/creditlens.duckdb';

function time(label: string, runs: number, body: (i: number) => unknown): void {
  body(0); // warm-up
  const start = performance.now();
  for (let i = 0; i < runs; i++) body(i);
  console.log(
    `${label.padEnd(44)} ${((performance.now() - start) / runs).toFixed(3)} ms/call (${runs} calls)`,
  );
}

async function timeAsync(
  label: string,
  runs: number,
  body: (i: number) => Promise<unknown>,
): Promise<void> {
  await body(0);
  const start = performance.now();
  for (let i = 0; i < runs; i++) await body(i);
  console.log(
    `${label.padEnd(44)} ${((performance.now() - start) / runs).toFixed(3)} ms/call (${runs} calls)`,
  );
}

await withDb(
  path,
  async (db) => {
    let t = performance.now();
    const population = await loadPopulation(db);
    console.log(
      `loadPopulation: ${population.size} clients × ${population.names.length} features in ${(performance.now() - t).toFixed(0)} ms`,
    );
    t = performance.now();
    const stats = referenceStatsOf(population);
    console.log(`referenceStatsOf: ${(performance.now() - t).toFixed(0)} ms`);

    const names = population.names.filter(
      (n) => !n.startsWith('CODE_GENDER__') && !n.startsWith('NAME_FAMILY_STATUS__'),
    );
    const rows: number[] = [];
    for (let r = 0; r < population.size; r++) if (population.isTrain[r] === 1) rows.push(r);
    const values = new Float64Array(rows.length * names.length);
    rows.forEach((r, i) => {
      names.forEach((n, j) => {
        values[i * names.length + j] = population.columns.get(n)?.[r] as number;
      });
    });
    t = performance.now();
    const model = train(
      {
        features: denseMatrix(values, rows.length, names.length, 'row-major'),
        labels: rows.map((r) => population.target[r] as number),
      },
      { params: { numRounds: 100, eta: 0.1, maxDepth: 6 }, featureNames: names },
    );
    console.log(
      `bench model: ${model.trees.length} trees trained in ${(performance.now() - t).toFixed(0)} ms`,
    );
    const scorer = scorerFromModel(model);
    const run = { scoreScale: DEFAULT_SCORE_SCALE, calibrator: { kind: 'identity' as const } };
    const clients = Array.from({ length: 50 }, (_, i) => Math.floor((i * population.size) / 50));
    const rowOf = (r: number) =>
      Float64Array.from(names, (n) => population.columns.get(n)?.[r] as number);
    const clientRows = clients.map(rowOf);
    const shaps = clientRows.map((row) => scorer.explain(row));

    time('SHAP of one row (engine, for reference)', 50, (i) =>
      scorer.explain(clientRows[i % 50] as Float64Array),
    );
    time('explanation beyond SHAP (contrib+themes+reasons)', 200, (i) =>
      explainRow(shaps[i % 50] as never, names, clientRows[i % 50] as Float64Array, { run, stats }),
    );

    // Importance for the similar-clients space: mean |SHAP| over 500 train clients.
    const importance = new Float64Array(names.length);
    for (let i = 0; i < 500; i++) {
      const shap = scorer.explain(rowOf(rows[(i * 37) % rows.length] as number));
      shap.values.forEach((v, j) => {
        importance[j] = (importance[j] as number) + Math.abs(v) / 500;
      });
    }
    const features = similarityFeatures(
      names.map((name, j) => ({ name, meanAbsShap: importance[j] as number })),
      population,
      15,
    );
    t = performance.now();
    const index = new SimilarIndex(population, features);
    console.log(
      `SimilarIndex build (${features.length} features): ${(performance.now() - t).toFixed(1)} ms`,
    );
    time('similar clients, k = 10', 200, (i) =>
      index.nearestToClient(population.ids[clients[i % 50] as number] as number, 10),
    );

    const top = features[0]?.name ?? 'EXT_SOURCE_2';
    time(`distribution, all clients (${top})`, 100, (i) =>
      distributionOf(population, top, {
        clientId: population.ids[clients[i % 50] as number] as number,
      }),
    );
    const similarIds = index
      .nearestToClient(population.ids[0] as number, 200)
      .neighbours.map((n) => n.id);
    time('distribution, 200 similar clients', 200, () =>
      distributionOf(population, top, { rows: rowsOfIds(population, similarIds) }),
    );

    const ids = clients.slice(0, 10).map((r) => population.ids[r] as number);
    await timeAsync('loadApplication', 10, (i) => loadApplication(db, ids[i % 10] as number));
    const apps = await Promise.all(ids.map((id) => loadApplication(db, id)));
    await timeAsync('scoreApplication (features + score + SHAP)', 10, (i) =>
      scoreApplication(db, scorer, apps[i % 10] as never),
    );
    await timeAsync('whatIf (load + validate + features + score)', 10, (i) =>
      whatIf(db, scorer, ids[i % 10] as number, { AMT_CREDIT: 200000 + 1000 * i }),
    );
    // Threshold at the median of these clients' probabilities: about half are refused.
    const probs = apps
      .map((_, i) => scorer.predictRaw(clientRows[i] as Float64Array))
      .sort((a, b) => a - b);
    const threshold = probs[probs.length >> 1] as number;
    const decide = (p: number) => (p >= threshold ? 'refuse' : 'grant') as 'refuse' | 'grant';
    let evaluations = 0;
    let found = 0;
    let refused = 0;
    const start = performance.now();
    for (const app of apps) {
      const result = await recourseFor(db, scorer, decide, app);
      evaluations += result.evaluations;
      if (result.decision === 'refuse') refused++;
      found += result.proposals.length;
    }
    console.log(
      `recourse: ${((performance.now() - start) / apps.length).toFixed(1)} ms/client, ${evaluations} scorings, ${refused} refused, ${found} proposals`,
    );
  },
  { readOnly: true },
);
