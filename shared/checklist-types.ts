// What a checklist run is, as main keeps it and the window shows it (plain data).
import type { Channel, LocalText, Section } from './playbook-schema';

export interface RunStep {
  readonly key: string;
  readonly section: Exclude<Section, 'before'>;
  readonly title: LocalText;
  readonly why?: LocalText;
  readonly link?: string;
  readonly channel?: Channel;
  /** When it was ticked (and its note); null while not done. */
  readonly done: { readonly at: number; readonly note?: string } | null;
}

export interface RunService {
  readonly id: string;
  readonly name: string;
  readonly provider?: string;
}

/** A fact of the run, for its timeline and report. */
export type RunEvent =
  | { readonly type: 'tick'; readonly at: number; readonly key: string; readonly note?: string }
  | { readonly type: 'untick'; readonly at: number; readonly key: string }
  | { readonly type: 'note'; readonly at: number; readonly text: string }
  | { readonly type: 'join'; readonly at: number; readonly service: RunService }
  | { readonly type: 'incidentEnd'; readonly at: number; readonly incidentId: string }
  | { readonly type: 'after'; readonly at: number };

export interface Run {
  readonly id: string;
  readonly startedAt: number;
  /** When the last of its incidents ended (the "after" phase began); null while during. */
  readonly endedAt: number | null;
  readonly services: readonly RunService[];
  readonly incidentIds: readonly string[];
  readonly openIncidentIds: readonly string[];
  readonly steps: readonly RunStep[];
  readonly events: readonly RunEvent[];
}

/** Who ticked (or unticked) a step of a team's run, and when (null: not known, from a digest). */
export interface StepBy {
  readonly name: string;
  readonly at: number | null;
  /** This member. */
  readonly me: boolean;
}

/** A step as the checklist shows it now: is its channel down, and what to use instead. */
export interface MarkedStep extends RunStep {
  readonly channelDown: boolean;
  readonly alternatives: readonly Channel[];
  /** In a team's run: who set the step as it is now. */
  readonly by?: StepBy;
}

/** A note of a team's run. */
export interface TeamRunNote {
  readonly by: string;
  readonly at: number | null;
  readonly text: string;
  readonly me: boolean;
}

/** What a run shares with the team. */
export interface RunTeam {
  /** The team incident's id. */
  readonly inc: string;
  /** Who opened the team's incident. */
  readonly openedBy: string;
  readonly openedByMe: boolean;
  /**
   * This computer's Vigie sees the outage too (it has a run of its own for it); false: a
   * teammate reported it, and from here the service answers (evidence too).
   */
  readonly seenHere: boolean;
  /** The members seen, by name. */
  readonly members: readonly string[];
  /** Every note of the team's incident, oldest first. */
  readonly notes: readonly TeamRunNote[];
}

/** A run as the window shows it: its steps marked against the services' states now. */
export interface RunView extends Omit<Run, 'steps'> {
  readonly phase: 'during' | 'after';
  readonly steps: readonly MarkedStep[];
  /** Channels believed down now (for the messages offered). */
  readonly downChannels: readonly Channel[];
  /** With a team: the run as the team shares it. */
  readonly team?: RunTeam;
}

/** The "before" section: how ready the business is for an outage of its critical services. */
export interface Readiness {
  readonly ready: number;
  readonly total: number;
  readonly steps: readonly {
    readonly id: string;
    readonly title: LocalText;
    readonly why?: LocalText;
    readonly done: { readonly at: number; readonly note?: string } | null;
  }[];
}
