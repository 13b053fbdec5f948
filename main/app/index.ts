// The Electron entry: wires the engine to a tray. It only wires; the tray shell proper (icons per
// state, notifications, settings, window) comes with the tray issue.
import { join } from 'node:path';
import { app, Menu, powerMonitor, Tray } from 'electron';
import type { Snapshot } from '../../shared/types';
import { defaultConfig } from '../engine/catalog';
import { createEngine, type Engine } from '../engine';
import { openHistory, type HistoryStore } from '../history/store';
import { trayModel } from './tray-model';

let tray: Tray | null = null;
let engine: Engine | null = null;
let history: HistoryStore | null = null;

/** History in userData; if another Vigie process records there, checks go on unrecorded. */
function openRecorder(): HistoryStore | null {
  try {
    return openHistory({ dir: app.getPath('userData') });
  } catch {
    return null;
  }
}

function render(snapshot: Snapshot): void {
  if (!tray || !engine) return;
  const model = trayModel(snapshot);
  const scheduler = engine.scheduler;
  tray.setToolTip(model.tooltip);
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: model.headline, enabled: false },
      ...model.lines.map((label) => ({ label, enabled: false })),
      { type: 'separator' },
      { label: 'Check now', click: () => void scheduler.checkNow() },
      { label: 'Quit', role: 'quit' },
    ]),
  );
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => undefined);
  void app.whenReady().then(() => {
    engine = createEngine(defaultConfig());
    tray = new Tray(join(app.getAppPath(), 'build', 'tray.png'));
    history = openRecorder();
    engine.scheduler.on('snapshot', (snapshot) => {
      if (snapshot.checkedAt > 0 && snapshot.overall !== 'paused')
        history?.recordSnapshot(snapshot);
      render(snapshot);
    });
    powerMonitor.on('suspend', () => engine?.scheduler.notifySuspend());
    powerMonitor.on('resume', () => engine?.scheduler.notifyResume());
    render(engine.scheduler.snapshot());
    engine.scheduler.start();
  });
  app.on('before-quit', () => {
    void engine?.close();
    history?.close();
  });
}
