// The team of a data folder as the app holds it: made, joined, renamed, given a new secret or left
// from the window, and taking part while it exists exactly as `watch` does (main/team/participant.ts:
// a `member.hello` at each start, incidents shared, ticks sent, what teammates send kept). The same
// functions as `npx vigie team`; plain Node, so the end-to-end tests run exactly this. The secret
// leaves only as the invite, when the person asks for it.
import type { HttpClient } from '../engine/net/http-client';
import { inviteText } from './keys';
import {
  changeSecret,
  createTeam,
  joinTeam,
  leaveTeam,
  readMembership,
  renameMember,
  TeamStore,
  type TeamMembership,
  type TeamProblem,
} from './store';
import { TeamParticipant, type ParticipantRecording } from './participant';
import type { TeamAccess } from './run-view';
import { teamSummary, type TeamSummary } from './view';

/** A refusal with its reason, for the window to put in words. */
export class TeamRefused extends Error {
  constructor(readonly problem: TeamProblem) {
    super(`team: ${problem}`);
  }
}

export interface AppTeamOptions {
  /** The data folder (userData in the app). */
  readonly dir: string;
  readonly http: HttpClient;
  /** The folder's history and runs, which the team's incidents follow. */
  readonly recording: ParticipantRecording;
  /**
   * Whether this process is the folder's one writer now (it holds the writer lock); while it is
   * not, the team is shown but not run. Always, when absent.
   */
  readonly writer?: () => boolean;
  /** Called when what `view()` shows changed (a teammate seen, the team made or left). */
  readonly changed?: () => void;
  readonly silenceMs?: number;
  /** A start that failed (a damaged team file): the window still shows what it can. */
  readonly failed?: (error: unknown) => void;
  /** A tick handed over by `checklist done` that could not be applied. */
  readonly requestFailed?: (error: unknown) => void;
  /** A teammate's event that could not be handled (kept, but a listener failed on it). */
  readonly eventFailed?: (error: unknown) => void;
}

/** The app's side of a team. */
export class AppTeam {
  private participant: TeamParticipant | null = null;
  private starting: Promise<void> = Promise.resolve();
  private closed = false;
  /** Set while a change is made: nothing starts on the files being changed. */
  private changing = false;

  constructor(private readonly options: AppTeamOptions) {}

  /** Takes part on the relay when the folder has a team (and this process writes it). */
  start(): Promise<void> {
    this.starting = this.starting
      .then(() => this.run())
      .catch((error: unknown) => {
        this.options.failed?.(error);
      });
    return this.starting;
  }

  /** The team taken part in now (null: no team, or not this folder's writer). */
  current(): TeamAccess | null {
    return this.participant;
  }

  /** Takes part as the data folder says now (a team made, joined or left by other means). */
  async reload(): Promise<void> {
    await this.starting;
    // A team left by other means has no folder to write its last words in: that is fine.
    await this.stop().catch(() => undefined);
    await this.start();
    this.options.changed?.();
  }

  /** The team as shown (never the secret), or null when the folder has none. */
  view(): TeamSummary | null {
    const membership = readMembership(this.options.dir);
    if (!membership) return null;
    if (!this.participant && !this.changing && this.writes()) void this.start();
    const store =
      this.participant?.sync.store ??
      new TeamStore(this.options.dir, membership, { readOnly: true });
    return teamSummary(membership, store.state());
  }

  /** The invite, asked for by the person to show it. */
  invite(): string {
    return inviteText(this.need().invite);
  }

  async create(server: string, name: string): Promise<TeamSummary> {
    return this.changeTo(() => createTeam(this.options.dir, server, name));
  }

  async join(invite: string, name: string): Promise<TeamSummary> {
    return this.changeTo(() => joinTeam(this.options.dir, invite, name));
  }

  async rename(name: string): Promise<TeamSummary> {
    return this.changeTo(() => renameMember(this.options.dir, name));
  }

  /** A new secret (someone is removed), or the new invite a teammate made. */
  async rekey(invite?: string): Promise<TeamSummary> {
    return this.changeTo(() => changeSecret(this.options.dir, invite));
  }

  async leave(): Promise<void> {
    this.changing = true;
    try {
      await this.starting;
      await this.stop();
      if (!leaveTeam(this.options.dir)) throw new TeamRefused('no-team');
    } finally {
      this.changing = false;
    }
    this.options.changed?.();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }

  private need(): TeamMembership {
    const membership = readMembership(this.options.dir);
    if (!membership) throw new TeamRefused('no-team');
    return membership;
  }

  private writes(): boolean {
    return !this.closed && (this.options.writer?.() ?? true);
  }

  /** Stops the sync, makes the change, and runs again under what it made. */
  private async changeTo(
    change: () => TeamMembership | { readonly problem: TeamProblem },
  ): Promise<TeamSummary> {
    this.changing = true;
    let made;
    try {
      await this.starting;
      await this.stop();
      made = change();
    } finally {
      this.changing = false;
    }
    await this.start();
    if ('problem' in made) throw new TeamRefused(made.problem);
    this.options.changed?.();
    const view = this.view();
    if (!view) throw new TeamRefused('no-team');
    return view;
  }

  private async run(): Promise<void> {
    if (this.participant || !this.writes()) return;
    const { options } = this;
    const participant = await TeamParticipant.start(options.dir, options.recording, {
      http: options.http,
      ...(options.silenceMs !== undefined ? { silenceMs: options.silenceMs } : {}),
      ...(options.requestFailed ? { requestFailed: options.requestFailed } : {}),
      ...(options.eventFailed ? { eventFailed: options.eventFailed } : {}),
    });
    if (!participant) return;
    if (this.closed) {
      await participant.close();
      return;
    }
    this.participant = participant;
    participant.onChange(() => options.changed?.());
  }

  private async stop(): Promise<void> {
    const participant = this.participant;
    this.participant = null;
    await participant?.close();
  }
}
