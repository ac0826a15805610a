/**
 * Reasons: the units that raise the risk most (adverse) and lower it most (favourable), at most
 * four of each (Regulation B: more are "not likely to be helpful"), as short French and English
 * sentences citing the client's value and a population reference — the median among clients
 * who repaid, or for a category / flag the share of those clients who hold it. Each reason carries
 * its reason code (src/data/features/reason-codes.ts): the statement a client is told, its family,
 * whether it is client-explainable and actionable, and the note of the external scores. This is
 * the adviser's view; the client's is ./client-reasons.ts.
 */
import { categoryToken } from '../data/features/encodings.ts';
import {
  OTHER_REASON_CODE,
  type ReasonCode,
  type ReasonFamily,
  reasonCode,
} from '../data/features/reason-codes.ts';
import { categoryLabel } from './category-labels.ts';
import type { Contribution } from './contributions.ts';
import {
  formatFeatureValue,
  formatPercent,
  formatValue,
  HISTORY_PREFIX,
  type Lang,
  labelForValue,
} from './format.ts';
import type { ReferenceStat } from './reference-stats.ts';
import type { UnknownFields } from './unknown-fields.ts';

export interface Reason {
  readonly key: string;
  readonly features: readonly string[];
  readonly direction: 'adverse' | 'favourable';
  readonly theme: Contribution['theme'];
  /** The reason code of the unit (R-OTHER outside the catalogue). */
  readonly code: string;
  readonly family: ReasonFamily;
  /** The code is one a client can understand: only those reach the client view. */
  readonly clientExplainable: boolean;
  /** The client can change it (the code's flag: broader than recourse's fields). */
  readonly actionable: boolean;
  /**
   * The code's statement in the reason's direction ("Vos revenus sont faibles au regard de la
   * mensualité demandée"), or its "no history" one when the value is missing for want of history.
   */
  readonly statementFr: string;
  readonly statementEn: string;
  /** What the values are, for the external scores ("Scores calculés par des organismes…"); else null. */
  readonly noteFr: string | null;
  readonly noteEn: string | null;
  /** The whole sentence, e.g. "Âge : 24 ans, contre 44 ans pour les clients qui ont remboursé". */
  readonly textFr: string;
  readonly textEn: string;
  readonly labelFr: string;
  readonly labelEn: string;
  /** The client's value as written in the sentence. */
  readonly valueFr: string;
  readonly valueEn: string;
  /** The population reference as written, null when there is none. */
  readonly referenceFr: string | null;
  readonly referenceEn: string | null;
  readonly logOdds: number;
  readonly points: number;
  readonly probabilityPoints: number;
  /**
   * A protected attribute (or derived from one) drives this reason. Models leave them out by
   * default; when one is in, the reason is kept, flagged and its sentence says so, so nobody cites
   * it as a ground for refusal unawares.
   */
  readonly sensitive: boolean;
}

export interface ReasonSet {
  readonly adverse: readonly Reason[];
  readonly favourable: readonly Reason[];
}

export interface ReasonOptions {
  /** Per direction; default 4. */
  readonly max?: number;
  /** Smallest |log-odds| worth a reason; default 0.005. */
  readonly minLogOdds?: number;
  /** Reasons per theme and direction; default 2, so four reasons tell more than one story. */
  readonly maxPerTheme?: number;
  /**
   * A new application's unknown fields (./unknown-fields.ts): units missing because of them are
   * information to complete (./to-complete.ts), never reasons. Absent for a stored file.
   */
  readonly unknown?: UnknownFields;
}

/** A unit drawn from the credit history tables (missing there = no such history). */
export const isHistory = (c: Contribution): boolean => HISTORY_PREFIX.test(c.key);

/** The unit's value is missing (for a categorical: no known category). */
export const isMissing = (c: Contribution): boolean =>
  c.unit === 'category' ? c.category === null : c.value === null;

/** The catalogue's entry of a unit's code. */
export const codeOfUnit = (c: Contribution): ReasonCode => reasonCode(c.code) ?? OTHER_REASON_CODE;

/**
 * What a client is told for a code in a direction: the "no history" statement when the value is
 * missing and the code has one, else the adverse or favourable statement.
 */
export function statementOf(
  code: ReasonCode,
  direction: Reason['direction'],
  missing: boolean,
): ReasonCode['adverse'] {
  if (missing && code.absent !== null) return code.absent;
  return direction === 'adverse' ? code.adverse : code.favourable;
}

/**
 * Themes whose features are one signal told several ways (EXT_SOURCE_1..3 and their minimum,
 * mean and maximum): a client hears it once, as its strongest form.
 */
const ONE_SIGNAL_THEMES: ReadonlySet<string> = new Set(['external scores']);

/**
 * Features that restate a raw column in another unit (application.sql: years from days): one fact,
 * told once, whichever form weighs more.
 */
const SAME_FACT: Readonly<Record<string, string>> = {
  AGE_YEARS: 'DAYS_BIRTH',
  EMPLOYED_YEARS: 'DAYS_EMPLOYED',
  REGISTRATION_YEARS: 'DAYS_REGISTRATION',
  ID_PUBLISH_YEARS: 'DAYS_ID_PUBLISH',
  PHONE_CHANGE_YEARS: 'DAYS_LAST_PHONE_CHANGE',
};

const factOf = (unit: Contribution) => SAME_FACT[unit.key] ?? unit.key;

/**
 * The largest units first, at most `max`, skipping a theme once it has given its share and a fact
 * already told (`told` is shared by both directions, so a fact never argues both ways).
 */
function principal(
  sorted: readonly Contribution[],
  max: number,
  maxPerTheme: number,
  told: Set<string>,
): Contribution[] {
  const perTheme = new Map<string, number>();
  const chosen: Contribution[] = [];
  for (const unit of sorted) {
    if (chosen.length === max) break;
    const used = perTheme.get(unit.theme) ?? 0;
    const limit = ONE_SIGNAL_THEMES.has(unit.theme) ? 1 : maxPerTheme;
    if (used >= limit || told.has(factOf(unit))) continue;
    perTheme.set(unit.theme, used + 1);
    told.add(factOf(unit));
    chosen.push(unit);
  }
  return chosen;
}

export interface Wording {
  label: string;
  value: string;
  reference: string | null;
  text: string;
}

const REPAID = {
  fr: {
    against: 'contre',
    who: 'pour les clients qui ont remboursé',
    onAverage: 'en moyenne pour les clients qui ont remboursé',
    likeMost: 'comme la plupart des clients qui ont remboursé',
    like: 'comme',
    of: 'des clients qui ont remboursé',
  },
  en: {
    against: 'against',
    who: 'for clients who repaid',
    onAverage: 'on average for clients who repaid',
    likeMost: 'like most clients who repaid',
    like: 'like',
    of: 'of clients who repaid',
  },
} as const;

const join = (label: string, value: string, lang: Lang) =>
  lang === 'fr' ? `${label} : ${value}` : `${label}: ${value}`;

/** The label, value and reference of a unit as a reason cites them, and the sentence they make. */
export function wording(
  c: Contribution,
  stats: ReadonlyMap<string, ReferenceStat>,
  lang: Lang,
): Wording {
  const words = REPAID[lang];
  const protectedNote = c.sensitive
    ? lang === 'fr'
      ? ' (attribut protégé)'
      : ' (protected attribute)'
    : '';
  const baseLabel = lang === 'fr' ? c.labelFr : c.labelEn;
  if (c.unit === 'category') {
    const value =
      c.category === null
        ? formatValue(null, 'flag', lang)
        : categoryLabel(c.key, c.category)[lang];
    const share =
      c.category === null
        ? undefined
        : stats.get(`${c.key}__${categoryToken(c.category)}`)?.meanRepaid;
    const reference =
      share === undefined || Number.isNaN(share)
        ? null
        : `${words.like} ${formatPercent(share, lang)} ${words.of}`;
    const text = `${join(baseLabel, value, lang)}${reference ? ` (${reference})` : ''}${protectedNote}`;
    return { label: baseLabel, value, reference, text };
  }
  const stat = stats.get(c.key);
  const label = labelForValue(baseLabel, c.unit);
  // A missing history aggregate reads "aucun historique": the client has no such history.
  const value = formatFeatureValue(c.key, c.value, c.unit, lang);
  let reference: string | null = null;
  if (stat && c.unit === 'flag' && !Number.isNaN(stat.meanRepaid)) {
    reference =
      lang === 'fr'
        ? `${formatPercent(stat.meanRepaid, lang)} des clients qui ont remboursé : oui`
        : `${formatPercent(stat.meanRepaid, lang)} of clients who repaid: yes`;
    const separator = lang === 'fr' ? ' ; ' : '; ';
    return {
      label,
      value,
      reference,
      text: `${join(label, value, lang)}${separator}${reference}${protectedNote}`,
    };
  }
  if (stat && !Number.isNaN(stat.medianRepaid)) {
    // A reference that reads as the value itself says nothing ("0 jour, contre 0 jour"): the mean
    // then, or plainly that the client is like most who repaid.
    const median = formatValue(stat.medianRepaid, c.unit, lang);
    const mean = Number.isNaN(stat.meanRepaid) ? value : formatValue(stat.meanRepaid, c.unit, lang);
    if (median !== value) reference = `${words.against} ${median} ${words.who}`;
    else if (mean !== value) reference = `${words.against} ${mean} ${words.onAverage}`;
    else reference = words.likeMost;
  }
  return {
    label,
    value,
    reference,
    text: `${join(label, value, lang)}${reference ? `, ${reference}` : ''}${protectedNote}`,
  };
}

/** What every reason says of itself: its code, the code's statement, its words in both languages. */
export function toldAs(
  code: ReturnType<typeof codeOfUnit>,
  statement: ReturnType<typeof statementOf>,
  fr: ReturnType<typeof wording>,
  en: ReturnType<typeof wording>,
) {
  return {
    code: code.code,
    family: code.family,
    clientExplainable: code.clientExplainable,
    actionable: code.actionable,
    statementFr: statement.fr,
    statementEn: statement.en,
    noteFr: code.note?.fr ?? null,
    noteEn: code.note?.en ?? null,
    textFr: fr.text,
    textEn: en.text,
    labelFr: fr.label,
    labelEn: en.label,
    valueFr: fr.value,
    valueEn: en.value,
    referenceFr: fr.reference,
    referenceEn: en.reference,
  };
}

function reasonOf(c: Contribution, stats: ReadonlyMap<string, ReferenceStat>): Reason {
  const fr = wording(c, stats, 'fr');
  const en = wording(c, stats, 'en');
  const code = codeOfUnit(c);
  const direction = c.logOdds > 0 ? 'adverse' : 'favourable';
  const statement = statementOf(code, direction, isMissing(c));
  return {
    key: c.key,
    features: c.features,
    direction,
    theme: c.theme,
    ...toldAs(code, statement, fr, en),
    logOdds: c.logOdds,
    points: c.points,
    probabilityPoints: c.probabilityPoints,
    sensitive: c.sensitive,
  };
}

/**
 * The main reasons of one client: adverse ones (raising the risk) largest first, favourable ones
 * (lowering it) largest first, at most two per theme (one for the external scores) so the four
 * reasons are distinct facts. `contributions` is any list of units (ContributionSet.all). A new
 * application's unknown fields are left out (they are information to complete).
 */
export function reasonsOf(
  contributions: readonly Contribution[],
  stats: ReadonlyMap<string, ReferenceStat>,
  options: ReasonOptions = {},
): ReasonSet {
  const max = options.max ?? 4;
  const min = options.minLogOdds ?? 0.005;
  const { unknown } = options;
  const units = unknown ? contributions.filter((c) => !unknown.has(c)) : contributions;
  const adverse = units.filter((c) => c.logOdds > min).sort((a, b) => b.logOdds - a.logOdds);
  const favourable = units.filter((c) => c.logOdds < -min).sort((a, b) => a.logOdds - b.logOdds);
  const maxPerTheme = options.maxPerTheme ?? 2;
  const told = new Set<string>();
  return {
    adverse: principal(adverse, max, maxPerTheme, told).map((c) => reasonOf(c, stats)),
    favourable: principal(favourable, max, maxPerTheme, told).map((c) => reasonOf(c, stats)),
  };
}
