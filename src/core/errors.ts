/**
 * An error the user caused (bad file, bad column, bad config). Its message is one line that names
 * the file, column, row or key and says what to do. Front ends print it as `error: <message>`,
 * never with a stack trace. Anything else thrown is a bug.
 */
export class InputError extends Error {
  override name = 'InputError';
  constructor(message: string) {
    // One line, and no control characters: messages quote names and values from untrusted files,
    // which must not move the cursor or recolour a terminal.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are replaced
    super(message.replace(/\s*\n\s*/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '?'));
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof Error && e.name === 'InputError';
}
