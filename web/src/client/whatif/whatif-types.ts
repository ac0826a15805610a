/** The answers the what-if panel reads, mirroring src/api/explanation and src/api/recourse. */
import type { ReasonItem } from '../compare/compare-types.ts';

/** POST /api/score */
export interface WhatIfAnswer {
  clientId: number;
  modelVersion: string;
  changed: { field: string; before: string | number | null; after: string | number | null }[];
  score: {
    probability: number;
    rawProbability: number;
    points: number;
    band: 'excellent' | 'good' | 'fair' | 'poor';
    decision: 'grant' | 'refuse';
    recommendation: 'accept' | 'refer' | 'decline' | null;
    threshold: number;
  };
  reasons: { adverse: ReasonItem[]; favourable: ReasonItem[] };
}

/** GET /api/clients/:id/recourse */
export interface RecourseAnswer {
  clientId: number;
  decision: 'grant' | 'refuse';
  probability: number;
  threshold: number;
  proposals: {
    kind: 'lower-amount' | 'longer-term';
    changes: Partial<Record<'AMT_CREDIT' | 'AMT_ANNUITY' | 'AMT_GOODS_PRICE', number>>;
    probability: number;
    points: number;
    textFr: string;
    textEn: string;
  }[];
  /** False when the search's time limit cut it short. */
  complete: boolean;
}
