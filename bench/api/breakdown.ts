/**
 * Where one explanation and one what-if spend their time, in process (no sockets, no load tool):
 * each stage timed over distinct demo clients, then whole requests through inject() in CPU
 * milliseconds (process.cpuUsage, so other processes on the machine do not count), cold (a client
 * not asked before) and warm (the explanation cache). Needs the demo data (`npm start -- --no-serve`).
 *
 *   node --import tsx bench/api/breakdown.ts [--data-dir data] [--clients 2000]
 */
import { performance } from 'node:perf_hooks';
import { compactExplanation } from '../../src/api/explanation/compact.ts';
import { buildServer } from '../../src/api/server.ts';
import { login } from '../../src/api/test-support.ts';
import { featuresForApplication } from '../../src/data/features/what-if.ts';
import {
  explainRow,
  loadApplications,
  referenceStatsOf,
  scorerFromModel,
  whatIfInMemory,
} from '../../src/explain/index.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const dataDir = option('--data-dir', 'data');
const clientCount = Number(option('--clients', '2000'));

function stage(label: string, n: number, body: (i: number) => unknown): void {
  body(0);
  const start = performance.now();
  for (let i = 0; i < n; i++) body(i);
  const ms = (performance.now() - start) / n;
  console.log(`| ${label} | ${ms.toFixed(3)} |`);
}

const app = await buildServer({ dataDir, logLevel: 'silent', webDist: null });
try {
  await app.ready();
  const cookie = await login(app, 'adviser');
  const { scores, clients } = app.ctx;
  if (!scores || !clients)
    throw new Error('no active model or data: run `npm start -- --no-serve`');
  const { model, record } = scores;
  const { ids, columns } = clients.featureColumns(model.featureNames);
  const n = Math.min(clientCount, ids.length);
  const rows = Array.from({ length: n }, (_, r) =>
    Float64Array.from(columns, (c) => c[r] as number),
  );
  const explainer = model.explainer();
  const scorer = scorerFromModel(model, explainer);
  const stats = referenceStatsOf(clients.population());
  const shaps = rows.map((row) => explainer.explainRow(row));
  const explanations = rows.map((row, i) =>
    explainRow(shaps[i] as never, model.featureNames, row, { run: record, stats, topN: 10 }),
  );
  console.log(`${n} distinct clients, ${model.featureNames.length} features\n`);
  console.log('| Stage (one client) | ms |');
  console.log('|---|---:|');
  stage('TreeSHAP, one row (engine)', n, (i) => explainer.explainRow(rows[i] as Float64Array));
  stage('contributions, themes, reasons (explainRow)', n, (i) =>
    explainRow(shaps[i] as never, model.featureNames, rows[i] as Float64Array, {
      run: record,
      stats,
      topN: 10,
    }),
  );
  stage('compact answer + JSON.stringify', n, (i) =>
    JSON.stringify(compactExplanation(explanations[i] as never, false, 'adviser')),
  );
  const few = Array.from(ids.slice(0, 100), Number);
  const bases = await clients.withDb((db) => loadApplications(db, few));
  const position = new Map(Array.from(ids, (id, r) => [Number(id), r]));
  stage('what-if features + score + SHAP, in memory (row evaluator)', 2000, (i) => {
    const id = few[i % few.length] as number;
    const r = position.get(id) as number;
    return whatIfInMemory(
      scorer,
      bases.get(id) ?? {},
      { AMT_CREDIT: 200_000 + i },
      (_f, j) => columns[j]?.[r],
    );
  });
  const duckdb = await clients.withDb(async (db) => {
    const start = performance.now();
    for (const id of few.slice(0, 20)) {
      await featuresForApplication(db, { ...bases.get(id), AMT_CREDIT: 200_000 });
    }
    return (performance.now() - start) / 20;
  });
  console.log(`| what-if features through DuckDB (the reference path) | ${duckdb.toFixed(3)} |`);

  async function requests(
    label: string,
    count: number,
    url: (i: number) => string,
    body?: (i: number) => object,
  ) {
    const cpu = process.cpuUsage();
    for (let i = 0; i < count; i++) {
      const reply = await app.inject({
        method: body ? 'POST' : 'GET',
        url: url(i),
        headers: { cookie },
        ...(body ? { payload: body(i) } : {}),
      });
      if (reply.statusCode !== 200) throw new Error(`${label}: ${reply.statusCode} ${reply.body}`);
    }
    const used = process.cpuUsage(cpu);
    console.log(`| ${label} | ${((used.user + used.system) / 1000 / count).toFixed(3)} |`);
  }
  console.log('\n| Whole request through inject() | CPU ms |');
  console.log('|---|---:|');
  const id = (i: number) => Number(ids[i % n]);
  await requests('GET score', 1000, (i) => `/api/clients/${id(i)}/score`);
  await requests(
    'GET explanation, cold (distinct clients)',
    n,
    (i) => `/api/clients/${id(i)}/explanation`,
  );
  await requests(
    'GET explanation, warm (same 100 clients, cached)',
    1000,
    (i) => `/api/clients/${id(i % 100)}/explanation`,
  );
  await requests(
    'POST what-if (stored applications cached)',
    1000,
    () => '/api/score',
    (i) => ({
      clientId: id(i % 100),
      changes: { AMT_CREDIT: 200_000 + i },
    }),
  );
} finally {
  await app.close();
}
