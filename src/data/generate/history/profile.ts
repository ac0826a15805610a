/**
 * What the history tables derive from one client, computed once per client: the latent factors
 * turned into per-table propensities, each with its own noise so that no single history aggregate
 * is a pure function of the factors (the real data's history signal is moderate).
 */
import type { Random } from '../random.ts';
import type { ClientSeed } from '../types.ts';

/** Oldest day (relative to the application) any history may have: 8 years back. */
export const HISTORY_WINDOW_DAYS = 2922;

export interface HistoryProfile {
  /** SK_ID_CURR as text. */
  curr: string;
  /** Earliest day a credit may start: 8 years back, and not before the 18th birthday. */
  earliestDay: number;
  /** Multiplier of amounts relative to a median-income client (≈147,000). */
  amountScale: number;
  risk: number;
  hunger: number;
  /** Chance that one installment is paid late. */
  lateChance: number;
  /** Mean days late when late. */
  lateDays: number;
  /** Chance that one installment is paid short (in several parts). */
  shortChance: number;
  /** Monthly chance that a POS / card / bureau month starts a days-past-due episode. */
  dpdChance: number;
  /** Chance that a loan is never fully repaid (days past due keep growing). */
  badLoanChance: number;
  /** Multiplier of the refusal probability of previous applications. */
  refusalFactor: number;
  /** Target card utilisation in [0, 1]. */
  utilisation: number;
  /** Recency exponent of credit start dates: larger means more recent. */
  recency: number;
}

/** Fills `p` for `client` (the object is reused across clients to avoid allocation). */
export function fillProfile(p: HistoryProfile, client: ClientSeed, rng: Random): void {
  const risk = client.historyRisk;
  const hunger = client.creditHunger;
  p.curr = String(client.skIdCurr);
  const adult = Math.ceil(client.daysBirth + 18 * 365.25);
  p.earliestDay = Math.min(-60, Math.max(-HISTORY_WINDOW_DAYS, adult));
  const income = Math.min(Math.max(client.amtIncomeTotal, 25_000), 2_000_000);
  p.amountScale = (income / 147_150) ** 0.6;
  p.risk = risk;
  p.hunger = hunger;
  // Each propensity: latent factor + its own client-level noise, centred so that the marginal
  // rates match the real files.
  p.lateChance = clamp01(0.07 * Math.exp(0.55 * risk + 0.8 * rng.normal() - 0.47));
  p.lateDays = 4 + 6 * Math.exp(0.35 * risk + 0.6 * rng.normal());
  p.shortChance = clamp01(0.03 * Math.exp(0.7 * risk + 0.6 * rng.normal() - 0.42));
  p.dpdChance = clamp01(0.012 * Math.exp(0.8 * risk + 0.7 * rng.normal() - 0.56));
  p.badLoanChance = clamp01(0.012 * Math.exp(0.9 * risk + 0.6 * rng.normal() - 0.58));
  p.refusalFactor = Math.exp(0.45 * risk + 0.5 * rng.normal() - 0.23);
  p.utilisation = 1 / (1 + Math.exp(-(-0.6 + 0.55 * hunger + 0.35 * risk + 0.9 * rng.normal())));
  p.recency = Math.exp(0.45 * hunger + 0.25 * rng.normal());
}

export function newProfile(): HistoryProfile {
  return {
    curr: '',
    earliestDay: -HISTORY_WINDOW_DAYS,
    amountScale: 1,
    risk: 0,
    hunger: 0,
    lateChance: 0,
    lateDays: 0,
    shortChance: 0,
    dpdChance: 0,
    badLoanChance: 0,
    refusalFactor: 1,
    utilisation: 0,
    recency: 1,
  };
}

function clamp01(x: number): number {
  return x < 0 ? 0 : Math.min(x, 0.95);
}
