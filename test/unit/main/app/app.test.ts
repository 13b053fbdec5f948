// The Electron entry against a fake electron module that records what the code asked for.
import type { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../../../shared/types';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trayModel } from '../../../../main/app/tray-model';
import { openHistory } from '../../../../main/history/store';

const recorded = vi.hoisted(() => ({
  tooltips: [] as string[],
  menus: [] as { label?: string }[][],
  trayImages: [] as string[],
  power: null as null | EventEmitter,
  ready: null as null | (() => void),
  userData: '',
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  recorded.power = new Emitter();
  class Tray {
    constructor(image: string) {
      recorded.trayImages.push(image);
    }
    setToolTip(text: string) {
      recorded.tooltips.push(text);
    }
    setContextMenu(menu: { items: { label?: string }[] }) {
      recorded.menus.push(menu.items);
    }
  }
  return {
    app: {
      requestSingleInstanceLock: () => true,
      quit: vi.fn(),
      on: vi.fn(),
      getAppPath: () => '/app',
      getPath: () => recorded.userData,
      whenReady: () => new Promise<void>((resolve) => (recorded.ready = resolve)),
    },
    Menu: { buildFromTemplate: (items: { label?: string }[]) => ({ items }) },
    powerMonitor: recorded.power,
    Tray,
  };
});

const scheduler = vi.hoisted(() => ({
  listeners: [] as ((s: Snapshot) => void)[],
  started: false,
  suspended: 0,
  resumed: 0,
}));

vi.mock('../../../../main/engine', () => ({
  createEngine: () => ({
    scheduler: {
      on: (_: string, listener: (s: Snapshot) => void) => scheduler.listeners.push(listener),
      snapshot: () => snapshot('ok', 0),
      start: () => (scheduler.started = true),
      notifySuspend: () => scheduler.suspended++,
      notifyResume: () => scheduler.resumed++,
      checkNow: vi.fn(),
    },
    close: vi.fn(),
  }),
}));

function snapshot(overall: Snapshot['overall'], checkedAt = 1): Snapshot {
  const down = overall === 'outage';
  return {
    checkedAt,
    overall,
    connectivity: { state: 'online', detail: '', references: [] },
    bytes: 0,
    services: [
      {
        id: 'whatsapp',
        name: 'WhatsApp',
        critical: true,
        checkedAt,
        state: down ? 'down' : 'up',
        cause: down ? 'provider' : null,
        summary: '',
        probes: [],
      },
      {
        id: 'x',
        name: 'X',
        critical: false,
        checkedAt,
        state: 'up',
        cause: null,
        summary: '',
        probes: [],
      },
    ],
  };
}

describe('tray model', () => {
  it('says what is down in the tooltip and lists critical services', () => {
    expect(trayModel(snapshot('outage'))).toEqual({
      tooltip: 'Vigie — WhatsApp down',
      headline: 'Outage',
      lines: ['WhatsApp: down'],
    });
    expect(trayModel(snapshot('ok', 0)).headline).toBe('Checking…');
  });
});

describe('the app entry', () => {
  it('starts the engine on ready, shows the tray, records and follows snapshots and power events', async () => {
    recorded.userData = mkdtempSync(join(tmpdir(), 'vigie-app-'));
    await import('../../../../main/app/index');
    expect(recorded.trayImages).toEqual([]);
    recorded.ready?.();
    await vi.waitFor(() => expect(scheduler.started).toBe(true));
    expect(recorded.trayImages).toEqual(['/app/build/tray.png']);
    expect(recorded.tooltips.at(-1)).toBe('Vigie — Checking…');
    scheduler.listeners.forEach((l) => l(snapshot('outage')));
    expect(recorded.tooltips.at(-1)).toBe('Vigie — WhatsApp down');
    expect(recorded.menus.at(-1)?.map((i) => i.label)).toEqual([
      'Outage',
      'WhatsApp: down',
      undefined,
      'Check now',
      'Quit',
    ]);
    (recorded.power as EventEmitter).emit('suspend');
    (recorded.power as EventEmitter).emit('resume');
    expect([scheduler.suspended, scheduler.resumed]).toEqual([1, 1]);
    const recordedHistory = openHistory({ dir: recorded.userData, readOnly: true });
    expect(recordedHistory.incidents()).toEqual([
      expect.objectContaining({ serviceId: 'whatsapp', end: null }),
    ]);
    recordedHistory.close();
    rmSync(recorded.userData, { recursive: true, force: true });
  });
});
