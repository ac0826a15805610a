import { describe, expect, it } from 'vitest';
import { POINT_OF_VIEW_MAX, POINT_OF_VIEW_MIN, reviewDraft } from './review-draft.ts';

const words = (n: number) => 'x'.repeat(n);

describe('reviewDraft', () => {
  it('counts the point of view once trimmed, as the API does', () => {
    expect(reviewDraft(`   ${words(POINT_OF_VIEW_MIN - 1)}   `, {}).pointOfView).toEqual({
      kind: 'tooShort',
      length: POINT_OF_VIEW_MIN - 1,
    });
    expect(reviewDraft(`  ${words(POINT_OF_VIEW_MIN)}  `, {}).pointOfView).toBeNull();
    expect(reviewDraft(words(POINT_OF_VIEW_MAX), {}).pointOfView).toBeNull();
    expect(reviewDraft(words(POINT_OF_VIEW_MAX + 1), {}).pointOfView).toEqual({
      kind: 'tooLong',
      length: POINT_OF_VIEW_MAX + 1,
    });
  });

  it('sends the trimmed words and only the corrections filled in, as the API takes them', () => {
    const draft = reviewDraft('  Mon revenu a augmenté depuis janvier.  ', {
      AMT_INCOME_TOTAL: '45 000',
      DAYS_BIRTH: '40',
      NAME_HOUSING_TYPE: 'House / apartment',
      CNT_CHILDREN: '',
    });
    expect(draft.invalid).toEqual([]);
    expect(draft.body).toEqual({
      pointOfView: 'Mon revenu a augmenté depuis janvier.',
      corrections: {
        AMT_INCOME_TOTAL: 45000,
        // Years typed, days before the application sent (the data's unit).
        DAYS_BIRTH: -14610,
        NAME_HOUSING_TYPE: 'House / apartment',
      },
    });
  });

  it('leaves corrections out when none is filled, and names a correction that is not a number', () => {
    expect(reviewDraft(words(30), {}).body).toEqual({ pointOfView: words(30) });
    expect(reviewDraft(words(30), { AMT_CREDIT: 'beaucoup' }).invalid).toEqual(['AMT_CREDIT']);
  });
});
