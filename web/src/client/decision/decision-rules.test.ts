import { describe, expect, it } from 'vitest';
import { decisionBody, formProblem } from './decision-rules.ts';

describe('formProblem', () => {
  it('asks for a choice first, then a reason category', () => {
    expect(formProblem(null, '', null)).toEqual({ kind: 'choice' });
    expect(formProblem('follow', 'Dossier complet et revenus stables', null)).toEqual({
      kind: 'category',
    });
  });

  it('refuses a decision justified in fewer than 20 characters, spaces not counted', () => {
    expect(formProblem('override', '', 'other')).toEqual({ kind: 'justification', missing: 20 });
    expect(formProblem('override', '   trop court   ', 'guarantee')).toEqual({
      kind: 'justification',
      missing: 10,
    });
    expect(formProblem('follow', '', 'other')).toEqual({ kind: 'justification', missing: 20 });
    expect(formProblem('override', 'Garant solide et solvable', 'guarantee')).toBeNull();
  });
});

describe('decisionBody', () => {
  it("keeps the model's decision when following, takes the other when overriding", () => {
    expect(decisionBody('refuse', 'follow', ' Dossier vu avec le client. ', 'other')).toEqual({
      decision: 'refuse',
      followsModel: true,
      reasonCategory: 'other',
      justification: 'Dossier vu avec le client.',
    });
    expect(decisionBody('refuse', 'override', '  Garant solide et solvable ', 'guarantee')).toEqual(
      {
        decision: 'grant',
        followsModel: false,
        reasonCategory: 'guarantee',
        justification: 'Garant solide et solvable',
      },
    );
  });

  it('names the review request a decision answers', () => {
    expect(
      decisionBody('refuse', 'override', 'Bulletins de salaire reçus', 'review-request', 7),
    ).toMatchObject({ decision: 'grant', reasonCategory: 'review-request', reviewId: 7 });
  });
});
