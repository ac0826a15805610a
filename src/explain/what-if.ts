/**
 * What-if: a client's raw application with some fields changed (or a whole new application),
 * turned into features by the same SQL as training (no skew), then scored and explained by a
 * Scorer. Two evaluators of that SQL: DuckDB (featuresForApplication: scoreApplication, whatIf;
 * the reference) and the in-memory row evaluator (featuresInMemory: scoreInMemory, whatIfInMemory;
 * what the API serves, no database per call). Every field given is validated by the table of
 * application fields (src/data/features/application-fields.ts: known column, type, range, category
 * set), each error naming the field.
 */
import type { Db } from '../data/db.ts';
import { DataError } from '../data/errors.ts';
import { checkApplicationField } from '../data/features/application-fields.ts';
import type { RawApplication } from '../data/features/application-input.ts';
import { validateApplication } from '../data/features/application-input.ts';
import {
  featuresForApplication,
  featuresInMemory,
  type HistoryLookup,
  type WhatIfOptions,
} from '../data/features/what-if.ts';
import type { ShapRow } from '../engine/index.ts';
import { loadApplication } from './application-loader.ts';
import { type LoanOptions, type LoanRule, withLoanRule } from './loan-terms.ts';
import { rowForScorer, type Scorer } from './scorer.ts';

export { cachedApplicationLoader, loadApplications } from './application-loader.ts';
export { loadApplication };

/**
 * The application with `changes` applied, every changed field validated (type, category set,
 * range). The identifier cannot change: the client's history stays theirs.
 */
export function applyChanges(
  base: RawApplication,
  changes: Readonly<Record<string, unknown>>,
): RawApplication {
  const merged: RawApplication = { ...base };
  for (const [field, value] of Object.entries(changes)) {
    if (field === 'SK_ID_CURR') {
      throw new DataError('FIXED_FIELD', { column: field });
    }
    // Names unknown fields, wrong types, numbers out of range and categories outside their set.
    checkApplicationField(field, value);
    merged[field] = value as RawApplication[string];
  }
  validateApplication(merged);
  return merged;
}

export interface ScoredApplication {
  readonly application: RawApplication;
  /** The feature row in the scorer's order (NaN = missing). */
  readonly row: Float64Array;
  readonly rawProbability: number;
  /** SHAP values, when asked for. */
  readonly shap: ShapRow | null;
}

/** Features, raw probability and (optionally) SHAP values of one raw application (DuckDB). */
export async function scoreApplication(
  db: Db,
  scorer: Scorer,
  application: RawApplication,
  options: { explain?: boolean } & WhatIfOptions = {},
): Promise<ScoredApplication> {
  const { names, values } = await featuresForApplication(db, application, {
    storedHistory: options.storedHistory,
  });
  return scored(scorer, application, rowForScorer(scorer, names, values), options.explain);
}

function scored(
  scorer: Scorer,
  application: RawApplication,
  row: Float64Array,
  explain: boolean | undefined,
): ScoredApplication {
  return {
    application,
    row,
    rawProbability: scorer.predictRaw(row),
    shap: explain === false ? null : scorer.explain(row),
  };
}

/**
 * scoreApplication in memory: the application features from the row evaluator (the same SQL),
 * the model's other features from `history` (the client's stored history; () => null for a new
 * client). No database.
 */
export function scoreInMemory(
  scorer: Scorer,
  application: RawApplication,
  history: HistoryLookup,
  options: { explain?: boolean } = {},
): ScoredApplication {
  const values = featuresInMemory(application, scorer.featureNames, history);
  const row = Float64Array.from(values, (v) => (v === null ? Number.NaN : v));
  return scored(scorer, application, row, options.explain);
}

/** A field of a what-if that differs from the stored application. */
export interface FieldChange {
  readonly field: string;
  readonly before: string | number | null;
  readonly after: string | number | null;
  /** null: given by the caller; else the loan rule that derived it (src/explain/loan-terms.ts). */
  readonly derived: LoanRule | null;
}

export interface WhatIfResult extends ScoredApplication {
  /** The fields that differ from the stored application, given then derived, with both values. */
  readonly changed: readonly FieldChange[];
}

/**
 * What-if for a stored client: their application with `changes` applied, completed by the loan
 * rule (a new amount keeps the term, a new term recomputes the instalment, the goods price follows
 * the amount unless unlocked: src/explain/loan-terms.ts), scored and explained. `load` replaces
 * loadApplication (e.g. a cachedApplicationLoader).
 */
export async function whatIf(
  db: Db,
  scorer: Scorer,
  clientId: number,
  changes: Readonly<Record<string, unknown>>,
  options: {
    load?: (id: number) => Promise<RawApplication>;
    loan?: LoanOptions;
  } & WhatIfOptions = {},
): Promise<WhatIfResult> {
  const base = await (options.load ?? ((id: number) => loadApplication(db, id)))(clientId);
  const { application, changed } = edited(base, changes, options.loan);
  const result = await scoreApplication(db, scorer, application, {
    storedHistory: options.storedHistory,
  });
  return { ...result, changed };
}

/** The stored application edited by `changes` and the loan rule, and the fields that changed. */
function edited(
  base: RawApplication,
  changes: Readonly<Record<string, unknown>>,
  loan: LoanOptions | undefined,
): { application: RawApplication; changed: readonly FieldChange[] } {
  const completed = withLoanRule(base, changes, loan);
  const application = applyChanges(base, completed.changes);
  const changed = Object.keys(completed.changes)
    .filter((f) => base[f] !== application[f])
    .map((field) => ({
      field,
      before: base[field] ?? null,
      after: application[field] ?? null,
      derived: completed.derived.get(field) ?? null,
    }));
  return { application, changed };
}

/**
 * whatIf in memory, on the client's stored application `base` (see cachedApplicationLoader) and
 * their stored history features (`history`): no database, ≈ the cost of the SHAP values.
 */
export function whatIfInMemory(
  scorer: Scorer,
  base: RawApplication,
  changes: Readonly<Record<string, unknown>>,
  history: HistoryLookup,
  loan?: LoanOptions,
): WhatIfResult {
  const { application, changed } = edited(base, changes, loan);
  const result = scoreInMemory(scorer, application, history);
  return { ...result, changed };
}

/**
 * The fields a new application must give (the loan and the applicant's income and age); every
 * other field may be missing (NULL), as in the real files.
 */
export const NEW_APPLICATION_REQUIRED: readonly string[] = [
  'NAME_CONTRACT_TYPE',
  'AMT_INCOME_TOTAL',
  'AMT_CREDIT',
  'DAYS_BIRTH',
];

/**
 * A whole new application (no stored client), scored and explained in memory: every field
 * validated as a what-if change is (type, category set, range), the required ones present,
 * missing fields NULL, and no history features (all missing: a new client has none, even when
 * the application carries an SK_ID_CURR).
 */
export function scoreNewApplication(
  scorer: Scorer,
  fields: Readonly<Record<string, unknown>>,
): ScoredApplication {
  for (const field of NEW_APPLICATION_REQUIRED) {
    if (fields[field] === undefined || fields[field] === null || fields[field] === '') {
      throw new DataError('MISSING_FIELD', { column: field });
    }
  }
  const { SK_ID_CURR: id = null, ...rest } = fields;
  const base: RawApplication = {};
  if (id !== null) {
    checkApplicationField('SK_ID_CURR', id);
    base.SK_ID_CURR = id as number;
  }
  return scoreInMemory(scorer, applyChanges(base, rest), () => null);
}
