// The app's wiring started on a full disk, through the fault layer: runs on every machine, whether
// or not it may mount a tmpfs (app-on-full-disk.ts).
import { afterAll, describe, vi } from 'vitest';
import { faultDisk } from '../helpers/small-disk';
import { appOnFullDisk } from './app-on-full-disk';

vi.mock('electron', async () => (await import('../helpers/fake-electron')).fakeElectron());
vi.mock('electron-updater', async () =>
  (await import('../helpers/fake-updater')).fakeElectronUpdater(),
);
vi.mock('../../main/engine', async () =>
  (await import('../helpers/scripted-engine')).scriptedEngine(),
);

const disk = faultDisk();
vi.mock('../../main/settings/settings-store', async (original) =>
  (await import('./app-on-full-disk')).settingsThenFull(original as never),
);

afterAll(() => disk.close());

describe(`the app on a full disk (${disk.kind})`, () => appOnFullDisk(() => disk));
