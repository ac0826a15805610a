/**
 * An error caused by the user's input (a file, an option, a value): the CLI prints its message
 * alone, without a stack trace, and exits with status 1. Modules below the CLI throw their own
 * error types; commands translate the ones that are the user's to fix.
 */
export class UserError extends Error {
  override name = 'UserError';
}
