/**
 * The repayment history of one approved cash or consumer loan: installments_payments (one row per
 * instalment paid, more when paid in parts) and POS_CASH_balance (one row per month from the
 * decision to completion or the application). Lateness, short payments and days past due follow
 * the client's repayment discipline; a "bad" loan stops being paid and its DPD keeps growing.
 */

import type { Random } from '../random.ts';
import type { LineSink } from '../types.ts';
import { money, monthOf } from './cells.ts';
import { SENTINEL } from './constants.ts';
import type { HistoryProfile } from './profile.ts';

/** The schedule of one approved loan, as written in previous_application. */
/** Share of instalments paid in full but in two transfers (noise, independent of risk). */
const SPLIT_CHANCE = 0.09;

export interface LoanSchedule {
  prev: number;
  decision: number;
  /** CNT_PAYMENT. */
  count: number;
  annuity: number;
  /** DAYS_FIRST_DUE (≤ −1), or SENTINEL when nothing was due yet. */
  firstDue: number;
  /** Instalments the client owes in all: `count`, fewer when the loan was repaid early. */
  lastNumber: number;
  /** DAYS_LAST_DUE, or SENTINEL while the loan runs. */
  lastDue: number;
  /** Number of the first instalment never paid (bad loans), else 0. */
  defaultFrom: number;
}

export function writeCashLoanHistory(
  p: HistoryProfile,
  rng: Random,
  sink: LineSink,
  s: LoanSchedule,
): void {
  const prefix = `${s.prev},${p.curr},`;
  if (s.firstDue !== SENTINEL) writeInstallments(p, rng, sink, s, prefix);
  writePosCash(p, rng, sink, s, prefix);
}

function writeInstallments(
  p: HistoryProfile,
  rng: Random,
  sink: LineSink,
  s: LoanSchedule,
  prefix: string,
): void {
  const dueBefore = Math.floor((-1 - s.firstDue) / 30) + 1;
  const last = Math.min(s.lastNumber, dueBefore);
  const stop = s.defaultFrom > 0 ? Math.min(last, s.defaultFrom - 1) : last;
  for (let k = 1; k <= stop; k++) {
    const due = s.firstDue + (k - 1) * 30;
    // Early repayment: the last instalment settles the remaining principal.
    const amount =
      k === s.lastNumber && s.lastNumber < s.count
        ? s.annuity * (s.count - k + 1) * 0.92
        : s.annuity;
    const version = k === s.count && rng.next() < 0.15 ? '2.0' : '1.0';
    const delay =
      rng.next() < p.lateChance
        ? 1 + Math.floor(-Math.log(1 - rng.next()) * p.lateDays)
        : -Math.floor(-Math.log(1 - rng.next()) * 8);
    const entry = due + delay;
    const head = `${prefix}${version},${k},${due}.0,`;
    const amountCell = money(amount);
    if (entry > -1) {
      // Not paid yet on the application date.
      sink.line('installments_payments', `${head},${amountCell},`);
    } else if (rng.next() < p.shortChance) {
      const part = amount * (0.1 + 0.8 * rng.next());
      sink.line('installments_payments', `${head}${entry}.0,${amountCell},${money(part)}`);
      // The rest follows later, unless the application came first.
      const entry2 = entry + 1 + Math.floor(rng.next() * 40);
      if (entry2 <= -1 && rng.next() < 0.8) {
        sink.line(
          'installments_payments',
          `${head}${entry2}.0,${amountCell},${money(amount - part)}`,
        );
      }
    } else if (rng.next() < SPLIT_CHANCE) {
      // Paid in full, in two transfers a few days apart.
      const part = Math.round(amount * (0.2 + 0.6 * rng.next()) * 100) / 100;
      const entry2 = Math.min(-1, entry + Math.floor(rng.next() * 10));
      sink.line('installments_payments', `${head}${entry}.0,${amountCell},${money(part)}`);
      sink.line(
        'installments_payments',
        `${head}${entry2}.0,${amountCell},${money(amount - part)}`,
      );
    } else {
      sink.line('installments_payments', `${head}${entry}.0,${amountCell},${amountCell}`);
    }
  }
}

function writePosCash(
  p: HistoryProfile,
  rng: Random,
  sink: LineSink,
  s: LoanSchedule,
  prefix: string,
): void {
  // Some loans' first months are missing from POS_CASH_balance, as in the real file.
  const skipped = rng.next() < 0.3 ? 1 + Math.floor(rng.next() * 6) : 0;
  const first = Math.max(-96, monthOf(s.decision) + skipped);
  const completedMonth = s.lastDue !== SENTINEL ? monthOf(s.lastDue) : 1;
  const last = Math.min(-1, completedMonth);
  const count = `${s.count}.0`;
  const defaultDue = s.defaultFrom > 0 ? s.firstDue + (s.defaultFrom - 1) * 30 : SENTINEL;
  // Only some bad loans' days past due count as "with tolerance" (SK_DPD_DEF).
  const defaultCounts = rng.next() < 0.1;
  let dpd = 0;
  for (let m = first; m <= last; m++) {
    const monthEnd = Math.floor((m + 1) * 30.4375);
    let paid = s.firstDue === SENTINEL ? 0 : Math.floor((monthEnd - s.firstDue) / 30) + 1;
    if (paid < 0) paid = 0;
    if (paid > s.lastNumber) paid = s.lastNumber;
    let status = 'Active';
    if (m === completedMonth) status = 'Completed';
    else if (paid === 0 && m === first && rng.next() < 0.1) status = 'Signed';
    let def = 0;
    if (monthEnd > defaultDue) {
      dpd = monthEnd - defaultDue;
      def = defaultCounts ? dpd : 0;
      if (paid === s.lastNumber && rng.next() < 0.02) status = 'Demand';
    } else if (dpd === 0) {
      if (paid > 0 && rng.next() < p.dpdChance) dpd = 1 + Math.floor(rng.next() * p.lateDays * 2);
    } else if (rng.next() < 0.4) {
      dpd += 30;
      if (rng.next() < 0.3) def = dpd;
    } else dpd = 0;
    sink.line(
      'POS_CASH_balance',
      `${prefix}${m},${count},${status === 'Completed' ? 0 : s.count - paid}.0,${status},${dpd},${def}`,
    );
  }
}
