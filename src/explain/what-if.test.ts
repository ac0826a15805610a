import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedFile } from '../../test/support/shared-dir.ts';
import { type Db, quoteLiteral } from '../data/db.ts';
import { DataError } from '../data/errors.ts';
import { buildFeaturesIn } from '../data/features/build.ts';
import { dictionaryEntry } from '../data/features/dictionary.ts';
import { type FixtureRow, openFixtureDb, withFixtureDb } from '../data/features/test-fixtures.ts';
import { featuresForApplication } from '../data/features/what-if.ts';
import { APPLICATION_TEST_COLUMNS } from '../data/schema.ts';
import { predictMarginRow, predictRow } from '../engine/index.ts';
import { loadPopulation } from './population.ts';
import { RECOURSE_FIELDS, recourseFor } from './recourse.ts';
import { rowForScorer, type Scorer, scorerFromModel } from './scorer.ts';
import { syntheticModel, syntheticPopulation } from './test-support.ts';
import {
  applyChanges,
  cachedApplicationLoader,
  loadApplication,
  loadApplications,
  NEW_APPLICATION_REQUIRED,
  scoreApplication,
  scoreNewApplication,
  whatIf,
  whatIfInMemory,
} from './what-if.ts';

/** Real rows, read from ../shared in place; without it the file's tests are skipped. */
const SAMPLE = sharedFile('data/home-credit/application_test_sample.csv');
const describeWithSample = describe.skipIf(SAMPLE.missing !== null);

let db: Db | undefined;
let real: FixtureRow[] = [];
const fixtureDb = (): Db => {
  if (!db) throw new Error('fixture database not open');
  return db;
};

beforeAll(async () => {
  if (SAMPLE.missing) return;
  await withFixtureDb({}, async (tmp) => {
    const text = await tmp.all<Record<string, string | null>>(
      `SELECT * FROM read_csv(${quoteLiteral(SAMPLE.path)}, header = true, all_varchar = true)
       ORDER BY CAST(SK_ID_CURR AS BIGINT) LIMIT 16`,
    );
    real = text.map((row) =>
      Object.fromEntries(
        APPLICATION_TEST_COLUMNS.map(({ name, kind }) => {
          const v = row[name] ?? null;
          return [name, v === null || v === '' ? null : kind === 'cat' ? v : Number(v)];
        }),
      ),
    );
  });
  expect(real.some((r) => r.DAYS_EMPLOYED === 365243)).toBe(true);
  db = await openFixtureDb({
    application_train: real.slice(0, 10).map((r, i) => ({ ...r, TARGET: i % 4 === 0 ? 1 : 0 })),
    application_test: real.slice(10),
  });
  await buildFeaturesIn(db);
}, 60_000);

afterAll(() => db?.close());

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** A linear stand-in model: logit = Σ wᵢ (xᵢ − centreᵢ), with exact SHAP values wᵢ (xᵢ − centreᵢ). */
function linearScorer(terms: Record<string, { weight: number; centre: number }>): Scorer {
  const names = Object.keys(terms);
  const contributions = (row: Float64Array) =>
    Float64Array.from(names, (n, i) => {
      const t = terms[n] as { weight: number; centre: number };
      return t.weight * ((row[i] as number) - t.centre);
    });
  return {
    featureNames: names,
    predictRaw: (row) => sigmoid(contributions(row).reduce((a, b) => a + b, 0)),
    explain: (row) => ({ expectedValue: 0, values: contributions(row) }),
  };
}

const idOf = (r: FixtureRow) => Number(r.SK_ID_CURR);

describeWithSample('loadApplication', () => {
  it('gives back raw fields whose features equal the stored feature rows (sentinel restored)', async () => {
    const names = [
      'AMT_CREDIT',
      'DAYS_EMPLOYED',
      'DAYS_EMPLOYED_ANOM',
      'CREDIT_TO_INCOME',
      'AGE_YEARS',
    ];
    const scorer: Pick<Scorer, 'featureNames'> = { featureNames: names };
    const population = await loadPopulation(fixtureDb(), names);
    for (const raw of real) {
      const loaded = await loadApplication(fixtureDb(), idOf(raw));
      expect(loaded).toEqual(raw);
      const scored = await scoreApplication(
        fixtureDb(),
        { ...linearScorer({}), featureNames: names },
        loaded,
        {
          explain: false,
        },
      );
      const r = population.rowOf(idOf(raw)) as number;
      const stored = names.map((n) => population.columns.get(n)?.[r] as number);
      expect(Array.from(scored.row)).toEqual(stored);
      expect(rowForScorer(scorer, names, stored)).toEqual(scored.row);
    }
    await expect(loadApplication(fixtureDb(), 1)).rejects.toThrow(/unknown client 1/);
    const load = cachedApplicationLoader(fixtureDb(), 2);
    const first = await load(idOf(real[0] as FixtureRow));
    first.AMT_CREDIT = -1; // a caller's edit must not reach the cache
    expect(await load(idOf(real[0] as FixtureRow))).toEqual(real[0]);
    for (const raw of real.slice(0, 4)) expect(await load(idOf(raw))).toEqual(raw);
  });

  it('reads the misses of concurrent requests together, one query for many clients', async () => {
    const reads: number[][] = [];
    const load = cachedApplicationLoader(async (ids) => {
      reads.push([...ids]);
      return loadApplications(fixtureDb(), ids);
    }, 100);
    const ids = real.map(idOf);
    // The first miss starts a read; the others wait for it and go in the next one, together.
    const answers = await Promise.all(
      [...ids, ids[1] as number, 1].map((id) => load(id).catch((e: Error) => e)),
    );
    expect(answers.slice(0, ids.length)).toEqual(real);
    expect(answers[ids.length]).toEqual(real[1]);
    expect(String(answers[ids.length + 1])).toMatch(/unknown client 1/);
    expect(reads).toEqual([[ids[0]], [...ids.slice(1), 1]]);
    // Now cached: no read at all.
    await load(ids[5] as number);
    expect(reads).toHaveLength(2);
  });
});

describeWithSample('loadPopulation', () => {
  it('holds ids, split and outcome of every client of the feature table', async () => {
    const population = await loadPopulation(fixtureDb(), ['AMT_CREDIT']);
    expect(population.size).toBe(real.length);
    for (const [i, raw] of real.entries()) {
      const r = population.rowOf(idOf(raw)) as number;
      expect(population.isTrain[r]).toBe(i < 10 ? 1 : 0);
      expect(population.target[r]).toEqual(i < 10 ? (i % 4 === 0 ? 1 : 0) : Number.NaN);
      expect(population.columns.get('AMT_CREDIT')?.[r]).toBe(raw.AMT_CREDIT);
    }
    await expect(loadPopulation(fixtureDb(), ['NOPE'])).rejects.toThrow(/unknown feature NOPE/);
  });
});

describeWithSample('whatIf', () => {
  const scorer = linearScorer({
    AMT_CREDIT: { weight: 1e-5, centre: 500000 },
    CREDIT_TERM_MONTHS: { weight: 0.05, centre: 20 },
  });

  it('scores and explains the changed application through the training feature definition', async () => {
    const raw = real[2] as FixtureRow;
    const result = await whatIf(fixtureDb(), scorer, idOf(raw), {
      AMT_CREDIT: 200000,
      NAME_CONTRACT_TYPE: raw.NAME_CONTRACT_TYPE,
    });
    // The loan rule: a new amount keeps the term, so the instalment (and the goods price) follow.
    const credit = Number(raw.AMT_CREDIT);
    const annuity = Number(raw.AMT_ANNUITY);
    const instalment = Math.round(annuity * (200000 / credit) * 100) / 100;
    const term = 200000 / instalment;
    expect(term).toBeCloseTo(credit / annuity, 3);
    expect(result.row[0]).toBe(200000);
    expect(result.row[1]).toBeCloseTo(term, 9);
    expect(result.rawProbability).toBeCloseTo(
      sigmoid(1e-5 * (200000 - 500000) + 0.05 * (term - 20)),
      12,
    );
    expect(result.changed.slice(0, 2)).toEqual([
      { field: 'AMT_CREDIT', before: raw.AMT_CREDIT, after: 200000, derived: null },
      { field: 'AMT_ANNUITY', before: raw.AMT_ANNUITY, after: instalment, derived: 'same-term' },
    ]);
    expect(result.changed.slice(2).map((c) => c.derived)).toEqual(
      typeof raw.AMT_GOODS_PRICE === 'number' ? ['follows-amount'] : [],
    );
    const shap = result.shap;
    expect(shap && shap.expectedValue + shap.values.reduce((a, b) => a + b, 0)).toBeCloseTo(
      Math.log(result.rawProbability / (1 - result.rawProbability)),
      9,
    );
  });

  it('rejects a bad change with a DataError naming the field', async () => {
    const id = idOf(real[0] as FixtureRow);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ AMT_CREDIT: -5 }, /AMT_CREDIT.*range/],
      [{ AMT_CREDIT: 'beaucoup' }, /AMT_CREDIT.*number/],
      [{ NAME_INCOME_TYPE: 'Wizard' }, /NAME_INCOME_TYPE.*Wizard/],
      [{ AMT_CREDITT: 1 }, /AMT_CREDITT/],
      [{ SK_ID_CURR: 5 }, /SK_ID_CURR/],
      [{ DAYS_BIRTH: -200 }, /DAYS_BIRTH/],
      [{ EXT_SOURCE_2: 1.5 }, /EXT_SOURCE_2/],
      [{ AMT_ANNUITY: { x: 1 } }, /AMT_ANNUITY/],
    ];
    for (const [changes, message] of cases) {
      const error = await whatIf(fixtureDb(), scorer, id, changes).catch((e: unknown) => e);
      expect(error, JSON.stringify(changes)).toBeInstanceOf(DataError);
      expect((error as DataError).message).toMatch(message);
    }
    expect(applyChanges({ DAYS_EMPLOYED: -10 }, { DAYS_EMPLOYED: 365243 }).DAYS_EMPLOYED).toBe(
      365243,
    );
  });

  it('backs a Scorer with an engine model: same probability and SHAP as the engine', async () => {
    const model = syntheticModel(syntheticPopulation(1500, 3));
    const engineScorer = scorerFromModel(model);
    const raw = real[4] as FixtureRow;
    const result = await scoreApplication(
      fixtureDb(),
      engineScorer,
      await loadApplication(fixtureDb(), idOf(raw)),
    );
    expect(result.row[model.featureNames.indexOf('AMT_CREDIT')]).toBe(raw.AMT_CREDIT);
    expect(result.rawProbability).toBe(predictRow(model, result.row));
    const shap = result.shap;
    expect(shap && shap.expectedValue + shap.values.reduce((a, b) => a + b, 0)).toBeCloseTo(
      predictMarginRow(model, result.row),
      9,
    );
  });
});

describeWithSample('whatIfInMemory and scoreNewApplication', () => {
  const scorer = linearScorer({
    AMT_CREDIT: { weight: 1e-5, centre: 500000 },
    CREDIT_TERM_MONTHS: { weight: 0.05, centre: 20 },
    EXT_SOURCE_MEAN: { weight: -2, centre: 0.5 },
    EMPLOYED_YEARS: { weight: -0.01, centre: 5 },
    BUREAU_COUNT: { weight: 0.1, centre: 0 },
  });

  it('gives what the DuckDB path gives, row for row, for every client and a few edits', async () => {
    const edits: Record<string, unknown>[] = [
      {},
      { AMT_CREDIT: 250000 },
      { EXT_SOURCE_1: null, EXT_SOURCE_3: 0.7 },
      { DAYS_EMPLOYED: 365243, NAME_INCOME_TYPE: 'Pensioner' },
    ];
    for (const raw of real) {
      const id = idOf(raw);
      const base = await loadApplication(fixtureDb(), id);
      // The stored history, as the API holds it in memory (here all missing: no history tables).
      const stored = await featuresForApplication(fixtureDb(), base);
      const history = (name: string) => stored.values[stored.names.indexOf(name)] ?? null;
      for (const changes of edits) {
        const reference = await whatIf(fixtureDb(), scorer, id, changes);
        const fast = whatIfInMemory(scorer, base, changes, history);
        expect(fast.row).toEqual(reference.row);
        expect(fast.rawProbability).toBe(reference.rawProbability);
        expect(fast.changed).toEqual(reference.changed);
      }
    }
  });

  it('names a bad change as the DuckDB path does', () => {
    const base = { ...(real[0] as FixtureRow) };
    expect(() => whatIfInMemory(scorer, base, { AMT_CREDIT: -5 }, () => null)).toThrow(
      /AMT_CREDIT.*range/,
    );
    expect(() => whatIfInMemory(scorer, base, { NAME_INCOME_TYPE: 'Wizard' }, () => null)).toThrow(
      DataError,
    );
  });

  it('scores a new application: required fields named, the rest NULL, no history', async () => {
    const raw = real[3] as FixtureRow;
    const fields = Object.fromEntries(
      Object.entries(raw).filter(([k, v]) => k !== 'SK_ID_CURR' && v !== null),
    );
    const scored = scoreNewApplication(scorer, fields);
    // Same application features as the stored client, no history.
    const reference = await scoreApplication(fixtureDb(), scorer, { ...raw, SK_ID_CURR: null });
    expect(scored.row).toEqual(reference.row);
    expect(Number.isNaN(scored.row[4] as number)).toBe(true);
    const minimal = scoreNewApplication(
      scorer,
      Object.fromEntries(NEW_APPLICATION_REQUIRED.map((f) => [f, raw[f]])),
    );
    expect(Number.isNaN(minimal.row[1] as number)).toBe(true); // no annuity, no term
    for (const field of NEW_APPLICATION_REQUIRED) {
      const { [field]: _, ...without } = fields;
      expect(() => scoreNewApplication(scorer, without)).toThrow(
        new RegExp(`${field} is required`),
      );
    }
    expect(() => scoreNewApplication(scorer, { ...fields, SK_ID_CURR: 1.5 })).toThrow(/SK_ID_CURR/);
    expect(() => scoreNewApplication(scorer, { ...fields, AMT_CREDIT: -1 })).toThrow(/AMT_CREDIT/);
    expect(scoreNewApplication(scorer, { ...fields, SK_ID_CURR: 42 }).row).toEqual(scored.row);
  });
});

describeWithSample('recourseFor', () => {
  const decide = (p: number): 'grant' | 'refuse' => (p >= 0.5 ? 'refuse' : 'grant');
  /** A client with a real loan, and a stand-in refusing it but granting below a known amount or above a known term. */
  function setup() {
    const raw = real.find(
      (r) => Number(r.AMT_ANNUITY) > 0 && Number(r.AMT_CREDIT) > 100000,
    ) as FixtureRow;
    const credit = Number(raw.AMT_CREDIT);
    const annuity = Number(raw.AMT_ANNUITY);
    const scorer = linearScorer({
      AMT_CREDIT: { weight: 1 / 50000, centre: credit },
      AMT_ANNUITY: { weight: 1 / 1000, centre: annuity / 2 },
    });
    return { raw, credit, annuity, scorer };
  }

  it('finds the near-largest granting amount and the shortest granting term, each re-scored', async () => {
    const { raw, credit, annuity, scorer } = setup();
    const result = await recourseFor(fixtureDb(), scorer, decide, raw);
    expect(result.decision).toBe('refuse');
    const byKind = new Map(result.proposals.map((p) => [p.kind, p]));
    const lower = byKind.get('lower-amount');
    // logit(s) = (s·C − C)/50000 + (s·A − A/2)/1000 = 0 at s*.
    const sStar = (credit / 50000 + annuity / 2000) / (credit / 50000 + annuity / 1000);
    expect(lower?.changes.AMT_CREDIT).toBeLessThanOrEqual(sStar * credit);
    expect(lower?.changes.AMT_CREDIT).toBeGreaterThan(sStar * credit - 0.01 * credit - 500);
    expect(lower?.rawProbability).toBeLessThan(0.5);
    expect(lower?.textFr).toMatch(/Avec un crédit de .* €/);
    // The annuity term is zero at twice the current term (C/T = A/2): the first listed term beyond it.
    const currentTerm = credit / annuity;
    const expectedTerm = [12, 18, 24, 36, 48, 60, 72, 84, 96, 120].find((t) => t > 2 * currentTerm);
    const longer = byKind.get('longer-term');
    expect(expectedTerm).toBeDefined(); // the fixture client's term leaves room for a longer one
    expect(longer?.changes.AMT_ANNUITY).toBeCloseTo(credit / (expectedTerm as number), 2);
    expect(longer?.textEn).toContain(`Over ${expectedTerm} months`);
    // Every field a proposal changes is named, old → new, the derived ones with their rule.
    expect(lower?.changed.map((c) => [c.field, c.derived])).toEqual([
      ['AMT_CREDIT', null],
      ['AMT_ANNUITY', 'same-term'],
      ...(typeof raw.AMT_GOODS_PRICE === 'number' ? [['AMT_GOODS_PRICE', 'follows-amount']] : []),
    ]);
    expect(lower?.textFr).toMatch(/mensualité de .* au lieu de/);
    expect(longer?.changed).toEqual([
      {
        field: 'AMT_ANNUITY',
        before: annuity,
        after: longer?.changes.AMT_ANNUITY,
        derived: 'new-term',
      },
    ]);
    for (const p of result.proposals) {
      expect(decide(p.rawProbability)).toBe('grant');
      expect(Object.fromEntries(p.changed.map((c) => [c.field, c.after]))).toEqual(p.changes);
      for (const c of p.changed) expect(c.before).toBe(raw[c.field]);
      for (const field of Object.keys(p.changes)) {
        expect(RECOURSE_FIELDS).toContain(field);
        const entry = dictionaryEntry(field);
        expect(entry?.actionable && !entry.immutable && !entry.sensitive).toBe(true);
      }
    }
  });

  it('proposes nothing to a granted client, and nothing false when no change grants', async () => {
    const { raw, credit, annuity, scorer } = setup();
    const granted = await recourseFor(fixtureDb(), scorer, decide, {
      ...raw,
      AMT_CREDIT: credit / 2,
      AMT_ANNUITY: annuity / 4,
    });
    expect(granted.decision).toBe('grant');
    expect(granted.proposals).toEqual([]);
    const never = await recourseFor(fixtureDb(), scorer, () => 'refuse', raw);
    expect(never.proposals).toEqual([]);
    expect(never.evaluations).toBeGreaterThan(5);
    expect(never.complete).toBe(true);
  });

  it('stops at the time limit, keeping only re-scored proposals', async () => {
    const { raw, scorer } = setup();
    // A clock that advances 100 ms a reading: the limit of 250 ms allows three scorings.
    let clock = 0;
    const now = () => {
      clock += 100;
      return clock;
    };
    const cut = await recourseFor(fixtureDb(), scorer, decide, raw, { timeLimitMs: 250, now });
    expect(cut.complete).toBe(false);
    expect(cut.evaluations).toBe(3);
    for (const p of cut.proposals) expect(decide(p.rawProbability)).toBe('grant');
  });
});
