// A settings file with one bad field: the app keeps the rest (Slack stays off) and says that only
// some settings went back to their defaults.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { recorder } from '../../../helpers/fake-electron';

vi.mock('electron', async () => (await import('../../../helpers/fake-electron')).fakeElectron());
vi.mock('electron-updater', async () =>
  (await import('../../../helpers/fake-updater')).fakeElectronUpdater(),
);
vi.mock('../../../../main/engine', async () =>
  (await import('../../../helpers/silent-engine')).silentEngineModule(),
);

afterAll(() => {
  recorder.appEvents.emit('before-quit');
  rmSync(recorder.userData, { recursive: true, force: true });
});

it('keeps what is valid, keeps the file aside and says only some settings were reset', async () => {
  recorder.userData = mkdtempSync(join(tmpdir(), 'vigie-app-salvaged-'));
  recorder.locale = 'en-GB';
  writeFileSync(
    join(recorder.userData, 'settings.json'),
    JSON.stringify({ version: 1, services: { slack: { enabled: false, muted: 'yes' } } }),
  );
  await import('../../../../main/app/index');
  recorder.ready();
  await vi.waitFor(() => expect(recorder.notifications).toHaveLength(1));
  const backup = readdirSync(recorder.userData).find((f) => f.startsWith('settings.json.damaged-'));
  expect(backup).toBeDefined();
  expect(recorder.notifications[0]!.options.body).toBe(
    `Some of your settings could not be read and went back to their defaults; the others were kept. The old file was kept as ${join(recorder.userData, backup!)}.`,
  );
  const saved = JSON.parse(readFileSync(join(recorder.userData, 'settings.json'), 'utf8'));
  expect(saved.services.slack).toEqual({ enabled: false, muted: false });
});
