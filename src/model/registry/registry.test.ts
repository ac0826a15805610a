import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromColumns, type Model } from '../../engine/index.ts';
import { ModelError } from '../errors.ts';
import { scoreBandsAt } from '../evaluation/score-scale.ts';
import { asScoringModel, type ScoringModel } from '../scoring-model/index.ts';
import { listRuns, loadActiveRun, loadRun, promoteRun, saveRun } from './index.ts';
import { fabricateDraft, seededRandom, tinyModel } from './test-support.ts';

let root: string;
let modelsDir: string;
const model = tinyModel();

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'creditlens-registry-'));
  modelsDir = join(root, 'models');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function scores(m: Model | ScoringModel): Float64Array {
  const random = seededRandom(11);
  const columns = m.featureNames.map(() =>
    Float64Array.from({ length: 50 }, () => random() * 2 - 1),
  );
  return asScoringModel(m).predict(fromColumns(columns));
}

async function errorOf(promise: Promise<unknown>): Promise<ModelError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return error as ModelError;
  }
  throw new Error('expected a ModelError');
}

/** Every file and directory under the models directory with its content (directories: ''). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    out[path] = entry.isDirectory() ? '' : readFileSync(path, 'utf8');
  }
  return out;
}

describe('model registry', () => {
  it('round-trips a run: same record, a model predicting the same', async () => {
    const saved = await saveRun(modelsDir, { model, draft: fabricateDraft() });
    expect(saved.id).toMatch(/^m-\d{8}-\d{6}-[0-9a-f]{4}$/);
    expect(saved.codeVersion.length).toBeGreaterThan(0);
    const loaded = await loadRun(modelsDir, saved.id);
    expect(loaded.record).toEqual(saved);
    expect(loaded.model.kind).toBe('trees');
    expect(Array.from(scores(loaded.model))).toEqual(Array.from(scores(model)));
    expect(readdirSync(join(modelsDir, saved.id)).sort()).toEqual([
      'card.html',
      'card.md',
      'model.json',
      'run.json',
    ]);
  });

  it('activates the first run only, unless asked', async () => {
    const first = await saveRun(modelsDir, { model, draft: fabricateDraft() });
    const second = await saveRun(modelsDir, { model, draft: fabricateDraft() });
    expect((await loadActiveRun(modelsDir))?.record.id).toBe(first.id);
    const third = await saveRun(modelsDir, { model, draft: fabricateDraft() }, { activate: true });
    expect((await loadActiveRun(modelsDir))?.record.id).toBe(third.id);
    expect(second.id).not.toBe(first.id);
  });

  it('does not activate with activate: false, even when none is active', async () => {
    await saveRun(modelsDir, { model, draft: fabricateDraft() }, { activate: false });
    expect(await loadActiveRun(modelsDir)).toBeNull();
  });

  it('lists runs newest first with the active one flagged', async () => {
    const ids: string[] = [];
    for (const minute of [1, 2, 3]) {
      const now = new Date(Date.UTC(2026, 10, 28, 3, minute, 0));
      ids.push((await saveRun(modelsDir, { model, draft: fabricateDraft() }, { now })).id);
    }
    const list = await listRuns(modelsDir);
    expect(list.map((r) => r.id)).toEqual([...ids].reverse());
    expect(list.map((r) => r.active)).toEqual([false, false, true]);
    expect(list[0]?.id.startsWith('m-20261128-0303')).toBe(true);
    const gbdt = fabricateDraft().candidates.find((c) => c.name === 'gbdt');
    expect(list[0]?.holdoutAuc).toBe(gbdt?.holdout.rocAuc);
    expect(list[0]?.chosen).toBe('gbdt');
  });

  it('loses no run when several saves run at once', async () => {
    const saved = await Promise.all(
      Array.from({ length: 6 }, () => saveRun(modelsDir, { model, draft: fabricateDraft() })),
    );
    const listed = await listRuns(modelsDir);
    expect(listed.map((r) => r.id).sort()).toEqual(saved.map((r) => r.id).sort());
    expect(listed.filter((r) => r.active).length).toBe(1);
    expect(readdirSync(modelsDir).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('promotes a run, by id or unambiguous prefix', async () => {
    const first = await saveRun(modelsDir, { model, draft: fabricateDraft() });
    const second = await saveRun(
      modelsDir,
      { model, draft: fabricateDraft() },
      {
        now: new Date(Date.UTC(2027, 0, 1)),
      },
    );
    expect(await promoteRun(modelsDir, second.id)).toBe(second.id);
    expect((await loadActiveRun(modelsDir))?.record.id).toBe(second.id);
    await promoteRun(modelsDir, first.id.slice(0, 12));
    expect((await listRuns(modelsDir)).find((r) => r.active)?.id).toBe(first.id);
  });

  it('names an unknown id', async () => {
    await saveRun(modelsDir, { model, draft: fabricateDraft() });
    const error = await errorOf(promoteRun(modelsDir, 'm-19990101-000000-ffff'));
    expect(error.code).toBe('UNKNOWN_MODEL');
    expect(error.message).toContain('m-19990101-000000-ffff');
  });

  it('names a models directory that does not exist', async () => {
    const error = await errorOf(listRuns(modelsDir));
    expect(error.code).toBe('MISSING_MODELS_DIR');
    expect(error.message).toContain(modelsDir);
    expect(await loadActiveRun(modelsDir)).toBeNull();
  });

  it('names a corrupt registry.json and writes nothing', async () => {
    mkdirSync(modelsDir);
    writeFileSync(join(modelsDir, 'registry.json'), '{"active": "m-1", "models": [');
    const before = snapshot(modelsDir);
    const error = await errorOf(saveRun(modelsDir, { model, draft: fabricateDraft() }));
    expect(error.code).toBe('CORRUPT_REGISTRY');
    expect(error.message).toContain(join(modelsDir, 'registry.json'));
    expect(snapshot(modelsDir)).toEqual(before);
    writeFileSync(join(modelsDir, 'registry.json'), '{"active": "m-1", "models": []}');
    expect((await errorOf(listRuns(modelsDir))).message).toMatch(/active model "m-1"/);
  });

  it('names a corrupt run.json', async () => {
    const saved = await saveRun(modelsDir, { model, draft: fabricateDraft() });
    const file = join(modelsDir, saved.id, 'run.json');
    writeFileSync(file, '{"format": "creditlens-run", "version": 1,');
    const error = await errorOf(loadRun(modelsDir, saved.id));
    expect(error.code).toBe('CORRUPT_RUN');
    expect(error.message).toContain(file);
    writeFileSync(file, JSON.stringify({ ...saved, version: 9 }));
    expect((await errorOf(loadRun(modelsDir, saved.id))).message).toMatch(/version 9/);
  });

  it('reads a record written before runs listed their constraints as unconstrained, without comparisons', async () => {
    const saved = await saveRun(modelsDir, { model, draft: fabricateDraft() });
    const file = join(modelsDir, saved.id, 'run.json');
    const { monotone: _m, clientExplainableOnly: _c, comparisons: _k, ...older } = saved;
    writeFileSync(file, JSON.stringify(older));
    const { record } = await loadRun(modelsDir, saved.id);
    expect(record.monotone).toEqual({ enabled: false, constraints: [], learned: [] });
    expect(record.clientExplainableOnly).toBe(false);
    expect(record.comparisons).toEqual([]);
  });

  it('reads a record whose bands straddle the threshold with the bands of its threshold', async () => {
    const saved = await saveRun(modelsDir, { model, draft: fabricateDraft() });
    const file = join(modelsDir, saved.id, 'run.json');
    const straddling = [
      { name: 'excellent', minPoints: 599 },
      { name: 'good', minPoints: 572 },
      { name: 'fair', minPoints: 545 },
      { name: 'poor', minPoints: null },
    ];
    writeFileSync(file, JSON.stringify({ ...saved, scoreBands: straddling }));
    const { record } = await loadRun(modelsDir, saved.id);
    expect(record.scoreBands).toEqual(scoreBandsAt(saved.threshold, saved.scoreScale));
    expect(record.scoreBands.map((b) => b.name)).toEqual([
      'excellent',
      'good',
      'fair',
      'high',
      'poor',
    ]);
  });

  it('leaves no temporary file, and a failed save leaves the previous state intact', async () => {
    const saved = await saveRun(modelsDir, { model, draft: fabricateDraft() });
    expect(Object.keys(snapshot(modelsDir)).filter((p) => p.includes('.tmp-'))).toEqual([]);
    const before = snapshot(modelsDir);

    // The run directory fails half-way (the model cannot be serialised).
    const broken = Object.defineProperty({ ...model }, 'trees', {
      get() {
        throw new Error('disk full');
      },
    }) as Model;
    await expect(saveRun(modelsDir, { model: broken, draft: fabricateDraft() })).rejects.toThrow(
      'disk full',
    );
    expect(snapshot(modelsDir)).toEqual(before);

    // The registry update fails after the run directory was written (its temp name is taken).
    mkdirSync(join(modelsDir, `registry.json.tmp-${process.pid}`, 'blocker'), { recursive: true });
    await expect(
      saveRun(modelsDir, { model, draft: fabricateDraft() }, { activate: true }),
    ).rejects.toThrow();
    expect(snapshot(modelsDir)).toEqual(before);
    expect((await loadActiveRun(modelsDir))?.record.id).toBe(saved.id);
  });
});
