/**
 * The feature table and the application categoricals held in memory, loaded once at start: a
 * client's file and the scores read typed arrays instead of asking DuckDB to decompress 437
 * columns for one row (≈200 ms a file on the demo data). 25,000 clients × 434 features ≈ 90 MB.
 */
import { quoteIdent } from '../../data/db.ts';
import { DataError } from '../../data/errors.ts';
import {
  featureNamesOf,
  featureTableColumns,
  readFeatureColumns,
} from '../../data/features/feature-table.ts';
import type { SerialDb } from './serial-db.ts';

export class FeatureCache {
  private constructor(
    /** Column name → values by row (NaN = missing). */
    private readonly columns: Map<string, Float64Array>,
    private readonly rowOf: Map<number, number>,
    readonly ids: Float64Array,
    /** 1 = train, 0 = test, by row. */
    private readonly train: Uint8Array,
    /** TARGET by row: 0 repaid, 1 defaulted, NaN unknown (test split). */
    readonly target: Float64Array,
    readonly categoricalNames: readonly string[],
    /** Row → raw categories in categoricalNames order (null = missing). */
    private readonly categories: (string | null)[][],
  ) {}

  static async load(db: SerialDb, categoricalNames: readonly string[]): Promise<FeatureCache> {
    const described = await db.queue(() => featureTableColumns(db.db));
    if (described.length === 0) throw new DataError('NO_FEATURES', { db: db.db.path });
    const numeric = featureNamesOf(described);
    const result = await db.queue(() => readFeatureColumns(db.db, numeric));
    const { ids, isTrain: train, target } = result;
    const columns = new Map(
      numeric.map((name, i) => [name, result.columns[i] ?? new Float64Array(0)]),
    );
    const rowOf = new Map<number, number>();
    for (let r = 0; r < result.rowCount; r++) rowOf.set(ids[r] as number, r);
    const list = categoricalNames.map(quoteIdent).join(', ');
    const raw = await db.all(
      `SELECT SK_ID_CURR, ${list} FROM application_train
       UNION ALL SELECT SK_ID_CURR, ${list} FROM application_test`,
      [],
    );
    const categories: (string | null)[][] = new Array(result.rowCount);
    for (const row of raw) {
      const r = rowOf.get(Number(row.SK_ID_CURR));
      if (r === undefined) continue;
      categories[r] = categoricalNames.map((n) => {
        const v = row[n];
        return typeof v === 'string' ? v : null;
      });
    }
    return new FeatureCache(columns, rowOf, ids, train, target, categoricalNames, categories);
  }

  get size(): number {
    return this.ids.length;
  }

  /** Row index of a client, or undefined when not in the feature table. */
  rowIndex(clientId: number): number | undefined {
    return this.rowOf.get(clientId);
  }

  has(name: string): boolean {
    return this.columns.has(name);
  }

  column(name: string): Float64Array | undefined {
    return this.columns.get(name);
  }

  /** Every feature column with ids, split and outcome, as src/explain's population wants them. */
  populationData(): {
    ids: Float64Array;
    isTrain: Uint8Array;
    target: Float64Array;
    columns: ReadonlyMap<string, Float64Array>;
  } {
    return { ids: this.ids, isTrain: this.train, target: this.target, columns: this.columns };
  }

  isTrain(row: number): boolean {
    return this.train[row] === 1;
  }

  categoriesOf(row: number): readonly (string | null)[] {
    return this.categories[row] ?? [];
  }
}
