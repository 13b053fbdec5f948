// `expectStatus`: one code, or an inclusive [low, high] range.

/** The shape of `expectStatus` in a config. */
export type ExpectStatus = number | readonly [number, number];

/** Whether `status` is what the definition expects. */
export function statusMatches(status: number, expect: ExpectStatus): boolean {
  if (typeof expect === 'number') return status === expect;
  return status >= expect[0] && status <= expect[1];
}

/** `204` or `200–399`, for details. */
export function describeExpect(expect: ExpectStatus): string {
  return typeof expect === 'number' ? String(expect) : `${expect[0]}–${expect[1]}`;
}
