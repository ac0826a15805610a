import { describe, expect, it } from 'vitest';
import { documentedErrors, thrownCodes } from '../../test/support/error-catalogue.ts';
import { DATA_ERRORS, DataError, renderTemplate } from './errors.ts';

const codes = Object.keys(DATA_ERRORS).sort();

describe('the data error catalogue', () => {
  it('is listed in docs/errors.md code for code, with the same message and meaning', () => {
    const documented = documentedErrors('DataError');
    expect([...documented.keys()].sort()).toEqual(codes);
    for (const [code, row] of documented) {
      expect(row, code).toEqual(DATA_ERRORS[code as keyof typeof DATA_ERRORS]);
    }
  });

  it('has every code thrown somewhere (src/data, and src/explain and the API above it)', () => {
    expect([...thrownCodes('DataError', ['src'])].sort()).toEqual(codes);
  });

  it('renders the template and keeps file, line, column and value as where', () => {
    const error = new DataError('BAD_VALUE', {
      at: 'bureau.csv, line 3',
      file: 'bureau.csv',
      line: 3,
      column: 'DAYS_CREDIT',
      value: '12 days',
      shown: '12 days',
      expected: 'a number',
    });
    expect(error.message).toBe('bureau.csv, line 3, column DAYS_CREDIT: "12 days" is not a number');
    expect(error.where).toEqual({
      file: 'bureau.csv',
      line: 3,
      column: 'DAYS_CREDIT',
      value: '12 days',
    });
    expect(error).toMatchObject({ code: 'BAD_VALUE', name: 'DataError', userFacing: true });
    expect(new DataError('UNKNOWN_FEATURE', { column: 'NOPE' }).where).toEqual({ column: 'NOPE' });
    expect(renderTemplate('no {a} or {b}', { a: 1 })).toBe('no 1 or {b}');
  });
});
