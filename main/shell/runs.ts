// Checklist runs follow the incidents: one starts with an outage, others join it, it ends with them.
import type { Run } from '../../shared/checklist-types';
import type { Snapshot } from '../../shared/types';
import type { HistoryStore } from '../history/store';
import type { Checklist } from '../playbooks';

/** Lets the runs follow this snapshot; returns the runs it started and calls `changed` if any moved. */
export function observeRuns(
  checklist: Checklist | null,
  history: HistoryStore | null,
  snapshot: Snapshot,
  changed: () => void,
): Run[] {
  if (!checklist || !history) return [];
  const before = checklist.version;
  try {
    const started = checklist.observe(
      snapshot,
      history.incidents().filter((i) => i.end === null),
    );
    if (checklist.version !== before) changed();
    return started;
  } catch {
    return [];
  }
}
