// The app's wiring (main/app/index.ts against the fake electron module and a scripted engine, on
// the fake clock) started on a full disk: what the tray and the window say, and that recording
// starts by itself once space is freed. Run by two test files: on a real tmpfs where the test may
// mount one, and through the fault layer everywhere.
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { MINUTE, SECOND } from '../../shared/durations';
import { hasHistory } from '../../main/cli/history-command';
import { RunStore } from '../../main/playbooks';
import { openHistory } from '../../main/history/store';
import { recorder } from '../helpers/fake-electron';
import { world } from '../helpers/scripted-engine';
import type { SmallDisk } from '../helpers/small-disk';
import type * as SettingsModule from '../../main/settings/settings-store';

const NOT_SAVED =
  '⚠ History is not being saved: the disk is full. Vigie keeps checking; free some space.';

const tray = () => recorder.trays[0]!;
const ours = () => {
  const window = recorder.windows.at(-1)!;
  return { sender: window.webContents, senderFrame: { url: window.loaded, parent: null } };
};
/** A call from the window, with the method's arguments as the preload sends them. */
const invoke = (channel: string, ...args: unknown[]) =>
  recorder.handlers.get(channel)!(ours(), args) as Promise<{
    ok: boolean;
    value: { runs: { id: string; steps: { key: string; done: unknown }[] }[] };
    error?: { message: string };
  }>;

function samples(dir: string): number {
  if (!hasHistory(dir)) return 0;
  const store = openHistory({ dir, readOnly: true });
  try {
    const day = store.uptime('whatsapp')[0];
    return day ? day.up + day.degraded + day.down : 0;
  } finally {
    store.close();
  }
}

/** The steps shown as done, and the steps the journal on disk has as done. */
async function shownAndSaved(dir: string): Promise<{ shown: string[]; saved: string[] }> {
  const state = (await invoke('checklist:get')).value;
  const runs = new RunStore(dir, { readOnly: true });
  const done = (steps: readonly { key: string; done: unknown }[]) =>
    steps.filter((s) => s.done).map((s) => s.key);
  return {
    shown: done(state.runs[0]?.steps ?? []),
    saved: done(runs.book.list()[0]?.steps ?? []),
  };
}

/**
 * The disk fills just before the settings are opened: the app starts on a disk that is full from
 * its very first write (the settings file, rewritten at every start).
 */
export const afterSettings: { fill: (() => void) | null } = { fill: null };

/** The settings store, opened as the app opens it, then the disk fills (afterSettings). */
export async function settingsThenFull(original: () => Promise<typeof SettingsModule>) {
  const module = await original();
  return {
    ...module,
    SettingsStore: {
      open: (...args: Parameters<typeof module.SettingsStore.open>) => {
        afterSettings.fill?.();
        return module.SettingsStore.open(...args);
      },
    },
  };
}

/** Starts the app on `disk`, full; the tests below follow. */
export function appOnFullDisk(disk: () => SmallDisk): void {
  const dir = () => join(disk().dir, 'userData');

  it('started on a full disk, says history is not saved, and keeps checking', async () => {
    vi.useFakeTimers({
      now: new Date(2021, 9, 4, 15, 40).getTime(),
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    recorder.userData = dir();
    process.env['XDG_CONFIG_HOME'] = join(dir(), 'xdg');
    afterSettings.fill = () => disk().fill();
    await import('../../main/app/index');
    recorder.ready();
    await vi.waitFor(() => expect(recorder.trays).toHaveLength(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(tray().menu.map((i) => i.label)).toContain(NOT_SAVED);
    expect(tray().tooltip).toBe('Vigie — All services are up · history not saved');
    const checks = world.checks;
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(world.checks).toBe(checks + 1);
    expect(tray().menu.map((i) => i.label)).toContain(NOT_SAVED);
    expect(samples(dir())).toBe(0);
  });

  it('once space is freed, records by itself; the tray and the window clear', async () => {
    disk().free();
    // The next try comes within a minute, with no check or click needed.
    await vi.advanceTimersByTimeAsync(MINUTE - SECOND);
    expect(tray().menu.map((i) => i.label)).not.toContain(NOT_SAVED);
    expect(tray().tooltip).toBe('Vigie — All services are up');
    expect(recorder.windows[0]!.webContents.sent).toContainEqual({
      channel: 'vigie:event',
      payload: { type: 'history', problem: null },
    });
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(samples(dir())).toBeGreaterThanOrEqual(1);
  });

  it('a tick the full disk refuses is not shown as done, says why, and is saved by trying again', async () => {
    world.states['whatsapp'] = { state: 'down', cause: 'provider' };
    await vi.advanceTimersByTimeAsync(MINUTE + 15 * SECOND);
    const run = (await invoke('checklist:get')).value.runs[0]!;
    expect(run.steps.length).toBeGreaterThan(3);
    disk().fill();
    let refused: string | null = null;
    for (const step of run.steps) {
      // Long notes: a tmpfs may have part of a page left for the first few.
      const note = `${'called the customers on the list; '.repeat(14)}`;
      const reply = await invoke('checklist:tick', run.id, step.key, true, note);
      const { shown, saved } = await shownAndSaved(dir());
      expect(shown).toEqual(saved);
      if (!reply.ok) {
        expect(reply.error?.message).toBe(
          `Not saved: the disk holding ${join(dir(), 'checklists')} is full; free some space.`,
        );
        refused = step.key;
        break;
      }
    }
    expect(refused).not.toBeNull();
    disk().free();
    const again = await invoke('checklist:tick', run.id, refused, true);
    expect(again.ok).toBe(true);
    expect((await shownAndSaved(dir())).saved).toContain(refused);
  });

  it('quits', () => {
    recorder.appEvents.emit('before-quit');
    vi.useRealTimers();
  });
}
