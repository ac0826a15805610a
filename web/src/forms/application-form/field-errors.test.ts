import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../api/client.ts';
import { firstWithError, localFieldErrors, refusedField } from './field-errors.ts';
import { NEW_APPLICATION_FIELDS, WHATIF_FIELDS } from './fields.ts';

describe('field errors', () => {
  it('marks required fields left empty and texts that are not numbers', () => {
    const errors = localFieldErrors({ missing: ['DAYS_BIRTH'], invalid: ['AMT_CREDIT'] });
    expect(errors).toEqual({ DAYS_BIRTH: { kind: 'missing' }, AMT_CREDIT: { kind: 'notNumber' } });
    // The focus goes to the first in the form's order, not the first found.
    expect(firstWithError(NEW_APPLICATION_FIELDS, errors)?.name).toBe('AMT_CREDIT');
    expect(firstWithError(NEW_APPLICATION_FIELDS, {})).toBeUndefined();
  });

  it("puts the API's refusal beside the field it names, under the body's key", () => {
    const failure = new ApiFailure(
      400,
      'BAD_REQUEST',
      'outside [1, 100000000]',
      'body.changes.AMT_CREDIT',
    );
    expect(refusedField(failure, 'changes', WHATIF_FIELDS)).toEqual({
      name: 'AMT_CREDIT',
      error: { kind: 'refused', message: 'outside [1, 100000000]' },
    });
    // Another body key, a field the form does not show, or not a 400: an error for the whole form.
    expect(refusedField(failure, 'application', NEW_APPLICATION_FIELDS)).toBeNull();
    const age = new ApiFailure(400, 'BAD_REQUEST', 'too old', 'body.changes.DAYS_BIRTH');
    expect(refusedField(age, 'changes', WHATIF_FIELDS)).toBeNull();
    const down = new ApiFailure(503, 'NOT_READY', 'no model', 'body.changes.AMT_CREDIT');
    expect(refusedField(down, 'changes', WHATIF_FIELDS)).toBeNull();
  });
});
