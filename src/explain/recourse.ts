/**
 * Recourse for a refused client: the smallest change of the loan itself (amount, goods price,
 * instalment / term — the actionable fields; never age, gender, family status or history) that
 * turns the decision into a grant. Two searches, each proposal re-scored through the real
 * feature definition and kept only when it truly grants:
 * - a lower amount at the same term: credit, goods price and instalment scaled by one factor,
 *   found by a coarse grid then bisection (the model need not be monotone, hence the re-check);
 * - a longer term for the same amount: instalment = credit / term (the data's own definition of
 *   the term, CREDIT_TERM_MONTHS), the shortest of a few usual terms that grants.
 * A search scores about 17 to 30 applications; `timeLimitMs` bounds it (the proposals found by
 * then are kept, each already re-scored, and `complete` says the search was cut short).
 */
import type { Db } from '../data/db.ts';
import type { RawApplication } from '../data/features/application-input.ts';
import { formatCurrency } from './format.ts';
import type { Scorer } from './scorer.ts';
import { scoreApplication } from './what-if.ts';

type StoredHistory = NonNullable<Parameters<typeof scoreApplication>[3]>['storedHistory'];

/** The only fields recourse may change. */
export const RECOURSE_FIELDS = ['AMT_CREDIT', 'AMT_ANNUITY', 'AMT_GOODS_PRICE'] as const;

export type Decide = (rawProbability: number) => 'grant' | 'refuse';

/** The raw probability of default of an application (scoreInMemory, or through the database). */
export type Evaluate = (application: RawApplication) => number | Promise<number>;

export interface RecourseProposal {
  readonly kind: 'lower-amount' | 'longer-term';
  /** The changed fields and their new values. */
  readonly changes: Readonly<Partial<Record<(typeof RECOURSE_FIELDS)[number], number>>>;
  readonly rawProbability: number;
  readonly textFr: string;
  readonly textEn: string;
}

export interface RecourseResult {
  readonly decision: 'grant' | 'refuse';
  readonly rawProbability: number;
  /** Empty when granted already or when no searched change grants. */
  readonly proposals: readonly RecourseProposal[];
  /** Applications scored by the search. */
  readonly evaluations: number;
  /** False when timeLimitMs stopped the search before it had tried everything. */
  readonly complete: boolean;
}

export interface RecourseOptions {
  /** Bisection steps after the grid; default 7 (≈ 1% of the amount). */
  readonly steps?: number;
  /** Amounts are rounded down to this; default 500. */
  readonly roundTo?: number;
  /** Terms tried, in months; default 12, 18, 24, 36, 48, 60, 72, 84, 96, 120. */
  readonly terms?: readonly number[];
  /** No scoring starts after this many milliseconds (the first one always runs); default none. */
  readonly timeLimitMs?: number;
  /** Clock for the limit, in milliseconds (tests); default performance.now. */
  readonly now?: () => number;
  /** recourseFor only: the client's stored history features (see WhatIfOptions). */
  readonly storedHistory?: StoredHistory;
}

/** Thrown by a probe past the time limit, caught by recourseFor. */
class OutOfTime extends Error {}

const DEFAULT_TERMS = [12, 18, 24, 36, 48, 60, 72, 84, 96, 120];

/** Recourse with applications scored through the database's feature SQL (scoreApplication). */
export function recourseFor(
  db: Db,
  scorer: Scorer,
  decide: Decide,
  application: RawApplication,
  options: RecourseOptions = {},
): Promise<RecourseResult> {
  const evaluate: Evaluate = async (a) =>
    (
      await scoreApplication(db, scorer, a, {
        explain: false,
        storedHistory: options.storedHistory,
      })
    ).rawProbability;
  return recourseWith(evaluate, decide, application, options);
}

/** Recourse with applications scored by `evaluate` (the API passes the in-memory scorer). */
export async function recourseWith(
  evaluate: Evaluate,
  decide: Decide,
  application: RawApplication,
  options: RecourseOptions = {},
): Promise<RecourseResult> {
  let evaluations = 0;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const probe = async (changes: RecourseProposal['changes']) => {
    if (evaluations > 0 && options.timeLimitMs !== undefined) {
      if (now() - started > options.timeLimitMs) throw new OutOfTime();
    }
    evaluations++;
    const p = await evaluate({ ...application, ...changes });
    return { p, grants: decide(p) === 'grant' };
  };
  const before = await probe({});
  if (before.grants)
    return {
      decision: 'grant',
      rawProbability: before.p,
      proposals: [],
      evaluations,
      complete: true,
    };
  const proposals: RecourseProposal[] = [];
  try {
    await search(application, probe, proposals, options);
  } catch (error) {
    if (!(error instanceof OutOfTime)) throw error;
    return {
      decision: 'refuse',
      rawProbability: before.p,
      proposals,
      evaluations,
      complete: false,
    };
  }
  return { decision: 'refuse', rawProbability: before.p, proposals, evaluations, complete: true };
}

/** Both searches; a proposal is pushed once re-scored, so a cut-short search keeps only true ones. */
async function search(
  application: RawApplication,
  probe: (changes: RecourseProposal['changes']) => Promise<{ p: number; grants: boolean }>,
  proposals: RecourseProposal[],
  options: RecourseOptions,
): Promise<void> {
  const credit = numberOf(application.AMT_CREDIT);
  const annuity = numberOf(application.AMT_ANNUITY);
  const goods = numberOf(application.AMT_GOODS_PRICE);
  const roundTo = options.roundTo ?? 500;
  if (credit !== null && annuity !== null) {
    const scaled = (s: number) => {
      const newCredit = Math.max(roundTo, Math.floor((credit * s) / roundTo) * roundTo);
      const f = newCredit / credit;
      return {
        AMT_CREDIT: newCredit,
        AMT_ANNUITY: Math.round(annuity * f * 100) / 100,
        ...(goods === null ? {} : { AMT_GOODS_PRICE: Math.floor((goods * f) / roundTo) * roundTo }),
      };
    };
    // Coarse grid from 90% down, then bisection between the last refusing and first granting.
    let refusing = 1;
    let granting: number | null = null;
    for (let s = 0.9; s > 0.05; s -= 0.1) {
      if ((await probe(scaled(s))).grants) {
        granting = s;
        break;
      }
      refusing = s;
    }
    if (granting !== null) {
      let best: number = granting;
      for (let i = 0; i < (options.steps ?? 7); i++) {
        const mid = (best + refusing) / 2;
        if ((await probe(scaled(mid))).grants) best = mid;
        else refusing = mid;
      }
      const changes = scaled(best);
      const check = await probe(changes);
      if (check.grants) {
        proposals.push({
          kind: 'lower-amount',
          changes,
          rawProbability: check.p,
          textFr: `Avec un crédit de ${formatCurrency(changes.AMT_CREDIT, 'fr')} au lieu de ${formatCurrency(credit, 'fr')}, à durée égale, la demande serait acceptée.`,
          textEn: `With a loan of ${formatCurrency(changes.AMT_CREDIT, 'en')} instead of ${formatCurrency(credit, 'en')}, over the same term, the application would be accepted.`,
        });
      }
    }
  }
  if (credit !== null && annuity !== null && annuity > 0) {
    const currentTerm = credit / annuity;
    for (const term of options.terms ?? DEFAULT_TERMS) {
      if (term <= currentTerm + 0.5) continue;
      const changes = { AMT_ANNUITY: Math.round((credit / term) * 100) / 100 };
      const check = await probe(changes);
      if (!check.grants) continue;
      proposals.push({
        kind: 'longer-term',
        changes,
        rawProbability: check.p,
        textFr: `Sur ${term} mois (mensualité de ${formatCurrency(changes.AMT_ANNUITY, 'fr')} au lieu de ${formatCurrency(annuity, 'fr')}), la demande serait acceptée.`,
        textEn: `Over ${term} months (instalment of ${formatCurrency(changes.AMT_ANNUITY, 'en')} instead of ${formatCurrency(annuity, 'en')}), the application would be accepted.`,
      });
      break;
    }
  }
}

function numberOf(v: string | number | null | undefined): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
}
