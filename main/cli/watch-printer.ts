// What `watch` prints, in time order. The engine tells each confirmed change as it folds it and
// the snapshot (connectivity, overall) a moment later, and a check that started early can settle
// after one that started later: lines are held until the snapshot that follows them, then
// printed oldest first, so a line stamped 10:00:05 never comes after one stamped 10:00:07.
import type { Translator } from '../../shared/i18n';
import type { Snapshot, VerdictChange } from '../../shared/types';
import { connectivityLine, describeChange, overallLine, saidByConnectivity } from './output';

export class WatchPrinter {
  private held: { readonly at: number; readonly line: string }[] = [];
  private lastConnectivity = '';
  private lastOverall = '';

  constructor(
    private readonly tr: Translator,
    private readonly out: (line: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** A confirmed change: held until the next snapshot (offline ones are said once, by it). */
  change(change: VerdictChange): void {
    if (!saidByConnectivity(change))
      this.held.push({ at: change.at, line: describeChange(change, this.tr) });
  }

  /** A snapshot: its connectivity and overall lines when they changed, then everything held. */
  snapshot(snapshot: Snapshot): void {
    const at = snapshot.checkedAt || this.now();
    if (snapshot.connectivity.state !== this.lastConnectivity) {
      this.held.push({ at, line: `${this.tr.clock(at)}  ${connectivityLine(snapshot, this.tr)}` });
    }
    this.lastConnectivity = snapshot.connectivity.state;
    if (snapshot.overall !== this.lastOverall) {
      this.held.push({
        at,
        line: `${this.tr.clock(at)}  ${overallLine(snapshot, this.tr, this.now())}`,
      });
    }
    this.lastOverall = snapshot.overall;
    this.flush();
  }

  /** Prints what is held, oldest first (a stable sort keeps same-time lines in arrival order). */
  flush(): void {
    const lines = this.held.sort((a, b) => a.at - b.at);
    this.held = [];
    for (const { line } of lines) this.out(line);
  }
}
