/**
 * bureau (credits at other institutions reported to the Credit Bureau) and bureau_balance (their
 * monthly status). Credit appetite makes credits more numerous and more recent, hence more of them
 * still active and in debt; repayment discipline drives overdue days and amounts and the DPD
 * buckets of the monthly status.
 */

import type { Random } from '../random.ts';
import type { LineSink } from '../types.ts';
import { cellChoice, money, monthOf, wholeFloat } from './cells.ts';
import type { HistoryProfile } from './profile.ts';
import { CREDIT_CURRENCY, CREDIT_TYPE } from './value-sets.ts';

const CURRENCY = cellChoice(CREDIT_CURRENCY);
const TYPE = cellChoice(CREDIT_TYPE);
/** bureau_balance STATUS by DPD bucket. */
const DPD_STATUS = ['0', '1', '2', '3', '4', '5'];

/** Share of bureau credits that have a monthly history in bureau_balance. */
const BALANCE_SHARE = 0.53;

/**
 * Writes the bureau rows of one client and the bureau_balance rows of those credits.
 * `bureauId(j)` gives SK_ID_BUREAU of the j-th credit; `maxCredits` bounds j.
 */
export function generateBureau(
  p: HistoryProfile,
  rng: Random,
  sink: LineSink,
  bureauId: (j: number) => number,
  maxCredits: number,
): void {
  // ≈86% of clients have bureau records; appetite raises both the share and the count.
  if (rng.next() >= 1 / (1 + Math.exp(-(1.85 + 0.35 * p.hunger)))) return;
  const mean = 4.6 * Math.exp(0.35 * p.hunger - 0.061);
  const n = Math.min(maxCredits, 1 + rng.poisson((mean * rng.gamma(1.6)) / 1.6));
  const span = -p.earliestDay;
  const recency = 1.5 * p.recency;
  const curr = p.curr;
  for (let j = 0; j < n; j++) {
    const daysCredit = -(1 + Math.floor((span - 1) * rng.next() ** recency));
    const type = TYPE.draw(rng);
    const isCard = type === 'Credit card';
    const term = Math.round(termMedian(type) * Math.exp(0.7 * rng.normal()));
    const plannedEnd = daysCredit + term;
    const active = plannedEnd > 0 ? rng.chance(0.82) : rng.chance(0.07);
    let status = 'Active';
    let factEnd = 0;
    if (!active) {
      status = 'Closed';
      const u = rng.next();
      if (u < 0.0045 * Math.exp(0.5 * p.risk)) status = 'Sold';
      else if (u < 0.0045 * Math.exp(0.5 * p.risk) + 0.00002 * Math.exp(p.risk))
        status = 'Bad debt';
      factEnd =
        plannedEnd <= -1
          ? daysCredit +
            Math.round((plannedEnd - daysCredit) * (rng.chance(0.6) ? rng.uniform(0.3, 1) : 1))
          : daysCredit + Math.floor(-daysCredit * rng.next());
      if (factEnd > -1) factEnd = -1;
      if (factEnd < daysCredit) factEnd = daysCredit;
    }
    const update = active
      ? Math.max(daysCredit, -Math.floor(Math.exp(2.3 + 1.3 * rng.normal())))
      : Math.min(0, factEnd + Math.floor(rng.next() * rng.next() * 90));

    const overdueDays =
      active && rng.chance(0.55 * p.dpdChance)
        ? Math.min(
            -daysCredit,
            2792,
            1 + Math.floor(Math.exp(2.8 + 0.3 * p.risk + 1.2 * rng.normal())),
          )
        : 0;
    const sum = p.amountScale * sumMedian(type) * Math.exp(rng.normal());
    const sumRounded = rng.chance(0.5) ? Math.round(sum / 500) * 500 : sum;
    let debt = 0;
    if (active) {
      debt = isCard
        ? sumRounded * Math.min(1.1, p.utilisation * rng.uniform(0.3, 1.5))
        : sumRounded *
          Math.min(1, (plannedEnd > 0 ? plannedEnd / term : 0.1) * Math.exp(0.25 * p.hunger));
    }
    const overdueAmount =
      overdueDays > 0 && rng.chance(0.85)
        ? Math.min(sumRounded, sumRounded * 0.04 * (1 + overdueDays / 30) * rng.uniform(0.5, 1.5))
        : 0;

    const maxOverduePresent = daysCredit > -1100 ? rng.chance(0.55) : rng.chance(0.08);
    let maxOverdue = '';
    if (maxOverduePresent) {
      if (overdueAmount > 0) maxOverdue = money(overdueAmount * rng.uniform(1, 2));
      else if (rng.chance(Math.min(0.9, 0.07 * Math.exp(0.7 * p.risk))))
        maxOverdue = money(p.amountScale * Math.exp(8 + 1.5 * rng.normal()));
      else maxOverdue = '0.0';
    }
    const annuityPresent = daysCredit > -900 ? rng.chance(0.55) : rng.chance(0.1);
    const annuity = annuityPresent
      ? active && !isCard && rng.chance(0.7)
        ? money((sumRounded / Math.max(1, term / 30)) * 1.1)
        : '0.0'
      : '';
    const endDate = rng.chance(isCard ? 0.14 : 0.035) ? '' : wholeFloat(plannedEnd);
    const prolong = rng.chance(0.005 * Math.exp(0.4 * p.risk))
      ? rng.chance(0.85)
        ? '1'
        : '2'
      : '0';
    const debtCell = rng.chance(0.15) ? '' : debt > 0 ? money(debt) : '0.0';
    const limitCell = rng.chance(0.345)
      ? ''
      : isCard && active
        ? money(Math.max(0, sumRounded - debt))
        : '0.0';
    const id = bureauId(j);
    sink.line(
      'bureau',
      `${curr},${id},${status},${CURRENCY.draw(rng)},${daysCredit},${overdueDays},${endDate},${
        active ? '' : wholeFloat(factEnd)
      },${maxOverdue},${prolong},${money(sumRounded)},${debtCell},${limitCell},${
        overdueAmount > 0 ? money(overdueAmount) : '0.0'
      },${type},${update},${annuity}`,
    );

    if (rng.next() < BALANCE_SHARE) {
      writeBureauBalance(
        p,
        rng,
        sink,
        id,
        daysCredit,
        active ? 1 : monthOf(factEnd),
        update,
        status,
      );
    }
  }
}

/**
 * Monthly status of one bureau credit, from the month it opened to the application month (or its
 * last update): X where the bureau did not know, 0..5 while open by DPD bucket, C once closed.
 */
function writeBureauBalance(
  p: HistoryProfile,
  rng: Random,
  sink: LineSink,
  id: number,
  daysCredit: number,
  closeMonth: number,
  update: number,
  status: string,
): void {
  const first = Math.max(-96, monthOf(daysCredit));
  const last = rng.chance(0.7) ? 0 : Math.max(first, monthOf(update));
  const u = rng.next();
  const unknownUntil =
    u < 0.08 ? last : u < 0.35 ? first + Math.floor((last - first) * rng.next()) : first - 1;
  const prefix = `${id},`;
  const badEnd = status === 'Sold' || status === 'Bad debt';
  let bucket = 0;
  for (let m = first; m <= last; m++) {
    let s: string;
    if (m <= unknownUntil) s = 'X';
    else if (m > closeMonth) s = 'C';
    else {
      if (bucket === 0) {
        if (rng.next() < p.dpdChance) bucket = 1;
      } else if (rng.next() < 0.45) {
        if (bucket < 5) bucket++;
      } else bucket = 0;
      if (badEnd && closeMonth - m < 3) bucket = 5;
      s = DPD_STATUS[bucket] as string;
    }
    sink.line('bureau_balance', `${prefix}${m},${s}`);
  }
}

/** Median planned term in days by credit type. */
function termMedian(type: string): number {
  if (type === 'Consumer credit') return 420;
  if (type === 'Credit card') return 1100;
  if (type === 'Car loan') return 1500;
  if (type === 'Mortgage') return 5000;
  if (type === 'Microloan') return 60;
  return 700;
}

/** Median credit amount by credit type for a median-income client. */
function sumMedian(type: string): number {
  if (type === 'Consumer credit') return 125_000;
  if (type === 'Credit card') return 90_000;
  if (type === 'Car loan') return 550_000;
  if (type === 'Mortgage') return 1_800_000;
  if (type === 'Microloan') return 22_000;
  return 250_000;
}
