// What is known of each alert channel (its last delivery, why it is broken, the services it was
// skipped for), kept in `alerts-state.json` in the data folder next to the outbox, so Settings →
// Alerts still says it after a restart. Channels are named by id; a reason is an i18n key with
// values (a status code, a host), never a secret or a channel's address. A file that cannot be
// read starts empty; a disk that cannot hold it leaves the states in memory.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Reason } from './channel';

/** The file's name in the data folder. */
export const STATES_FILE = 'alerts-state.json';

/** What is known of a channel. */
export interface ChannelState {
  /** When it last accepted an alert or a test (epoch ms). */
  readonly lastDelivery: number | null;
  /** Why it is broken (nothing goes through it until it is saved again or a test goes through). */
  readonly broken: Reason | null;
  /** The services it depends on that were down at its last alert (it was skipped). */
  readonly skipped: readonly string[];
}

export const NO_STATE: ChannelState = { lastDelivery: null, broken: null, skipped: [] };

const reasonSchema = z.object({
  key: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

const stateSchema = z.object({
  lastDelivery: z.number().nullable(),
  broken: reasonSchema.nullable(),
  skipped: z.array(z.string()),
});

const fileSchema = z.object({
  version: z.literal(1),
  channels: z.record(z.string(), stateSchema),
});

export class ChannelStates {
  private readonly file: string;
  private readonly states = new Map<string, ChannelState>();

  constructor(dir: string) {
    this.file = join(dir, STATES_FILE);
    for (const [id, state] of Object.entries(ChannelStates.read(this.file)))
      this.states.set(id, state);
  }

  get(id: string): ChannelState {
    return this.states.get(id) ?? NO_STATE;
  }

  /** Changes a channel's state and writes the file (only the channels in `keep`). */
  set(id: string, patch: Partial<ChannelState>, keep: readonly string[]): void {
    this.states.set(id, { ...this.get(id), ...patch });
    this.write(keep);
  }

  /** Forgets channels (removed, or saved again: a fresh start). */
  forget(ids: readonly string[], keep: readonly string[]): void {
    for (const id of ids) this.states.delete(id);
    this.write(keep);
  }

  private write(keep: readonly string[]): void {
    const channels = Object.fromEntries([...this.states].filter(([id]) => keep.includes(id)));
    const temp = `${this.file}.tmp`;
    try {
      writeFileSync(temp, `${JSON.stringify({ version: 1, channels })}\n`, { mode: 0o600 });
      renameSync(temp, this.file);
    } catch {
      // A full or read-only disk: the states stay known until Vigie stops.
    }
  }

  private static read(file: string): Record<string, ChannelState> {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data.channels : {};
    } catch {
      // Missing (the first start) or unreadable: nothing known yet.
      return {};
    }
  }
}
