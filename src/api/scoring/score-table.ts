/**
 * Scores of every client under the active model, computed once at load: the model over the whole
 * feature table in one batch, then the run's calibration, points, band and decision. Serving a
 * score is then an index lookup (no per-request model evaluation).
 */
import { fromColumns } from '../../engine/index.ts';
import type { RunRecord, ScoreBand } from '../../model/run-record.ts';
import { scoreApplicant } from '../../model/scoring.ts';
import type { ScoringModel } from '../../model/scoring-model/index.ts';
import type { RowScores } from '../clients/client-list.ts';
import type { ClientRepository } from '../clients/repository.ts';

export interface ClientScore {
  clientId: number;
  probability: number;
  rawProbability: number;
  points: number;
  band: ScoreBand['name'];
  decision: 'grant' | 'refuse';
  recommendation: 'accept' | 'refer' | 'decline' | null;
  threshold: number;
  modelVersion: string;
}

const DECISIONS = ['grant', 'refuse'] as const;
const RECOMMENDATIONS = ['accept', 'refer', 'decline', null] as const;

export class ScoreTable implements RowScores {
  private constructor(
    readonly record: RunRecord,
    /** The served model, trees or logistic regression (explanations ask it for contributions). */
    readonly model: ScoringModel,
    private readonly rowOf: Map<number, number>,
    private readonly ids: Float64Array,
    private readonly probability: Float64Array,
    private readonly raw: Float64Array,
    private readonly points: Float64Array,
    private readonly band: Uint8Array,
    private readonly decision: Uint8Array,
    private readonly recommendation: Uint8Array,
  ) {}

  static async compute(
    clients: ClientRepository,
    run: { record: RunRecord; model: ScoringModel },
  ): Promise<ScoreTable> {
    const { record, model } = run;
    const { ids, columns, rowCount } = clients.featureColumns(model.featureNames);
    const raw = model.predict(fromColumns(columns));
    const probability = new Float64Array(rowCount);
    const points = new Float64Array(rowCount);
    const band = new Uint8Array(rowCount);
    const decision = new Uint8Array(rowCount);
    const recommendation = new Uint8Array(rowCount);
    const bandIndex = new Map(record.scoreBands.map((b, i) => [b.name, i]));
    const rowOf = new Map<number, number>();
    for (let r = 0; r < rowCount; r++) {
      const s = scoreApplicant(raw[r] as number, record);
      probability[r] = s.probability;
      points[r] = s.points;
      band[r] = bandIndex.get(s.band) ?? 0;
      decision[r] = DECISIONS.indexOf(s.decision);
      recommendation[r] = RECOMMENDATIONS.indexOf(s.recommendation);
      rowOf.set(ids[r] as number, r);
    }
    return new ScoreTable(
      record,
      model,
      rowOf,
      ids,
      probability,
      raw,
      points,
      band,
      decision,
      recommendation,
    );
  }

  /** Row accessors in feature-cache order (the list filters and sorts by them). */
  probabilityAt(row: number): number {
    return this.probability[row] as number;
  }
  pointsAt(row: number): number {
    return this.points[row] as number;
  }
  decisionAt(row: number): 'grant' | 'refuse' {
    return DECISIONS[this.decision[row] as number] ?? 'refuse';
  }
  bandAt(row: number): ScoreBand['name'] {
    return this.record.scoreBands[this.band[row] as number]?.name ?? 'poor';
  }

  get size(): number {
    return this.ids.length;
  }

  /** The client's score, or undefined when the client is not in the feature table. */
  scoreOf(clientId: number): ClientScore | undefined {
    const r = this.rowOf.get(clientId);
    if (r === undefined) return undefined;
    return {
      clientId,
      probability: this.probability[r] as number,
      rawProbability: this.raw[r] as number,
      points: this.points[r] as number,
      band: this.record.scoreBands[this.band[r] as number]?.name ?? 'poor',
      decision: DECISIONS[this.decision[r] as number] ?? 'refuse',
      recommendation: RECOMMENDATIONS[this.recommendation[r] as number] ?? null,
      threshold: this.record.threshold,
      modelVersion: this.record.id,
    };
  }
}
