import { expect } from 'vitest';
import { EngineError } from '../errors.ts';

/** Runs `fn`, asserts it throws an EngineError, and returns it for checks on code and message. */
export function errorOf(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    return error as EngineError;
  }
  throw new Error('expected an error');
}
