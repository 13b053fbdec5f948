// A team's events, the plaintext inside each envelope: `{v:1, eid, m, n, lc, ts, type, ...}`. Parsed
// with zod: a well-sealed event of an unknown type or shape is dropped like a bad envelope.
import { z } from 'zod';

const id = z.string().min(1).max(100);
const base = {
  v: z.literal(1),
  /** A unique id: the same event delivered twice counts once. */
  eid: id,
  /** The member's id. */
  m: id,
  /** The member's display name. */
  n: z.string().min(1).max(80),
  /** Lamport counter: max seen + 1 on each local action. */
  lc: z.number().int().nonnegative(),
  /** When, for display only (ISO). */
  ts: z.string().max(40),
};
const inc = z.string().min(3).max(200);

export const teamEventSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('member.hello') }),
  z.object({
    ...base,
    type: z.literal('incident.open'),
    inc,
    service: id,
    cause: z.string().max(40).nullable(),
    since: z.number().finite(),
  }),
  z.object({ ...base, type: z.literal('incident.close'), inc, end: z.number().finite() }),
  z.object({ ...base, type: z.literal('step.set'), inc, step: id, done: z.boolean() }),
  z.object({ ...base, type: z.literal('note.add'), inc, text: z.string().min(1).max(500) }),
  z.object({ ...base, type: z.literal('sync.request') }),
  z.object({
    ...base,
    type: z.literal('digest'),
    inc,
    /** [step, done, lc, m] of each step's winning set. */
    steps: z.array(z.tuple([id, z.boolean(), z.number().int().nonnegative(), id])).max(200),
    /** The notes known, as their own note.add events. */
    notes: z
      .array(
        z.object({
          eid: id,
          m: id,
          n: z.string().min(1).max(80),
          lc: z.number().int().nonnegative(),
          ts: z.string().max(40),
          text: z.string().min(1).max(500),
        }),
      )
      .max(200),
  }),
]);

export type TeamEvent = z.infer<typeof teamEventSchema>;

/** The event in a plaintext, or null when it is not one (JSON or shape). */
export function parseTeamEvent(plaintext: string): TeamEvent | null {
  let json: unknown;
  try {
    json = JSON.parse(plaintext);
  } catch {
    return null;
  }
  const parsed = teamEventSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
