// Loading a checklist journal that grew long: one run of an outage with 40,000 ticks, unticks and
// notes (a shop that used the checklist for years), opened as the app opens it at start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { RunStore, type RunEntry } from '../main/playbooks/runs';
import type { Bench, Report } from './bench';

const EVENTS = 40_000;

async function load40k(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-runs-'));
  try {
    const writer = new RunStore(dir);
    const runId = 'run-1-whatsapp';
    writer.commit({
      type: 'start',
      run: {
        id: runId,
        startedAt: 1,
        services: [{ id: 'whatsapp', name: 'WhatsApp' }],
        incidentIds: ['whatsapp-1'],
        steps: [{ key: 'd-tell-team', section: 'during', title: 'Tell the team' }],
      },
    });
    const entries: RunEntry[] = Array.from({ length: EVENTS }, (_, i) =>
      i % 3 === 0
        ? { type: 'tick', runId, at: i + 2, key: 'd-tell-team', note: `call ${i}` }
        : i % 3 === 1
          ? { type: 'untick', runId, at: i + 2, key: 'd-tell-team' }
          : { type: 'note', runId, at: i + 2, text: `note ${i}` },
    );
    writer.record(entries);
    writer.close();
    const started = performance.now();
    const store = new RunStore(dir, { readOnly: true });
    const loaded = performance.now() - started;
    const events = store.book.get(runId)?.events.length ?? 0;
    if (events !== EVENTS) throw new Error(`checklist bench: ${events} events loaded`);
    report('checklist.load_40k_events_ms', Math.round(loaded), 'ms');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The checklist's benchmarks. */
export const checklistBenches: readonly Bench[] = [{ name: 'checklist.load', run: load40k }];
