/**
 * The client's view of the reasons (customer view, letter): what the adviser can say to the client
 * and the client can act on. Built from the reason codes (src/data/features/reason-codes.ts):
 *
 * - only client-explainable codes, never a protected attribute (a `sensitive` unit);
 * - one reason per code: its units summed (EXT_SOURCE_1..3 and their mean are one external
 *   assessment), told by the code's statement with the value and reference of its strongest unit;
 * - each family stated once, the strongest, in whichever direction it goes;
 * - at most four a side (Regulation B);
 * - a missing value is told only by a code's "no history" statement (no credit history, no
 *   external score); a new application's unknown field never (it is to complete);
 * - everything else pooled into one line, "autres éléments du dossier", so the reasons and that
 *   line add up to the whole change from the average client.
 */

import type { Contribution } from './contributions.ts';
import type { Lang } from './format.ts';
import { codeOfUnit, isMissing, type Reason, statementOf, toldAs, wording } from './reasons.ts';
import type { ReferenceStat } from './reference-stats.ts';
import type { UnknownFields } from './unknown-fields.ts';

/** What the client reasons leave out, summed into one line. */
export interface OtherElements {
  readonly labelFr: string;
  readonly labelEn: string;
  /** Units pooled. */
  readonly count: number;
  readonly logOdds: number;
  readonly points: number;
  readonly probabilityPoints: number;
}

export interface ClientReasonSet {
  readonly adverse: readonly Reason[];
  readonly favourable: readonly Reason[];
  readonly others: OtherElements;
}

export interface ClientReasonOptions {
  /** Per direction; default 4. */
  readonly max?: number;
  /** Smallest |log-odds| of a code worth a reason; default 0.005. */
  readonly minLogOdds?: number;
  /** A new application's unknown fields (./unknown-fields.ts): to complete, never reasons. */
  readonly unknown?: UnknownFields;
}

export const OTHER_ELEMENTS = {
  fr: 'Autres éléments du dossier',
  en: 'Other elements of the file',
} as const;

/** A unit the client view may tell. */
function tellable(c: Contribution, unknown: UnknownFields | undefined): boolean {
  const code = codeOfUnit(c);
  if (!code.clientExplainable || c.sensitive) return false;
  if (!isMissing(c)) return true;
  // A missing value says something only as "no history" (or "no external score"); a new
  // applicant's unknown field says nothing yet.
  return code.absent !== null && !unknown?.has(c);
}

interface CodeSum {
  readonly units: Contribution[];
  logOdds: number;
  points: number;
  probabilityPoints: number;
}

/** "Part du revenu…" → "part du revenu…" inside a sentence; "EXT…" stays. */
function lowerFirst(text: string): string {
  const [first = '', second = ''] = text;
  return second === second.toLowerCase() ? first.toLowerCase() + text.slice(1) : text;
}

function clientReason(sum: CodeSum, stats: ReadonlyMap<string, ReferenceStat>): Reason {
  const direction = sum.logOdds > 0 ? 'adverse' : 'favourable';
  // The value told is the strongest unit pulling the code's way (one does: |sum| > 0).
  const sign = Math.sign(sum.logOdds);
  const strongest = sum.units
    .filter((u) => Math.sign(u.logOdds) === sign)
    .reduce((a, b) => (Math.abs(b.logOdds) > Math.abs(a.logOdds) ? b : a));
  const code = codeOfUnit(strongest);
  const statement = statementOf(code, direction, isMissing(strongest));
  const words = (lang: Lang) => {
    const detail = wording(strongest, stats, lang);
    return { ...detail, text: `${statement[lang]} (${lowerFirst(detail.text)})` };
  };
  const fr = words('fr');
  const en = words('en');
  return {
    key: strongest.key,
    features: sum.units.flatMap((u) => u.features),
    direction,
    theme: strongest.theme,
    ...toldAs(code, statement, fr, en),
    // Only client-explainable codes reach the client's view.
    clientExplainable: true,
    logOdds: sum.logOdds,
    points: sum.points,
    probabilityPoints: sum.probabilityPoints,
    sensitive: false,
  };
}

/**
 * The client's reasons from every unit of one explanation (ContributionSet.all): per code, the
 * strongest family first, at most `max` a side, the rest pooled. The reasons' weights and the
 * pooled line add up to the sum of `contributions`.
 */
export function clientReasonsOf(
  contributions: readonly Contribution[],
  stats: ReadonlyMap<string, ReferenceStat>,
  options: ClientReasonOptions = {},
): ClientReasonSet {
  const max = options.max ?? 4;
  const min = options.minLogOdds ?? 0.005;
  const byCode = new Map<string, CodeSum>();
  for (const c of contributions) {
    if (!tellable(c, options.unknown)) continue;
    let sum = byCode.get(c.code);
    if (!sum) {
      sum = { units: [], logOdds: 0, points: 0, probabilityPoints: 0 };
      byCode.set(c.code, sum);
    }
    sum.units.push(c);
    sum.logOdds += c.logOdds;
    sum.points += c.points;
    sum.probabilityPoints += c.probabilityPoints;
  }
  const candidates = [...byCode.values()]
    .filter((s) => Math.abs(s.logOdds) > min)
    .sort((a, b) => Math.abs(b.logOdds) - Math.abs(a.logOdds));
  const families = new Set<string>();
  const adverse: Reason[] = [];
  const favourable: Reason[] = [];
  const told = new Set<Contribution>();
  for (const sum of candidates) {
    const family = codeOfUnit(sum.units[0] as Contribution).family;
    const side = sum.logOdds > 0 ? adverse : favourable;
    if (families.has(family) || side.length >= max) continue;
    families.add(family);
    side.push(clientReason(sum, stats));
    for (const u of sum.units) told.add(u);
  }
  const others = { count: 0, logOdds: 0, points: 0, probabilityPoints: 0 };
  for (const c of contributions) {
    if (told.has(c)) continue;
    others.count++;
    others.logOdds += c.logOdds;
    others.points += c.points;
    others.probabilityPoints += c.probabilityPoints;
  }
  return {
    adverse,
    favourable,
    others: { labelFr: OTHER_ELEMENTS.fr, labelEn: OTHER_ELEMENTS.en, ...others },
  };
}
