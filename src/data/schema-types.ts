/**
 * How a column is stored and written.
 * - `key`: an identifier (SK_ID_CURR, SK_ID_PREV, SK_ID_BUREAU), BIGINT, never missing.
 * - `target`: TARGET, 0 or 1, application_train only.
 * - `int`: a whole number written without decimals in the real files ("-9461").
 * - `num`: a number written as a float in the real files ("4.0", "0.0188"); integer-valued
 *   columns of this kind drift between files, so readers accept both forms.
 * - `cat`: a text category; values may hold spaces, commas, slashes and colons.
 */
export type ColumnKind = 'key' | 'target' | 'int' | 'num' | 'cat';

export interface ColumnSpec {
  readonly name: string;
  readonly kind: ColumnKind;
}

export type TableName =
  | 'application_train'
  | 'application_test'
  | 'bureau'
  | 'bureau_balance'
  | 'previous_application'
  | 'POS_CASH_balance'
  | 'installments_payments'
  | 'credit_card_balance';

export interface TableSpec {
  readonly name: TableName;
  /** File name in a Kaggle download. */
  readonly file: string;
  readonly columns: readonly ColumnSpec[];
  /** Columns that identify a row (unique together), where the real data guarantees it. */
  readonly uniqueKey?: readonly string[];
  /** The parent key this table hangs from (SK_ID_CURR for client-level tables). */
  readonly parentKey?: string;
  /** Whether ingestion refuses to run without this file. */
  readonly required: boolean;
}
