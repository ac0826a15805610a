/**
 * The dashboard's numbers now live in web/src/format/ (one way to write each value); this module
 * re-exports them for the modules that still import them from here.
 */
export {
  formatAmount,
  formatDateTime,
  formatNumber,
  formatPercent,
} from '../format/numbers.ts';
