/**
 * The answer of GET /api/clients/:id/explanation, mirroring src/explain (contributions.ts,
 * themes.ts, reasons.ts) as served by src/api/explanation/routes.ts.
 */

/** One explanation unit: a feature, or a categorical's one-hot columns together. */
export interface Contribution {
  key: string;
  features: string[];
  labelFr: string;
  labelEn: string;
  /** A dictionary theme key ("external scores", …) or "other". */
  theme: string;
  /** A dictionary unit ("currency", "days", …) or "category". */
  unit: string;
  actionable: boolean;
  immutable: boolean;
  sensitive: boolean;
  /** The client's value; null when missing, and for a categorical (see category). */
  value: number | null;
  category: string | null;
  /** In log-odds of default: > 0 raises the risk. */
  logOdds: number;
  /** On the score scale: > 0 raises the score (lowers the risk). */
  points: number;
  /** Percentage points of probability: > 0 raises the probability of default. */
  probabilityPoints: number;
}

export interface ContributionSet {
  expectedLogOdds: number;
  logOdds: number;
  /** The probability at the model's average margin (calibrated): the "average client". */
  expectedProbability: number;
  /** The client's calibrated probability, as the score route. */
  probability: number;
  top: Contribution[];
  rest: { count: number; logOdds: number; points: number; probabilityPoints: number };
  /** Every unit, only with ?all=true. */
  all?: Contribution[];
}

export interface ThemeContribution {
  theme: string;
  logOdds: number;
  points: number;
  probabilityPoints: number;
  /** Units in the theme; `contributions` lists the largest of them (up to 8). */
  count: number;
  contributions: Contribution[];
}

export interface Reason {
  key: string;
  features: string[];
  direction: 'adverse' | 'favourable';
  theme: string;
  textFr: string;
  textEn: string;
  labelFr: string;
  labelEn: string;
  valueFr: string;
  valueEn: string;
  referenceFr: string | null;
  referenceEn: string | null;
  logOdds: number;
  points: number;
  probabilityPoints: number;
  sensitive: boolean;
}

export interface ExplanationAnswer {
  clientId: number;
  modelVersion: string;
  contributions: ContributionSet;
  themes: ThemeContribution[];
  reasons: { adverse: Reason[]; favourable: Reason[] };
}
