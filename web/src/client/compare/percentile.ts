/** Where the client stands in a group, in words an applicant understands. */

import type { FeatureDistribution } from '../../api/types.ts';
import { formatNumber } from '../../format/index.ts';
import type { Language } from '../../i18n/language.tsx';

/**
 * "Ce client se situe au-dessus de 73 % des clients du groupe." — or, to the customer reading
 * their own file, "Vous vous situez au-dessus de 73 % …" (second person, no gendered form). The
 * API's percentile counts ties as half, so a value shared by the whole group sits at 50 %; rounded
 * down so the sentence stays true ("above 99 %", never "above 100 %").
 */
export function percentileSentence(
  d: FeatureDistribution,
  language: Language,
  customer = false,
): string {
  const fr = language === 'fr';
  // The API has no percentile for a client in an empty group.
  const percentile = d.client?.percentile;
  if (d.size === 0 || percentile === null)
    return fr ? 'Aucun client ne correspond à ce groupe.' : 'No client matches this group.';
  if (percentile === undefined) {
    if (customer) {
      return fr
        ? "Votre dossier n'a pas de valeur pour cette caractéristique."
        : 'Your file has no value for this characteristic.';
    }
    return fr
      ? "Ce client n'a pas de valeur pour cette caractéristique."
      : 'This client has no value for this characteristic.';
  }
  const share = Math.floor(percentile);
  const text = `${formatNumber(share, language)}${fr ? '\u00a0%' : '%'}`;
  if (customer) {
    return fr
      ? `Vous vous situez au-dessus de ${text} des clients du groupe.`
      : `You are above ${text} of the clients in the group.`;
  }
  return fr
    ? `Ce client se situe au-dessus de ${text} des clients du groupe.`
    : `This client is above ${text} of the clients in the group.`;
}
