// What `watch` prints, in time order. The engine tells each confirmed change as it folds it and
// the snapshot (connectivity, overall) a moment later, and a check that started early can settle
// after one that started later: lines are held until the snapshot that follows them, then
// printed oldest first, so a line stamped 10:00:05 never comes after one stamped 10:00:07.
// Each line leaves through an alert channel, the terminal one (main/alerts/terminal.ts), called
// directly: never through the outbox, since a line comes now and in its order, or not at all.
import type { Translator } from '../../shared/i18n';
import type { Snapshot, VerdictChange } from '../../shared/types';
import { localMessage, type AlertChannel, type AlertMessage } from '../alerts/channel';
import { connectivityLine, describeChange, overallLine, saidByConnectivity } from './output';

export class WatchPrinter {
  private held: { readonly at: number; readonly message: AlertMessage }[] = [];
  private lastConnectivity = '';
  private lastOverall = '';

  constructor(
    private readonly tr: Translator,
    /** Where the lines go: the terminal channel, which writes each at once. */
    private readonly channel: AlertChannel,
    private readonly now: () => number = Date.now,
  ) {}

  /** A confirmed change: held until the next snapshot (offline ones are said once, by it). */
  change(change: VerdictChange): void {
    if (!saidByConnectivity(change))
      this.held.push({
        at: change.at,
        message: localMessage(describeChange(change, this.tr), '', change),
      });
  }

  /** A snapshot: its connectivity and overall lines when they changed, then everything held. */
  snapshot(snapshot: Snapshot): void {
    const at = snapshot.checkedAt || this.now();
    if (snapshot.connectivity.state !== this.lastConnectivity) {
      this.hold(at, `${this.tr.clock(at)}  ${connectivityLine(snapshot, this.tr)}`);
    }
    this.lastConnectivity = snapshot.connectivity.state;
    if (snapshot.overall !== this.lastOverall) {
      this.hold(at, `${this.tr.clock(at)}  ${overallLine(snapshot, this.tr, this.now())}`);
    }
    this.lastOverall = snapshot.overall;
    this.flush();
  }

  /** A line about no one service. */
  private hold(at: number, line: string): void {
    this.held.push({ at, message: localMessage(line, '', null) });
  }

  /** Prints what is held, oldest first (a stable sort keeps same-time lines in arrival order). */
  flush(): void {
    const lines = this.held.sort((a, b) => a.at - b.at);
    this.held = [];
    // The terminal writes before the promise settles; a terminal that refuses has no one to tell.
    for (const { message } of lines) void this.channel.send(message);
  }
}
