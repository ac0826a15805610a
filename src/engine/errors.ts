/**
 * Errors of the engine that name what is wrong in the caller's input (a parameter, a model file,
 * a matrix shape). `userFacing` tells the CLI and API to show the message without a stack trace,
 * like `DataError` in the data layer (the engine imports nothing from the rest of the project).
 */
export class EngineError extends Error {
  override name = 'EngineError';
  readonly userFacing = true;
  constructor(
    /** Stable code: "BAD_PARAM", "UNKNOWN_PARAM", "BAD_MODEL", "BAD_INPUT". */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
