/**
 * The history generator: every bureau, bureau_balance, previous_application, POS_CASH_balance,
 * installments_payments and credit_card_balance row of one client, driven by the client's latent
 * factors (historyRisk, creditHunger). Minimal first version: bureau only.
 */
import type { Random } from '../random.ts';
import { type ClientSeed, idAllocator, type LineSink } from '../types.ts';

/** Writes all history lines of one client to the sink, using only `rng` for randomness. */
export function generateHistory(client: ClientSeed, rng: Random, sink: LineSink): void {
  const n = rng.chance(0.86) ? 1 + rng.geometric(0.2) : 0;
  const id = String(client.skIdCurr);
  for (let j = 0; j < n && j < 64; j++) {
    const daysCredit = -rng.int(1, 2922);
    sink.line(
      'bureau',
      `${id},${idAllocator.bureauId(client, j)},Closed,currency 1,${daysCredit},0,,,,0,100000.0,,,0.0,Consumer credit,${daysCredit},`,
    );
  }
}
