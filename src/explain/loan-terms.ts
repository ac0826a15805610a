/**
 * The loan of an application — amount (AMT_CREDIT), term, instalment (AMT_ANNUITY) and goods price
 * (AMT_GOODS_PRICE) — and the one rule that keeps them together when a what-if or a recourse
 * proposal changes one of them. POST /api/score and the recourse search both go through it.
 *
 * **Term and rate, as far as the data allows.** The application holds no number of instalments and
 * no rate (only previous applications carry CNT_PAYMENT): a stored loan gives one figure, its
 * instalment per unit of credit a = A / C. Every pair (n, r) with r / (1 − (1 + r)^−n) = a fits it,
 * so the data cannot tell a term from a rate. The term is therefore the data's own,
 * n = C / A (CREDIT_TERM_MONTHS of the feature SQL — what the model reads — and the dashboard's
 * term), and at that term the implied rate is r = 0: the instalment of an amount C over n
 * instalments is C / n.
 *
 * **The rule** (C, A, G, n stored; primes the simulated loan):
 * - a new amount C′ keeps the term: A′ = C′ / n = A · C′ / C. This holds for any true (n, r) of the
 *   loan: at a fixed term and rate the instalment is proportional to the amount;
 * - a new term n′ keeps the amount (C′ if it changes too): A′ = C′ / n′;
 * - an instalment given by the caller is kept, and the term follows it: n′ = C′ / A′;
 * - the goods price of a goods loan (a stored goods price) follows the amount at the stored ratio,
 *   G′ = G · C′ / C (the share financed kept), unless the caller unlocks it (`goodsPrice: 'keep'`)
 *   or gives it.
 * Derived amounts are exact, not rounded to the cent: rounding would move the term (and the
 * goods/credit ratio) by a hair in either direction, and the model splits on them, so asking for
 * less money could raise the risk (4 of 25,000 demo clients did); the dashboard shows them to the
 * cent. A loan without a stored instalment has no term to keep:
 * its instalment stays missing unless a term is given.
 */
import type { RawApplication } from '../data/features/application-input.ts';

/** What the goods price does when the amount changes: follow it (default), or stay as it is. */
export type GoodsPriceRule = 'follow' | 'keep';

export interface LoanOptions {
  /**
   * A new term, in instalments (the data's term, AMT_CREDIT / AMT_ANNUITY, in months): the
   * instalment is recomputed for it. Not with an AMT_ANNUITY change (which sets the term itself).
   */
  readonly term?: number;
  /** 'follow' (default): a goods loan's price follows the amount; 'keep': the adviser unlocked it. */
  readonly goodsPrice?: GoodsPriceRule;
}

/** Why the rule set a field the caller did not give. */
export type LoanRule = 'same-term' | 'new-term' | 'follows-amount';

/** A loan as the data holds it. */
export interface Loan {
  readonly amount: number | null;
  readonly instalment: number | null;
  readonly goodsPrice: number | null;
  /** AMT_CREDIT / AMT_ANNUITY (the data's term); null without a positive amount and instalment. */
  readonly term: number | null;
}

/** A loan option the caller cannot have (a term with an instalment, a term that is no number). */
export class LoanOptionError extends Error {
  constructor(
    /** The option at fault. */
    readonly option: keyof LoanOptions,
    message: string,
  ) {
    super(message);
    this.name = 'LoanOptionError';
  }
}

const amountOf = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/** Money to the cent. */
export const toCent = (v: number): number => Math.round(v * 100) / 100;

/** The loan of an application. */
export function loanOf(application: Readonly<Record<string, unknown>>): Loan {
  const amount = amountOf(application.AMT_CREDIT);
  const instalment = amountOf(application.AMT_ANNUITY);
  return {
    amount,
    instalment,
    goodsPrice: amountOf(application.AMT_GOODS_PRICE),
    term:
      amount !== null && instalment !== null && amount > 0 && instalment > 0
        ? amount / instalment
        : null,
  };
}

/** The instalment of `amount` over `term` instalments at the implied rate (0): amount / term. */
export function instalmentFor(amount: number, term: number): number {
  return amount / term;
}

/** Changes completed by the loan rule. */
export interface LoanChanges {
  /** The changes given, plus the fields the rule derived from them. */
  readonly changes: Readonly<Record<string, unknown>>;
  /** The derived fields, and the rule that set each. */
  readonly derived: ReadonlyMap<string, LoanRule>;
}

/**
 * `changes` of the stored application `base` completed by the loan rule (see the module's
 * comment): the instalment and the goods price that follow from a new amount or term. Fields the
 * caller gives are never overwritten. Values are not validated here (applyChanges does it, after).
 */
export function withLoanRule(
  base: Readonly<RawApplication>,
  changes: Readonly<Record<string, unknown>>,
  options: LoanOptions = {},
): LoanChanges {
  const given = (field: string) => Object.hasOwn(changes, field);
  const stored = loanOf(base);
  const amount = given('AMT_CREDIT') ? amountOf(changes.AMT_CREDIT) : stored.amount;
  const amountMoved = given('AMT_CREDIT') && amount !== null && amount !== stored.amount;
  const derived = new Map<string, LoanRule>();
  const completed: Record<string, unknown> = { ...changes };
  const { term } = options;
  if (term !== undefined) {
    if (!(Number.isFinite(term) && term > 0)) {
      throw new LoanOptionError('term', `the term must be a positive number, got ${term}`);
    }
    if (given('AMT_ANNUITY')) {
      throw new LoanOptionError(
        'term',
        'give the term or the instalment (AMT_ANNUITY), not both: the instalment sets the term',
      );
    }
    if (amount !== null) {
      completed.AMT_ANNUITY = instalmentFor(amount, term);
      derived.set('AMT_ANNUITY', 'new-term');
    }
  } else if (amountMoved && !given('AMT_ANNUITY') && stored.term !== null) {
    // A · C′ / C: the same term (and whatever rate the loan truly has).
    completed.AMT_ANNUITY =
      (stored.instalment as number) * ((amount as number) / (stored.amount as number));
    derived.set('AMT_ANNUITY', 'same-term');
  }
  if (
    amountMoved &&
    !given('AMT_GOODS_PRICE') &&
    (options.goodsPrice ?? 'follow') === 'follow' &&
    stored.goodsPrice !== null &&
    stored.amount !== null &&
    stored.amount > 0
  ) {
    completed.AMT_GOODS_PRICE = stored.goodsPrice * ((amount as number) / stored.amount);
    derived.set('AMT_GOODS_PRICE', 'follows-amount');
  }
  return { changes: completed, derived };
}
