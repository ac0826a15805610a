/**
 * The API answers the comparison panel reads, mirroring the route schemas (src/api/comparison,
 * src/api/clients, src/api/explanation) and src/explain's types.
 */

export type GroupKind = 'all' | 'similar' | 'filtered';

export interface Quantiles {
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/** GET /api/population/features/:name */
export interface Distribution {
  group: GroupKind;
  feature: string;
  /** Clients in the group, and those among them without a value. */
  size: number;
  missing: number;
  /** bins + 1 edges shared by every group. */
  edges: number[];
  counts: { repaid: number[]; defaulted: number[]; unknown: number[] };
  quantiles: { all: Quantiles | null; repaid: Quantiles | null; defaulted: Quantiles | null };
  /** Percentile 0–100 within the group; null when no client or no value. */
  client: { value: number; percentile: number } | null;
}

/** GET /api/population/scatter (src/api/comparison/scatter.ts) */
export interface ScatterAnswer {
  group: GroupKind;
  x: string;
  y: string;
  /** Clients in the group, and those with both values (before sampling). */
  size: number;
  available: number;
  /** Columns, one entry per point (a deterministic sample; no ids). */
  points: { x: number[]; y: number[]; outcome: ('repaid' | 'defaulted' | 'unknown')[] };
  /** Null without a client or when one of the two values is missing. */
  client: { x: number; y: number } | null;
}

/** GET /api/clients/:id/similar */
export interface SimilarAnswer {
  clientId: number;
  space: { name: string; weight: number }[];
  /** `id` is withheld from customers. */
  neighbours: { id?: number; distance: number; defaulted: boolean; score: number | null }[];
  defaultRate: number;
  meanScore: number | null;
  /** The client beside the neighbours on each feature of the space (null: withheld). */
  comparison:
    | {
        feature: string;
        client: number | null;
        groupMean: number | null;
        groupMedian: number | null;
        groupCount: number;
      }[]
    | null;
}

/** One value of GET /api/clients/:id (numeric: unit set; categorical: category set). */
export interface FileValue {
  name: string;
  label_fr: string;
  label_en: string;
  unit: string | null;
  value: number | null;
  category?: string | null;
}

/** GET /api/clients/:id */
export interface ClientFile {
  id: number;
  split: 'train' | 'test';
  sections: { key: string; label_fr: string; label_en: string; values: FileValue[] }[];
}

/** The parts of a reason the panels use (src/explain/reasons.ts). */
export interface ReasonItem {
  key: string;
  features: string[];
  direction: 'adverse' | 'favourable';
  textFr: string;
  textEn: string;
  labelFr: string;
  labelEn: string;
  probabilityPoints: number;
}

/** GET /api/clients/:id/explanation (the parts read here). */
export interface ExplanationAnswer {
  clientId: number;
  reasons: { adverse: ReasonItem[]; favourable: ReasonItem[] };
}

/** GET /api/clients/:id/score */
export interface ScoreAnswer {
  clientId: number;
  probability: number;
  rawProbability: number;
  points: number;
  band: 'excellent' | 'good' | 'fair' | 'poor';
  decision: 'grant' | 'refuse';
  threshold: number;
}

/** The list filters a group can be defined with (GET /api/clients's query names). */
export interface GroupFilters {
  contractType?: string;
  gender?: string;
  incomeType?: string;
  ageMin?: number;
  ageMax?: number;
  decision?: 'grant' | 'refuse';
  pointsMin?: number;
  pointsMax?: number;
}
