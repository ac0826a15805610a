import { describe, expect, it } from 'vitest';
import { documentedErrors, thrownCodes } from '../../test/support/error-catalogue.ts';
import { MODEL_ERRORS, ModelError } from './errors.ts';

const codes = Object.keys(MODEL_ERRORS).sort();

describe('the model error catalogue', () => {
  it('is listed in docs/errors.md code for code, with the same message and meaning', () => {
    const documented = documentedErrors('ModelError');
    expect([...documented.keys()].sort()).toEqual(codes);
    for (const [code, row] of documented) {
      expect(row, code).toEqual(MODEL_ERRORS[code as keyof typeof MODEL_ERRORS]);
    }
  });

  it('has every code thrown somewhere in src/model', () => {
    expect([...thrownCodes('ModelError', ['src/model'])].sort()).toEqual(codes);
  });

  it('renders the template, keeps where and the cause', () => {
    const cause = new Error('checksum mismatch');
    const error = new ModelError(
      'CORRUPT_MODEL',
      { file: 'data/models/m-1/model.json', detail: cause.message },
      { cause },
    );
    expect(error.message).toBe('data/models/m-1/model.json is corrupt: checksum mismatch');
    expect(error.where).toEqual({ file: 'data/models/m-1/model.json' });
    expect(error.cause).toBe(cause);
    expect(error).toMatchObject({ code: 'CORRUPT_MODEL', name: 'ModelError', userFacing: true });
  });
});
