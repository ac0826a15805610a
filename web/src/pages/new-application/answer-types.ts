/** POST /api/score with `{ application }`, mirroring src/api/explanation/routes.ts (detail "reasons"). */
import type { WhatIfAnswer } from '../../client/whatif/whatif-types.ts';

export interface NewApplicationAnswer {
  /** The SK_ID_CURR given in the application, else null (this form gives none). */
  clientId: number | null;
  modelVersion: string;
  /** A new applicant has no credit history in the data: every history feature is missing. */
  history: 'none';
  score: WhatIfAnswer['score'];
  reasons: WhatIfAnswer['reasons'];
}
