/**
 * The history generator: every bureau, bureau_balance, previous_application, POS_CASH_balance,
 * installments_payments and credit_card_balance row of one client. It sees only the client's
 * latent factors (historyRisk, creditHunger) and application facts, never TARGET, so the history
 * carries signal only through the factors the default mechanism shares.
 */
import type { Random } from '../random.ts';
import {
  type ClientSeed,
  idAllocator,
  type LineSink,
  MAX_BUREAU_PER_CLIENT,
  MAX_PREVIOUS_PER_CLIENT,
} from '../types.ts';
import { generateBureau } from './bureau.ts';
import { generatePreviousApplications } from './previous-application.ts';
import { fillProfile, newProfile } from './profile.ts';

export { HISTORY_VALUE_SETS } from './value-sets.ts';

/** Reused across clients (the generator is synchronous, one client at a time per worker). */
const profile = newProfile();
let current: ClientSeed | null = null;
const bureauId = (j: number): number => idAllocator.bureauId(current as ClientSeed, j);
const previousId = (j: number): number => idAllocator.previousId(current as ClientSeed, j);

/**
 * Lines are built by concatenation, which V8 keeps as trees of string pieces ("cons strings") until
 * something reads them. A caller that buffers millions of lines would keep all those pieces alive
 * and pay for them in garbage collection (≈3× slower generation measured); reading one character
 * flattens each line into one string while its pieces are still young garbage.
 */
let target: LineSink | null = null;
const flatteningSink: LineSink = {
  line(table, csvLine) {
    csvLine.charCodeAt(0);
    (target as LineSink).line(table, csvLine);
  },
};

/** Writes all history lines of one client to the sink, using only `rng` for randomness. */
export function generateHistory(client: ClientSeed, rng: Random, sink: LineSink): void {
  current = client;
  target = sink;
  fillProfile(profile, client, rng);
  generateBureau(profile, rng, flatteningSink, bureauId, MAX_BUREAU_PER_CLIENT - 1);
  generatePreviousApplications(
    profile,
    rng,
    flatteningSink,
    previousId,
    MAX_PREVIOUS_PER_CLIENT - 1,
  );
  current = null;
  target = null;
}
