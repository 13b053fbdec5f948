// A member's data folder for the team tests and the team benchmark: a checklist run for the lab's
// Chat already started, and the recording a TeamParticipant follows (its snapshots played by hand).
import type { Snapshot } from '../../shared/types';
import { RunStore } from '../../main/playbooks/runs';

export interface TeamFolder {
  readonly dir: string;
  readonly runs: RunStore;
  readonly runId: string;
  readonly recording: {
    readonly checklist: { readonly runs: RunStore };
    onRecorded(listener: (snapshot: Snapshot) => void): () => void;
  };
  /** Plays one snapshot to the participant, as a recorded cycle would. */
  record(snapshot: Snapshot): void;
}

/** Starts a run for Chat in `dir` at `startedAt`, with these steps. */
export function teamFolder(
  dir: string,
  startedAt: number,
  steps: readonly { key: string; title: string }[],
): TeamFolder {
  const runs = new RunStore(dir);
  const runId = `run-${startedAt}-chat`;
  runs.record([
    {
      type: 'start',
      run: {
        id: runId,
        startedAt,
        services: [{ id: 'chat', name: 'Chat' }],
        incidentIds: ['i1'],
        steps: steps.map((s) => ({ ...s, section: 'during' as const })),
      },
    },
  ]);
  const listeners = new Set<(s: Snapshot) => void>();
  return {
    dir,
    runs,
    runId,
    recording: {
      checklist: { runs },
      onRecorded: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    },
    record: (snapshot) => {
      for (const l of listeners) l(snapshot);
    },
  };
}
