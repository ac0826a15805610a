import type { BandName } from '../../api/types.ts';

/**
 * Band names with the risk they stand for, in words for an applicant. Excellent, good and fair are
 * granted, insufficient and weak refused: a band never straddles the threshold.
 */
export const BAND_LABELS: Record<'fr' | 'en', Record<BandName, string>> = {
  fr: {
    excellent: 'Excellent — risque très faible',
    good: 'Bon — risque faible',
    fair: 'Moyen — risque modéré, sous le seuil',
    high: 'Insuffisant — risque au-dessus du seuil de refus',
    poor: 'Fragile — risque élevé',
  },
  en: {
    excellent: 'Excellent — very low risk',
    good: 'Good — low risk',
    fair: 'Fair — moderate risk, below the threshold',
    high: 'Insufficient — risk above the refusal threshold',
    poor: 'Weak — high risk',
  },
};
