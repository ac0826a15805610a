/** Where the client stands in a group, in words an applicant understands. */
import { formatNumber } from '../../i18n/format.ts';
import type { Language } from '../../i18n/language.tsx';
import type { Distribution } from './compare-types.ts';

/**
 * "Ce client se situe au-dessus de 73 % des clients du groupe." The API's percentile counts ties
 * as half, so a value shared by the whole group sits at 50 %; rounded down so the sentence stays
 * true ("above 99 %", never "above 100 %").
 */
export function percentileSentence(d: Distribution, language: Language): string {
  const fr = language === 'fr';
  if (d.size === 0)
    return fr ? 'Aucun client ne correspond à ce groupe.' : 'No client matches this group.';
  if (d.client === null) {
    return fr
      ? "Ce client n'a pas de valeur pour cette caractéristique."
      : 'This client has no value for this characteristic.';
  }
  const share = Math.floor(d.client.percentile);
  const text = `${formatNumber(share, language)}${fr ? '\u00a0%' : '%'}`;
  return fr
    ? `Ce client se situe au-dessus de ${text} des clients du groupe.`
    : `This client is above ${text} of the clients in the group.`;
}
