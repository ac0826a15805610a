/**
 * What-if: a client's raw application with some fields changed, turned into features by the
 * data layer's featuresForApplication (the same SQL as training: no skew), then scored and
 * explained by a Scorer. Every changed field is validated: known column, type and category set
 * (validateApplication) and plausible range (field-ranges.ts), each error naming the field.
 */
import { type Db, quoteIdent } from '../data/db.ts';
import { DataError } from '../data/errors.ts';
import type { RawApplication } from '../data/features/application-input.ts';
import { validateApplication } from '../data/features/application-input.ts';
import { featuresForApplication, type WhatIfOptions } from '../data/features/what-if.ts';
import { APPLICATION_TEST_COLUMNS, DAYS_SENTINEL } from '../data/schema.ts';
import type { ShapRow } from '../engine/index.ts';
import { checkFieldRange } from './field-ranges.ts';
import { rowForScorer, type Scorer } from './scorer.ts';

const RAW_COLUMNS = APPLICATION_TEST_COLUMNS.map((c) => c.name);

/**
 * A client's stored application as raw fields (as a form or the CSV gives them): from
 * application_train, else application_test. DAYS_EMPLOYED gets its "no employment" sentinel
 * back where ingestion had turned it into a flag. Throws DataError for an unknown id.
 */
export async function loadApplication(db: Db, id: number): Promise<RawApplication> {
  if (!Number.isSafeInteger(id)) {
    throw new DataError('BAD_VALUE', `client id must be a whole number, got ${id}`, {
      column: 'SK_ID_CURR',
    });
  }
  const select = `${RAW_COLUMNS.map(quoteIdent).join(', ')}, DAYS_EMPLOYED_ANOM`;
  for (const table of ['application_train', 'application_test']) {
    const rows = await db.all(`SELECT ${select} FROM ${quoteIdent(table)} WHERE SK_ID_CURR = $1`, [
      id,
    ]);
    const row = rows[0];
    if (!row) continue;
    const application: RawApplication = {};
    for (const name of RAW_COLUMNS) {
      const v = row[name];
      application[name] =
        v === null || v === undefined ? null : typeof v === 'string' ? v : Number(v);
    }
    if (Number(row.DAYS_EMPLOYED_ANOM) === 1) application.DAYS_EMPLOYED = DAYS_SENTINEL;
    return application;
  }
  throw new DataError('UNKNOWN_CLIENT', `unknown client ${id}`, {
    column: 'SK_ID_CURR',
    value: String(id),
  });
}

/**
 * loadApplication with the last `capacity` clients kept in memory (least recently used out), for
 * a what-if edited key by key: each call gets its own copy.
 */
export function cachedApplicationLoader(
  db: Db,
  capacity = 1000,
): (id: number) => Promise<RawApplication> {
  const cache = new Map<number, RawApplication>();
  return async (id) => {
    let found = cache.get(id);
    if (found) cache.delete(id);
    else found = await loadApplication(db, id);
    cache.set(id, found);
    if (cache.size > capacity) cache.delete(cache.keys().next().value as number);
    return { ...found };
  };
}

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
      throw new DataError(
        'BAD_VALUE',
        'application field SK_ID_CURR cannot be changed in a what-if',
        { column: field },
      );
    }
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
      throw new DataError(
        'BAD_VALUE',
        `application field ${field}: expected a number, a text or null`,
        {
          column: field,
          value: String(value),
        },
      );
    }
    merged[field] = value;
  }
  // Names unknown fields, wrong types and categories outside their set.
  validateApplication(merged);
  for (const field of Object.keys(changes)) checkFieldRange(field, merged[field] ?? null);
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

/** Features, raw probability and (optionally) SHAP values of one raw application. */
export async function scoreApplication(
  db: Db,
  scorer: Scorer,
  application: RawApplication,
  options: { explain?: boolean } & WhatIfOptions = {},
): Promise<ScoredApplication> {
  const { names, values } = await featuresForApplication(db, application, {
    storedHistory: options.storedHistory,
  });
  const row = rowForScorer(scorer, names, values);
  return {
    application,
    row,
    rawProbability: scorer.predictRaw(row),
    shap: options.explain === false ? null : scorer.explain(row),
  };
}

export interface WhatIfResult extends ScoredApplication {
  /** The fields that differ from the stored application, with both values. */
  readonly changed: readonly {
    readonly field: string;
    readonly before: string | number | null;
    readonly after: string | number | null;
  }[];
}

/**
 * What-if for a stored client: their application with `changes` applied, scored and explained.
 * `load` replaces loadApplication (e.g. a cachedApplicationLoader).
 */
export async function whatIf(
  db: Db,
  scorer: Scorer,
  clientId: number,
  changes: Readonly<Record<string, unknown>>,
  options: { load?: (id: number) => Promise<RawApplication> } & WhatIfOptions = {},
): Promise<WhatIfResult> {
  const base = await (options.load ?? ((id: number) => loadApplication(db, id)))(clientId);
  const application = applyChanges(base, changes);
  const changed = Object.keys(changes)
    .filter((f) => base[f] !== application[f])
    .map((field) => ({ field, before: base[field] ?? null, after: application[field] ?? null }));
  const scored = await scoreApplication(db, scorer, application, {
    storedHistory: options.storedHistory,
  });
  return { ...scored, changed };
}
