/**
 * Opening what the server serves: the DuckDB feature store read-only and the active model's
 * scores of its clients, or why either is unavailable (the server still starts, and /readyz says
 * why it is not ready).
 */
import { existsSync } from 'node:fs';
import { type Db, openDb } from '../../data/db.ts';
import { loadActiveRun } from '../../model/registry/index.ts';
import { ClientRepository } from '../clients/repository.ts';
import { ScoreTable } from './score-table.ts';
import type { ServedState } from './served-model.ts';

/** The client data over the DuckDB file opened read-only, or why it is unavailable. */
export async function openClients(path: string): Promise<{
  db: Db | null;
  clients: ClientRepository | null;
  problem: string | null;
}> {
  if (!existsSync(path)) {
    return { db: null, clients: null, problem: `no database at ${path}: run creditlens start` };
  }
  let db: Db | null = null;
  try {
    db = await openDb(path, { readOnly: true });
    return { db, clients: await ClientRepository.open(db), problem: null };
  } catch (error) {
    db?.close();
    return { db: null, clients: null, problem: `cannot read ${path}: ${(error as Error).message}` };
  }
}

/** The active model's scores of every client, or why there are none. */
export async function loadScores(
  modelsDir: string,
  clients: ClientRepository | null,
): Promise<{ scores: ScoreTable | null; modelProblem: string | null }> {
  if (!clients) return { scores: null, modelProblem: 'no client database to score' };
  try {
    const run = await loadActiveRun(modelsDir);
    if (!run)
      return {
        scores: null,
        modelProblem: `no active model in ${modelsDir}: run creditlens train`,
      };
    return { scores: await ScoreTable.compute(clients, run), modelProblem: null };
  } catch (error) {
    return {
      scores: null,
      modelProblem: `cannot load the active model: ${(error as Error).message}`,
    };
  }
}

/** The served state over `clients` (already open) or over the DuckDB file at `dbPath`. */
export async function openServedState(
  dbPath: string,
  modelsDir: string,
  given?: ClientRepository,
): Promise<{ state: ServedState; db: Db | null }> {
  const { db, clients, problem } = given
    ? { db: null, clients: given, problem: null }
    : await openClients(dbPath);
  const { scores, modelProblem } = await loadScores(modelsDir, clients);
  return { state: { clients, clientsProblem: problem, scores, problem: modelProblem }, db };
}
