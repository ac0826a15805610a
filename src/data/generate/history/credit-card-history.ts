/**
 * The monthly history of one approved revolving loan: credit_card_balance (balance, limit,
 * drawings, payments, DPD) and the card's payments in installments_payments (version 0). Card
 * utilisation follows credit appetite and risk; missed minimum payments and cards that stop being
 * paid follow repayment discipline.
 */
import type { Random } from '../random.ts';
import type { LineSink } from '../types.ts';
import { money, monthOf } from './cells.ts';
import type { HistoryProfile } from './profile.ts';

/** Monthly interest on a carried balance. */
const MONTHLY_INTEREST = 0.025;
/** Minimum payment as a share of the balance. */
const MIN_PAYMENT_SHARE = 0.05;

/**
 * Writes the card months from the decision to the application (or a few months past the card's
 * closure) and the card payments. `limit` is the approved AMT_CREDIT.
 */
export function writeCreditCardHistory(
  p: HistoryProfile,
  rng: Random,
  sink: LineSink,
  prev: number,
  decision: number,
  limit: number,
): void {
  const prefix = `${prev},${p.curr},`;
  const first = Math.max(-96, monthOf(decision));
  // A closed card pays off its balance in its closing month, then shows a few "Completed" months.
  const closed = rng.next() < 0.25;
  const closeMonth = closed ? first + Math.floor((-1 - first) * rng.next()) : 0;
  const last = closed ? Math.min(-1, closeMonth + Math.floor(rng.next() * 8)) : -1;
  // A dormant card never carries a balance.
  const dormant = rng.next() < 0.2 * Math.exp(-0.6 * p.hunger);
  const target = Math.min(1, p.utilisation * Math.exp(0.4 * rng.normal()));
  const missedChance = Math.min(0.9, 3 * p.dpdChance);
  // A bad card stops being paid from some month on and its days past due keep growing.
  const badFrom =
    !dormant && !closed && rng.next() < 4 * p.badLoanChance
      ? first + Math.floor(-first * rng.next())
      : 1;
  const noRegularity = rng.next() < 0.08;
  // Only some cards' days past due count as "with tolerance" (SK_DPD_DEF).
  const defaultCounts = rng.next() < 0.1;
  let limitNow = limit;
  let balance = 0;
  let dpd = 0;
  let matured = 0;
  let number = 0;
  for (let m = first; m <= last; m++) {
    if (rng.next() < 0.03) limitNow = Math.round((limitNow * 1.5) / 22500) * 22500;
    const completed = closed && m >= closeMonth;
    const minPay = balance * MIN_PAYMENT_SHARE;
    // Payment of the balance carried into this month.
    let pay = 0;
    if (balance > 0) {
      if (completed) pay = balance;
      else if (m >= badFrom || rng.next() < missedChance) pay = 0;
      else pay = Math.min(balance, Math.max(minPay, balance * rng.next() * (1 - target)));
    }
    if (balance > 0 && pay < minPay) dpd += 30;
    else dpd = 0;
    if (pay >= minPay && minPay > 0) matured++;
    let drawings = 0;
    let atm = 0;
    let cntAtm = 0;
    let cntPos = 0;
    if (!dormant && !completed && m < badFrom && rng.next() < 0.35 + 0.5 * target) {
      drawings = Math.max(0, limitNow * target - balance + pay) * (0.2 + 0.8 * rng.next());
      if (rng.next() < 0.55) {
        atm = Math.round(drawings / 4500) * 4500;
        cntAtm = atm > 0 ? 1 + Math.floor(rng.next() * 3) : 0;
      }
      cntPos = drawings - atm > 0 ? 1 + Math.floor(rng.next() * 6) : 0;
      drawings = atm + (cntPos > 0 ? drawings - atm : 0);
    }
    const carried = balance - pay;
    balance = Math.max(0, carried + drawings) * (carried > 0 ? 1 + MONTHLY_INTEREST : 1);
    const status = completed
      ? 'Completed'
      : m === first && rng.next() < 0.1
        ? 'Signed'
        : dpd > 180 && rng.next() < 0.02
          ? 'Demand'
          : 'Active';
    // Months without drawings often leave the drawing breakdown empty.
    const detail = drawings === 0 && rng.next() < 0.3;
    const bal = money(balance);
    const atmCell = detail ? '' : money(atm);
    const zeroCell = detail ? '' : '0.0';
    const posCell = detail ? '' : money(drawings - atm);
    const cntAtmCell = detail ? '' : `${cntAtm}.0`;
    const cntPosCell = detail ? '' : `${cntPos}.0`;
    const minCell = noRegularity ? '' : money(minPay);
    const maturedCell = noRegularity ? '' : `${matured}.0`;
    sink.line(
      'credit_card_balance',
      `${prefix}${m},${bal},${limitNow},${atmCell},${money(drawings)},${zeroCell},${posCell},${minCell},${
        pay > 0 ? money(pay) : ''
      },${money(pay)},${money(balance * 0.96)},${bal},${bal},${cntAtmCell},${cntAtm + cntPos},${zeroCell},${cntPosCell},${maturedCell},${status},${dpd},${
        defaultCounts && dpd > 90 ? dpd - 90 : 0
      }`,
    );
    if (pay > 0) {
      number++;
      const due = Math.floor((m + 1) * 30.4375) - 10;
      const late =
        rng.next() < p.lateChance
          ? 1 + Math.floor(-Math.log(1 - rng.next()) * p.lateDays)
          : -Math.floor(rng.next() * 10);
      const entry = Math.min(-1, due + late);
      sink.line(
        'installments_payments',
        `${prefix}0.0,${number},${due}.0,${entry}.0,${money(Math.max(minPay, pay))},${money(pay)}`,
      );
    }
  }
}
