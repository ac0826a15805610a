import { describe, expect, it } from 'vitest';
import { LEFT_OUT_WHEN_MONOTONE } from '../../../../src/data/features/monotone.ts';
import { excludedInWords } from './excluded.ts';

const REASON =
  'protected attribute (gender or family status): left out of the model, used only for the fairness summary';

describe('excludedInWords', () => {
  it('folds one-hot columns into their attribute and says why in the reader’s language', () => {
    const groups = excludedInWords(
      [
        { name: 'CODE_GENDER__F', reason: REASON },
        { name: 'CODE_GENDER__M', reason: REASON },
        { name: 'NAME_FAMILY_STATUS__MARRIED', reason: REASON },
      ],
      'fr',
    );
    expect(groups).toEqual([
      {
        attributes: ['le genre', 'la situation familiale'],
        reason:
          "attributs protégés : écartés du modèle, utilisés seulement pour vérifier l'équité de ses décisions",
      },
    ]);
  });

  it('words the monotone model’s left-out features in French, one reason for both', () => {
    const groups = excludedInWords(
      LEFT_OUT_WHEN_MONOTONE.map((f) => ({ name: f.feature, reason: f.reason })),
      'fr',
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]?.attributes).toEqual([
      'le prix du bien',
      "l'écart entre le crédit et le prix du bien",
    ]);
    expect(groups[0]?.reason).toMatch(/^modèle monotone : /);
  });

  it('keeps an unknown column and reason as they are', () => {
    expect(excludedInWords([{ name: 'SOME_COLUMN', reason: 'constant' }], 'en')).toEqual([
      { attributes: ['SOME_COLUMN'], reason: 'constant' },
    ]);
  });
});
