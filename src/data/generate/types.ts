/**
 * The contract between the application generator (who a client is, whether they default) and the
 * history generator (what their past credit looks like). The default mechanism and the history
 * share latent factors, so history tables carry signal without the history generator knowing
 * TARGET.
 */

import type { TableName } from '../schema-types.ts';

/** What the history generator needs to know about one client. */
export interface ClientSeed {
  /** 0-based index over all clients, train first then test; also the random stream number. */
  readonly index: number;
  readonly skIdCurr: number;
  readonly isTest: boolean;
  /**
   * Latent repayment-discipline factor, standard normal; higher means riskier. It drives lateness
   * and under-payment of installments, days past due (POS, card, bureau), bureau overdue amounts
   * and previous refusals, and it enters the default mechanism.
   */
  readonly historyRisk: number;
  /**
   * Latent credit-appetite factor, standard normal; higher means more recent credit seeking and
   * debt: more and newer bureau credits, higher bureau debt, more applications, higher card
   * utilisation. It also enters the default mechanism (recent credit hunger is a real signal).
   */
  readonly creditHunger: number;
  /** Application facts the history must be consistent with. */
  readonly daysBirth: number;
  /** DAYS_EMPLOYED, or null for the 365243 sentinel group (pensioners, unemployed). */
  readonly daysEmployed: number | null;
  readonly amtIncomeTotal: number;
  readonly amtCredit: number;
  readonly amtAnnuity: number | null;
  readonly nameContractType: string;
}

/** Ids that must be unique across the whole data set, derived without a shared counter. */
export interface IdAllocator {
  /** SK_ID_BUREAU for the j-th bureau credit of a client (j < MAX_BUREAU_PER_CLIENT). */
  bureauId(client: ClientSeed, j: number): number;
  /** SK_ID_PREV for the j-th previous application of a client (j < MAX_PREVIOUS_PER_CLIENT). */
  previousId(client: ClientSeed, j: number): number;
}

export const MAX_BUREAU_PER_CLIENT = 64;
export const MAX_PREVIOUS_PER_CLIENT = 64;

export const idAllocator: IdAllocator = {
  bureauId: (client, j) => 5_000_000 + client.index * MAX_BUREAU_PER_CLIENT + j,
  previousId: (client, j) => 1_000_000 + client.index * MAX_PREVIOUS_PER_CLIENT + j,
};

/** The six history tables (every table but the two application ones). */
export type HistoryTable = Exclude<TableName, 'application_train' | 'application_test'>;

/**
 * Receives CSV lines (without the trailing newline; header excluded) per table. The orchestrator
 * buffers and writes them; the history generator only formats lines.
 */
export interface LineSink {
  line(table: HistoryTable, csvLine: string): void;
}
