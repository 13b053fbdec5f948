// The team of a data folder as the app holds it: made, joined, renamed, given a new secret or left
// from the window, and taking part on the relay while it exists (a `member.hello` at each start,
// what teammates send kept). The same functions as `npx vigie team`; plain Node, so the end-to-end
// tests run exactly this. The secret leaves only as the invite, when the person asks for it.
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
import { TeamSync } from './sync';
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
}

/** The app's side of a team. */
export class AppTeam {
  private sync: TeamSync | null = null;
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

  /** The running sync, for what else takes part (null: no team, or not this folder's writer). */
  get running(): TeamSync | null {
    return this.sync;
  }

  /** The team as shown (never the secret), or null when the folder has none. */
  view(): TeamSummary | null {
    const membership = readMembership(this.options.dir);
    if (!membership) return null;
    if (!this.sync && !this.changing && this.writes()) void this.start();
    const store =
      this.sync?.store ?? new TeamStore(this.options.dir, membership, { readOnly: true });
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
    if (this.sync || !this.writes()) return;
    const membership = readMembership(this.options.dir);
    if (!membership) return;
    const sync = new TeamSync(new TeamStore(this.options.dir, membership), {
      http: this.options.http,
      ...(this.options.silenceMs !== undefined ? { silenceMs: this.options.silenceMs } : {}),
    });
    this.sync = sync;
    sync.onEvent(() => this.options.changed?.());
    await sync.start();
    // Teammates learn this member (and its current name) from this event.
    sync.act('member.hello', {});
  }

  private async stop(): Promise<void> {
    const sync = this.sync;
    this.sync = null;
    await sync?.close();
  }
}
