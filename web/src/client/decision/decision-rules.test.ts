import { describe, expect, it } from 'vitest';
import { decisionBody, formProblem } from './decision-rules.ts';

describe('formProblem', () => {
  it('asks for a choice first', () => {
    expect(formProblem(null, '')).toEqual({ kind: 'choice' });
  });

  it('refuses an override justified in fewer than 10 characters, spaces not counted', () => {
    expect(formProblem('override', '')).toEqual({ kind: 'justification', missing: 10 });
    expect(formProblem('override', '   court   ')).toEqual({ kind: 'justification', missing: 5 });
    expect(formProblem('override', 'Garant solide')).toBeNull();
    expect(formProblem('follow', '')).toBeNull();
  });
});

describe('decisionBody', () => {
  it("keeps the model's decision when following, takes the other when overriding", () => {
    expect(decisionBody('refuse', 'follow', '')).toEqual({
      decision: 'refuse',
      followsModel: true,
    });
    expect(decisionBody('refuse', 'override', '  Garant solide ')).toEqual({
      decision: 'grant',
      followsModel: false,
      justification: 'Garant solide',
    });
  });
});
