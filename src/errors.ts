/** Codes for failures of setup or usage (not of linted input), each ending the run with exit code 2. */
export type SagelintErrorCode =
  | 'no-files-matched'
  | 'invalid-option'
  | 'formatter-not-found'
  | 'output-write-failed'
  | 'invalid-config'
  | 'plugin-load-failed'
  | 'invalid-baseline';

/**
 * A problem with how sagelint was called, written for people. The CLI prints the message alone (no stack) and
 * exits with code 2. Problems in linted files are findings, never this.
 */
export class SagelintError extends Error {
  override readonly name = 'SagelintError';

  constructor(
    readonly code: SagelintErrorCode,
    message: string,
  ) {
    super(message);
  }
}
