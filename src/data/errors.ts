/**
 * Errors of the data layer that name what is wrong in the user's input. `userFacing` tells the CLI
 * (and later the API) to show the message as is, without a stack trace.
 */
export class DataError extends Error {
  override name = 'DataError';
  readonly userFacing = true;
  constructor(
    /** Stable code, e.g. "MISSING_FILE", "BAD_VALUE". */
    readonly code: string,
    message: string,
    /** Where: file, 1-based line, column name, offending value, when known. */
    readonly where: { file?: string; line?: number; column?: string; value?: string } = {},
  ) {
    super(message);
  }
}
