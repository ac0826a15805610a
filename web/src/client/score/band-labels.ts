import type { BandName } from '../../api/types.ts';

/** Band names with the risk they stand for, in words for an applicant. */
export const BAND_LABELS: Record<'fr' | 'en', Record<BandName, string>> = {
  fr: {
    excellent: 'Excellent — risque très faible',
    good: 'Bon — risque faible',
    fair: 'Moyen — risque modéré',
    poor: 'Fragile — risque élevé',
  },
  en: {
    excellent: 'Excellent — very low risk',
    good: 'Good — low risk',
    fair: 'Fair — moderate risk',
    poor: 'Weak — high risk',
  },
};
