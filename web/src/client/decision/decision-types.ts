/** GET/POST /api/clients/:id/decisions (src/api/decisions/routes.ts). */

export interface RecordedDecision {
  /** Audit record id. */
  id: number;
  clientId: number;
  /** ISO 8601. */
  at: string;
  username: string | null;
  decision: 'grant' | 'refuse';
  modelDecision: 'grant' | 'refuse';
  followsModel: boolean;
  justification: string | null;
  modelVersion: string | null;
}

export interface DecisionBody {
  decision: 'grant' | 'refuse';
  followsModel: boolean;
  justification?: string;
}
