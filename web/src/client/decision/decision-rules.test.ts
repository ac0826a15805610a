import { describe, expect, it } from 'vitest';
import { decisionBody, formProblem } from './decision-rules.ts';

describe('formProblem', () => {
  it('asks for a choice first', () => {
    expect(formProblem(null, '')).toEqual({ kind: 'choice' });
  });

  it('refuses a decision justified in fewer than 20 characters, spaces not counted', () => {
    expect(formProblem('override', '')).toEqual({ kind: 'justification', missing: 20 });
    expect(formProblem('override', '   trop court   ')).toEqual({
      kind: 'justification',
      missing: 10,
    });
    expect(formProblem('follow', '')).toEqual({ kind: 'justification', missing: 20 });
    expect(formProblem('override', 'Garant solide et solvable')).toBeNull();
  });
});

describe('decisionBody', () => {
  it("keeps the model's decision when following, takes the other when overriding", () => {
    expect(decisionBody('refuse', 'follow', ' Dossier vu avec le client. ')).toEqual({
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
});
