/**
 * Similar clients with a known outcome. The space: the model's K most important features (mean
 * |SHAP| from the run record), each standardised over the train clients ((x − mean) / sd, missing
 * → 0, the mean) and weighted by its share of the importance, so distance² = Σ wⱼ (zⱼ − z'ⱼ)².
 * Built once as a Float32Array of √wⱼ·zⱼ per train client; a query is a brute-force scan
 * (20,000 × 15 values) keeping the k nearest.
 */
import type { FeatureImportance } from '../model/run-record.ts';
import type { Population } from './population.ts';

export interface SimilarClient {
  readonly id: number;
  /** Weighted Euclidean distance in the standardised space (0 = identical on every feature). */
  readonly distance: number;
  readonly defaulted: boolean;
  /** The client's score (probability or points, as given to the index), null when none. */
  readonly score: number | null;
}

export interface SimilarResult {
  /** Features of the space, with their weight (summing to 1). */
  readonly space: readonly { readonly name: string; readonly weight: number }[];
  readonly neighbours: readonly SimilarClient[];
  /** Share of the neighbours who defaulted. */
  readonly defaultRate: number;
  /** Mean score of the neighbours, null when the index has no scores. */
  readonly meanScore: number | null;
}

/** The K most important features that the population holds (K ≈ 15). */
export function similarityFeatures(
  importance: readonly FeatureImportance[],
  population: Population,
  k = 15,
): FeatureImportance[] {
  return [...importance]
    .filter((f) => population.columns.has(f.name) && f.meanAbsShap > 0)
    .sort((a, b) => b.meanAbsShap - a.meanAbsShap)
    .slice(0, k);
}

export class SimilarIndex {
  readonly space: readonly { readonly name: string; readonly weight: number }[];
  private readonly mean: Float64Array;
  private readonly scaleOf: Float64Array;
  private readonly points: Float32Array;
  private readonly rows: Int32Array;
  private readonly query: Float64Array;

  /**
   * @param features the space (see similarityFeatures), weighted by meanAbsShap
   * @param scores optional score per population row (e.g. calibrated probability), for meanScore
   */
  constructor(
    private readonly population: Population,
    features: readonly FeatureImportance[],
    private readonly scores?: Float64Array,
  ) {
    if (features.length === 0) throw new RangeError('similar clients: no features for the space');
    if (scores && scores.length !== population.size) {
      throw new RangeError(
        `similar clients: ${scores.length} scores for ${population.size} clients`,
      );
    }
    const total = features.reduce((s, f) => s + f.meanAbsShap, 0);
    this.space = features.map((f) => ({ name: f.name, weight: f.meanAbsShap / total }));
    const dims = features.length;
    const rows: number[] = [];
    for (let r = 0; r < population.size; r++) if (population.isTrain[r] === 1) rows.push(r);
    this.rows = Int32Array.from(rows);
    this.mean = new Float64Array(dims);
    this.scaleOf = new Float64Array(dims);
    this.points = new Float32Array(rows.length * dims);
    this.query = new Float64Array(dims);
    this.space.forEach(({ name, weight }, j) => {
      const column = population.columns.get(name);
      if (!column) throw new RangeError(`similar clients: unknown feature ${name}`);
      let n = 0;
      let sum = 0;
      let sumSq = 0;
      for (const r of this.rows) {
        const v = column[r] as number;
        if (Number.isNaN(v)) continue;
        n++;
        sum += v;
        sumSq += v * v;
      }
      const mean = n > 0 ? sum / n : 0;
      const sd = n > 1 ? Math.sqrt(Math.max(0, sumSq / n - mean * mean)) : 0;
      this.mean[j] = mean;
      // √w / sd: a constant feature (sd 0) carries no distance.
      this.scaleOf[j] = sd > 0 ? Math.sqrt(weight) / sd : 0;
      this.rows.forEach((r, i) => {
        const v = column[r] as number;
        this.points[i * dims + j] = Number.isNaN(v) ? 0 : (v - mean) * (this.scaleOf[j] as number);
      });
    });
  }

  /** The k nearest train clients to a population client (excluding the client itself). */
  nearestToClient(id: number, k = 10): SimilarResult {
    const row = this.population.rowOf(id);
    if (row === undefined) throw new RangeError(`similar clients: unknown client ${id}`);
    const values = this.space.map(
      ({ name }) => this.population.columns.get(name)?.[row] ?? Number.NaN,
    );
    return this.nearest(values, k, id);
  }

  /** The k nearest train clients to a feature row given with its names (e.g. a what-if row). */
  nearestToRow(
    names: readonly string[],
    row: ArrayLike<number>,
    k = 10,
    excludeId?: number,
  ): SimilarResult {
    const at = new Map(names.map((n, i) => [n, i]));
    const values = this.space.map(({ name }) => {
      const i = at.get(name);
      return i === undefined ? Number.NaN : (row[i] as number);
    });
    return this.nearest(values, k, excludeId);
  }

  /**
   * The k nearest train clients to feature values given in the space's order (NaN = missing),
   * e.g. a what-if row. `excludeId` leaves one client out (the client themself).
   */
  nearest(values: ArrayLike<number>, k = 10, excludeId?: number): SimilarResult {
    const dims = this.space.length;
    if (values.length !== dims)
      throw new RangeError(`similar clients: ${values.length} values for ${dims} features`);
    const kk = Math.max(1, Math.min(Math.floor(k), this.rows.length));
    for (let j = 0; j < dims; j++) {
      const v = values[j] as number;
      this.query[j] = Number.isNaN(v)
        ? 0
        : (v - (this.mean[j] as number)) * (this.scaleOf[j] as number);
    }
    // The k best so far, sorted by distance (insertion: k is small).
    const bestD = new Float64Array(kk).fill(Number.POSITIVE_INFINITY);
    const bestI = new Int32Array(kk).fill(-1);
    const { points, query, rows } = this;
    const ids = this.population.ids;
    for (let i = 0; i < rows.length; i++) {
      let d = 0;
      const base = i * dims;
      for (let j = 0; j < dims; j++) {
        const diff = (points[base + j] as number) - (query[j] as number);
        d += diff * diff;
      }
      if (d >= (bestD[kk - 1] as number)) continue;
      if (excludeId !== undefined && ids[rows[i] as number] === excludeId) continue;
      let at = kk - 1;
      while (at > 0 && (bestD[at - 1] as number) > d) {
        bestD[at] = bestD[at - 1] as number;
        bestI[at] = bestI[at - 1] as number;
        at--;
      }
      bestD[at] = d;
      bestI[at] = i;
    }
    const neighbours: SimilarClient[] = [];
    let defaults = 0;
    let scoreSum = 0;
    for (let n = 0; n < kk; n++) {
      const i = bestI[n] as number;
      if (i < 0) break;
      const r = rows[i] as number;
      const defaulted = this.population.target[r] === 1;
      if (defaulted) defaults++;
      const score = this.scores ? (this.scores[r] as number) : null;
      if (score !== null) scoreSum += score;
      neighbours.push({
        id: ids[r] as number,
        distance: Math.sqrt(bestD[n] as number),
        defaulted,
        score,
      });
    }
    const count = neighbours.length;
    return {
      space: this.space,
      neighbours,
      defaultRate: count > 0 ? defaults / count : Number.NaN,
      meanScore: this.scores && count > 0 ? scoreSum / count : null,
    };
  }
}
