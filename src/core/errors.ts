/**
 * An error the user caused (bad file, bad column, bad config). Its message is one line that names
 * the file, column, row or key and says what to do. Front ends print it as `error: <message>`,
 * never with a stack trace. Anything else thrown is a bug.
 */
export class InputError extends Error {
  override name = 'InputError';
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '));
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof Error && e.name === 'InputError';
}
