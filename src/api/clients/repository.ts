/**
 * Client data from the DuckDB database, read-only, held in memory (feature-cache.ts): the paged
 * list with its filters (client-list.ts) and the descriptive file of one client. The few SQL
 * queries left are fixed text with bound parameters. SQL is fixed text; identifiers come from our own whitelists
 */

import type { Db } from '../../data/db.ts';
import { DataError } from '../../data/errors.ts';
import type { Unit } from '../../data/features/dictionary.ts';
import { FEATURES_TABLE, hasTables } from '../../data/features/feature-table.ts';
import { categoryLabel, type Population, populationOf } from '../../explain/index.ts';
import {
  type ClientFilters,
  type ClientListQuery,
  type ClientSummary,
  filteredRows,
  listClients,
  type RowScores,
} from './client-list.ts';
import { FeatureCache } from './feature-cache.ts';
import { CATEGORICAL_FIELDS, CLIENT_SECTIONS, SHOWN_FEATURES, sectionOf } from './groups.ts';
import { SerialDb } from './serial-db.ts';

export interface ClientValue {
  name: string;
  label_fr: string;
  label_en: string;
  /** Unit from the feature dictionary; null for a categorical. */
  unit: Unit | null;
  /** Numeric value (null when missing or for a categorical). */
  value: number | null;
  /** The raw category for a categorical field (null when missing); absent for numbers. */
  category?: string | null;
  /** The category in words (category-labels.ts), French and English; absent for numbers. */
  category_fr?: string | null;
  category_en?: string | null;
}

export interface ClientFile {
  id: number;
  /** 'new': a new applicant's stored application (../applications/new-client-file.ts). */
  split: 'train' | 'test' | 'new';
  sections: { key: string; label_fr: string; label_en: string; values: ClientValue[] }[];
}

export function numberOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * A client's descriptive file in its sections, from their category per CATEGORICAL_FIELDS entry
 * and value per SHOWN_FEATURES entry (undefined leaves the entry out): a stored client's file and
 * a new applicant's (../applications/new-client-file.ts) are built alike.
 */
export function groupedFile(
  id: number,
  split: ClientFile['split'],
  categoryOf: (i: number) => string | null,
  shownValue: (j: number) => number | null | undefined,
): ClientFile {
  const sections = CLIENT_SECTIONS.map((s) => ({
    key: s.key,
    label_fr: s.label_fr,
    label_en: s.label_en,
    values: [] as ClientValue[],
  }));
  const byKey = new Map(sections.map((s) => [s.key, s.values]));
  CATEGORICAL_FIELDS.forEach((field, i) => {
    const category = categoryOf(i);
    const words = category === null ? null : categoryLabel(field.name, category);
    byKey.get(sectionOf(field.theme))?.push({
      name: field.name,
      label_fr: field.label_fr,
      label_en: field.label_en,
      unit: null,
      value: null,
      category,
      category_fr: words?.fr ?? null,
      category_en: words?.en ?? null,
    });
  });
  SHOWN_FEATURES.forEach((entry, j) => {
    const value = shownValue(j);
    if (value === undefined) return;
    byKey.get(sectionOf(entry.theme))?.push({
      name: entry.name,
      label_fr: entry.label_fr,
      label_en: entry.label_en,
      unit: entry.unit,
      value,
    });
  });
  return { id, split, sections };
}

export class ClientRepository {
  private constructor(
    private readonly serial: SerialDb,
    private readonly cache: FeatureCache,
  ) {}

  /** Loads the feature table into memory (see feature-cache.ts); fails without one. */
  static async open(db: Db): Promise<ClientRepository> {
    const serial = new SerialDb(db);
    const cache = await FeatureCache.load(
      serial,
      CATEGORICAL_FIELDS.map((f) => f.name),
    );
    return new ClientRepository(serial, cache);
  }

  /** Clients in the feature table. */
  get size(): number {
    return this.cache.size;
  }

  /** True when the tables the routes read are present. */
  async check(): Promise<boolean> {
    return this.serial.queue(() =>
      hasTables(this.serial.db, [FEATURES_TABLE, 'application_train', 'application_test']),
    );
  }

  /** The lowest SK_ID_CURR values of a split (demo customers are linked to them). */
  async lowestIds(split: 'train' | 'test', count: number): Promise<number[]> {
    const rows = await this.serial.all<{ id: number }>(
      'SELECT SK_ID_CURR AS id FROM features WHERE split = $1 ORDER BY SK_ID_CURR LIMIT $2',
      [split, count],
    );
    return rows.map((r) => r.id);
  }

  /** The paged, filtered, sorted list (see client-list.ts); scores when a model is served. */
  list(q: ClientListQuery, scores: RowScores | null): { total: number; clients: ClientSummary[] } {
    return listClients(this.cache, scores, q);
  }

  /** Rows of the clients passing the filters, in population() row order (a filtered group). */
  filteredRows(filters: ClientFilters, scores: RowScores | null): Int32Array {
    return filteredRows(this.cache, scores, filters);
  }

  /**
   * The feature table as one Float64Array per named column (missing → NaN), with the ids, in
   * SK_ID_CURR order. Names come from a run record, checked against the table first; an absent
   * one is a DataError naming it.
   */
  featureColumns(names: readonly string[]): {
    ids: Float64Array;
    columns: Float64Array[];
    rowCount: number;
  } {
    const missing = names.filter((n) => !this.cache.has(n));
    if (missing.length > 0) {
      throw new DataError('MISSING_FEATURE', {
        column: missing[0],
        count: missing.length,
        names: missing.slice(0, 5).join(', '),
      });
    }
    const columns = names.map((n) => this.cache.column(n) ?? new Float64Array(0));
    return { ids: this.cache.ids, columns, rowCount: this.cache.size };
  }

  /** The in-memory feature table as src/explain's population (shared, not copied). */
  population(): Population {
    return populationOf(this.cache.populationData());
  }

  /** Runs DuckDB work (what-if) in the connection's queue, one statement at a time. */
  withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.serial.queue(() => work(this.serial.db));
  }

  /** A stored feature value of a client (null when missing or unknown): what-if's history. */
  storedValue(id: number, feature: string): number | null {
    const row = this.cache.rowIndex(id);
    const value = row === undefined ? undefined : this.cache.column(feature)?.[row];
    return value === undefined || Number.isNaN(value) ? null : value;
  }

  /** True when the client is in the feature table. */
  exists(id: number): boolean {
    return this.cache.rowIndex(id) !== undefined;
  }

  /** The grouped descriptive file of a client, or undefined when there is no such client. */
  file(id: number): ClientFile | undefined {
    const row = this.cache.rowIndex(id);
    if (row === undefined) return undefined;
    const categories = this.cache.categoriesOf(row);
    const columns = SHOWN_FEATURES.map((entry) => this.cache.column(entry.name));
    return groupedFile(
      id,
      this.cache.isTrain(row) ? 'train' : 'test',
      (i) => categories[i] ?? null,
      (j) => {
        const column = columns[j];
        return column ? numberOrNull(column[row]) : undefined;
      },
    );
  }
}
