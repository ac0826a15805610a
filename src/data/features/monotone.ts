/**
 * The monotone directions credit people expect, declared once beside the dictionary and reviewed
 * like code: for each listed feature, whether more of it may only raise the probability of default
 * (`riskier`, engine constraint +1) or only lower it (`safer`, −1). `creditlens train` imposes them
 * by default (`--no-monotone` to train without); docs/features.md renders this table.
 *
 * Only directions that are not in doubt are declared: affordability (the loan against the income),
 * payment incidents, overdue amounts and the external scores. Where the data must settle the
 * direction (the term, for one) nothing is imposed, and the model card states the direction learned.
 *
 * The guarantee these directions give, tested over generated clients: asking for less money over
 * the same term (AMT_CREDIT down, AMT_ANNUITY recomputed at the same term, AMT_GOODS_PRICE following
 * the amount or not) never raises the probability, and more income never does. Every feature such
 * a change moves is listed here in the direction the change moves it, or left out of the monotone
 * model (LEFT_OUT_WHEN_MONOTONE), because a constraint on a ratio holds for the ratio, not for the
 * fields it is made of.
 */
import { dictionaryEntry } from './dictionary.ts';

/** +1: more of the feature never lowers the risk; −1: more never raises it. */
export type MonotoneDirection = 1 | -1;

export interface MonotoneEntry {
  readonly feature: string;
  readonly direction: MonotoneDirection;
  /** Why the direction is not in doubt, in English. */
  readonly reason: string;
}

const AFFORDABILITY = 'affordability';
const INCIDENTS = 'payment incidents';
const OVERDUE = 'overdue amounts';
const EXTERNAL = 'external scores';

type Row = readonly [feature: string, direction: MonotoneDirection, why: string];

function group(kind: string, rows: readonly Row[]): MonotoneEntry[] {
  return rows.map(([feature, direction, why]) => ({
    feature,
    direction,
    reason: `${kind}: ${why}`,
  }));
}

/** The declared directions, by group. */
export const MONOTONE_CONSTRAINTS: readonly MonotoneEntry[] = Object.freeze([
  ...group(AFFORDABILITY, [
    ['AMT_CREDIT', 1, 'a larger loan at the same term, income and share financed'],
    ['AMT_ANNUITY', 1, 'a larger instalment for the same income'],
    ['CREDIT_TO_INCOME', 1, 'more debt relative to the income'],
    ['ANNUITY_TO_INCOME', 1, 'a larger share of the income goes to the instalment'],
    ['ANNUITY_TO_INCOME_PER_MEMBER', 1, 'the instalment weighs more on each member of the family'],
    ['AMT_INCOME_TOTAL', -1, 'more income for the same loan'],
    ['INCOME_PER_FAMILY_MEMBER', -1, 'more income for each member of the family'],
    ['INCOME_AFTER_ANNUITY', -1, 'more income left once the instalment is paid'],
    [
      'GOODS_TO_CREDIT',
      -1,
      'a larger share of the credit is backed by the goods bought (loan-to-value the other way up)',
    ],
  ]),
  ...group(INCIDENTS, [
    ['BUREAU_CREDIT_DAY_OVERDUE_MAX', 1, 'more days overdue on credits at other lenders'],
    ['BUREAU_CREDIT_DAY_OVERDUE_MEAN', 1, 'more days overdue on credits at other lenders'],
    ['BUREAU_ACTIVE_CREDIT_DAY_OVERDUE_MAX', 1, 'more days overdue on running credits'],
    ['BUREAU_BALANCE_DPD_SHARE_MEAN', 1, 'a larger share of months past due at other lenders'],
    ['BUREAU_BALANCE_DPD_SHARE_MAX', 1, 'a larger share of months past due at other lenders'],
    ['BUREAU_ACTIVE_BALANCE_DPD_SHARE_MEAN', 1, 'a larger share of months past due'],
    ['BUREAU_CLOSED_BALANCE_DPD_SHARE_MEAN', 1, 'a larger share of months past due'],
    ['BUREAU_BALANCE_DPD_MONTHS_12M', 1, 'more months past due in the last year'],
    ['BUREAU_BALANCE_WORST_STATUS_MAX', 1, 'a worse delay level at other lenders'],
    ['BUREAU_BALANCE_WORST_STATUS_MEAN', 1, 'a worse delay level at other lenders'],
    ['BUREAU_ACTIVE_BALANCE_WORST_STATUS_MAX', 1, 'a worse delay level on running credits'],
    ['BUREAU_CLOSED_BALANCE_WORST_STATUS_MAX', 1, 'a worse delay level on closed credits'],
    ['POS_SK_DPD_MAX', 1, 'a longer delay on past loans'],
    ['POS_SK_DPD_MEAN', 1, 'longer delays on past loans'],
    ['POS_SK_DPD_DEF_MAX', 1, 'a longer significant delay on past loans'],
    ['POS_SK_DPD_DEF_MEAN', 1, 'longer significant delays on past loans'],
    ['POS_SK_DPD_MAX_12M', 1, 'a longer delay in the last year'],
    ['POS_DPD_MONTHS_SHARE', 1, 'a larger share of months past due'],
    ['POS_DPD_DEF_MONTHS_SHARE', 1, 'a larger share of months significantly past due'],
    ['POS_DPD_MONTHS_SHARE_12M', 1, 'a larger share of months past due in the last year'],
    ['INST_LATE_DAYS_MEAN', 1, 'more days late per instalment'],
    ['INST_LATE_DAYS_MAX', 1, 'a longer payment delay'],
    ['INST_LATE_DAYS_MEAN_365D', 1, 'more days late per instalment in the last year'],
    ['INST_LATE_SHARE', 1, 'a larger share of instalments paid late'],
    ['INST_LATE_30_SHARE', 1, 'a larger share of instalments paid over 30 days late'],
    ['INST_LATE_SHARE_365D', 1, 'a larger share paid late in the last year'],
    ['INST_SHORT_SHARE', 1, 'a larger share of instalments under-paid'],
    ['INST_SHORT_SHARE_365D', 1, 'a larger share under-paid in the last year'],
    ['INST_PAID_SHARE_MEAN', -1, 'a larger share of each instalment paid'],
    ['INST_PAID_SHARE_MIN', -1, 'a larger share paid of the worst-paid instalment'],
    ['INST_PAID_SHARE_MEAN_365D', -1, 'a larger share paid in the last year'],
    ['INST_TOTAL_PAID_SHARE', -1, 'a larger share of the total due actually paid'],
    ['CC_SK_DPD_MAX', 1, 'a longer card delay'],
    ['CC_SK_DPD_MEAN', 1, 'longer card delays'],
    ['CC_SK_DPD_DEF_MAX', 1, 'a longer significant card delay'],
    ['CC_DPD_MONTHS_SHARE', 1, 'a larger share of months past due on cards'],
    ['CC_DPD_MONTHS_SHARE_12M', 1, 'a larger share of card months past due in the last year'],
    ['CC_BELOW_MINIMUM_SHARE', 1, 'a larger share of months paying less than the minimum'],
  ]),
  ...group(OVERDUE, [
    ['BUREAU_AMT_CREDIT_MAX_OVERDUE_MAX', 1, 'a larger amount once overdue'],
    ['BUREAU_AMT_CREDIT_MAX_OVERDUE_MEAN', 1, 'larger amounts once overdue'],
    ['BUREAU_CLOSED_AMT_CREDIT_MAX_OVERDUE_MAX', 1, 'a larger amount once overdue'],
    ['BUREAU_AMT_CREDIT_SUM_OVERDUE_SUM', 1, 'more money overdue now'],
    ['BUREAU_AMT_CREDIT_SUM_OVERDUE_MAX', 1, 'more money overdue now'],
    ['BUREAU_ACTIVE_AMT_CREDIT_SUM_OVERDUE_SUM', 1, 'more money overdue now'],
    ['BUREAU_ACTIVE_AMT_CREDIT_SUM_OVERDUE_MAX', 1, 'more money overdue now'],
    ['BUREAU_OVERDUE_TO_DEBT', 1, 'a larger share of the debt overdue'],
  ]),
  ...group(EXTERNAL, [
    ['EXT_SOURCE_1', -1, 'a higher score from an outside credit source means a safer client'],
    ['EXT_SOURCE_2', -1, 'a higher score from an outside credit source means a safer client'],
    ['EXT_SOURCE_3', -1, 'a higher score from an outside credit source means a safer client'],
    ['EXT_SOURCE_MEAN', -1, 'higher external scores on average'],
    ['EXT_SOURCE_MIN', -1, 'a higher lowest external score'],
    ['EXT_SOURCE_MAX', -1, 'a higher highest external score'],
    ['EXT_SOURCE_PRODUCT', -1, 'higher external scores (each lies in [0, 1])'],
  ]),
]);

/**
 * Features the monotone model does without: a change of the loan moves them one way or the other
 * depending on the client, so no direction keeps the guarantee, and the model keeps what they say
 * through the features they are made of.
 */
export const LEFT_OUT_WHEN_MONOTONE: readonly {
  readonly feature: string;
  readonly reason: string;
}[] = Object.freeze([
  {
    feature: 'AMT_GOODS_PRICE',
    reason:
      'monotone model: the goods price alone has no settled direction (at the same credit, dearer goods mean a smaller share financed); the model sees it as AMT_CREDIT × GOODS_TO_CREDIT, both constrained',
  },
  {
    feature: 'CREDIT_OVER_GOODS',
    reason:
      'monotone model: when the amount falls with the goods price following, AMT_CREDIT − AMT_GOODS_PRICE moves with the sign of the gap (up for a client with a down payment), so no direction holds for every client; the model sees it through AMT_CREDIT and GOODS_TO_CREDIT',
  },
]);

/**
 * Loan features left free on purpose: the data settles their direction, and the model card states
 * the direction learned.
 */
export const LEFT_FREE: readonly { readonly feature: string; readonly reason: string }[] =
  Object.freeze([
    {
      feature: 'CREDIT_TERM_MONTHS',
      reason:
        'a longer term lowers the instalment but lengthens the exposure, and very short terms strain budgets: no direction is beyond doubt',
    },
  ]);

const byFeature = new Map(MONOTONE_CONSTRAINTS.map((e) => [e.feature, e]));

/** The declared direction of a feature: 1, −1, or 0 when none is declared. */
export function monotoneDirection(feature: string): MonotoneDirection | 0 {
  return byFeature.get(feature)?.direction ?? 0;
}

/** Names declared here that are not in the feature dictionary (a test keeps this empty). */
export function undeclaredMonotoneFeatures(): string[] {
  const names = [
    ...MONOTONE_CONSTRAINTS.map((e) => e.feature),
    ...LEFT_OUT_WHEN_MONOTONE.map((e) => e.feature),
    ...LEFT_FREE.map((e) => e.feature),
  ];
  return names.filter((n) => dictionaryEntry(n) === undefined);
}

const WORDS: Record<MonotoneDirection, string> = { 1: 'more → riskier', [-1]: 'more → safer' };

/** The table as Markdown, for docs/features.md (dictionary-markdown.ts writes it). */
export function monotoneMarkdown(): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const lines = [
    '| feature | label (en) | direction | why |',
    '| --- | --- | --- | --- |',
    ...MONOTONE_CONSTRAINTS.map(
      (e) =>
        `| \`${e.feature}\` | ${cell(dictionaryEntry(e.feature)?.label_en ?? '')} | ${WORDS[e.direction]} (${e.direction > 0 ? '+1' : '−1'}) | ${cell(e.reason)} |`,
    ),
    ...LEFT_OUT_WHEN_MONOTONE.map(
      (e) =>
        `| \`${e.feature}\` | ${cell(dictionaryEntry(e.feature)?.label_en ?? '')} | left out of the monotone model | ${cell(e.reason)} |`,
    ),
    ...LEFT_FREE.map(
      (e) =>
        `| \`${e.feature}\` | ${cell(dictionaryEntry(e.feature)?.label_en ?? '')} | free (learned) | ${cell(e.reason)} |`,
    ),
  ];
  return lines.join('\n');
}
