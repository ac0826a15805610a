/**
 * previous_application (the client's earlier applications at Home Credit) and, for the approved
 * ones, their repayment histories. Credit appetite gives more and more recent applications;
 * repayment discipline raises refusals (with a reason code) and bad loans.
 */

import type { Random } from '../random.ts';
import type { LineSink } from '../types.ts';
import { type LoanSchedule, writeCashLoanHistory } from './cash-loan-history.ts';
import { money, rate, wholeFloat } from './cells.ts';
import { SENTINEL, SENTINEL_CELL } from './constants.ts';
import { writeCreditCardHistory } from './credit-card-history.ts';
import {
  CARD_CHANNEL,
  CARD_COMBINATION,
  CASH_CHANNEL,
  CASH_COMBINATION,
  CASH_TERMS,
  CLIENT_TYPE_LATER,
  CONSUMER_CHANNEL,
  CONSUMER_COMBINATION,
  CONSUMER_TERMS,
  CONSUMER_YIELD,
  GOODS,
  PAYMENT_TYPE,
  PURPOSE,
  REASONS,
  SELLER,
  SUITE,
  WEEKDAYS,
} from './product-catalogue.ts';
import type { HistoryProfile } from './profile.ts';

const CASH = 0;
const CONSUMER = 1;
const REVOLVING = 2;
const XNA_TYPE = 3;
const TYPE_CELL = ['Cash loans', 'Consumer loans', 'Revolving loans', 'XNA'];
/** Base status probabilities by contract type (Refused is scaled by the client's risk). */
const REFUSED_BASE = [0.25, 0.075, 0.3, 0];
const CANCELED_BASE = [0.33, 0.02, 0.2, 1];
const UNUSED_BASE = [0.002, 0.035, 0, 0];

/** Reused buffers: decision day and contract type of each application of the current client. */
const decisions = new Int32Array(64);
const types = new Uint8Array(64);
const schedule: LoanSchedule = {
  prev: 0,
  decision: 0,
  count: 0,
  annuity: 0,
  firstDue: SENTINEL,
  lastNumber: 0,
  lastDue: SENTINEL,
  defaultFrom: 0,
};

/**
 * Writes the previous applications of one client and the repayment histories of the approved
 * ones. `previousId(j)` gives SK_ID_PREV of the j-th application; `maxApplications` bounds j.
 */
export function generatePreviousApplications(
  p: HistoryProfile,
  rng: Random,
  sink: LineSink,
  previousId: (j: number) => number,
  maxApplications: number,
): void {
  // ≈95% of clients applied before; appetite raises the share and the count.
  if (rng.next() >= 1 / (1 + Math.exp(-(2.95 + 0.4 * p.hunger)))) return;
  const mean = 3.93 * Math.exp(0.35 * p.hunger - 0.061);
  const n = Math.min(maxApplications, 1 + rng.poisson((mean * rng.gamma(1.4)) / 1.4));
  const span = -p.earliestDay;
  const recency = 2.3 * p.recency;
  let oldest = 0;
  for (let j = 0; j < n; j++) {
    const t = rng.next();
    const type = t < 0.448 ? CASH : t < 0.885 ? CONSUMER : t < 0.9998 ? REVOLVING : XNA_TYPE;
    types[j] = type;
    // Cards are older on average: they stay open for years.
    const exponent = type === REVOLVING ? 0.45 * recency : recency;
    decisions[j] = -(1 + Math.floor((span - 1) * rng.next() ** exponent));
    if ((decisions[j] as number) < (decisions[oldest] as number)) oldest = j;
  }
  for (let j = 0; j < n; j++) {
    const type = types[j] as number;
    writeApplication(p, rng, sink, previousId(j), type, decisions[j] as number, j === oldest);
  }
}

function writeApplication(
  p: HistoryProfile,
  rng: Random,
  sink: LineSink,
  prev: number,
  type: number,
  decision: number,
  isOldest: boolean,
): void {
  const refused = Math.min(0.9, (REFUSED_BASE[type] as number) * p.refusalFactor);
  const canceled = CANCELED_BASE[type] as number;
  const unused = UNUSED_BASE[type] as number;
  const u = rng.next() * Math.max(1, refused + canceled + unused);
  const status =
    u < refused
      ? 'Refused'
      : u < refused + canceled
        ? 'Canceled'
        : u < refused + canceled + unused
          ? 'Unused offer'
          : 'Approved';
  const approved = status === 'Approved';
  // An empty (canceled cash or XNA) application has no amounts and no product.
  const empty = type === XNA_TYPE || (type === CASH && status === 'Canceled');

  let annuity = 0;
  let application = 0;
  let credit = 0;
  let down = 0;
  let goods = 0;
  let count = 0;
  let purpose = 'XAP';
  let goodsCell = 'XNA';
  let portfolio = 'XNA';
  let productType = 'XNA';
  let channel = 'Credit and cash offices';
  let seller = 'XNA';
  let yieldGroup = 'XNA';
  let combination = type === XNA_TYPE ? '' : 'Cash';
  let sellerPlace = -1;
  let suite = '';
  let payment = 'XNA';
  let insuredChance = 0;
  if (type === CONSUMER) {
    goods = roundTo(p.amountScale * 55_000 * Math.exp(0.9 * rng.normal()), 9);
    down = rng.next() < 0.4 ? 0 : Math.round(goods * rng.uniform(0.03, 0.3));
    application = goods;
    credit = goods - down;
    count = CONSUMER_TERMS.draw(rng);
    combination = CONSUMER_COMBINATION.draw(rng);
    yieldGroup = combination.endsWith('without interest') ? 'low_action' : CONSUMER_YIELD.draw(rng);
    annuity = annuityOf(credit, count, yieldGroup);
    goodsCell = GOODS.draw(rng);
    portfolio = 'POS';
    channel = CONSUMER_CHANNEL.draw(rng);
    seller = SELLER.draw(rng);
    sellerPlace = 1 + Math.floor(Math.exp(3 + 2.5 * rng.normal() ** 2));
    suite = rng.next() < 0.85 ? SUITE.draw(rng) : '';
    payment = PAYMENT_TYPE.draw(rng);
    insuredChance = 0.15;
  } else if (type === CASH && !empty) {
    application = roundTo(p.amountScale * 220_000 * Math.exp(0.75 * rng.normal()), 4500);
    credit = rng.next() < 0.5 ? application : Math.round(application * rng.uniform(1.02, 1.15));
    goods = application;
    count = CASH_TERMS.draw(rng);
    combination = CASH_COMBINATION.draw(rng);
    yieldGroup = combination.endsWith('low')
      ? 'low_normal'
      : combination.endsWith('middle')
        ? 'middle'
        : 'high';
    annuity = annuityOf(credit, count, yieldGroup);
    portfolio = 'Cash';
    const street = combination.startsWith('Cash Street');
    productType = street ? 'walk-in' : 'x-sell';
    purpose = street && rng.next() < 0.55 ? PURPOSE.draw(rng) : 'XNA';
    channel = CASH_CHANNEL.draw(rng);
    sellerPlace = rng.next() < 0.6 ? -1 : Math.floor(Math.exp(2 + 2 * rng.normal() ** 2));
    suite = rng.next() < 0.35 ? SUITE.draw(rng) : '';
    payment = PAYMENT_TYPE.draw(rng);
    insuredChance = 0.6;
  } else if (type === REVOLVING) {
    credit = roundTo(p.amountScale * 90_000 * Math.exp(0.6 * rng.normal()), 22_500);
    application = rng.next() < 0.8 ? 0 : credit;
    annuity = credit * 0.05;
    combination = CARD_COMBINATION.draw(rng);
    productType = combination === 'Card Street' ? 'walk-in' : 'x-sell';
    portfolio = 'Cards';
    channel = CARD_CHANNEL.draw(rng);
    sellerPlace = rng.next() < 0.5 ? -1 : 0;
    suite = rng.next() < 0.3 ? SUITE.draw(rng) : '';
  } else {
    purpose = 'XNA';
  }
  if (empty) purpose = 'XNA';

  // Dates and outcome of approved loans.
  let drawing = '';
  let firstDue = '';
  let lastDue1 = '';
  let lastDue = '';
  let termination = '';
  if (approved) {
    if (type === REVOLVING) {
      const used = rng.next() < 0.65;
      drawing = used ? `${Math.min(-1, decision + Math.floor(rng.next() * 60))}.0` : SENTINEL_CELL;
      firstDue = used
        ? `${Math.min(-1, decision + 20 + Math.floor(rng.next() * 40))}.0`
        : SENTINEL_CELL;
      lastDue1 = rng.next() < 0.6 ? SENTINEL_CELL : firstDue;
      lastDue = SENTINEL_CELL;
      termination = SENTINEL_CELL;
      writeCreditCardHistory(p, rng, sink, prev, decision, credit);
    } else {
      fillSchedule(p, rng, prev, decision, count, annuity);
      drawing = SENTINEL_CELL;
      const s = schedule;
      if (s.firstDue === SENTINEL) {
        firstDue = SENTINEL_CELL;
        lastDue1 = SENTINEL_CELL;
      } else {
        firstDue = wholeFloat(s.firstDue);
        lastDue1 = wholeFloat(s.firstDue + (count - 1) * 30);
      }
      lastDue = s.lastDue === SENTINEL ? SENTINEL_CELL : wholeFloat(s.lastDue);
      termination =
        s.lastDue === SENTINEL
          ? SENTINEL_CELL
          : wholeFloat(Math.min(-1, s.lastDue + Math.floor(rng.next() * 12)));
      writeCashLoanHistory(p, rng, sink, s);
    }
  }

  const reason =
    status === 'Refused' ? REASONS.draw(rng) : status === 'Unused offer' ? 'CLIENT' : 'XAP';
  const clientType = isOldest && rng.next() < 0.75 ? 'New' : CLIENT_TYPE_LATER.draw(rng);
  const hasRates = type === CASH && !empty && rng.next() < 0.009;
  const hasAmounts = !empty;
  const hasAnnuity = hasAmounts && (type !== CASH || status !== 'Canceled');
  const downCells =
    type === CONSUMER
      ? `${money(down)},${money(goods)}`
      : `,${type === CASH && hasAmounts ? money(goods) : ''}`;
  const line =
    `${prev},${p.curr},${TYPE_CELL[type]},${hasAnnuity ? money(annuity) : ''},${money(application)},${money(credit)},${downCells},` +
    `${WEEKDAYS.draw(rng)},${hourOf(rng)},${rng.next() < 0.995 ? 'Y' : 'N'},${rng.next() < 0.996 ? 1 : 0},` +
    `${type === CONSUMER ? rate(down / goods) : ''},${hasRates ? rate(rng.uniform(0.03, 0.4)) : ''},${
      hasRates ? rate(rng.uniform(0.4, 1)) : ''
    },${purpose},${status},${decision},${payment},${reason},${suite},${clientType},${goodsCell},${portfolio},` +
    `${productType},${channel},${sellerPlace},${seller},${hasAmounts && type !== REVOLVING ? `${count}.0` : type === REVOLVING ? '0.0' : ''},${yieldGroup},${combination},` +
    `${drawing},${firstDue},${lastDue1},${lastDue},${termination},${approved ? (rng.next() < insuredChance ? '1.0' : '0.0') : ''}`;
  sink.line('previous_application', line);
}

/** Fills the shared schedule of an approved cash or consumer loan: dates and outcome. */
function fillSchedule(
  p: HistoryProfile,
  rng: Random,
  prev: number,
  decision: number,
  count: number,
  annuity: number,
): void {
  const s = schedule;
  s.prev = prev;
  s.decision = decision;
  s.count = count;
  s.annuity = Math.round(annuity * 100) / 100;
  const firstDue = decision + 25 + Math.floor(rng.next() * 20);
  s.firstDue = firstDue <= -1 ? firstDue : SENTINEL;
  s.lastNumber = count;
  s.defaultFrom = 0;
  if (rng.next() < p.badLoanChance) s.defaultFrom = 1 + Math.floor(rng.next() * count);
  else if (rng.next() < 0.2) s.lastNumber = 1 + Math.floor(rng.next() * count);
  const lastDue = s.firstDue === SENTINEL ? 1 : s.firstDue + (s.lastNumber - 1) * 30;
  s.lastDue = s.defaultFrom === 0 && lastDue <= -1 ? lastDue : SENTINEL;
}

function annuityOf(credit: number, count: number, yieldGroup: string): number {
  const yearly =
    yieldGroup === 'high'
      ? 0.38
      : yieldGroup === 'middle'
        ? 0.24
        : yieldGroup === 'low_normal'
          ? 0.14
          : 0;
  return (credit * (1 + (yearly * count) / 12)) / count;
}

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

function hourOf(rng: Random): number {
  const h = Math.round(12.5 + 3.3 * rng.normal());
  return h < 0 ? 0 : Math.min(h, 23);
}
