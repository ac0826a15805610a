/**
 * Values outside what the model has seen. A tree model is flat beyond the values it was trained
 * on: a loan of ten million or an income of zero is scored as the largest or smallest ones it
 * knew, however far beyond. A what-if result flags each such value, "hors des situations connues
 * du modèle" / "outside the situations the model knows", so nobody reads the score as a verdict
 * on a situation the model never met.
 *
 * The reference: the 1st and 99th percentiles of the feature among the train clients of the
 * population the server holds (the clients with a known outcome: the feature table the model was
 * trained on), computed once per served model. Checked: the features the application's fields feed
 * (the only ones a what-if moves; a new applicant's history is missing, never out of range) that
 * are numbers on a scale — amounts, ratios, durations, counts, scores — not flags, one-hot columns
 * or the ordinal codes of categories, whose rare values are categories, not extrapolation.
 */
import { dictionaryEntry } from '../data/features/dictionary.ts';
import { ONE_HOT_COLUMNS } from '../data/features/encodings.ts';
import { applicationFeatureInputs } from '../data/features/row-eval/index.ts';
import { quantileOfSorted } from './distribution.ts';
import { formatValue, type Lang } from './format.ts';
import type { Population } from './population.ts';

/** The share of clients each side of the range left out: the range is p1–p99. */
export const RANGE_TAIL = 0.01;

/** Fewer train values than this give no range (their percentiles would be the extremes). */
const MIN_VALUES = 50;

/** A feature's range among the train clients. */
export interface FeatureRange {
  readonly p1: number;
  readonly p99: number;
}

/** A value beyond its feature's range. */
export interface OutOfRange {
  readonly feature: string;
  /** The application fields it is computed from (as in application_train.csv); a copy. */
  readonly fields: string[];
  readonly value: number;
  readonly p1: number;
  readonly p99: number;
  /** "Montant du crédit : 9 000 000 € — hors des situations connues du modèle (…)". */
  readonly textFr: string;
  readonly textEn: string;
}

const ONE_HOT = new Set(ONE_HOT_COLUMNS.map((c) => c.name));
const NOT_A_SCALE = new Set(['flag', 'level', 'rank']);

/** True for a feature whose range is checked (see the module's comment). */
export function rangedFeature(name: string): boolean {
  if (ONE_HOT.has(name) || !applicationFeatureInputs().has(name)) return false;
  const unit = dictionaryEntry(name)?.unit;
  return unit !== undefined && !NOT_A_SCALE.has(unit);
}

/** The p1–p99 ranges of the checked features among `names`, over the train clients. */
export function featureRangesOf(
  population: Population,
  names: readonly string[],
): ReadonlyMap<string, FeatureRange> {
  const ranges = new Map<string, FeatureRange>();
  const values = new Float64Array(population.size);
  for (const name of names) {
    const column = population.columns.get(name);
    if (!column || ranges.has(name) || !rangedFeature(name)) continue;
    let n = 0;
    for (let r = 0; r < population.size; r++) {
      const v = column[r] as number;
      if (population.isTrain[r] === 1 && !Number.isNaN(v)) values[n++] = v;
    }
    if (n < MIN_VALUES) continue;
    const sorted = values.slice(0, n).sort();
    ranges.set(name, {
      p1: quantileOfSorted(sorted, RANGE_TAIL),
      p99: quantileOfSorted(sorted, 1 - RANGE_TAIL),
    });
  }
  return ranges;
}

const WORDS = {
  fr: (label: string, value: string, p1: string, p99: string) =>
    `${label} : ${value} — hors des situations connues du modèle (de ${p1} à ${p99} pour 98 % des clients dont il a appris)`,
  en: (label: string, value: string, p1: string, p99: string) =>
    `${label}: ${value} — outside the situations the model knows (${p1} to ${p99} for 98% of the clients it learnt from)`,
};

function text(lang: Lang, feature: string, value: number, range: FeatureRange): string {
  const entry = dictionaryEntry(feature);
  const unit = entry?.unit ?? 'count';
  const shown = (v: number) => formatValue(v, unit, lang);
  const label = (lang === 'fr' ? entry?.label_fr : entry?.label_en) ?? feature;
  return WORDS[lang](label, shown(value), shown(range.p1), shown(range.p99));
}

/**
 * The values of `row` (in `names`' order; NaN = missing) beyond their feature's range, in the
 * row's order; `only(j)` limits the check to some features (a what-if: those it moved).
 */
export function outOfRangeOf(
  ranges: ReadonlyMap<string, FeatureRange>,
  names: readonly string[],
  row: ArrayLike<number>,
  only: (j: number) => boolean = () => true,
): OutOfRange[] {
  const found: OutOfRange[] = [];
  const inputs = applicationFeatureInputs();
  names.forEach((feature, j) => {
    const range = ranges.get(feature);
    const value = row[j] as number;
    if (!range || Number.isNaN(value) || !only(j)) return;
    if (value >= range.p1 && value <= range.p99) return;
    found.push({
      feature,
      fields: [...(inputs.get(feature) ?? [])],
      value,
      p1: range.p1,
      p99: range.p99,
      textFr: text('fr', feature, value, range),
      textEn: text('en', feature, value, range),
    });
  });
  return found;
}
