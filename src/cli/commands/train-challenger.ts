/**
 * `creditlens train --challenger`: trains a model WITHOUT promoting it — on the development data
 * and, with --window-since/--window-until, the stored applications of that window that have an
 * outcome (src/model/challenger/training-window.ts says why that is the window) — then compares it
 * with the active model (the champion) on the same labelled applications: an applications file
 * with an outcomes file, or the stored applications joined with the stored outcomes (those of the
 * training window left out, so the challenger is never judged on rows it learnt from). Prints the
 * comparison, a recommendation and the promote command; stores the comparison under
 * <data-dir>/challenges/. Every input is read and checked before training, so a mistake changes
 * nothing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dataPaths } from '../../api/config.ts';
import { isPostgresUrl, openAppStore } from '../../api/store/open.ts';
import { StoreOpenError } from '../../api/store/postgres-store.ts';
import { openDb } from '../../data/db.ts';
import { readFeatureColumns } from '../../data/features/feature-table.ts';
import {
  type ChallengeReport,
  challengeMarkdown,
  challengeOnWindow,
  featureRows,
  type HistoryOf,
  type LabelledApplication,
  labelledFromFiles,
  labelledFromStore,
  saveChallenge,
  withWindowRows,
} from '../../model/challenger/index.ts';
import { loadActiveRun, saveRun } from '../../model/registry/index.ts';
import type { TrainingOptions } from '../../model/training/index.ts';
import { UserError } from '../user-error.ts';
import type { ChallengerPlan, TrainPlan } from './train-options.ts';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface Inputs {
  /** Labelled stored applications of the training window (empty without a window). */
  readonly training: LabelledApplication[];
  /** The labelled applications both models are scored on. */
  readonly compareOn: LabelledApplication[];
  readonly source: string;
}

/** Reads the app store (when needed) and the files; nothing is written. */
async function readInputs(plan: ChallengerPlan, dataDir: string): Promise<Inputs> {
  const { window } = plan;
  const inWindow = (t: number | null) =>
    window !== null &&
    t !== null &&
    t >= window.since &&
    (window.until === undefined || t < window.until);
  let stored: LabelledApplication[] = [];
  if (window !== null || plan.compareOn.kind === 'store') {
    const location = plan.appDb ?? (process.env.CREDITLENS_APP_DB || dataPaths(dataDir).appDbPath);
    if (!isPostgresUrl(location) && !existsSync(location)) {
      throw new UserError(
        `no app store at ${location}: no stored applications to ${window !== null ? 'train on' : 'compare on'} (store some with creditlens score --save or POST /api/applications, or compare on files with --applications and --outcomes)`,
      );
    }
    const store = await openAppStore(location).catch((error: unknown) => {
      throw error instanceof StoreOpenError ? new UserError(error.message) : error;
    });
    try {
      stored = labelledFromStore(await store.applications.list({}), await store.outcomes.list());
    } finally {
      await store.close();
    }
  }
  const training = stored.filter((r) => inWindow(r.receivedAt));
  if (window !== null && training.length === 0) {
    throw new UserError(
      `no stored application with an outcome was received from ${day(window.since)} to ${window.until === undefined ? 'now' : day(window.until)}: nothing to add to the training data (drop --window-since to train on the development data alone)`,
    );
  }
  if (plan.compareOn.kind === 'files') {
    const { applications, outcomes } = plan.compareOn;
    const read = await labelledFromFiles(applications, outcomes);
    if (read.rows.length === 0) {
      throw new UserError(
        `no row of ${applications} has an outcome in ${outcomes}: nothing to compare on`,
      );
    }
    return { training, compareOn: read.rows, source: `${applications} with ${outcomes}` };
  }
  const compareOn = stored.filter((r) => !inWindow(r.receivedAt));
  if (compareOn.length === 0) {
    throw new UserError(
      window === null
        ? 'no stored application has an outcome yet: record outcomes (creditlens outcomes) or compare on files with --applications and --outcomes'
        : 'every stored application with an outcome is in the training window: nothing left to compare on (narrow the window, or compare on files with --applications and --outcomes)',
    );
  }
  return {
    training,
    compareOn,
    source: `the stored applications with an outcome${window === null ? '' : ' outside the training window'}`,
  };
}

/** History features of the clients the feature table knows, by id. */
async function historyOf(dbPath: string, names: readonly string[]): Promise<HistoryOf> {
  const db = await openDb(dbPath, { readOnly: true });
  try {
    const stored = await readFeatureColumns(db, names);
    const rowOf = new Map<number, number>();
    stored.ids.forEach((id, r) => {
      rowOf.set(id, r);
    });
    const column = new Map(names.map((n, i) => [n, stored.columns[i] as Float64Array]));
    return (id, feature) => {
      const r = rowOf.get(id);
      const v = r === undefined ? undefined : column.get(feature)?.[r];
      return v === undefined || Number.isNaN(v) ? null : v;
    };
  } finally {
    db.close();
  }
}

/** Runs the whole challenge; returns what to print. */
export async function trainChallenger(
  plan: TrainPlan & {
    readonly challenger: ChallengerPlan;
    readonly source: { kind: 'feature-table'; dbPath: string };
  },
  training: TrainingOptions,
  dataDir: string,
  defaultDataDir: boolean,
): Promise<{ markdown: string; saved: string }> {
  const champion = await loadActiveRun(plan.modelsDir);
  if (champion === null) {
    throw new UserError(
      'no active model to challenge: train and activate one first (creditlens train)',
    );
  }
  const inputs = await readInputs(plan.challenger, dataDir);
  const { dbPath } = plan.source;
  // The champion must read at least one compared row, or there is nothing to compare.
  const championNames = champion.model.featureNames;
  let history = await historyOf(dbPath, championNames);
  const probe = featureRows(inputs.compareOn, championNames, history);
  if (probe.kept.length === 0) {
    const first = probe.rejected[0];
    throw new UserError(
      `no compared application can be read${first === undefined ? '' : `: ${first.where}: ${first.message}`}`,
    );
  }
  const { loadFeatureTable, trainOnData } = await import('../../model/training/index.ts');
  const data = await loadFeatureTable(dbPath, {
    includeProtected: plan.includeProtected,
    ...(training.progress ? { progress: training.progress } : {}),
  });
  const extended = withWindowRows(data, inputs.training);
  const outcome = trainOnData(extended.data, training);
  // Never promoted here: `models promote` does that once the comparison says so.
  const record = await saveRun(plan.modelsDir, outcome, { activate: false });
  const names = [...new Set([...championNames, ...record.featureNames])];
  if (names.length > championNames.length) history = await historyOf(dbPath, names);
  const result = challengeOnWindow(
    champion,
    { record, model: outcome.model },
    inputs.compareOn,
    history,
  );
  const window = plan.challenger.window;
  const report: ChallengeReport = {
    format: 'creditlens-challenge',
    version: 1,
    createdAt: new Date().toISOString(),
    training: {
      windowSince: window === null ? null : day(window.since),
      windowUntil: window?.until === undefined ? null : day(window.until),
      added: extended.added,
      rejected: extended.rejected.length,
    },
    window: { source: inputs.source, rejected: result.rejected },
    challenge: result.challenge,
    promoteCommand: `creditlens models promote ${record.id}${defaultDataDir ? '' : ` --data-dir ${dataDir}`}`,
  };
  const saved = await saveChallenge(join(dataDir, 'challenges'), report);
  return { markdown: challengeMarkdown(report), saved };
}
