/**
 * A new application's information to complete: the units left unknown by fields the applicant did
 * not give (./unknown-fields.ts) that the model weighs (|log-odds| above the reasons' threshold),
 * grouped by reason code, largest first, with the application fields to give. They are never
 * reasons (an unknown value is not a fact about the applicant); completing them lets the score
 * rest on the applicant's own values. History the applicant does not have is not to complete: it
 * is told as "no history".
 */
import type { ReasonFamily } from '../data/features/reason-codes.ts';
import type { Contribution } from './contributions.ts';
import { codeOfUnit } from './reasons.ts';
import type { UnknownFields } from './unknown-fields.ts';

export interface ToComplete {
  readonly code: string;
  readonly family: ReasonFamily;
  /** The code's title ("Mensualité"). */
  readonly titleFr: string;
  readonly titleEn: string;
  readonly clientExplainable: boolean;
  /** What the values are (the external scores), else null. */
  readonly noteFr: string | null;
  readonly noteEn: string | null;
  /** The application fields to give (as the API takes them), in the order of the units. */
  readonly fields: readonly string[];
  /** The units left unknown, largest weight first. */
  readonly units: readonly {
    readonly key: string;
    readonly labelFr: string;
    readonly labelEn: string;
  }[];
  /** What the unknown values weigh now, summed (the model's handling of a missing value). */
  readonly logOdds: number;
  readonly points: number;
  readonly probabilityPoints: number;
}

/** The unknown units of `contributions` (ContributionSet.all) by code; default threshold 0.005. */
export function toCompleteOf(
  contributions: readonly Contribution[],
  unknown: UnknownFields,
  options: { readonly minLogOdds?: number } = {},
): ToComplete[] {
  const min = options.minLogOdds ?? 0.005;
  const byCode = new Map<string, Contribution[]>();
  const units = contributions
    .filter((c) => unknown.has(c) && Math.abs(c.logOdds) > min)
    .sort((a, b) => Math.abs(b.logOdds) - Math.abs(a.logOdds));
  for (const c of units) {
    const list = byCode.get(c.code) ?? [];
    list.push(c);
    byCode.set(c.code, list);
  }
  // Codes by the total size of their unknown units (signs within a code may differ).
  const size = (list: readonly Contribution[]) => list.reduce((s, c) => s + Math.abs(c.logOdds), 0);
  const groups = [...byCode.values()].sort((a, b) => size(b) - size(a));
  return groups.map((list) => {
    const code = codeOfUnit(list[0] as Contribution);
    const sum = (pick: (c: Contribution) => number) => list.reduce((s, c) => s + pick(c), 0);
    return {
      code: code.code,
      family: code.family,
      titleFr: code.title.fr,
      titleEn: code.title.en,
      clientExplainable: code.clientExplainable,
      noteFr: code.note?.fr ?? null,
      noteEn: code.note?.en ?? null,
      fields: [...new Set(list.flatMap((c) => unknown.fieldsOf(c)))],
      units: list.map((c) => ({ key: c.key, labelFr: c.labelFr, labelEn: c.labelEn })),
      logOdds: sum((c) => c.logOdds),
      points: sum((c) => c.points),
      probabilityPoints: sum((c) => c.probabilityPoints),
    };
  });
}
