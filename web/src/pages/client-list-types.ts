/** GET /api/clients: mirrors the schema in src/api/clients/routes.ts (summarySchema). */
export interface ClientSummary {
  id: number;
  split: 'train' | 'test';
  contractType: string | null;
  gender: string | null;
  incomeType: string | null;
  /** Whole years. */
  age: number | null;
  income: number | null;
  /** The credit amount asked for (AMT_CREDIT). */
  credit: number | null;
  annuity: number | null;
  /** Calibrated probability of default; null without a served model. */
  probability: number | null;
  points: number | null;
  decision: 'grant' | 'refuse' | null;
  /** The risk band of the served model; null without one. */
  band: 'excellent' | 'good' | 'fair' | 'poor' | null;
}

export interface ClientList {
  total: number;
  page: number;
  pageSize: number;
  clients: ClientSummary[];
}
