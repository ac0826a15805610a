/**
 * Recourse for a refused client: the smallest change of the loan itself (amount, goods price,
 * instalment / term — the actionable fields; never age, gender, family status or history) that
 * turns the decision into a grant. Two searches, each proposal re-scored through the real
 * feature definition and kept only when it truly grants:
 * - a lower amount at the same term: credit, goods price and instalment scaled by one factor,
 *   found by a coarse grid then bisection (the model need not be monotone, hence the re-check);
 * - a longer term for the same amount: instalment = credit / term (the data's own definition of
 *   the term, CREDIT_TERM_MONTHS), the shortest of a few usual terms that grants.
 */
import type { Db } from '../data/db.ts';
import type { RawApplication } from '../data/features/application-input.ts';
import { formatCurrency } from './format.ts';
import type { Scorer } from './scorer.ts';
import { scoreApplication } from './what-if.ts';

/** The only fields recourse may change. */
export const RECOURSE_FIELDS = ['AMT_CREDIT', 'AMT_ANNUITY', 'AMT_GOODS_PRICE'] as const;

export type Decide = (rawProbability: number) => 'grant' | 'refuse';

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
}

export interface RecourseOptions {
  /** Bisection steps after the grid; default 7 (≈ 1% of the amount). */
  readonly steps?: number;
  /** Amounts are rounded down to this; default 500. */
  readonly roundTo?: number;
  /** Terms tried, in months; default 12, 18, 24, 36, 48, 60, 72, 84, 96, 120. */
  readonly terms?: readonly number[];
}

const DEFAULT_TERMS = [12, 18, 24, 36, 48, 60, 72, 84, 96, 120];

export async function recourseFor(
  db: Db,
  scorer: Scorer,
  decide: Decide,
  application: RawApplication,
  options: RecourseOptions = {},
): Promise<RecourseResult> {
  let evaluations = 0;
  const probe = async (changes: RecourseProposal['changes']) => {
    evaluations++;
    const scored = await scoreApplication(
      db,
      scorer,
      { ...application, ...changes },
      { explain: false },
    );
    return { p: scored.rawProbability, grants: decide(scored.rawProbability) === 'grant' };
  };
  const before = await probe({});
  if (before.grants)
    return { decision: 'grant', rawProbability: before.p, proposals: [], evaluations };
  const proposals: RecourseProposal[] = [];
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
  return { decision: 'refuse', rawProbability: before.p, proposals, evaluations };
}

function numberOf(v: string | number | null | undefined): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
}
