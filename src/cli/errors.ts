/** Exit codes (README, "Exit codes"): ESLint's contract. */
export const EXIT = { ok: 0, threshold: 1, fatal: 2 } as const;

/** A user-facing error: printed as its message alone, never with a stack trace. */
export class HeardError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.fatal,
  ) {
    super(message);
    this.name = 'HeardError';
  }
}
