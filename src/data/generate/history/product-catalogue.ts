/**
 * The product catalogue of previous applications: which channels, yield groups, terms, payment
 * types and product combinations go with each contract type. Frequencies follow the real
 * previous_application file (see value-sets.ts), conditioned on the contract type.
 */
import { WeightedChoice } from '../random.ts';
import { cellChoice } from './cells.ts';
import {
  CARD_PRODUCT_COMBINATION,
  CASH_PRODUCT_COMBINATION,
  CONSUMER_PRODUCT_COMBINATION,
  NAME_CASH_LOAN_PURPOSE,
  NAME_GOODS_CATEGORY,
  NAME_SELLER_INDUSTRY,
  PREVIOUS_TYPE_SUITE,
  REFUSAL_REASON,
  WEEKDAY,
} from './value-sets.ts';

export const WEEKDAYS = cellChoice(WEEKDAY);
export const REASONS = cellChoice(REFUSAL_REASON);
export const SUITE = cellChoice(PREVIOUS_TYPE_SUITE);
export const GOODS = cellChoice(NAME_GOODS_CATEGORY);
export const SELLER = cellChoice(NAME_SELLER_INDUSTRY);
export const PURPOSE = cellChoice(NAME_CASH_LOAN_PURPOSE);
export const CONSUMER_COMBINATION = cellChoice(CONSUMER_PRODUCT_COMBINATION);
export const CASH_COMBINATION = cellChoice(CASH_PRODUCT_COMBINATION.filter(([v]) => v !== 'Cash'));
export const CARD_COMBINATION = cellChoice(CARD_PRODUCT_COMBINATION);
export const CONSUMER_CHANNEL = cellChoice([
  ['Country-wide', 0.55],
  ['Stone', 0.28],
  ['Regional / Local', 0.14],
  ['AP+ (Cash loan)', 0.02],
  ['Car dealer', 0.001],
]);
export const CASH_CHANNEL = cellChoice([
  ['Credit and cash offices', 0.72],
  ['Contact center', 0.13],
  ['AP+ (Cash loan)', 0.12],
  ['Channel of corporate sales', 0.03],
]);
export const CARD_CHANNEL = cellChoice([
  ['Credit and cash offices', 0.6],
  ['Country-wide', 0.2],
  ['Stone', 0.15],
  ['Regional / Local', 0.05],
]);
export const CONSUMER_YIELD = cellChoice([
  ['middle', 0.3],
  ['high', 0.33],
  ['low_normal', 0.33],
  ['low_action', 0.04],
]);
export const PAYMENT_TYPE = cellChoice([
  ['Cash through the bank', 0.985],
  ['Non-cash from your account', 0.013],
  ['Cashless from the account of the employer', 0.002],
]);
export const CLIENT_TYPE_LATER = cellChoice([
  ['Repeater', 0.86],
  ['Refreshed', 0.11],
  ['New', 0.025],
  ['XNA', 0.005],
]);
export const CONSUMER_TERMS = new WeightedChoice<number>([
  [6, 0.12],
  [8, 0.05],
  [10, 0.15],
  [12, 0.3],
  [18, 0.12],
  [24, 0.16],
  [30, 0.03],
  [36, 0.07],
]);
export const CASH_TERMS = new WeightedChoice<number>([
  [12, 0.25],
  [18, 0.1],
  [24, 0.22],
  [30, 0.05],
  [36, 0.2],
  [48, 0.09],
  [60, 0.09],
]);
