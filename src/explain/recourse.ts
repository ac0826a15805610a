/**
 * Recourse for a refused client: the smallest change of the loan itself (amount, goods price,
 * instalment / term — the actionable fields; never age, gender, family status or history) that
 * turns the decision into a grant. Two searches, every proposal completed by the loan rule
 * (src/explain/loan-terms.ts, as POST /api/score applies it), re-scored through the real feature
 * definition and kept only when it truly grants:
 * - a lower amount at the same term: the amount lowered, the instalment recomputed for the same
 *   term and a goods loan's price following the amount, found by a coarse grid then bisection
 *   (the model need not be monotone, hence the re-check);
 * - a longer term for the same amount: instalment = credit / term (the data's own definition of
 *   the term, CREDIT_TERM_MONTHS), the shortest of a few usual terms that grants.
 * Each proposal names every field it changes, old → new, the derived ones included.
 * A search scores about 17 to 30 applications; `timeLimitMs` bounds it (the proposals found by
 * then are kept, each already re-scored, and `complete` says the search was cut short).
 */
import type { Db } from '../data/db.ts';
import type { RawApplication } from '../data/features/application-input.ts';
import { formatCurrency, formatNumber } from './format.ts';
import { type LoanOptions, loanOf, withLoanRule } from './loan-terms.ts';
import type { Scorer } from './scorer.ts';
import { type FieldChange, scoreApplication } from './what-if.ts';

type StoredHistory = NonNullable<Parameters<typeof scoreApplication>[3]>['storedHistory'];

/** The only fields recourse may change. */
export const RECOURSE_FIELDS = ['AMT_CREDIT', 'AMT_ANNUITY', 'AMT_GOODS_PRICE'] as const;

export type Decide = (rawProbability: number) => 'grant' | 'refuse';

/** The raw probability of default of an application (scoreInMemory, or through the database). */
export type Evaluate = (application: RawApplication) => number | Promise<number>;

export interface RecourseProposal {
  readonly kind: 'lower-amount' | 'longer-term';
  /** The changed fields and their new values (POST /api/score's `changes`). */
  readonly changes: Readonly<Partial<Record<(typeof RECOURSE_FIELDS)[number], number>>>;
  /** Every field the proposal changes, old → new, the ones the loan rule derived included. */
  readonly changed: readonly FieldChange[];
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
  const probe = async (changes: Changes) => {
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

type Changes = RecourseProposal['changes'];

/** A change of the loan completed by the loan rule, as changes and as fields old → new. */
function completed(
  application: RawApplication,
  given: Changes,
  options?: LoanOptions,
): { changes: Changes; changed: FieldChange[] } {
  const rule = withLoanRule(application, given, options);
  const changes: Partial<Record<(typeof RECOURSE_FIELDS)[number], number>> = {};
  const changed: FieldChange[] = [];
  for (const field of RECOURSE_FIELDS) {
    const after = rule.changes[field];
    if (typeof after !== 'number' || after === application[field]) continue;
    changes[field] = after;
    changed.push({
      field,
      before: application[field] ?? null,
      after,
      derived: rule.derived.get(field) ?? null,
    });
  }
  return { changes, changed };
}

const LABELS = {
  AMT_CREDIT: { fr: 'crédit', en: 'loan' },
  AMT_ANNUITY: { fr: 'mensualité', en: 'instalment' },
  AMT_GOODS_PRICE: { fr: 'prix du bien', en: 'goods price' },
} as const;

/** "mensualité de 8 196 € au lieu de 12 294 €" for each change but `except`, joined. */
function fieldsText(changed: readonly FieldChange[], lang: 'fr' | 'en', except: string): string {
  return changed
    .filter((c) => c.field !== except)
    .map((c) => {
      const label = LABELS[c.field as keyof typeof LABELS][lang];
      const after = formatCurrency(c.after as number, lang);
      const before = typeof c.before === 'number' ? formatCurrency(c.before, lang) : null;
      if (lang === 'fr') return `${label} de ${after}${before ? ` au lieu de ${before}` : ''}`;
      return `${label} ${after}${before ? ` instead of ${before}` : ''}`;
    })
    .join(lang === 'fr' ? ', ' : '; ');
}

/** Both searches; a proposal is pushed once re-scored, so a cut-short search keeps only true ones. */
async function search(
  application: RawApplication,
  probe: (changes: Changes) => Promise<{ p: number; grants: boolean }>,
  proposals: RecourseProposal[],
  options: RecourseOptions,
): Promise<void> {
  const loan = loanOf(application);
  const credit = loan.amount !== null && loan.amount > 0 ? loan.amount : null;
  const roundTo = options.roundTo ?? 500;
  if (credit !== null && loan.term !== null) {
    // The amount times s, rounded down; the instalment and goods price by the loan rule.
    const scaled = (s: number) =>
      completed(application, {
        AMT_CREDIT: Math.max(roundTo, Math.floor((credit * s) / roundTo) * roundTo),
      });
    // Coarse grid from 90% down, then bisection between the last refusing and first granting.
    let refusing = 1;
    let granting: number | null = null;
    for (let s = 0.9; s > 0.05; s -= 0.1) {
      if ((await probe(scaled(s).changes)).grants) {
        granting = s;
        break;
      }
      refusing = s;
    }
    if (granting !== null) {
      let best: number = granting;
      for (let i = 0; i < (options.steps ?? 7); i++) {
        const mid = (best + refusing) / 2;
        if ((await probe(scaled(mid).changes)).grants) best = mid;
        else refusing = mid;
      }
      const { changes, changed } = scaled(best);
      const check = await probe(changes);
      if (check.grants) {
        const amount = changes.AMT_CREDIT as number;
        const rest = (lang: 'fr' | 'en') => fieldsText(changed, lang, 'AMT_CREDIT');
        proposals.push({
          kind: 'lower-amount',
          changes,
          changed,
          rawProbability: check.p,
          textFr: `Avec un crédit de ${formatCurrency(amount, 'fr')} au lieu de ${formatCurrency(credit, 'fr')}, sur la même durée (${rest('fr')}), la demande serait acceptée.`,
          textEn: `With a loan of ${formatCurrency(amount, 'en')} instead of ${formatCurrency(credit, 'en')} over the same term (${rest('en')}), the application would be accepted.`,
        });
      }
    }
  }
  if (credit !== null && loan.term !== null) {
    const currentTerm = loan.term;
    for (const term of options.terms ?? DEFAULT_TERMS) {
      if (term <= currentTerm + 0.5) continue;
      const { changes, changed } = completed(application, {}, { term });
      const check = await probe(changes);
      if (!check.grants) continue;
      const months = (lang: 'fr' | 'en') => formatNumber(currentTerm, lang);
      proposals.push({
        kind: 'longer-term',
        changes,
        changed,
        rawProbability: check.p,
        textFr: `Sur ${term} mois au lieu de ${months('fr')}, pour le même montant (${fieldsText(changed, 'fr', '')}), la demande serait acceptée.`,
        textEn: `Over ${term} months instead of ${months('en')}, for the same amount (${fieldsText(changed, 'en', '')}), the application would be accepted.`,
      });
      break;
    }
  }
}
