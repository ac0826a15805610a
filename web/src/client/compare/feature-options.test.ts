import { describe, expect, it } from 'vitest';
import { featureOptions, optionIndex, reasonFeatures } from './feature-options.ts';
import { clientFile, explanation } from './test-fixtures.ts';

describe('featureOptions', () => {
  it('offers the numeric values of the file, grouped by section, labelled in the language', () => {
    const groups = featureOptions(clientFile, 'fr');
    expect(groups.map((g) => g.label)).toEqual(['Profil', 'Prêt demandé', 'Scores externes']);
    expect(groups[0]?.options.map((o) => o.name)).toEqual([
      'AGE_YEARS',
      'CNT_CHILDREN',
      'DAYS_LAST_PHONE_CHANGE',
    ]);
    // Values in days read "il y a 11 mois": the unit leaves the label.
    expect(groups[0]?.options[2]?.label).toBe('Dernier changement de téléphone');
    expect(featureOptions(clientFile, 'en')[1]?.options[0]?.label).toBe('Credit amount');
  });

  it('defaults to the features of the reasons, adverse first, skipping categoricals', () => {
    const index = optionIndex(featureOptions(clientFile, 'fr'));
    expect(reasonFeatures(explanation, index)).toEqual(['EXT_SOURCE_2', 'AMT_CREDIT']);
    expect(reasonFeatures(null, index)).toEqual([]);
  });
});
