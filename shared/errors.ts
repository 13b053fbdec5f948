// Two helpers every layer needs: the words of a thrown value, and the end of an exhaustive switch.

/** A short message from any thrown value; never a stack. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * The last branch of a switch over a union: the compiler proves it unreachable, and if a value the
 * types did not foresee arrives anyway (a file written by a newer Vigie), it throws instead of
 * letting the bad value flow on.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}

/**
 * A refusal a person can meet (a name already taken, a checklist gone since the window last
 * looked): it carries the catalogue's words, so the window is told in its own language
 * (main/app/ipc.ts); its message stays English for the logs and the tests.
 */
export class Refusal extends Error {
  constructor(
    readonly key: string,
    readonly values: Readonly<Record<string, string>>,
    message: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}
