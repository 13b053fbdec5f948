// When Vigie looks for a new version of itself, and what it says about one. The looking and the
// downloading are electron-updater's (it checks the sha512 of what it downloads and installs on
// quit); this decides when: shortly after start and then daily, never while the checks say this
// machine is offline (the missed look happens when the network returns), never when the user
// turned updates off, and never for longer than a deadline (a server that hangs is given up on).
import { messageOf } from '../../shared/errors';
import { DAY, HOUR, MINUTE, SECOND } from '../../shared/durations';
import { abortable, startDeadline } from '../engine/net/deadline';

/** What electron-updater's `checkForUpdates()` gives back, as far as Vigie reads it. */
export interface UpdateCheck {
  readonly isUpdateAvailable: boolean;
  readonly updateInfo: { readonly version: string };
  readonly downloadPromise?: Promise<unknown> | null;
  readonly cancellationToken?: { cancel(): void };
}

/** The part of electron-updater's AppUpdater that Vigie uses (autoDownload on). */
export interface UpdateSource {
  /** Null when updates cannot run here (an app that is not packaged). */
  checkForUpdates(): Promise<UpdateCheck | null>;
}

/** Where the updates stand, for the tray. */
export type UpdateState =
  | { readonly kind: 'idle'; readonly checkedAt: number | null }
  | { readonly kind: 'checking' }
  | { readonly kind: 'downloading'; readonly version: string }
  | { readonly kind: 'ready'; readonly version: string }
  | { readonly kind: 'failed'; readonly at: number; readonly message: string };

export interface UpdaterOptions {
  readonly source: UpdateSource;
  /** The user's setting. */
  readonly enabled: () => boolean;
  /** The checks' latest word on this machine's connection. */
  readonly offline: () => boolean;
  readonly now: () => number;
  readonly onState: (state: UpdateState) => void;
  /** Deadlines (tests shorten them). */
  readonly checkTimeoutMs?: number;
  readonly downloadTimeoutMs?: number;
}

/** The first look waits for start-up to settle (and for the first verdict on connectivity). */
export const FIRST_CHECK_DELAY_MS = 30 * SECOND;
export const CHECK_EVERY_MS = DAY;
const CHECK_TIMEOUT_MS = MINUTE;
// An installer of ~100 MB at 1 Mbit/s takes 15 minutes; past an hour the link is not usable.
const DOWNLOAD_TIMEOUT_MS = HOUR;
/** A look that failed (a server down, a bad download) is tried again sooner than the next day. */
export const RETRY_AFTER_FAILURE_MS = 6 * HOUR;

/** Looks for updates on a schedule and reports what it finds. */
export class Updater {
  private state: UpdateState = { kind: 'idle', checkedAt: null };
  private timer: NodeJS.Timeout | undefined;
  private missedWhileOffline = false;
  private running: Promise<UpdateState> | null = null;

  constructor(private readonly options: UpdaterOptions) {}

  /** Where things stand. */
  current(): UpdateState {
    return this.state;
  }

  /** Starts the schedule: a first look soon, then one a day. */
  start(): void {
    this.schedule(FIRST_CHECK_DELAY_MS);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Called on each snapshot: a look missed while offline happens once the network is back. */
  connectivityChanged(offline: boolean): void {
    if (!offline && this.missedWhileOffline) {
      this.missedWhileOffline = false;
      void this.checkNow();
    }
  }

  /** Looks now (unless off, offline, already looking or already holding an update). */
  checkNow(): Promise<UpdateState> {
    if (this.running) return this.running;
    if (!this.options.enabled() || this.state.kind === 'ready') return Promise.resolve(this.state);
    if (this.options.offline()) {
      this.missedWhileOffline = true;
      return Promise.resolve(this.state);
    }
    this.running = this.look().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.schedule(CHECK_EVERY_MS);
      void this.checkNow();
    }, ms);
    this.timer.unref?.();
  }

  private async look(): Promise<UpdateState> {
    const { source, now } = this.options;
    this.set({ kind: 'checking' });
    let check: UpdateCheck | null;
    try {
      check = await within(
        source.checkForUpdates(),
        this.options.checkTimeoutMs ?? CHECK_TIMEOUT_MS,
      );
    } catch (error) {
      return this.set({ kind: 'failed', at: now(), message: firstLineOf(error) });
    }
    if (!check?.isUpdateAvailable || !check.downloadPromise) {
      return this.set({ kind: 'idle', checkedAt: now() });
    }
    const version = check.updateInfo.version;
    this.set({ kind: 'downloading', version });
    try {
      await within(check.downloadPromise, this.options.downloadTimeoutMs ?? DOWNLOAD_TIMEOUT_MS);
    } catch (error) {
      check.cancellationToken?.cancel();
      return this.set({ kind: 'failed', at: now(), message: firstLineOf(error) });
    }
    return this.set({ kind: 'ready', version });
  }

  private set(state: UpdateState): UpdateState {
    if (state.kind === 'failed' && this.timer) this.schedule(RETRY_AFTER_FAILURE_MS);
    this.state = state;
    this.options.onState(state);
    return state;
  }
}

/** Settles with `work`, or rejects once `ms` have passed (the late result is dropped). */
async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  const deadline = startDeadline(ms);
  try {
    return await abortable(work, deadline.signal);
  } catch (error) {
    if (deadline.signal.aborted) throw new Error(`no answer within ${ms / SECOND} s`);
    throw error;
  } finally {
    deadline.done();
  }
}

/** The first line of a failure, at most 300 characters: what the settings view has room for. */
function firstLineOf(error: unknown): string {
  return messageOf(error).split('\n')[0]?.slice(0, 300) ?? '';
}
