// A damaged settings file: the app starts with defaults and tells the user where the old file went.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

it('starts with defaults, keeps the damaged file aside and says so', async () => {
  recorder.userData = mkdtempSync(join(tmpdir(), 'vigie-app-reset-'));
  recorder.locale = 'fr-FR';
  writeFileSync(join(recorder.userData, 'settings.json'), '{ "language": "ar", ');
  await import('../../../../main/app/index');
  recorder.ready();
  await vi.waitFor(() => expect(recorder.notifications).toHaveLength(1));
  const backup = readdirSync(recorder.userData).find((f) => f.startsWith('settings.json.damaged-'));
  expect(backup).toBeDefined();
  expect(recorder.notifications[0]!.options.body).toBe(
    `Votre fichier de réglages était illisible\u00a0: Vigie a repris ses réglages par défaut. L’ancien fichier est conservé sous ${join(recorder.userData, backup!)}.`,
  );
  expect(recorder.trays[0]!.tooltip).toBe('Vigie — La première vérification est en cours…');
});
