// Derived view data, computed from plain data: no logic inside JSX.
import type { Translator } from '../shared/i18n';
import { reachedLatency } from '../shared/probes';
import { story, type Tone } from '../shared/story';
import type { ServiceStatus, Snapshot } from '../shared/types';

export { sortServices } from '../shared/severity';

export type { Tone } from '../shared/story';

/** The banner: the overall state in words, and since when. */
export interface Banner {
  readonly tone: Tone;
  readonly text: string;
}

/** Answers "is it me, my network, or them?" in one sentence: the same story the tray tells. */
export function banner(snapshot: Snapshot, tr: Translator, now: number): Banner {
  const told = story(snapshot, tr, now);
  return { tone: told.tone, text: told.sentence };
}

/** The latency a row shows: the slowest passing direct probe of the last check, if any. */
export function latencyOf(service: ServiceStatus): number | null {
  return reachedLatency(service.probes);
}
