/**
 * A new application's information to complete: the application fields left unknown that the model
 * weighs (|log-odds| above the reasons' threshold), grouped by reason code, largest weight first.
 * They are never reasons (an unknown value is not a fact about the applicant); completing them
 * lets the score rest on the applicant's own values. History the applicant does not have is not
 * to complete: it is told as "no history".
 */
import type { ReasonFamily } from '../data/features/reason-codes.ts';
import type { Contribution } from './contributions.ts';
import { codeOfUnit, isUnknownField } from './reasons.ts';

export interface ToComplete {
  readonly code: string;
  readonly family: ReasonFamily;
  /** The code's title ("Mensualité au regard des revenus"). */
  readonly titleFr: string;
  readonly titleEn: string;
  readonly clientExplainable: boolean;
  /** What the values are (the external scores), else null. */
  readonly noteFr: string | null;
  readonly noteEn: string | null;
  /** The unknown units of the code, largest weight first. */
  readonly fields: readonly {
    readonly key: string;
    readonly labelFr: string;
    readonly labelEn: string;
  }[];
  /** What the unknown values weigh now, summed (the model's handling of a missing value). */
  readonly logOdds: number;
  readonly points: number;
  readonly probabilityPoints: number;
}

/** The unknown fields of `contributions` (ContributionSet.all) by code; default threshold 0.005. */
export function toCompleteOf(
  contributions: readonly Contribution[],
  options: { readonly minLogOdds?: number } = {},
): ToComplete[] {
  const min = options.minLogOdds ?? 0.005;
  const byCode = new Map<string, Contribution[]>();
  const unknown = contributions
    .filter((c) => isUnknownField(c) && Math.abs(c.logOdds) > min)
    .sort((a, b) => Math.abs(b.logOdds) - Math.abs(a.logOdds));
  for (const c of unknown) {
    const list = byCode.get(c.code) ?? [];
    list.push(c);
    byCode.set(c.code, list);
  }
  // Codes by the total size of their unknown units (signs within a code may differ).
  const size = (units: readonly Contribution[]) =>
    units.reduce((s, c) => s + Math.abs(c.logOdds), 0);
  const groups = [...byCode.values()].sort((a, b) => size(b) - size(a));
  return groups.map((units) => {
    const code = codeOfUnit(units[0] as Contribution);
    const sum = (pick: (c: Contribution) => number) => units.reduce((s, c) => s + pick(c), 0);
    return {
      code: code.code,
      family: code.family,
      titleFr: code.title.fr,
      titleEn: code.title.en,
      clientExplainable: code.clientExplainable,
      noteFr: code.note?.fr ?? null,
      noteEn: code.note?.en ?? null,
      fields: units.map((c) => ({ key: c.key, labelFr: c.labelFr, labelEn: c.labelEn })),
      logOdds: sum((c) => c.logOdds),
      points: sum((c) => c.points),
      probabilityPoints: sum((c) => c.probabilityPoints),
    };
  });
}
